import ExcelJS from 'exceljs';
import { sampleWorkbook } from '../../../../tests/helpers/grid';
import { importDocument } from '../../../importDoc';
import { gridToExcel } from '../xlsxWrite';
import { excelToGrid, FLAGS_SHEET, REPORT_SHEET } from '../xlsx';
import { applyFlags, clearFlags, reportExplanations } from '../xlsxFlags';
import { reportHeading } from '../../../check/heading';
import { REPORT_COL } from '../../../core/flagPlan';
import { checkWorkbook } from '../../../check';
import { ruleName, RULES } from '../../../check/registry';

/** Flags in place on xlsx files, and clearing them restores the workbook exactly. */

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(buf as ArrayBuffer);
  return out;
}

function snapshot(wb: ExcelJS.Workbook) {
  const out: Record<string, unknown> = {};
  wb.eachSheet((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row, rn) =>
      row.eachCell({ includeEmpty: true }, (cell, cn) => {
        cells.push([rn, cn, cell.value, cell.formula ?? null, JSON.stringify(cell.style ?? {}), cell.note ?? null]);
      }),
    );
    out[ws.name] = { state: ws.state, merges: (ws.model as { merges?: string[] }).merges, cells };
  });
  return out;
}

async function userWorkbook(): Promise<ExcelJS.Workbook> {
  const grid = importDocument(sampleWorkbook());
  // Plant an error, and give the user some fills, notes and a formula of their own.
  const s06 = grid.sheets.find((s) => s.name === '公开06')!;
  s06.rows.forEach((row) =>
    row.forEach((cell) => {
      if (cell && cell.value === 270.45) cell.value = 271.45;
    }),
  );
  const wb = gridToExcel(grid);
  const ws = wb.getWorksheet('公开06')!;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === 993.61) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
        cell.note = '用户自己的批注';
      }
    }),
  );
  wb.getWorksheet('封面')!.getCell('C1').value = { formula: '1+1', result: 2 };
  return reload(wb);
}

