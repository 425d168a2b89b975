import ExcelJS from 'exceljs';
import { FLAGS_SHEET, REPORT_SHEET } from '../../core/flagPlan';
import { Workbook, Sheet, Cell, CellValue, newSheet, parseRange, StoredExplanation } from '../../core/grid';
import { EXPLANATIONS_SHEET, explanationsFromRows } from '../../core/explanations';
import { TEMPLATE_SHEET } from '../../core/templateRecord';
import { InputError, xlsxProblem } from '../problems';
import { packageProblem, withoutDrawings } from './packageCheck';

/**
 * xlsx files ⇄ the grid model, through exceljs. Values, formulas (with their cached results),
 * number formats, merged ranges, hidden rows and columns.
 */

export { InputError, xlsxProblem };

/** Drawings left out to read a workbook (see loadExcel), by the workbook they were left out of. */
const droppedDrawings = new WeakMap<ExcelJS.Workbook, { pictures: number; shapes: number }>();

/** The pictures and shapes a loaded workbook was read without (its charts are told by their parts). */
export const drawingsLeftOut = (wb: ExcelJS.Workbook): { pictures: number; shapes: number } => droppedDrawings.get(wb) ?? { pictures: 0, shapes: 0 };

export async function loadExcel(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const problem = xlsxProblem(buf) ?? (await packageProblem(buf));
  if (problem) throw new InputError(problem);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    return wb;
  } catch {
    // exceljs fails as a whole on drawings other software writes (a chart from LibreOffice or
    // WPS, shapes): read the workbook without them — every cell and note is still there.
  }
  const bare = await withoutDrawings(buf);
  if (bare) {
    const again = new ExcelJS.Workbook();
    try {
      await again.xlsx.load(bare.bytes as unknown as ArrayBuffer);
      droppedDrawings.set(again, { pictures: bare.pictures, shapes: bare.shapes });
      return again;
    } catch {
      // damaged beyond its drawings
    }
  }
  throw new InputError('无法读取该 .xlsx 工作簿（文件可能已损坏）');
}

function plainValue(v: ExcelJS.CellValue): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10) };
  const o = v as unknown as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    const res = plainValue((o.result ?? null) as ExcelJS.CellValue);
    return { value: res.value, formula: String(o.formula ?? o.sharedFormula ?? '') };
  }
  if ('richText' in o && Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((t) => t.text).join('') };
  if ('text' in o) return { value: String(o.text) };
  if ('error' in o) return { value: String(o.error) };
  return { value: null };
}

/** Convert an exceljs workbook to the grid model (hidden helper sheets of ours are skipped). */
export function excelToGrid(wb: ExcelJS.Workbook, source?: string): Workbook {
  const sheets: Sheet[] = [];
  // Our own report sheet is not part of the disclosure.
  const store = wb.getWorksheet(FLAGS_SHEET);
  const reportName = store ? String(store.getCell('B1').value ?? REPORT_SHEET) : undefined;
  let explanations: StoredExplanation[] | undefined;
  let templateRecord: string[][] | undefined;
  wb.eachSheet((ws) => {
    if (ws.name === EXPLANATIONS_SHEET) {
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push([1, 2, 3, 4, 5].map((i) => plainValue(row.getCell(i).value).value)));
      explanations = explanationsFromRows(rows);
      return;
    }
    if (ws.name === TEMPLATE_SHEET) {
      // A template's record of itself: kept beside the grid, not checked as a sheet.
      templateRecord = [];
      ws.eachRow((row) => templateRecord!.push([1, 2, 3, 4].map((i) => String(plainValue(row.getCell(i).value).value ?? ''))));
      return;
    }
    if (ws.name === FLAGS_SHEET || ws.name === reportName) return;
    const sheet = newSheet(ws.name, 'xlsx');
    ws.eachRow({ includeEmpty: false }, (row, rn) => {
      const cells: (Cell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, cn) => {
        // A merged area's value belongs to its top-left cell only (the grid keeps the merge).
        if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
        const read = plainValue(cell.value);
        const formula = read.formula;
        // exceljs leaves a formula's result out of cell.value when it is 0 (or ''): read it apart.
        const value = formula && read.value === null ? plainValue((cell.result ?? null) as ExcelJS.CellValue).value : read.value;
        if (value === null && !formula) return;
        const c: Cell = { value, formula: formula || undefined, numFmt: cell.numFmt || undefined };
        cells[cn - 1] = c;
      });
      sheet.rows[rn - 1] = cells;
      if (row.hidden) (sheet.hiddenRows ??= []).push(rn - 1);
    });
    for (let r = 0; r < sheet.rows.length; r++) if (!sheet.rows[r]) sheet.rows[r] = [];
    const merges: string[] = ((ws.model as unknown as { merges?: string[] }).merges ?? []) as string[];
    for (const m of merges) {
      const rg = parseRange(m);
      if (rg) sheet.merges.push(rg);
    }
    (ws.columns ?? []).forEach((col, i) => {
      if (col && col.hidden) (sheet.hiddenCols ??= []).push(i);
    });
    sheets.push(sheet);
  });
  return { sheets, source, explanations, ...(templateRecord ? { templateRecord } : {}) };
}

export async function readXlsx(buf: Uint8Array, source?: string): Promise<Workbook> {
  return excelToGrid(await loadExcel(buf), source);
}

/** Name of the very hidden sheet that keeps each flagged cell's original fill and note. */
export { FLAGS_SHEET, REPORT_SHEET };
