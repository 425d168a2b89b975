/// <reference types="office-js" />
import { Workbook, Sheet, Cell, newSheet, parseA1, parseRange, quoteSheet } from '../core/grid';
import { Finding } from '../core/findings';
import { EXPLANATIONS_SHEET, explanationsFromRows, explanationRows, upsertExplanation } from '../core/explanations';
import { FLAGS_SHEET, FLAGS_MARK, FLAG_COLOR, REPORT_HEADER, REPORT_WIDTHS, planFlags, reportSheetName, FlagKind } from '../core/flagPlan';

/**
 * The Office.js host: reads the open workbook into the grid model and writes the flags, in a
 * constant number of context.sync() calls whatever the number of sheets and findings (2 to read,
 * 2 to flag, 2 to clear). The flags and their store are the same as the xlsx adapter's, so a
 * workbook checked by the command line can be cleared in Excel and the reverse.
 */

export interface NoteSupport {
  /**
   * 'notes' (ExcelApi 1.18), 'comments' (ExcelApi 1.10, one more sync to find existing comments'
   * cells), or 'none' (fill only; the messages are in 审核报告).
   */
  notes: 'notes' | 'comments' | 'none';
}

const qualified = (sheet: string, cell: string) => `${quoteSheet(sheet)}!${cell}`;
const bare = (address: string) => address.replace(/\$/g, '').replace(/^'(.*)'!/, (_, s: string) => s.replace(/''/g, "'") + '!');

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

const isPayloadError = (e: unknown) => /PayloadSizeLimitExceeded/i.test(String((e as { code?: string })?.code ?? '') + String((e as Error)?.message ?? ''));

/** Put a block of cells (values, formulas, number formats from (r0, c0)) into a sheet. */
function putBlock(sheet: Sheet, r0: number, c0: number, values: unknown[][], formulas: unknown[][], formats: unknown[][]) {
  values.forEach((row, i) => {
    const cells: (Cell | undefined)[] = sheet.rows[r0 + i] ?? [];
    row.forEach((v, j) => {
      const f = formulas[i][j];
      const formula = typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined;
      if ((v === '' || v === null) && !formula) return;
      const fmt = formats[i][j];
      cells[c0 + j] = { value: v === '' ? null : (v as string | number | boolean), formula, numFmt: typeof fmt === 'string' && fmt !== 'General' ? fmt : undefined };
    });
    sheet.rows[r0 + i] = cells;
  });
}

