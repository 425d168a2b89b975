/// <reference types="office-js" />
import { Workbook, Sheet, Cell, Range, StoredExplanation, newSheet, parseRange, quoteSheet, a1 } from '../../core/grid';
import { Finding, flaggedCells } from '../../core/findings';
import type { FlagOutcome, ClearOutcome } from '../host';
import { EXPLANATIONS_SHEET, EXPLANATIONS_MARK, explanationsFromRows, explanationRows } from '../../core/explanations';
import {
  StoreRow,
  STORE_COLUMNS,
  storeValues,
  readStoreValues,
  noteText,
  NOTE_KEPT,
  isNoteKept,
  parsedOrUndefined,
  OfficeFill,
  OFFICE_TO_FILE_PATTERN,
} from '../../core/flagStore';
import { FLAGS_SHEET, FLAGS_MARK, FLAG_COLOR, REPORT_HEADER, REPORT_WIDTHS, REPORT_COL, planFlags, reportSheetName, FlagKind } from '../../core/flagPlan';
import { ruleLabel } from '../../check/registry';
import { INPUT_FILL, TEMPLATE_PROTECTION, SheetLayout } from '../../core/layout';

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

export interface ExcelSupport {
  /**
   * 'notes' (ExcelApi 1.18), 'comments' (ExcelApi 1.10, one more sync to find existing comments'
   * cells), or 'none' (fill only; the messages are in 审核报告).
   */
  notes: 'notes' | 'comments' | 'none';
  /** ExcelApi 1.9: print settings (worksheet.pageLayout), and a fill's pattern, pattern colour and tints. */
  pageLayout?: boolean;
}

/**
 * A sheet printed as a unit files it: A4 landscape, every column on one page width, the header
 * rows (1-based, "5:5") on every page. Only where Excel has pageLayout (ExcelApi 1.9).
 */
function printLayout(ws: Excel.Worksheet, titleRows: string | undefined, portrait = false) {
  ws.pageLayout.orientation = portrait ? 'Portrait' : 'Landscape';
  ws.pageLayout.paperSize = 'A4';
  ws.pageLayout.zoom = { horizontalFitToPages: 1 };
  if (titleRows) ws.pageLayout.setPrintTitleRows(`$${titleRows.replace(':', ':$')}`);
}

/**
 * Whether the checker may flag a sheet: unprotected, or protected allowing what flags change —
 * cell formats (the fill) and, where notes or comments carry the messages, objects. A template
 * the product wrote allows both (TEMPLATE_PROTECTION); a sheet the unit locked tighter does not.
 */
function flaggable(s: Excel.Worksheet, opts: ExcelSupport): boolean {
  if (!s.protection.protected) return true;
  const o = s.protection.options;
  return !!o.allowFormatCells && (opts.notes === 'none' || !!o.allowEditObjects);
}

const qualified = (sheet: string, cell: string) => `${quoteSheet(sheet)}!${cell}`;

/** "Sheet!$A$1" or "'My sheet'!A1" → "Sheet!A1", "My sheet!A1". */
const bare = (address: string) => {
  const parts = splitAddresses(address);
  return parts.length ? `${parts[0].sheet}!${parts[0].range}` : address;
};

/**
 * A RangeAreas address as Excel gives it ("Sheet1!A1:B2, 'a, b'!C3:D4"): each area with its sheet,
 * names unquoted. Sheet names may hold commas and quotes, so this reads quotes, not commas.
 */
export function splitAddresses(address: string): { sheet: string; range: string }[] {
  const out: { sheet: string; range: string }[] = [];
  let i = 0;
  const n = address.length;
  while (i < n) {
    while (i < n && (address[i] === ' ' || address[i] === ',')) i++;
    if (i >= n) break;
    let sheet = '';
    if (address[i] === "'") {
      i++;
      while (i < n) {
        if (address[i] === "'" && address[i + 1] === "'") {
          sheet += "'";
          i += 2;
        } else if (address[i] === "'") {
          i++;
          break;
        } else sheet += address[i++];
      }
    } else {
      const bang = address.indexOf('!', i);
      const comma = address.indexOf(',', i);
      if (bang >= 0 && (comma < 0 || bang < comma)) {
        sheet = address.slice(i, bang);
        i = bang;
      }
    }
    if (address[i] === '!') i++;
    let end = address.indexOf(',', i);
    if (end < 0) end = n;
    out.push({ sheet, range: address.slice(i, end).trim().replace(/\$/g, '') });
    i = end;
  }
  return out;
}

