import ExcelJS from 'exceljs';
import { FakeBook, FakeContext } from '../../../../tests/helpers/fakeExcel';
import { readWorkbook, applyFlags, clearFlags, saveExplanations } from '../officeExcel';
import { importDocument } from '../../../importDoc';
import { sampleWorkbook } from '../../../../tests/helpers/grid';
import { gridToExcel } from '../../xlsx/xlsxWrite';
import { readXlsx } from '../../xlsx/xlsx';
import { applyFlags as applyXlsxFlags } from '../../xlsx/xlsxFlags';
import { checkWorkbook } from '../../../check';
import { reportHeading } from '../../../check/heading';

const textOf = (v: unknown) => (typeof v === 'object' && v && 'text' in v ? String((v as { text: string }).text) : String(v ?? ''));
import { findingKey } from '../../../core/findings';
import { Workbook, newSheet, setCell, a1 } from '../../../core/grid';

/**
 * The Office.js adapter against a simulated Excel that enforces load-before-read and counts
 * context.sync(): constant syncs whatever the size, and the same findings and flags as the xlsx path.
 */

const ctxOf = (b: FakeBook) => b.context() as unknown as Excel.RequestContext;
const imported = () => importDocument(sampleWorkbook());

async function viaXlsx(grid: Workbook): Promise<{ grid: Workbook; excel: ExcelJS.Workbook }> {
  const buf = await gridToExcel(grid).xlsx.writeBuffer();
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.load(buf as ArrayBuffer);
  return { grid: await readXlsx(Buffer.from(buf as ArrayBuffer)), excel };
}

describe('the simulated Excel is strict', () => {
  test('reading a property that was not loaded, or before sync, throws', async () => {
    const book = FakeBook.fromGrid({ sheets: [newSheet('表1')] });
    const ctx = book.context() as FakeContext;
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    sheets.load('items/name');
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['表1']);
    expect(book.syncs).toBe(1);
  });
});

describe('reading the open workbook', () => {
  test('the same findings as reading the saved file', async () => {
    const grid = imported();
    const book = FakeBook.fromGrid(grid);
    const fromExcel = await readWorkbook(ctxOf(book));
    const fromFile = (await viaXlsx(grid)).grid;
    const keys = (wb: Workbook) => checkWorkbook(wb).findings.map(findingKey).sort();
    expect(keys(fromExcel)).toEqual(keys(fromFile));
    expect(checkWorkbook(fromExcel).findings.length).toBeGreaterThan(10);
  });

  test.each([1, 60])('two syncs to read %i sheets', async (n) => {
    const wb: Workbook = { sheets: [] };
    for (let i = 0; i < n; i++) {
      const s = newSheet(`表${i + 1}`);
      for (let r = 0; r < 30; r++) for (let c = 0; c < 8; c++) setCell(s, r, c, { value: r * c, numFmt: '#,##0.00' });
      wb.sheets.push(s);
    }
    const book = FakeBook.fromGrid(wb);
    const read = await readWorkbook(ctxOf(book));
    expect(read.sheets).toHaveLength(n);
    expect(book.syncs).toBe(2);
  });
});