function putMerges(sheet: Sheet, merged: Excel.RangeAreas) {
  if (merged.isNullObject || !merged.address) return;
  for (const a of merged.address.split(',')) {
    const rg = parseRange(a.trim());
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
  const storeHead = names.includes(FLAGS_SHEET) ? sheets.getItem(FLAGS_SHEET).getRange('A1:B1').load('values') : undefined;
  const notes = names.includes(EXPLANATIONS_SHEET) ? sheets.getItem(EXPLANATIONS_SHEET).getUsedRangeOrNullObject(true).load('isNullObject,values') : undefined;
  const own = names.filter((n) => n !== FLAGS_SHEET && n !== EXPLANATIONS_SHEET);
  const merges = own.map((n) => sheets.getItem(n).getRange().getMergedAreasOrNullObject().load('isNullObject,address'));
  let reads: Excel.Range[] | undefined = own.map((n) => sheets.getItem(n).getUsedRangeOrNullObject(true).load('isNullObject,values,numberFormat,formulas,rowIndex,columnIndex'));
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    reads = undefined;
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
  out.explanations = notes && !notes.isNullObject ? explanationsFromRows(notes.values) : undefined;
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
    for (let r = 0; r < d.rowCount; r += step) blocks.push({ k, r: d.rowIndex + r, rows: Math.min(step, d.rowCount - r), c: d.columnIndex, cols: d.columnCount });
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

interface StoreRow {
  sheet: string;
  cell: string;
  fill: string;
  note: string;
}

/** The store written by either adapter: original fill as exceljs Fill JSON ('' none), note as JSON ('' none). */
function fillJson(pattern: string, color: string): string {
  if (!pattern || pattern === 'None') return '';
  return JSON.stringify({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + color.replace('#', '').toUpperCase() } });
}

function colorOf(json: string): string | undefined {
  if (!json) return undefined;
  const f = JSON.parse(json) as { fgColor?: { argb?: string } };
  const argb = f.fgColor?.argb;
  return argb ? '#' + argb.slice(-6) : undefined;
}

function noteText(json: string): string | undefined {
  if (!json) return undefined;
  const n = JSON.parse(json) as string | { texts?: { text: string }[] };
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

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

function readStore(values: unknown[][] | undefined): { report?: string; rows: StoreRow[] } {
  if (!values || values[0]?.[0] !== FLAGS_MARK) return { rows: [] };
  return {
    report: String(values[0][1] ?? ''),
    rows: values.slice(1).map((r) => ({ sheet: String(r[0] ?? ''), cell: String(r[1] ?? ''), fill: String(r[2] ?? ''), note: String(r[3] ?? '') })).filter((r) => r.sheet && r.cell),
  };
}

function restore(context: Excel.RequestContext, rows: StoreRow[], opts: NoteSupport, names: Set<string>, comments?: Map<string, Excel.Comment>) {
  for (const row of rows) {
    if (!names.has(row.sheet)) continue;
    const ws = context.workbook.worksheets.getItem(row.sheet);
    const color = colorOf(row.fill);
    if (color) ws.getRange(row.cell).format.fill.color = color;
    else ws.getRange(row.cell).format.fill.clear();
    const note = noteText(row.note);
    if (opts.notes === 'notes') {
      const existing = ws.notes.getItemOrNullObject(row.cell);
      if (note !== undefined) existing.content = note;
      else existing.delete();
    } else if (opts.notes === 'comments') {
      // The comment on the cell is ours (we wrote it when flagging).
      const ours = comments?.get(`${row.sheet}!${row.cell}`) ?? context.workbook.comments.getItemByCell(qualified(row.sheet, row.cell));
      if (note !== undefined) ours.content = note;
      else ours.delete();
    }
  }
}

/**
 * Flag the findings' cells and write 审核报告 in two syncs (three with comments); earlier flags
 * are cleared in the same syncs.
 */
export async function applyFlags(context: Excel.RequestContext, findings: Finding[], opts: NoteSupport): Promise<{ flaggedCells: number; reportSheet: string }> {
  const pendingComments = opts.notes === 'comments' ? await loadComments(context) : undefined;
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const storeUsed = sheets.getItemOrNullObject(FLAGS_SHEET).getUsedRangeOrNullObject().load('isNullObject,values');
  // Every cell a finding may flag: its current fill and note (read now, written after one sync).
  const targets = new Map<string, { fill: Excel.RangeFill; note?: Excel.Note }>();
  for (const f of findings) {
    if (!f.sheet || !f.cell || f.severity === 'info') continue;
    const key = `${f.sheet}!${f.cell}`;
    if (targets.has(key)) continue;
    const ws = sheets.getItemOrNullObject(f.sheet);
    const fill = ws.getRange(f.cell).format.fill.load('color,pattern');
    const note = opts.notes === 'notes' ? ws.notes.getItemOrNullObject(f.cell).load('isNullObject,content') : undefined;
    targets.set(key, { fill, note });
  }
  await context.sync();
  const comments = pendingComments && commentMap(pendingComments);
  const names = new Set(sheets.items.map((s) => s.name));
  const old = readStore(storeUsed.isNullObject ? undefined : storeUsed.values);
  const oldByCell = new Map(old.rows.map((r) => [`${r.sheet}!${r.cell}`, r]));
  const plan = planFlags(findings, (n) => names.has(n) && n !== FLAGS_SHEET && n !== old.report);
  const planned = new Set(plan.cells.map((c) => `${c.sheet}!${c.cell}`));
  // Cells flagged last time and not now get their original back.
  restore(context, old.rows.filter((r) => !planned.has(`${r.sheet}!${r.cell}`)), opts, names, comments);
  if (old.report && names.has(old.report)) sheets.getItem(old.report).delete();
  if (names.has(FLAGS_SHEET)) sheets.getItem(FLAGS_SHEET).delete();
  const taken = new Set([...names].filter((n) => n !== old.report && n !== FLAGS_SHEET));
  const reportName = reportSheetName((n) => taken.has(n));

  const storeRows: StoreRow[] = plan.cells.map((c) => {
    const key = `${c.sheet}!${c.cell}`;
    const prev = oldByCell.get(key);
    if (prev) return prev;
    const t = targets.get(key)!;
    const existingComment = comments?.get(key);
    const note = t.note && !t.note.isNullObject ? JSON.stringify(t.note.content) : existingComment ? JSON.stringify(existingComment.content) : '';
    return { sheet: c.sheet, cell: c.cell, fill: fillJson(t.fill.pattern, t.fill.color), note };
  });
  const store = sheets.add(FLAGS_SHEET);
  const storeValues = [[FLAGS_MARK, reportName, '', ''], ...storeRows.map((r) => [r.sheet, r.cell, r.fill, r.note])];
  store.getRangeByIndexes(0, 0, storeValues.length, 4).values = storeValues;
  store.visibility = 'VeryHidden';

  // Fills: one RangeAreas per sheet and colour, chunked under the address-length limit.
  const groups = new Map<string, string[]>();
  for (const c of plan.cells) {
    const k = `${c.sheet}\u0000${c.severity}`;
    const list = groups.get(k);
    if (list) list.push(c.cell);
    else groups.set(k, [c.cell]);
  }
  for (const [k, cells] of groups) {
    const [sheet, severity] = k.split('\u0000') as [string, FlagKind];
    for (const part of chunks(cells)) sheets.getItem(sheet).getRanges(part).format.fill.color = '#' + FLAG_COLOR[severity];
  }
  if (opts.notes === 'notes')
    for (const c of plan.cells) {
      const t = targets.get(`${c.sheet}!${c.cell}`)!;
      if (t.note && !t.note.isNullObject) t.note.content = c.note;
      else sheets.getItem(c.sheet).notes.add(c.cell, c.note);
    }
  else if (opts.notes === 'comments')
    for (const c of plan.cells) {
      const existing = comments!.get(`${c.sheet}!${c.cell}`);
      if (existing) existing.content = c.note;
      else context.workbook.comments.add(qualified(c.sheet, c.cell), c.note);
    }

  const report = sheets.add(reportName);
  const values = [REPORT_HEADER, ...plan.report.map((r) => r.values.map((v) => (typeof v === 'number' ? v : String(v))))];
  report.getRangeByIndexes(0, 0, values.length, REPORT_HEADER.length).values = values;
  report.getRangeByIndexes(0, 0, 1, REPORT_HEADER.length).format.font.bold = true;
  REPORT_WIDTHS.forEach((w, i) => (report.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * 7));
  plan.report.forEach((r, i) => {
    if (r.link) report.getRangeByIndexes(i + 1, 3, 1, 1).hyperlink = { documentReference: r.link, textToDisplay: String(r.values[3]) };
    if (r.severity !== 'info') report.getRangeByIndexes(i + 1, 1, 1, 1).format.fill.color = '#' + FLAG_COLOR[r.severity];
  });
  report.freezePanes.freezeRows(1);
  await context.sync();
  return { flaggedCells: plan.cells.length, reportSheet: reportName };
}

/** Remove every flag and the report, restoring each cell's fill and note, in two syncs. */
export async function clearFlags(context: Excel.RequestContext, opts: NoteSupport): Promise<boolean> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const storeUsed = sheets.getItemOrNullObject(FLAGS_SHEET).getUsedRangeOrNullObject().load('isNullObject,values');
  await context.sync();
  const names = new Set(sheets.items.map((s) => s.name));
  if (storeUsed.isNullObject) return false;
  const store = readStore(storeUsed.values);
  restore(context, store.rows, opts, names);
  if (store.report && names.has(store.report)) sheets.getItem(store.report).delete();
  sheets.getItem(FLAGS_SHEET).delete();
  await context.sync();
  return true;
}

/**
 * Save (or, with empty text, remove) the unit's 出错说明 for a finding, in two syncs: the cell's
 * content is read for the fingerprint, the store sheet rewritten.
 */
export async function saveExplanation(context: Excel.RequestContext, f: Finding, text: string): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const cell = sheets.getItemOrNullObject(f.sheet).getRange(f.cell).load('isNullObject,values,formulas');
  const store = sheets.getItemOrNullObject(EXPLANATIONS_SHEET).getUsedRangeOrNullObject(true).load('isNullObject,values');
  await context.sync();
  const names = new Set(sheets.items.map((s) => s.name));
  if (cell.isNullObject) throw new Error(`找不到工作表“${f.sheet}”，无法保存说明`);
  const formula = String(cell.formulas[0][0] ?? '');
  const grid: Workbook = { sheets: [{ name: f.sheet, rows: [], merges: [] }] };
  const p = parseA1(f.cell)!;
  grid.sheets[0].rows[p.r] = [];
  const v = cell.values[0][0];
  grid.sheets[0].rows[p.r][p.c] = { value: v === '' ? null : (v as string | number | boolean), formula: formula.startsWith('=') ? formula.slice(1) : undefined };
  const list = upsertExplanation(store.isNullObject ? [] : explanationsFromRows(store.values), f, text, grid);
  if (names.has(EXPLANATIONS_SHEET)) sheets.getItem(EXPLANATIONS_SHEET).delete();
  const ws = sheets.add(EXPLANATIONS_SHEET);
  const rows = explanationRows(list);
  ws.getRangeByIndexes(0, 0, rows.length, 5).values = rows;
  ws.visibility = 'VeryHidden';
  await context.sync();
}

