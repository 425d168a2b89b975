/// <reference types="office-js" />
import { Workbook, Sheet, Cell, newSheet, parseRange } from '../../core/grid';
import { EXPLANATIONS_SHEET, EXPLANATIONS_MARK, explanationsFromRows } from '../../core/explanations';
import { FLAGS_SHEET, FLAGS_MARK } from '../../core/flagPlan';
import { splitAddresses, CELLS_PER_SYNC, isPayloadError } from './excelBatch';
import { STORE_DRAFT_PREFIX, loadStore, storeOf } from './officeStore';
import { TEMPLATE_SHEET } from '../../core/templateRecord';

/**
 * Reading the open workbook into the grid: two syncs, or blocks of rows when it is too large for
 * one request.
 */

/** Put a block of cells (values, formulas, number formats from (r0, c0)) into a sheet. */
export function putBlock(sheet: Sheet, r0: number, c0: number, values: unknown[][], formulas: unknown[][], formats: unknown[][]) {
  values.forEach((row, i) => {
    const cells: (Cell | undefined)[] = sheet.rows[r0 + i] ?? [];
    row.forEach((v, j) => {
      const f = formulas[i][j];
      const formula = typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined;
      if ((v === '' || v === null) && !formula) return;
      const fmt = formats[i][j];
      cells[c0 + j] = {
        value: v === '' ? null : (v as string | number | boolean),
        formula,
        numFmt: typeof fmt === 'string' && fmt !== 'General' ? fmt : undefined,
      };
    });
    sheet.rows[r0 + i] = cells;
  });
}

export function putMerges(sheet: Sheet, merged: Excel.RangeAreas) {
  if (merged.isNullObject || !merged.address) return;
  for (const a of splitAddresses(merged.address)) {
    const rg = parseRange(a.range);
    if (rg) sheet.merges.push(rg);
  }
}

/**
 * Read every sheet (values, formulas, number formats, merged areas) in two syncs. A workbook too
 * large for one request is read again in blocks of rows: then the syncs grow with its size.
 */
export async function readWorkbook(context: Excel.RequestContext, source?: string, opts: { cellsPerSync?: number } = {}): Promise<Workbook> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  const head = () => (names.includes(FLAGS_SHEET) ? sheets.getItem(FLAGS_SHEET).getRange('A1:B1').load('values') : undefined);
  const explanations = () => (names.includes(EXPLANATIONS_SHEET) || names.includes(STORE_DRAFT_PREFIX) ? loadStore(sheets, EXPLANATIONS_SHEET) : undefined);
  // A template's record of itself: kept beside the grid, not checked as a sheet.
  const recordOf = () =>
    names.includes(TEMPLATE_SHEET) ? sheets.getItem(TEMPLATE_SHEET).getUsedRangeOrNullObject(true).load('isNullObject,values') : undefined;
  let storeHead = head();
  let notes = explanations();
  let record = recordOf();
  const own = names.filter((n) => n !== FLAGS_SHEET && n !== EXPLANATIONS_SHEET && n !== TEMPLATE_SHEET && !n.startsWith(STORE_DRAFT_PREFIX));
  const merges = own.map((n) => sheets.getItem(n).getRange().getMergedAreasOrNullObject().load('isNullObject,address'));
  let reads: Excel.Range[] | undefined = own.map((n) =>
    sheets.getItem(n).getUsedRangeOrNullObject(true).load('isNullObject,values,numberFormat,formulas,rowIndex,columnIndex'),
  );
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    reads = undefined;
    // Nothing of the failed request was loaded: the store's head and the explanations are asked
    // again, with the sizes, in the first sync of the block-wise read.
    storeHead = head();
    notes = explanations();
    record = recordOf();
  }
  const out: Workbook = { sheets: [], source };
  const grids = own.map((n) => newSheet(n, 'excel'));
  if (reads) {
    reads.forEach((used, k) => {
      if (!used.isNullObject) putBlock(grids[k], used.rowIndex, used.columnIndex, used.values, used.formulas, used.numberFormat);
      putMerges(grids[k], merges[k]);
    });
  } else await readInBlocks(context, own, grids, merges, opts.cellsPerSync ?? CELLS_PER_SYNC);
  const reportName = storeHead && storeHead.values[0][0] === FLAGS_MARK ? String(storeHead.values[0][1]) : undefined;
  const explained = notes && storeOf(notes, EXPLANATIONS_MARK).values;
  out.explanations = explained ? explanationsFromRows(explained) : undefined;
  if (record && !record.isNullObject) out.templateRecord = record.values.map((row) => row.slice(0, 4).map((v) => String(v ?? '')));
  grids.forEach((g) => {
    for (let r = 0; r < g.rows.length; r++) if (!g.rows[r]) g.rows[r] = [];
    if (g.name !== reportName) out.sheets.push(g);
  });
  return out;
}

/** The large-workbook path: sizes first, then blocks of rows, as many per sync as the budget allows. */
export async function readInBlocks(context: Excel.RequestContext, names: string[], grids: Sheet[], merges: Excel.RangeAreas[], budget: number) {
  const sheets = context.workbook.worksheets;
  const dims = names.map((n) => sheets.getItem(n).getUsedRangeOrNullObject(true).load('isNullObject,rowIndex,columnIndex,rowCount,columnCount'));
  merges.forEach((m) => m.load('isNullObject,address'));
  await context.sync();
  merges.forEach((m, k) => putMerges(grids[k], m));
  const blocks: { k: number; r: number; rows: number; c: number; cols: number }[] = [];
  dims.forEach((d, k) => {
    if (d.isNullObject) return;
    const step = Math.max(1, Math.floor(budget / Math.max(1, d.columnCount)));
    for (let r = 0; r < d.rowCount; r += step)
      blocks.push({ k, r: d.rowIndex + r, rows: Math.min(step, d.rowCount - r), c: d.columnIndex, cols: d.columnCount });
  });
  // Group blocks into syncs of at most CELLS_PER_SYNC cells: one sync per group, not per block.
  const groups: (typeof blocks)[] = [];
  let cur: typeof blocks = [];
  let size = 0;
  for (const b of blocks) {
    if (cur.length && size + b.rows * b.cols > budget) {
      groups.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(b);
    size += b.rows * b.cols;
  }
  if (cur.length) groups.push(cur);
  for (const group of groups) {
    const ranges = group.map((b) => sheets.getItem(names[b.k]).getRangeByIndexes(b.r, b.c, b.rows, b.cols).load('values,numberFormat,formulas'));
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of cells: the budget, not the findings, sets the count
    await context.sync();
    group.forEach((b, i) => putBlock(grids[b.k], b.r, b.c, ranges[i].values, ranges[i].formulas, ranges[i].numberFormat));
  }
}