/** Comments mode: the existing comments, their content and cells queued (one extra sync to list them). */
async function loadComments(context: Excel.RequestContext): Promise<{ c: Excel.Comment; loc: Excel.Range }[]> {
  const comments = context.workbook.comments;
  comments.load('items');
  await context.sync();
  return comments.items.map((c) => ({ c: c.load('content'), loc: c.getLocation().load('address') }));
}

/** After the next sync: each comment by its cell ("Sheet!A1"). */
const commentMap = (list: { c: Excel.Comment; loc: Excel.Range }[]) => new Map(list.map(({ c, loc }) => [bare(loc.address), c]));

/** Address lists for getRanges stay well under Excel's 8,192-character limit. */
const ADDRESS_CHUNK = 4000;

/** Cells read per sync when a workbook is too large for one request (Excel on the web: 5 MB). */
export const CELLS_PER_SYNC = 150_000;

/**
 * Bytes one request may carry before we sync: Excel on the web refuses 5 MB; our estimate counts
 * each call's arguments as UTF-8 JSON plus a fixed cost for its object path, and keeps a margin.
 */
export const REQUEST_BUDGET = 4 * 1024 * 1024;
/** Estimated bytes of one queued call besides its arguments (object path, action, ids). */
const CALL_COST = 256;

const isPayloadError = (e: unknown) => /PayloadSizeLimitExceeded/i.test(String((e as { code?: string })?.code ?? '') + String((e as Error)?.message ?? ''));

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/** The estimated size of one call with these arguments. */
export const callBytes = (...args: unknown[]) => CALL_COST + utf8Length(JSON.stringify(args));

/**
 * Writes queued against a byte budget: `add` syncs first when the next call would pass it. Calls
 * run in the order added, across syncs as within one.
 */
class Batch {
  private bytes = 0;
  constructor(
    private context: Excel.RequestContext,
    private budget: number,
  ) {}
  /** Count bytes already queued by the caller (loads of the first sync). */
  queued(bytes: number) {
    this.bytes += bytes;
  }
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.flush();
    queue();
    this.bytes += bytes;
  }
  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.bytes = 0;
    // One sync per request's worth of calls: the payload limit, not the findings, sets the count.
    await this.context.sync();
  }
}

/**
 * Write rows of values from (r0, 0) in pieces that fit the budget. Columns for which `text(c)`
 * holds get the text format first, so Excel keeps them as written.
 */
async function writeRows(
  batch: Batch,
  budget: number,
  ws: Excel.Worksheet,
  r0: number,
  rows: unknown[][],
  cols: number,
  text: (c: number) => boolean,
  asFormulas = false,
) {
  const fmtRow = Array.from({ length: cols }, (_, c) => (text(c) ? '@' : null));
  const anyText = fmtRow.some((f) => f !== null);
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = CALL_COST * 2;
    while (end < rows.length) {
      const b = utf8Length(JSON.stringify(rows[end])) + (anyText ? cols * 5 : 0);
      if (end > start && bytes + b > budget / 2) break;
      bytes += b;
      end++;
    }
    const part = rows.slice(start, end);
    const at = r0 + start;
    await batch.add(bytes, () => {
      const range = ws.getRangeByIndexes(at, 0, part.length, cols);
      if (anyText) range.numberFormat = part.map(() => fmtRow) as unknown as string[][];
      if (asFormulas) range.formulas = part as string[][];
      else range.values = part as string[][];
    });
    start = end;
  }
}

