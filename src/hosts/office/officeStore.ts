/// <reference types="office-js" />
import { StoredExplanation } from '../../core/grid';
import { EXPLANATIONS_SHEET, explanationRows } from '../../core/explanations';
import { readStoreValues } from '../../core/flagStore';
import { REQUEST_BUDGET, CALL_COST, Batch, writeRows, structureRefused, removeSheet } from './excelBatch';

/**
 * The hidden stores in the open workbook (the flags' originals, the unit's 出错说明): written
 * under a draft name and renamed when whole, read back, and the 出错说明 saved.
 */

/** A store is written under this name first and renamed when complete: a half-written one is never read. */
export const STORE_DRAFT_PREFIX = '_juesuan_draft';

export const readStore = readStoreValues;

/**
 * Write a store sheet under a draft name, its mark row last (a draft with its mark is complete),
 * then swap it in for the old one. A run that fails half-way leaves either the old store or a
 * complete draft, which `storeOf` reads.
 */
export async function writeStore(batch: Batch, sheets: Excel.WorksheetCollection, name: string, rows: string[][], cols: number, existing: Set<string>) {
  const ws = sheets.add(STORE_DRAFT_PREFIX);
  ws.visibility = 'Hidden';
  await writeRows(batch, REQUEST_BUDGET, ws, 1, rows.slice(1), cols, () => true);
  await writeRows(batch, REQUEST_BUDGET, ws, 0, rows.slice(0, 1), cols, () => true);
  await batch.add(CALL_COST * 4, () => {
    if (existing.has(name)) removeSheet(sheets, name);
    ws.name = name;
    ws.visibility = 'VeryHidden';
  });
}

/** Queue the reads of a store and of a draft that may have been left complete by a failed run. */
export function loadStore(sheets: Excel.WorksheetCollection, name: string) {
  return {
    name,
    store: sheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true).load('isNullObject,values'),
    draft: sheets.getItemOrNullObject(STORE_DRAFT_PREFIX).getUsedRangeOrNullObject(true).load('isNullObject,values'),
  };
}

/** After the sync: the store's rows and the sheet they are in, or the complete draft's. */
export function storeOf(s: ReturnType<typeof loadStore>, mark: string): { values?: unknown[][]; sheet?: string } {
  if (!s.store.isNullObject && s.store.values[0]?.[0] === mark) return { values: s.store.values, sheet: s.name };
  if (!s.draft.isNullObject && s.draft.values[0]?.[0] === mark) return { values: s.draft.values, sheet: STORE_DRAFT_PREFIX };
  return { sheet: s.store.isNullObject ? undefined : s.name };
}

/** Remove leftover drafts (a complete one that is being used is moved to its store's name instead). */
export async function tidyDrafts(batch: Batch, sheets: Excel.WorksheetCollection, names: Set<string>, keep?: string) {
  for (const d of [...names].filter((n) => n.startsWith(STORE_DRAFT_PREFIX) && n !== keep)) {
    await batch.add(CALL_COST * 2, () => removeSheet(sheets, d));
    names.delete(d);
  }
}

/** Keep the unit's 出错说明: the whole list replaces the stored one, in two syncs. */
export async function saveExplanations(context: Excel.RequestContext, list: StoredExplanation[]): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const structure = context.workbook.protection.load('protected');
  await context.sync();
  if (structure.protected) throw new Error(structureRefused('出错说明未能保存'));
  const names = new Set(sheets.items.map((s) => s.name));
  const batch = new Batch(context, REQUEST_BUDGET);
  await tidyDrafts(batch, sheets, names);
  await writeStore(batch, sheets, EXPLANATIONS_SHEET, explanationRows(list), 5, names);
  await batch.flush();
}