describe('flags in the open workbook', () => {
  test('two syncs to flag, two to clear, whatever the number of findings; clearing restores everything', async () => {
    const grid = imported();
    const book = FakeBook.fromGrid(grid);
    // A cell with a fill and a note of the user's own, that a finding will flag.
    const before0 = book.snapshot();
    const findings = checkWorkbook(grid).findings;
    const target = findings.find((f) => f.severity === 'error')!;
    const cell = book.sheet(target.sheet)!.cells.get(target.cell)!;
    cell.fill = '#00B0F0';
    book.sheet(target.sheet)!.notes.set(target.cell, '用户自己的批注');
    const before = book.snapshot();
    expect(before).not.toEqual(before0);

    book.syncs = 0;
    const r = await applyFlags(ctxOf(book), findings, { notes: 'notes' });
    expect(book.syncs).toBe(2);
    expect(r.flaggedCells).toBeGreaterThan(20);
    expect(book.sheet(target.sheet)!.cells.get(target.cell)!.fill).toBe('#FFC7CE');
    // The user's own note is kept as it is (no host could give back all a note holds); the cell's
    // flag is its fill, its message in the report. Every other flagged cell carries our note.
    expect(book.sheet(target.sheet)!.notes.get(target.cell)).toBe('用户自己的批注');
    const other = findings.find((f) => f.severity === 'error' && f.cell && f.cell !== target.cell && f.sheet === target.sheet)!;
    expect(book.sheet(other.sheet)!.notes.get(other.cell)).toContain(other.message);
    expect(book.sheet('审核报告')).toBeDefined();
    expect(book.sheet('_juesuan_flags')!.visibility).toBe('VeryHidden');

    // Checking again does not stack flags, and still takes two syncs.
    book.syncs = 0;
    await applyFlags(ctxOf(book), findings, { notes: 'notes' });
    expect(book.syncs).toBe(2);
    expect(book.sheets.filter((s) => s.name.startsWith('审核报告'))).toHaveLength(1);

    book.syncs = 0;
    expect(await clearFlags(ctxOf(book), { notes: 'notes' })).toEqual({ cleared: true, protectedSheets: [] });
    expect(book.syncs).toBe(2);
    expect(book.snapshot()).toEqual(before);
  });

  test('the same cells, colours and report as the xlsx path', async () => {
    const grid = imported();
    const result = checkWorkbook(grid);
    const findings = result.findings;
    const heading = reportHeading(result, '示例.xlsx');
    const book = FakeBook.fromGrid(grid);
    await applyFlags(ctxOf(book), findings, { notes: 'notes' }, undefined, heading);
    const { excel } = await viaXlsx(grid);
    applyXlsxFlags(excel, findings, heading);
    const fromXlsx: string[] = [];
    excel.eachSheet((ws) => {
      if (ws.name === '审核报告' || ws.name === '_juesuan_flags') return;
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c) => {
          const fill = c.fill as ExcelJS.FillPattern | undefined;
          if (fill?.fgColor?.argb) fromXlsx.push(`${ws.name}!${c.address}=#${fill.fgColor.argb.slice(2)}`);
        }),
      );
    });
    const fromOffice: string[] = [];
    for (const s of book.sheets)
      if (s.name !== '审核报告' && s.name !== '_juesuan_flags') for (const [addr, c] of s.cells) if (c.fill) fromOffice.push(`${s.name}!${addr}=${c.fill}`);
    expect(fromOffice.sort()).toEqual(fromXlsx.sort());
    // The same notes, a narrative finding's with the sentence it quotes.
    const narrative = findings.find((f) => f.text && f.severity === 'error')!;
    const officeNote = book.sheet(narrative.sheet)!.notes.get(narrative.cell);
    expect(officeNote).toContain(`原句：`);
    expect(officeNote).toContain(`〖${narrative.text!.fragment}〗`);
    expect(officeNote).toBe(textOf(excel.getWorksheet(narrative.sheet)!.getCell(narrative.cell).note));
    const reportRows = excel.getWorksheet('审核报告')!.rowCount;
    const officeReport = book.sheet('审核报告')!;
    expect(Math.max(...[...officeReport.cells.keys()].map((a) => Number(a.replace(/^[A-Z]+/, ''))))).toBe(reportRows);
    // Row by row the same report (规则 in Chinese, 类别, 状态, 说明), in both.
    for (let r = 1; r <= reportRows; r++)
      for (const col of ['A', 'B', 'D', 'E', 'H', 'I', 'J', 'K'])
        expect(String(officeReport.cells.get(`${col}${r}`)?.value ?? '')).toBe(textOf(excel.getWorksheet('审核报告')!.getCell(`${col}${r}`).value));
    // The heading, a blank row, then the table: its links point at the flagged cells.
    heading.forEach((line, i) => expect(officeReport.cells.get(`A${i + 1}`)?.value).toBe(line));
    const header = heading.length + 2;
    expect(officeReport.cells.get(`A${header}`)?.value).toBe('序号');
    expect(officeReport.cells.get(`H${header + 1}`)?.value).toMatch(/^[\u4e00-\u9fff（）、·]+$/);
    const first = findings.find((f) => f.sheet && f.cell)!;
    expect(officeReport.cells.get(`D${header + 1}`)?.hyperlink).toBe(`'${first.sheet}'!${first.cell}`);
  });

  test('without notes support the fill alone marks the cell; the report still carries the messages', async () => {
    const grid = imported();
    const book = FakeBook.fromGrid(grid);
    const before = book.snapshot();
    await applyFlags(ctxOf(book), checkWorkbook(grid).findings, { notes: 'none' });
    expect(book.sheets.every((s) => s.notes.size === 0)).toBe(true);
    await clearFlags(ctxOf(book), { notes: 'none' });
    expect(book.snapshot()).toEqual(before);
  });
});