/** Put a block of cells (values, formulas, number formats from (r0, c0)) into a sheet. */
function putBlock(sheet: Sheet, r0: number, c0: number, values: unknown[][], formulas: unknown[][], formats: unknown[][]) {
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

function putMerges(sheet: Sheet, merged: Excel.RangeAreas) {
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
  let storeHead = head();
  let notes = explanations();
  const own = names.filter((n) => n !== FLAGS_SHEET && n !== EXPLANATIONS_SHEET && !n.startsWith(STORE_DRAFT_PREFIX));
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
  grids.forEach((g) => {
    for (let r = 0; r < g.rows.length; r++) if (!g.rows[r]) g.rows[r] = [];
    if (g.name !== reportName) out.sheets.push(g);
  });
  return out;
}

/** The large-workbook path: sizes first, then blocks of rows, as many per sync as the budget allows. */
async function readInBlocks(context: Excel.RequestContext, names: string[], grids: Sheet[], merges: Excel.RangeAreas[], budget: number) {
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

/** Why nothing was written in a workbook whose structure is protected (审阅 → 保护工作簿): it refuses every sheet added, deleted, renamed or hidden. */
export const structureRefused = (what: string) => `工作簿结构受保护（审阅 → 保护工作簿），不能添加或删除工作表，${what}：撤销工作簿保护后再点一次即可`;

/** A store is written under this name first and renamed when complete: a half-written one is never read. */
const STORE_DRAFT_PREFIX = '_juesuan_draft';

/** A cell's fill as the store keeps it: '#RRGGBB' ('' for none), and the rest of it as raw when it is more than a plain colour. */
function fillOf(f: Excel.RangeFill, opts: ExcelSupport): { fill: string; raw: string } {
  // Before ExcelApi 1.9 only the colour is known: white is taken for no fill.
  const pattern = opts.pageLayout ? f.pattern : f.color.toUpperCase() === '#FFFFFF' ? 'None' : 'Solid';
  if (!pattern || pattern === 'None') return { fill: '', raw: '' };
  const fill = '#' + f.color.replace('#', '').toUpperCase();
  if (!opts.pageLayout) return { fill, raw: '' };
  const office: OfficeFill['office'] = {
    pattern,
    patternColor: f.patternColor ?? null,
    patternTintAndShade: f.patternTintAndShade ?? 0,
    tintAndShade: f.tintAndShade ?? 0,
  };
  const plain = pattern === 'Solid' && !office.tintAndShade && !office.patternTintAndShade;
  return { fill, raw: plain ? '' : JSON.stringify({ office }) };
}

/** Give a cell its own fill back: its colour, and where Excel can take them its pattern and tints. */
function restoreFill(range: Excel.Range, row: StoreRow, opts: ExcelSupport) {
  if (!row.fill) {
    range.format.fill.clear();
    return;
  }
  const fill = range.format.fill;
  fill.color = row.fill;
  if (!opts.pageLayout || !row.raw) return;
  const kept = parsedOrUndefined<Partial<OfficeFill> & { type?: string; pattern?: string; fgColor?: { argb?: string }; bgColor?: { argb?: string } }>(row.raw);
  if (kept?.office) {
    fill.pattern = kept.office.pattern as Excel.FillPattern;
    if (kept.office.patternColor) fill.patternColor = kept.office.patternColor;
    fill.patternTintAndShade = kept.office.patternTintAndShade;
    fill.tintAndShade = kept.office.tintAndShade;
  } else if (kept?.type === 'pattern' && kept.pattern && kept.pattern !== 'solid') {
    // Flagged by the command line: the file's pattern, its colours as the file gives them.
    const pattern = Object.entries(OFFICE_TO_FILE_PATTERN).find(([, file]) => file === kept.pattern)?.[0];
    if (!pattern) return;
    const argb = (c?: { argb?: string }) => (c?.argb && /^[0-9A-F]{8}$/i.test(c.argb) ? '#' + c.argb.slice(2) : undefined);
    const back = argb(kept.bgColor);
    const front = argb(kept.fgColor);
    if (back) fill.color = back;
    fill.pattern = pattern as Excel.FillPattern;
    if (front) fill.patternColor = front;
  }
}

/** The Excel properties a fill is read with. */
const fillProps = (opts: ExcelSupport) => (opts.pageLayout ? 'color,pattern,patternColor,patternTintAndShade,tintAndShade' : 'color');

function chunks(addresses: string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of addresses) {
    if (cur && cur.length + a.length + 1 > ADDRESS_CHUNK) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

const readStore = readStoreValues;

/** Give cells their own fill and note back (queued through the batch, in order). */
async function restore(batch: Batch, context: Excel.RequestContext, rows: StoreRow[], opts: ExcelSupport, comments?: Map<string, Excel.Comment>) {
  for (const row of rows) {
    const note = noteText(row.note);
    await batch.add(callBytes(row.sheet, row.cell, row.fill, row.raw) + (note ? callBytes(row.sheet, row.cell, note) * 2 : CALL_COST * 2), () => {
      const ws = context.workbook.worksheets.getItem(row.sheet);
      restoreFill(ws.getRange(row.cell), row, opts);
      // The cell's own note or comment was never touched: nothing to give back.
      if (isNoteKept(row.note)) return;
      if (opts.notes === 'notes') {
        // The note may be gone (the user deleted it): editing a null object does nothing, so
        // the note is deleted (nothing, when gone) and added back.
        ws.notes.getItemOrNullObject(row.cell).delete();
        if (note !== undefined) ws.notes.add(row.cell, note);
      } else if (opts.notes === 'comments') {
        const ours = comments?.get(`${row.sheet}!${row.cell}`);
        if (ours) {
          if (note !== undefined) ours.content = note;
          else ours.delete();
        } else if (note !== undefined) context.workbook.comments.add(qualified(row.sheet, row.cell), note);
      }
    });
  }
}

/** Delete a store or report sheet: a VeryHidden sheet cannot be deleted, so it is made Hidden first. */
function removeSheet(sheets: Excel.WorksheetCollection, name: string) {
  const ws = sheets.getItem(name);
  ws.visibility = 'Hidden';
  ws.delete();
}

/**
 * Write a store sheet under a draft name, its mark row last (a draft with its mark is complete),
 * then swap it in for the old one. A run that fails half-way leaves either the old store or a
 * complete draft, which `storeOf` reads.
 */
async function writeStore(batch: Batch, sheets: Excel.WorksheetCollection, name: string, rows: string[][], cols: number, existing: Set<string>) {
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
function loadStore(sheets: Excel.WorksheetCollection, name: string) {
  return {
    name,
    store: sheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true).load('isNullObject,values'),
    draft: sheets.getItemOrNullObject(STORE_DRAFT_PREFIX).getUsedRangeOrNullObject(true).load('isNullObject,values'),
  };
}

/** After the sync: the store's rows and the sheet they are in, or the complete draft's. */
function storeOf(s: ReturnType<typeof loadStore>, mark: string): { values?: unknown[][]; sheet?: string } {
  if (!s.store.isNullObject && s.store.values[0]?.[0] === mark) return { values: s.store.values, sheet: s.name };
  if (!s.draft.isNullObject && s.draft.values[0]?.[0] === mark) return { values: s.draft.values, sheet: STORE_DRAFT_PREFIX };
  return { sheet: s.store.isNullObject ? undefined : s.name };
}

/** Remove leftover drafts (a complete one that is being used is moved to its store's name instead). */
async function tidyDrafts(batch: Batch, sheets: Excel.WorksheetCollection, names: Set<string>, keep?: string) {
  for (const d of [...names].filter((n) => n.startsWith(STORE_DRAFT_PREFIX) && n !== keep)) {
    await batch.add(CALL_COST * 2, () => removeSheet(sheets, d));
    names.delete(d);
  }
}

export type { FlagOutcome, ClearOutcome } from '../host';

/**
 * Flag the findings' cells and write 审核报告 in two syncs for a normal workbook (three with
 * comments), more only when the payload needs it; earlier flags are cleared in the same syncs.
 */
export async function applyFlags(
  context: Excel.RequestContext,
  findings: Finding[],
  opts: ExcelSupport,
  budget = REQUEST_BUDGET,
  heading: string[] = [],
): Promise<FlagOutcome> {
  const pendingComments = opts.notes === 'comments' ? await loadComments(context) : undefined;
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/protection/protected,items/protection/options');
  const stored = loadStore(sheets, FLAGS_SHEET);
  const structure = context.workbook.protection.load('protected');
  // With notes, a cell may hold a modern comment instead (never both): the comments are listed
  // too, their cells asked in one more sync only when there are any.
  const commentProbe = opts.notes === 'notes' ? context.workbook.comments.load('items') : undefined;
  const batch = new Batch(context, budget);
  batch.queued(CALL_COST * 8);
  // Every cell a finding may flag: its current fill and note (read now, written after a sync); a
  // paragraph's text too, for the note to show the sentence a narrative finding quotes.
  const targets = new Map<string, { fill: Excel.RangeFill; note?: Excel.Note; text?: Excel.Range }>();
  const quoting = new Set(findings.filter((f) => f.text).map((f) => `${f.sheet}!${f.cell}`));
  for (const f of findings)
    for (const at of flaggedCells(f)) {
      const key = `${at.sheet}!${at.cell}`;
      if (targets.has(key)) continue;
      await batch.add(callBytes(at.sheet, at.cell, fillProps(opts)) * (opts.notes === 'notes' ? 2 : 1), () => {
        const ws = sheets.getItemOrNullObject(at.sheet);
        const fill = ws.getRange(at.cell).format.fill.load(fillProps(opts));
        const note = opts.notes === 'notes' ? ws.notes.getItemOrNullObject(at.cell).load('isNullObject,content') : undefined;
        const text = quoting.has(key) ? ws.getRange(at.cell).load('values') : undefined;
        targets.set(key, { fill, note, text });
      });
    }
  await batch.flush();
  // A workbook whose structure is protected cannot take the report and the store: nothing is
  // written, and the pane says why (the findings are listed there).
  if (structure.protected)
    return { flaggedCells: 0, reportSheet: '', protectedSheets: [], refused: structureRefused('本次未写入任何标记（核对结果已列在任务窗格中）') };
  let comments = pendingComments && commentMap(pendingComments);
  if (commentProbe?.items.length) {
    const list = commentProbe.items.map((c) => ({ c: c.load('content'), loc: c.getLocation().load('address') }));
    await context.sync();
    comments = commentMap(list);
  }
  const names = new Set(sheets.items.map((s) => s.name));
  const locked = new Set(sheets.items.filter((s) => !flaggable(s, opts)).map((s) => s.name));
  const found = storeOf(stored, FLAGS_MARK);
  const old = readStore(found.values);
  const oldByCell = new Map(old.rows.map((r) => [`${r.sheet}!${r.cell}`, r]));
  const isOurs = (n: string) => n === FLAGS_SHEET || n === old.report || n.startsWith(STORE_DRAFT_PREFIX) || n === EXPLANATIONS_SHEET;
  const plan = planFlags(findings, (n) => names.has(n) && !isOurs(n) && !locked.has(n), {
    ruleLabel,
    heading,
    textOf: (sheet, cell) => {
      const range = names.has(sheet) ? targets.get(`${sheet}!${cell}`)?.text : undefined;
      return range ? String(range.values[0]?.[0] ?? '') : undefined;
    },
  });
  const planned = new Set(plan.cells.map((c) => `${c.sheet}!${c.cell}`));
  const protectedSheets = [
    ...new Set([...findings.flatMap((f) => flaggedCells(f).map((x) => x.sheet)), ...old.rows.map((r) => r.sheet)].filter((n) => locked.has(n))),
  ];

  // 0. What a failed earlier run left: a complete draft becomes the store, half-written ones go.
  if (found.sheet === STORE_DRAFT_PREFIX) {
    if (names.has(FLAGS_SHEET)) await batch.add(CALL_COST * 2, () => removeSheet(sheets, FLAGS_SHEET));
    await batch.add(CALL_COST, () => (sheets.getItem(STORE_DRAFT_PREFIX).name = FLAGS_SHEET));
    names.delete(STORE_DRAFT_PREFIX);
    names.add(FLAGS_SHEET);
  }
  await tidyDrafts(batch, sheets, names);
  // 1. Cells flagged last time and not now get their own fill and note back, while the old store
  //    still lists them (a batch failing here is repaired by the next check or 清除标记).
  await restore(
    batch,
    context,
    old.rows.filter((r) => !planned.has(`${r.sheet}!${r.cell}`) && !locked.has(r.sheet) && names.has(r.sheet)),
    opts,
    comments,
  );

  // 2. The new store, complete, before any cell is flagged: the originals of every planned cell, and
  //    the old rows of cells on protected sheets (still flagged from last time; restored later).
  const keep = old.rows.filter((r) => !planned.has(`${r.sheet}!${r.cell}`) && locked.has(r.sheet) && names.has(r.sheet));
  const storeRows: StoreRow[] = plan.cells.map((c) => {
    const key = `${c.sheet}!${c.cell}`;
    const prev = oldByCell.get(key);
    if (prev) return prev;
    const t = targets.get(key)!;
    // A note or comment of the cell's own is kept as it is: the flag there is the fill alone.
    const own = (t.note && !t.note.isNullObject) || comments?.has(key);
    return { sheet: c.sheet, cell: c.cell, ...fillOf(t.fill, opts), note: own ? NOTE_KEPT : '' };
  });
  const rowOf = new Map(storeRows.map((r) => [`${r.sheet}!${r.cell}`, r]));
  storeRows.push(...keep);
  const taken = new Set([...names].filter((n) => n !== old.report && n !== FLAGS_SHEET));
  const reportName = reportSheetName((n) => taken.has(n));
  await writeStore(batch, sheets, FLAGS_SHEET, storeValues(reportName, storeRows), STORE_COLUMNS, names);

  if (old.report && names.has(old.report)) await batch.add(CALL_COST * 2, () => removeSheet(sheets, old.report!));

  // 3. Fills: one RangeAreas per sheet and colour, chunked under the address-length limit.
  const groups = new Map<string, string[]>();
  for (const c of plan.cells) {
    const k = `${c.sheet}\u0000${c.severity}`;
    const list = groups.get(k);
    if (list) list.push(c.cell);
    else groups.set(k, [c.cell]);
  }
  for (const [k, cells] of groups) {
    const [sheet, severity] = k.split('\u0000') as [string, FlagKind];
    for (const part of chunks(cells))
      await batch.add(
        callBytes(sheet, part, FLAG_COLOR[severity]),
        () => (sheets.getItem(sheet).getRanges(part).format.fill.color = '#' + FLAG_COLOR[severity]),
      );
  }
  // A cell of the user's with a pattern or a tint: its flag is a plain colour, seen as the others.
  if (opts.pageLayout)
    for (const c of plan.cells)
      if (rowOf.get(`${c.sheet}!${c.cell}`)?.raw)
        await batch.add(callBytes(c.sheet, c.cell, 'Solid') * 3, () => {
          const fill = sheets.getItem(c.sheet).getRange(c.cell).format.fill;
          fill.pattern = 'Solid' as Excel.FillPattern;
          fill.tintAndShade = 0;
          fill.patternTintAndShade = 0;
        });
  for (const c of plan.cells) {
    if (isNoteKept(rowOf.get(`${c.sheet}!${c.cell}`)?.note ?? '')) continue;
    if (opts.notes === 'notes') {
      const t = targets.get(`${c.sheet}!${c.cell}`)!;
      await batch.add(callBytes(c.sheet, c.cell, c.note), () => {
        if (t.note && !t.note.isNullObject) t.note.content = c.note;
        else sheets.getItem(c.sheet).notes.add(c.cell, c.note);
      });
    } else if (opts.notes === 'comments') {
      const existing = comments!.get(`${c.sheet}!${c.cell}`);
      await batch.add(callBytes(c.sheet, c.cell, c.note), () => {
        if (existing) existing.content = c.note;
        else context.workbook.comments.add(qualified(c.sheet, c.cell), c.note);
      });
    }
  }

  // 4. The report: text columns as text, numbers as numbers; links and severity fills.
  const report = sheets.add(reportName);
  const top = plan.headerRow;
  if (plan.heading.length)
    await writeRows(
      batch,
      budget,
      report,
      0,
      plan.heading.map((line) => [line]),
      1,
      () => true,
    );
  const values = [REPORT_HEADER, ...plan.report.map((r) => r.values.map((v) => (typeof v === 'number' ? v : String(v))))];
  await writeRows(batch, budget, report, top, values, REPORT_HEADER.length, (c) => c !== 0);
  await batch.add(CALL_COST * (6 + REPORT_WIDTHS.length), () => {
    if (plan.heading.length) report.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
    report.getRangeByIndexes(top, 0, 1, REPORT_HEADER.length).format.font.bold = true;
    REPORT_WIDTHS.forEach((w, i) => (report.getRangeByIndexes(top, i, 1, 1).format.columnWidth = w * 7));
    report.freezePanes.freezeRows(top + 1);
    report.getRangeByIndexes(top, 0, values.length, REPORT_HEADER.length).format.wrapText = true;
    // Every line of a long message printed: rows as tall as their wrapped text.
    report.getRangeByIndexes(top, 0, values.length, REPORT_HEADER.length).format.autofitRows();
    // Printed to sign, as the xlsx report is: A4 landscape, one page wide, the header row on each page.
    if (opts.pageLayout) printLayout(report, `${top + 1}:${top + 1}`);
  });
  for (const [i, r] of plan.report.entries()) {
    if (r.link)
      await batch.add(
        callBytes(r.link, r.values[REPORT_COL.where]),
        () =>
          (report.getRangeByIndexes(top + i + 1, REPORT_COL.where, 1, 1).hyperlink = {
            documentReference: r.link!,
            textToDisplay: String(r.values[REPORT_COL.where]),
          }),
      );
  }
  for (const severity of ['error', 'warning', 'info'] as const) {
    const cells = plan.report.flatMap((r, i) => (r.severity === severity ? [a1(top + i + 1, REPORT_COL.severity)] : []));
    for (const part of chunks(cells)) await batch.add(callBytes(part), () => (report.getRanges(part).format.fill.color = '#' + FLAG_COLOR[severity]));
  }
  await batch.flush();
  return { flaggedCells: plan.cells.length, reportSheet: reportName, protectedSheets };
}

/** Remove every flag and the report, restoring each cell's fill and note, in two syncs (three with comments). */
export async function clearFlags(context: Excel.RequestContext, opts: ExcelSupport, budget = REQUEST_BUDGET): Promise<ClearOutcome> {
  const pendingComments = opts.notes === 'comments' ? await loadComments(context) : undefined;
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/protection/protected,items/protection/options');
  const stored = loadStore(sheets, FLAGS_SHEET);
  const structure = context.workbook.protection.load('protected');
  await context.sync();
  if (structure.protected) return { cleared: false, protectedSheets: [], refused: structureRefused('审核标记未能清除') };
  const comments = pendingComments && commentMap(pendingComments);
  const names = new Set(sheets.items.map((s) => s.name));
  const locked = new Set(sheets.items.filter((s) => !flaggable(s, opts)).map((s) => s.name));
  const batch = new Batch(context, budget);
  const found = storeOf(stored, FLAGS_MARK);
  await tidyDrafts(batch, sheets, names, found.sheet);
  if (!found.values) {
    if (found.sheet) await batch.add(CALL_COST * 2, () => removeSheet(sheets, found.sheet!));
    await batch.flush();
    return { cleared: false, protectedSheets: [] };
  }
  const store = readStore(found.values);
  const kept = store.rows.filter((r) => locked.has(r.sheet));
  await restore(
    batch,
    context,
    store.rows.filter((r) => !locked.has(r.sheet) && names.has(r.sheet)),
    opts,
    comments,
  );
  if (store.report && names.has(store.report)) await batch.add(CALL_COST * 2, () => removeSheet(sheets, store.report!));
  if (kept.length) {
    // Rows of protected sheets stay in the store, for a 清除标记 once the sheet is unprotected.
    const values = storeValues('', kept);
    if (found.sheet === STORE_DRAFT_PREFIX) names.delete(STORE_DRAFT_PREFIX);
    await batch.add(CALL_COST * 2, () => removeSheet(sheets, found.sheet!));
    names.delete(found.sheet!);
    await writeStore(batch, sheets, FLAGS_SHEET, values, STORE_COLUMNS, names);
  } else await batch.add(CALL_COST * 2, () => removeSheet(sheets, found.sheet!));
  await batch.flush();
  return { cleared: true, protectedSheets: [...new Set(kept.map((r) => r.sheet))] };
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

/**
 * Only a template's given cells (its formulas) locked: the whole sheet unlocked (rows typed or
 * inserted later too), those cells locked again, then the sheet protected without a password,
 * formats and notes allowed (the checker's flags). Excel refuses protect() on a sheet already
 * protected: only sheets just written are protected here.
 */
async function protectLocked(batch: Batch, ws: Excel.Worksheet, locked: Range[]) {
  const addresses = locked.map((g) => `${a1(g.top, g.left)}:${a1(g.bottom, g.right)}`);
  await batch.add(CALL_COST, () => (ws.getRange().format.protection.locked = false));
  for (const part of chunks(addresses)) await batch.add(callBytes(part), () => (ws.getRanges(part).format.protection.locked = true));
  await batch.add(CALL_COST * 2, () => ws.protection.protect({ ...TEMPLATE_PROTECTION }));
}

/**
 * Write grid sheets (scaffold, forms, a drafted narrative) into the open workbook in two syncs.
 * Sheets that already exist are not touched unless `overwrite`: the names are returned instead,
 * so the pane can ask before anything of the user's is lost. Texts are written as text.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  grid: Workbook,
  layouts: Record<string, SheetLayout> = {},
  opts: { overwrite?: boolean; into?: boolean } = {},
  support: ExcelSupport = { notes: 'none' },
): Promise<{ written: string[]; conflicts: string[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const structure = context.workbook.protection.load('protected');
  await context.sync();
  const existing = new Set(sheets.items.map((s) => s.name));
  // Written into a sheet that exists (`into`): only the rows the grid fills, nothing else of it.
  const conflicts = opts.into ? [] : grid.sheets.map((s) => s.name).filter((n) => existing.has(n));
  if (conflicts.length && !opts.overwrite) return { written: [], conflicts };
  if (structure.protected && grid.sheets.some((s) => !(opts.into && existing.has(s.name)))) throw new Error(structureRefused('未写入任何工作表'));
  const batch = new Batch(context, REQUEST_BUDGET);
  // Replaced sheets are renamed aside, the new ones added, then the old ones deleted: a workbook
  // must keep a visible sheet, and a failure half-way loses nothing of the user's.
  const aside = conflicts.map((n, i) => {
    let name = `_juesuan_old${i + 1}`;
    for (let k = 2; existing.has(name); k++) name = `_juesuan_old${i + 1}_${k}`;
    return name;
  });
  for (const [i, n] of conflicts.entries()) await batch.add(callBytes(n, aside[i]), () => (sheets.getItem(n).name = aside[i]));
  for (const sheet of grid.sheets) {
    const ws = opts.into && existing.has(sheet.name) ? sheets.getItem(sheet.name) : sheets.add(sheet.name);
    batch.queued(CALL_COST);
    const rows = sheet.rows.length;
    // The first row the grid fills: rows above it are left as they are.
    let first = 0;
    while (first < rows && !(sheet.rows[first] ?? []).some(Boolean)) first++;
    const cols = Math.max(1, ...sheet.rows.map((r) => r?.length ?? 0));
    if (rows) {
      // Every row, holes of a sparse grid included.
      const formulas = Array.from({ length: rows }, (_, i) => sheet.rows[i]).map((r) =>
        Array.from({ length: cols }, (_, c) => {
          const cell = r?.[c];
          if (!cell) return '';
          return cell.formula ? '=' + cell.formula : cell.value === null ? '' : cell.value;
        }),
      );
      // Number formats per cell: the sheet's own, and text ("@") for every text, so that a
      // label such as "- 一、部门职责" or "2023-12" stays what it is.
      const formats = Array.from({ length: rows }, (_, i) => sheet.rows[i]).map((r) =>
        Array.from({ length: cols }, (_, c) => {
          const cell = r?.[c];
          if (cell && !cell.formula && typeof cell.value === 'string') return '@';
          return cell?.numFmt ?? 'General';
        }),
      );
      let start = first;
      while (start < rows) {
        let end = start;
        let bytes = CALL_COST * 2;
        while (end < rows) {
          const b = utf8Length(JSON.stringify(formulas[end])) + utf8Length(JSON.stringify(formats[end]));
          if (end > start && bytes + b > REQUEST_BUDGET / 2) break;
          bytes += b;
          end++;
        }
        const at = start;
        const n = end - start;
        await batch.add(bytes, () => {
          const range = ws.getRangeByIndexes(at, 0, n, cols);
          range.numberFormat = formats.slice(at, at + n);
          range.formulas = formulas.slice(at, at + n) as unknown as string[][];
        });
        start = end;
      }
    }
    const lay = layouts[sheet.name] ?? {};
    await batch.add(
      CALL_COST *
        (sheet.merges.length +
          (lay.widths?.length ?? 0) +
          (lay.wrapRows?.length ?? 0) +
          (lay.validations?.length ?? 0) +
          2 * (lay.inputs?.length ?? 0) +
          8 * (lay.borders?.length ?? 0) +
          20),
      () => {
        for (const m of sheet.merges) ws.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
        (lay.widths ?? []).forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * 7));
        for (const r of [...(lay.boldRows ?? []), ...(lay.titleRows ?? []), ...(lay.centerRows ?? [])])
          ws.getRangeByIndexes(r, 0, 1, cols).format.font.bold = true;
        for (const r of lay.wrapRows ?? []) ws.getRangeByIndexes(r, 0, 1, cols).format.wrapText = true;
        for (const b of lay.borders ?? []) {
          const fmt = ws.getRangeByIndexes(b.top, b.left, b.bottom - b.top + 1, b.right - b.left + 1).format;
          for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const)
            fmt.borders.getItem(edge).style = 'Continuous';
        }
        for (const rg of lay.inputs ?? []) {
          const range = ws.getRangeByIndexes(rg.top, rg.left, rg.bottom - rg.top + 1, rg.right - rg.left + 1);
          range.format.fill.color = '#' + INPUT_FILL;
          range.dataValidation.rule = { decimal: { formula1: -1e12, formula2: 1e12, operator: 'Between' } };
        }
        for (const v of lay.validations ?? [])
          ws.getRangeByIndexes(v.range.top, v.range.left, v.range.bottom - v.range.top + 1, v.range.right - v.range.left + 1).dataValidation.rule = {
            list: { inCellDropDown: true, source: v.list.join(',') },
          };
        if (lay.freezeRows) ws.freezePanes.freezeRows(lay.freezeRows);
        if (support.pageLayout) printLayout(ws, lay.freezeRows ? `1:${lay.freezeRows}` : undefined, lay.landscape === false);
      },
    );
    if (lay.locked) await protectLocked(batch, ws, lay.locked);
  }
  for (const n of aside) await batch.add(CALL_COST * 2, () => sheets.getItem(n).delete());
  await batch.flush();
  return { written: grid.sheets.map((s) => s.name), conflicts };
}