/**
 * Write grid sheets (scaffold, forms, a drafted narrative) into the open workbook in two syncs.
 * Sheets that already exist are not touched unless `overwrite`: the names are returned instead,
 * so the pane can ask before anything of the user's is lost.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  grid: Workbook,
  layouts: Record<string, import('../core/layout').SheetLayout> = {},
  opts: { overwrite?: boolean } = {},
): Promise<{ written: string[]; conflicts: string[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const existing = new Set(sheets.items.map((s) => s.name));
  const conflicts = grid.sheets.map((s) => s.name).filter((n) => existing.has(n));
  if (conflicts.length && !opts.overwrite) return { written: [], conflicts };
  for (const n of conflicts) sheets.getItem(n).delete();
  for (const sheet of grid.sheets) {
    const ws = sheets.add(sheet.name);
    const rows = sheet.rows.length;
    const cols = Math.max(1, ...sheet.rows.map((r) => r?.length ?? 0));
    if (rows) {
      const range = ws.getRangeByIndexes(0, 0, rows, cols);
      range.formulas = sheet.rows.map((r) => Array.from({ length: cols }, (_, c) => {
        const cell = r?.[c];
        if (!cell) return '';
        return cell.formula ? '=' + cell.formula : cell.value === null ? '' : cell.value;
      })) as unknown as string[][];
      range.numberFormat = sheet.rows.map((r) => Array.from({ length: cols }, (_, c) => r?.[c]?.numFmt ?? 'General'));
    }
    for (const m of sheet.merges) ws.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
    const lay = layouts[sheet.name] ?? {};
    (lay.widths ?? []).forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * 7));
    for (const r of [...(lay.boldRows ?? []), ...(lay.titleRows ?? []), ...(lay.centerRows ?? [])]) ws.getRangeByIndexes(r, 0, 1, cols).format.font.bold = true;
    for (const b of lay.borders ?? []) {
      const fmt = ws.getRangeByIndexes(b.top, b.left, b.bottom - b.top + 1, b.right - b.left + 1).format;
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) fmt.borders.getItem(edge).style = 'Continuous';
    }
    if (lay.freezeRows) ws.freezePanes.freezeRows(lay.freezeRows);
  }
  await context.sync();
  return { written: grid.sheets.map((s) => s.name), conflicts };
}
