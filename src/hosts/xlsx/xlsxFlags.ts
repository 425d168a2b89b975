import ExcelJS from 'exceljs';
import { Finding } from '../../core/findings';
import { FLAGS_SHEET, REPORT_SHEET, FLAGS_MARK, FLAG_COLOR, REPORT_HEADER, REPORT_WIDTHS, REPORT_COL, planFlags, reportSheetName, ReportRow, FlagKind } from '../../core/flagPlan';
import { EXPLANATIONS_SHEET, explanationRows } from '../../core/explanations';
import { StoredExplanation } from '../../core/grid';

/**
 * Flags in place for xlsx files: fill and note on each finding's cell, a 审核报告 sheet with links,
 * and a very hidden sheet keeping every flagged cell's original fill and note so that
 * clearFlags restores the workbook exactly.
 */

const solid = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + hex } });
const FILL: Record<FlagKind, ExcelJS.Fill> = { error: solid(FLAG_COLOR.error), warning: solid(FLAG_COLOR.warning), explained: solid(FLAG_COLOR.explained) };

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
  const plan = planFlags(findings, (name) => !!wb.getWorksheet(name));
  const reportName = reportSheetName((name) => !!wb.getWorksheet(name));
  const store = wb.addWorksheet(FLAGS_SHEET, { state: 'veryHidden' });
  store.addRow([FLAGS_MARK, reportName]);
  for (const flag of plan.cells) {
    const cell = wb.getWorksheet(flag.sheet)!.getCell(flag.cell) as CellWithComment;
    const origFill = cell.style?.fill;
    const origNote = cell._comment ? cell.note : undefined;
    store.addRow([flag.sheet, flag.cell, origFill ? JSON.stringify(origFill) : '', origNote !== undefined ? JSON.stringify(origNote) : '']);
    cell.style = { ...cell.style, fill: FILL[flag.severity] };
    cell.note = flag.note;
  }
  writeReport(wb.addWorksheet(reportName), plan.report);
  return { flaggedCells: plan.cells.length };
}

function writeReport(ws: ExcelJS.Worksheet, rows: ReportRow[]) {
  ws.columns = REPORT_HEADER.map((header, i) => ({ header, width: REPORT_WIDTHS[i] }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    const row = ws.addRow(r.values);
    if (r.link) {
      row.getCell(4).value = { text: String(r.values[3]), hyperlink: '#' + r.link };
      row.getCell(4).font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(10).alignment = { wrapText: true, vertical: 'top' };
    if (r.severity !== 'info') row.getCell(2).fill = FILL[r.severity];
  }
}

/** Write the 出错说明 store (a very hidden sheet), replacing the previous one. */
export function writeExplanations(wb: ExcelJS.Workbook, list: StoredExplanation[]): void {
  const old = wb.getWorksheet(EXPLANATIONS_SHEET);
  if (old) wb.removeWorksheet(old.id);
  if (!list.length) return;
  const ws = wb.addWorksheet(EXPLANATIONS_SHEET, { state: 'veryHidden' });
  for (const row of explanationRows(list)) ws.addRow(row);
}

/** The 说明 the unit wrote in 审核报告: rule, sheet, cell and text of every row. */
export function reportExplanations(wb: ExcelJS.Workbook): { rule: string; sheet: string; cell: string; text: string }[] {
  const store = wb.getWorksheet(FLAGS_SHEET);
  const name = store ? String(store.getCell('B1').value ?? REPORT_SHEET) : REPORT_SHEET;
  const ws = wb.getWorksheet(name);
  if (!ws) return [];
  const out: { rule: string; sheet: string; cell: string; text: string }[] = [];
  ws.eachRow((row, rn) => {
    if (rn === 1) return;
    const whereV = row.getCell(REPORT_COL.where + 1).value as unknown;
    const where = typeof whereV === 'object' && whereV && 'text' in (whereV as object) ? String((whereV as { text: string }).text) : String(whereV ?? '');
    const m = /^(.*)!([A-Z]+\d+)$/.exec(where);
    if (!m) return;
    const text = row.getCell(REPORT_COL.explanation + 1).value;
    out.push({ rule: String(row.getCell(REPORT_COL.rule + 1).value ?? ''), sheet: m[1], cell: m[2], text: text === null || text === undefined ? '' : String(text) });
  });
  return out;
}
