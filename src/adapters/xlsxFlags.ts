import ExcelJS from 'exceljs';
import { Finding, Severity, SEVERITY_ZH, sortFindings } from '../core/findings';
import { FLAGS_SHEET, REPORT_SHEET } from './xlsx';

/**
 * Flags in place for xlsx files: fill and note on each finding's cell, a 审核报告 sheet with links,
 * and a very hidden sheet keeping every flagged cell's original fill and note so that
 * clearFlags restores the workbook exactly.
 */

const FILL: Record<Exclude<Severity, 'info'>, ExcelJS.Fill> = {
  error: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } },
  warning: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } },
};
const MARK = 'juesuan-flags-v1';
const NOTE_HEAD = '决算公开助手：';

type CellWithComment = ExcelJS.Cell & { _comment?: unknown };

/** Remove every flag a previous run left, restoring fills and notes. Returns true when there were flags. */
export function clearFlags(wb: ExcelJS.Workbook): boolean {
  const store = wb.getWorksheet(FLAGS_SHEET);
  if (!store) return false;
  let reportName = REPORT_SHEET;
  store.eachRow((row, rn) => {
    const v = (i: number) => {
      const x = row.getCell(i).value;
      return x === null || x === undefined ? '' : String(x);
    };
    if (rn === 1) {
      if (v(2)) reportName = v(2);
      return;
    }
    const ws = wb.getWorksheet(v(1));
    if (!ws) return;
    const cell = ws.getCell(v(2)) as CellWithComment;
    const fill = v(3) ? (JSON.parse(v(3)) as ExcelJS.Fill) : undefined;
    const style = { ...cell.style } as Partial<ExcelJS.Style>;
    if (fill) style.fill = fill;
    else delete style.fill;
    cell.style = style;
    const note = v(4) ? JSON.parse(v(4)) : undefined;
    if (note !== undefined) cell.note = note;
    else {
      cell._comment = undefined;
      // exceljs keeps a loaded cell's comment in its value model too: rebuild the value without it.
      const value = cell.value;
      cell.value = value;
    }
  });
  const report = wb.getWorksheet(reportName);
  if (report) wb.removeWorksheet(report.id);
  wb.removeWorksheet(store.id);
  return true;
}

/** Flag each finding's cell and add the 审核报告 sheet. Earlier flags are cleared first. */
export function applyFlags(wb: ExcelJS.Workbook, findings: Finding[]): { flaggedCells: number } {
  clearFlags(wb);
  const sorted = sortFindings(findings);
  const byCell = new Map<string, Finding[]>();
  for (const f of sorted) {
    if (!f.sheet || !f.cell || f.severity === 'info') continue;
    if (!wb.getWorksheet(f.sheet)) continue;
    const k = f.sheet + '!' + f.cell;
    byCell.set(k, [...(byCell.get(k) ?? []), f]);
  }
  let reportName = REPORT_SHEET;
  for (let i = 2; wb.getWorksheet(reportName); i++) reportName = `${REPORT_SHEET}(${i})`;
  const store = wb.addWorksheet(FLAGS_SHEET, { state: 'veryHidden' });
  store.addRow([MARK, reportName]);
  for (const fs of byCell.values()) {
    const sheetName = fs[0].sheet;
    const ws = wb.getWorksheet(sheetName)!;
    const cell = ws.getCell(fs[0].cell) as CellWithComment;
    const origFill = cell.style?.fill;
    const origNote = cell._comment ? cell.note : undefined;
    store.addRow([sheetName, fs[0].cell, origFill ? JSON.stringify(origFill) : '', origNote !== undefined ? JSON.stringify(origNote) : '']);
    const worst: Exclude<Severity, 'info'> = fs.some((f) => f.severity === 'error') ? 'error' : 'warning';
    cell.style = { ...cell.style, fill: FILL[worst] };
    cell.note = NOTE_HEAD + '\n' + fs.map((f) => `【${SEVERITY_ZH[f.severity]}】${f.message}`).join('\n');
  }
  writeReport(wb.addWorksheet(reportName), sorted);
  return { flaggedCells: byCell.size };
}

function writeReport(ws: ExcelJS.Worksheet, findings: Finding[]) {
  ws.columns = [
    { header: '序号', width: 6 },
    { header: '级别', width: 8 },
    { header: '表', width: 9 },
    { header: '位置', width: 18 },
    { header: '问题说明', width: 90 },
    { header: '应为', width: 14 },
    { header: '实为', width: 14 },
    { header: '规则', width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  findings.forEach((f, i) => {
    const where = f.sheet && f.cell ? `${f.sheet}!${f.cell}` : f.sheet || '—';
    const row = ws.addRow([i + 1, SEVERITY_ZH[f.severity], f.table || '—', where, f.message, f.expected ?? '', f.actual ?? '', f.rule]);
    if (f.sheet && f.cell) {
      row.getCell(4).value = { text: where, hyperlink: `#'${f.sheet.replace(/'/g, "''")}'!${f.cell}` };
      row.getCell(4).font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
    if (f.severity !== 'info') row.getCell(2).fill = FILL[f.severity];
  });
  if (findings.length === 0) ws.addRow(['', '', '', '', '未发现问题。']);
}
