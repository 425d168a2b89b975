import ExcelJS from 'exceljs';
import { Finding } from '../../core/findings';
import { themePalette, visibleColor } from './themeColor';
import { StoreRow, storeValues, readStoreValues, NOTE_KEPT, isNoteKept, parsedOrUndefined, OfficeFill, OFFICE_TO_FILE_PATTERN } from '../../core/flagStore';
import {
  FLAGS_SHEET,
  REPORT_SHEET,
  FLAG_COLOR,
  REPORT_HEADER,
  REPORT_WIDTHS,
  reportRowHeight,
  REPORT_COL,
  planFlags,
  reportSheetName,
  FlagPlan,
  FlagKind,
} from '../../core/flagPlan';
import { EXPLANATIONS_SHEET, explanationRows } from '../../core/explanations';
import { StoredExplanation } from '../../core/grid';
import { ruleLabel, ruleIdOf } from '../../check/registry';

/**
 * Flags in place for xlsx files: fill and note on each finding's cell, a 审核报告 sheet with links,
 * and a very hidden sheet keeping every flagged cell's original fill and note so that
 * clearFlags restores the workbook exactly.
 */

const solid = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + hex } });
const FILL = Object.fromEntries(Object.entries(FLAG_COLOR).map(([kind, hex]) => [kind, solid(hex)])) as Record<FlagKind, ExcelJS.Fill>;

type CellWithComment = ExcelJS.Cell & { _comment?: unknown };

/** Every value of a sheet, as rows of cells (1-based rows to 0-based), for the shared store reader. */
function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row, rn) => {
    const vals = row.values as unknown[];
    out[rn - 1] = vals.slice(1);
  });
  for (let i = 0; i < out.length; i++) out[i] ??= [];
  return out;
}

/** The store's fill for a cell's own fill: a plain solid colour is '#RRGGBB'; anything else keeps exceljs's JSON as raw. */
function storedFill(fill: ExcelJS.Fill | undefined, palette: string[]): { fill: string; raw: string } {
  if (!fill) return { fill: '', raw: '' };
  const f = fill as ExcelJS.FillPattern;
  const keys = Object.keys(f).sort().join(',');
  const argb = f.fgColor?.argb;
  const plain =
    f.type === 'pattern' &&
    f.pattern === 'solid' &&
    keys === 'fgColor,pattern,type' &&
    argb &&
    Object.keys(f.fgColor!).length === 1 &&
    /^FF[0-9A-F]{6}$/i.test(argb);
  if (plain) return { fill: '#' + argb!.slice(2).toUpperCase(), raw: '' };
  // The colour a reader sees (a theme colour with its tint, an indexed one): what Excel gives back
  // where it cannot take exceljs's fill.
  const back = f.type === 'pattern' && f.pattern !== 'solid' ? (f.bgColor ?? f.fgColor) : f.fgColor;
  return { fill: (f.type === 'pattern' && visibleColor(back, palette)) || '', raw: JSON.stringify(fill) };
}

/**
 * A stored fill as the file writes it: exceljs's own (raw), Excel's pattern and colours (raw from
 * the add-in), or the plain colour; a raw that cannot be read gives the plain colour.
 */
function fileFill(r: StoreRow): ExcelJS.Fill | undefined {
  const raw = parsedOrUndefined<ExcelJS.Fill & Partial<OfficeFill>>(r.raw);
  if (raw?.office) {
    const pattern = OFFICE_TO_FILE_PATTERN[raw.office.pattern];
    const color = r.fill ? 'FF' + r.fill.slice(1) : undefined;
    if (!pattern || pattern === 'solid' || !color) return r.fill ? solid(r.fill.slice(1)) : undefined;
    const front = raw.office.patternColor ? 'FF' + raw.office.patternColor.replace('#', '').toUpperCase() : 'FF000000';
    return { type: 'pattern', pattern: pattern as ExcelJS.FillPatterns, fgColor: { argb: front }, bgColor: { argb: color } };
  }
  if (raw && 'type' in raw) return raw;
  return r.fill ? solid(r.fill.slice(1)) : undefined;
}

/** Remove every flag a previous run left, restoring fills and notes. Returns true when there were flags. */
export function clearFlags(wb: ExcelJS.Workbook): boolean {
  const store = wb.getWorksheet(FLAGS_SHEET);
  if (!store) return false;
  const { report, rows } = readStoreValues(sheetValues(store));
  for (const r of rows) {
    const ws = wb.getWorksheet(r.sheet);
    if (!ws) continue;
    const cell = ws.getCell(r.cell) as CellWithComment;
    const fill = fileFill(r);
    const style = { ...cell.style } as Partial<ExcelJS.Style>;
    if (fill) style.fill = fill;
    else delete style.fill;
    cell.style = style;
    // The cell's own note was never touched: nothing to give back.
    if (isNoteKept(r.note)) continue;
    const note = parsedOrUndefined<ExcelJS.Comment | string>(r.note);
    if (note !== undefined) cell.note = note;
    else if (!r.note) {
      cell._comment = undefined;
      // exceljs keeps a loaded cell's comment in its value model too: rebuild the value without it.
      const value = cell.value;
      cell.value = value;
    }
  }
  const reportSheet = wb.getWorksheet(report || REPORT_SHEET);
  if (reportSheet) wb.removeWorksheet(reportSheet.id);
  wb.removeWorksheet(store.id);
  return true;
}

