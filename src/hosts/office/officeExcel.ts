/// <reference types="office-js" />
/**
 * The Office.js host: reads the open workbook into the grid model and writes the flags, under the
 * rules real Excel enforces:
 *
 * - Excel runs a batch in order and does not roll it back when a call fails: every write is
 *   ordered so that a batch failing half-way leaves a workbook the next check or 清除标记 repairs
 *   (the store of original fills and notes is written before any cell is flagged, and removed
 *   only after every cell is restored).
 * - A VeryHidden sheet cannot be deleted: the stores are made Hidden first.
 * - range.values turns "=…", "+…", "-…" and number- or date-like text into formulas and numbers:
 *   every text we write (report, stores, sheets written for the user) gets the text format "@" first.
 * - A request may carry 5 MB (Excel on the web): writes are queued with an estimate of their size
 *   and synced whenever the next would pass the budget. A normal workbook takes a constant number
 *   of syncs (2 to read, 2 to flag, 2 to clear); 20,000 findings take a bounded few more.
 * - A protected sheet refuses writes: its cells are not flagged (nor restored); the caller is told
 *   which sheets, and the rest is flagged.
 * - Writes to a null object do nothing: a note that may be gone is deleted and added, never edited.
 */

export type { FlagOutcome, ClearOutcome } from '../host';
export type { ExcelSupport } from './excelBatch';
export { splitAddresses, callBytes, CELLS_PER_SYNC, REQUEST_BUDGET, structureRefused } from './excelBatch';
export { readWorkbook } from './officeRead';
export { applyFlags, clearFlags } from './officeFlags';
export { saveExplanations } from './officeStore';
export { writeSheets, readProperties, writeProperties } from './officeWrite';