describe('flags in place (xlsx)', () => {
  test('each error cell is filled red with a note; 审核报告 links to it', async () => {
    const wb = await userWorkbook();
    const r = checkWorkbook(excelToGrid(wb));
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    applyFlags(wb, r.findings);
    const checked = await reload(wb);
    for (const f of errors) {
      const cell = checked.getWorksheet(f.sheet)!.getCell(f.cell);
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
      // A cell with a note of the user's own keeps it: its flag is the fill, its message in the report.
      if (cell.value === 993.61) expect(String(cell.note)).toBe('用户自己的批注');
      else expect(String(cell.note)).toContain(f.message);
    }
    // A narrative finding's note shows the sentence it quotes, the fragment marked.
    const said = errors.find((f) => f.text)!;
    const paragraph = String(checked.getWorksheet(said.sheet)!.getCell(said.cell).value);
    const note = String(checked.getWorksheet(said.sheet)!.getCell(said.cell).note);
    const line = note.split('\n').find((l) => l.startsWith('原句：'))!;
    expect(line).toContain(`〖${said.text!.fragment}〗`);
    expect(paragraph).toContain(
      line
        .replace('原句：', '')
        .replace(/[〖〗]/g, '')
        .replace(/…/g, ''),
    );
    expect(line.length).toBeLessThan(paragraph.length);
    // A 提示 (a rounding tail) marks its cell too, light blue, unless the cell has worse to say.
    const worse = new Set(r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.sheet}!${f.cell}`));
    const tails = r.findings.filter((f) => f.severity === 'info' && f.cell && !worse.has(`${f.sheet}!${f.cell}`));
    expect(tails.length).toBeGreaterThan(0);
    for (const f of tails) {
      const cell = checked.getWorksheet(f.sheet)!.getCell(f.cell);
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFDDEBF7');
      expect(String(cell.note)).toContain(`【提示】${f.message}`);
    }
    const report = checked.getWorksheet(REPORT_SHEET)!;
    expect(report.rowCount).toBe(r.findings.length + 1);
    const link = report.getRow(2).getCell(4).value as ExcelJS.CellHyperlinkValue;
    expect(link.hyperlink).toBe(`#'${errors[0].sheet}'!${errors[0].cell}`);
    // The 规则 column names each rule in Chinese, as the accountant reads it.
    expect(report.getRow(1).getCell(8).value).toBe('规则');
    expect(report.getRow(2).getCell(8).value).toBe(ruleName(errors[0].rule));
    const ruleColumn = r.findings.map((_, i) => String(report.getRow(i + 2).getCell(8).value));
    expect(ruleColumn.filter((v) => /[A-Za-z]/.test(v))).toEqual([]);
    // 类别 says which findings block submission (强制) and which may be explained (提示).
    const level = r.findings.map((_, i) => String(report.getRow(i + 2).getCell(9).value ?? ''));
    expect(report.getRow(1).getCell(9).value).toBe('类别');
    r.findings.forEach((f, i) => expect(level[i]).toBe(f.severity === 'info' ? '' : RULES.find((x) => x.id === f.rule)!.level));
    expect(new Set(level)).toEqual(new Set(['强制', '提示', '']));
    // Printed to sign: A4 landscape, one page wide, the header row on every page, text wrapped.
    expect(report.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(report.pageSetup.printTitlesRow).toBe('1:1');
    expect(report.getRow(2).getCell(5).alignment).toMatchObject({ wrapText: true });
    expect(checked.getWorksheet(FLAGS_SHEET)!.state).toBe('veryHidden');
    // Re-checking a checked workbook ignores our own sheets and finds the same.
    expect(checkWorkbook(excelToGrid(checked)).summary).toEqual(r.summary);
  });

  test('check → clear returns values, formulas, styles and notes identical to the input', async () => {
    const input = await userWorkbook();
    const before = snapshot(input);
    const r = checkWorkbook(excelToGrid(input));
    applyFlags(input, r.findings);
    const checked = await reload(input);
    // A user's own fill and note on a flagged cell come back exactly.
    expect(clearFlags(checked)).toBe(true);
    const cleared = await reload(checked);
    expect(snapshot(cleared)).toEqual(before);
    expect(clearFlags(cleared)).toBe(false);
  });

  test('checking twice does not stack flags: clearing once restores the original', async () => {
    const input = await userWorkbook();
    const before = snapshot(input);
    const r = checkWorkbook(excelToGrid(input));
    applyFlags(input, r.findings);
    const once = await reload(input);
    applyFlags(once, r.findings);
    const twice = await reload(once);
    clearFlags(twice);
    expect(snapshot(await reload(twice))).toEqual(before);
  });

  test('the report opens with its heading (verdict, counts, time, signature), the table below it; 说明 written under it is read back', async () => {
    const input = await userWorkbook();
    const r = checkWorkbook(excelToGrid(input));
    const heading = reportHeading(r, '某某局.xlsx');
    applyFlags(input, r.findings, heading);
    const checked = await reload(input);
    const report = checked.getWorksheet(REPORT_SHEET)!;
    heading.forEach((line, i) => expect(report.getRow(i + 1).getCell(1).value).toBe(line));
    const header = heading.length + 2;
    expect(report.getRow(header).getCell(1).value).toBe('序号');
    expect(report.rowCount).toBe(header + r.findings.length);
    expect(report.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect(report.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    const row = report.getRow(header + 1);
    row.getCell(REPORT_COL.explanation + 1).value = '已核实';
    const read = reportExplanations(checked);
    expect(read).toHaveLength(r.findings.filter((f) => f.sheet && f.cell).length);
    expect(read[0]).toEqual({ rule: r.findings[0].rule, sheet: r.findings[0].sheet, cell: r.findings[0].cell, text: '已核实' });
  });
});