/** Flag each finding's cell and add the 审核报告 sheet. Earlier flags are cleared first. */
export function applyFlags(wb: ExcelJS.Workbook, findings: Finding[], heading: string[] = []): { flaggedCells: number; reportSheet: string } {
  clearFlags(wb);
  const plan = planFlags(findings, (name) => !!wb.getWorksheet(name), {
    ruleLabel,
    heading,
  });
  const reportName = reportSheetName((name) => !!wb.getWorksheet(name));
  const rows: StoreRow[] = [];
  // exceljs keeps the workbook's theme part as its XML (none for a workbook it made itself).
  const palette = themePalette((wb as unknown as { _themes?: Record<string, string> })._themes?.theme1);
  for (const flag of plan.cells) {
    const cell = wb.getWorksheet(flag.sheet)!.getCell(flag.cell) as CellWithComment;
    // The cell's own note is kept as it is (its size, visibility and look are not all in exceljs's
    // model): the flag there is its fill, its message in the report.
    const own = !!cell._comment;
    rows.push({ sheet: flag.sheet, cell: flag.cell, ...storedFill(cell.style?.fill, palette), note: own ? NOTE_KEPT : '' });
    cell.style = { ...cell.style, fill: FILL[flag.severity] };
    if (!own) cell.note = flag.note;
  }
  const store = wb.addWorksheet(FLAGS_SHEET, { state: 'veryHidden' });
  for (const row of storeValues(reportName, rows)) store.addRow(row);
  writeReport(wb.addWorksheet(reportName), plan);
  return { flaggedCells: plan.cells.length, reportSheet: reportName };
}

/**
 * A workbook holding 审核报告 alone, for a document with no cells to flag (a PDF: its marked copy
 * beside it): no store of originals, nothing hidden to print as a blank page.
 */
export function reportWorkbook(findings: Finding[], heading: string[] = []): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  writeReport(
    wb.addWorksheet(REPORT_SHEET),
    planFlags(findings, () => false, { ruleLabel, heading }),
  );
  return wb;
}

function writeReport(ws: ExcelJS.Worksheet, { report: rows, heading, headerRow }: FlagPlan) {
  ws.columns = REPORT_WIDTHS.map((width) => ({ width }));
  heading.forEach((line, i) => (ws.getRow(i + 1).getCell(1).value = line));
  if (heading.length) ws.getRow(1).font = { bold: true, size: 14 };
  const header = headerRow + 1;
  ws.getRow(header).values = REPORT_HEADER;
  ws.getRow(header).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: header }];
  // Printed to sign: A4 landscape, every column on one page width, the header row on every page.
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.pageSetup.printTitlesRow = `${header}:${header}`;
  const where = REPORT_COL.where + 1;
  for (const r of rows) {
    const row = ws.addRow(r.values);
    if (r.link) {
      row.getCell(where).value = { text: String(r.values[REPORT_COL.where]), hyperlink: '#' + r.link };
      row.getCell(where).font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    row.eachCell({ includeEmpty: true }, (c) => (c.alignment = { wrapText: true, vertical: 'top' }));
    row.height = reportRowHeight(r.values);
    row.getCell(REPORT_COL.severity + 1).fill = FILL[r.severity];
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
  // The table starts under its header row (序号, …): below the heading of newer reports, row 1 of older ones.
  let header = 0;
  ws.eachRow((row, rn) => {
    if (!header) {
      if (String(row.getCell(1).value ?? '') === REPORT_HEADER[0]) header = rn;
      return;
    }
    const whereV = row.getCell(REPORT_COL.where + 1).value as unknown;
    const where = typeof whereV === 'object' && whereV && 'text' in (whereV as object) ? String((whereV as { text: string }).text) : String(whereV ?? '');
    const m = /^(.*)!([A-Z]+\d+)$/.exec(where);
    if (!m) return;
    const text = row.getCell(REPORT_COL.explanation + 1).value;
    out.push({
      rule: ruleIdOf(String(row.getCell(REPORT_COL.rule + 1).value ?? '')),
      sheet: m[1],
      cell: m[2],
      text: text === null || text === undefined ? '' : String(text),
    });
  });
  return out;
}