describe('writing sheets into the open workbook (生成模板, 起草情况说明)', () => {
  const { writeSheets } = require('../officeExcel') as typeof import('../officeExcel');
  const { scaffold } = require('../../../scaffold/build') as typeof import('../../../scaffold/build');
  const { recognize } = require('../../../recognize') as typeof import('../../../recognize');
  const { tableSet } = require('../../../editions') as typeof import('../../../editions');

  test('the template in two syncs, with its formulas, recognized when read back', async () => {
    const book = FakeBook.fromGrid({ sheets: [newSheet('Sheet1')] });
    const built = scaffold({ unit: '某某局', year: 2023 });
    const r = await writeSheets(ctxOf(book), built.workbook, built.layouts);
    expect(book.syncs).toBe(2);
    expect(r.written).toHaveLength(9);
    const back = await readWorkbook(ctxOf(book));
    expect(recognize(back, tableSet(2023)).tables).toHaveLength(9);
    const s03 = book.sheet('公开03')!;
    expect([...s03.cells.values()].filter((c) => c.formula?.startsWith('SUMPRODUCT')).length).toBeGreaterThan(10);
    // The cells the unit types in are shaded and take numbers only; the totals (formulas) are not.
    const inputs = built.inputs['公开03'].map((p) => s03.cells.get(a1(p.r, p.c)));
    expect(inputs.length).toBeGreaterThan(10);
    expect(inputs.every((c) => c?.fill === '#FFF2CC' && JSON.stringify(c.validation).includes('decimal'))).toBe(true);
    expect([...s03.cells.values()].filter((c) => c.formula).every((c) => c.fill !== '#FFF2CC' && c.validation === undefined)).toBe(true);
  });

  test('existing sheets are not overwritten without consent', async () => {
    const book = FakeBook.fromGrid({ sheets: [newSheet('公开01')] });
    book.sheet('公开01')!.cells.set('A1', { value: '用户的数据' });
    const built = scaffold({ unit: '某某局' });
    const r = await writeSheets(ctxOf(book), built.workbook, built.layouts);
    expect(r).toEqual({ written: [], conflicts: ['公开01'] });
    expect(book.sheet('公开01')!.cells.get('A1')!.value).toBe('用户的数据');
    expect(book.sheets).toHaveLength(1);
    const again = await writeSheets(ctxOf(book), built.workbook, built.layouts, { overwrite: true });
    expect(again.written).toHaveLength(9);
    expect(book.sheet('公开01')!.cells.get('A1')!.value).toBe('收入支出决算总表');
  });
});

describe('comments where notes are not supported (ExcelApi 1.10–1.17)', () => {
  test('flags carry comments, the user’s own comment is kept as it is; three syncs to flag, three to clear', async () => {
    const grid = imported();
    const book = FakeBook.fromGrid(grid);
    const findings = checkWorkbook(grid).findings;
    const target = findings.find((f) => f.severity === 'error')!;
    book.sheet(target.sheet)!.comments = new Map([[target.cell, '用户的批注']]);
    const before = book.snapshot();
    book.syncs = 0;
    await applyFlags(ctxOf(book), findings, { notes: 'comments' });
    expect(book.syncs).toBe(3);
    expect(book.sheet(target.sheet)!.comments!.get(target.cell)).toBe('用户的批注');
    expect(book.sheets.flatMap((s) => [...(s.comments ?? new Map()).keys()]).length).toBeGreaterThan(20);
    book.syncs = 0;
    // The comments are listed first: a comment the user deleted cannot be edited (ItemNotFound).
    await clearFlags(ctxOf(book), { notes: 'comments' });
    expect(book.syncs).toBe(3);
    expect(book.snapshot()).toEqual(before);
  });
});

describe('a workbook too large for one request (Excel on the web: 5 MB)', () => {
  test('flagged once, with explanations: read again in blocks, its report left out and its explanations read', async () => {
    const grid = imported();
    const book = FakeBook.fromGrid(grid);
    const result = checkWorkbook(await readWorkbook(ctxOf(book)));
    await applyFlags(ctxOf(book), result.findings, { notes: 'notes' }, undefined, reportHeading(result, 'wb'));
    const f = result.findings.find((x) => x.rule === 'narr-project' && x.severity === 'warning')!;
    await saveExplanations(ctxOf(book), [{ rule: f.rule, sheet: f.sheet, cell: f.cell, fingerprint: 'x', text: '同一项目' }]);
    const whole = await readWorkbook(ctxOf(book));
    book.cellLimit = 20000; // the flagged workbook no longer fits one request
    const got = await readWorkbook(ctxOf(book), undefined, { cellsPerSync: 5000 });
    expect(got.sheets.map((s) => s.name)).toEqual(whole.sheets.map((s) => s.name));
    expect(got.sheets.map((s) => s.name)).not.toContain('审核报告');
    expect(got.explanations).toEqual(whole.explanations);
    expect(got.explanations).toHaveLength(1);
    expect(JSON.stringify(got.sheets)).toBe(JSON.stringify(whole.sheets));
  });

  test('is read again in blocks: the same grid, syncs grow with its size, not with findings', async () => {
    const wb: Workbook = { sheets: [] };
    for (let i = 0; i < 3; i++) {
      const s = newSheet(`表${i + 1}`);
      for (let r = 0; r < 120; r++) for (let c = 0; c < 20; c++) setCell(s, r, c, { value: r * 100 + c, numFmt: '#,##0.00' });
      wb.sheets.push(s);
    }
    const small = FakeBook.fromGrid(wb);
    const expected = await readWorkbook(ctxOf(small));
    const big = FakeBook.fromGrid(wb);
    big.cellLimit = 9000; // one request may carry 9,000 cells: the whole workbook (3 × 2,400 × 3) does not fit
    const got = await readWorkbook(ctxOf(big), undefined, { cellsPerSync: 2000 });
    expect(got.sheets.map((s) => s.rows.length)).toEqual(expected.sheets.map((s) => s.rows.length));
    expect(JSON.stringify(got.sheets)).toBe(JSON.stringify(expected.sheets));
    expect(big.syncs).toBeGreaterThan(3);
    expect(big.syncs).toBeLessThan(12);
  });
});
