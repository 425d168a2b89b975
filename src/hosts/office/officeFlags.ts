/// <reference types="office-js" />
import { a1 } from '../../core/grid';
import { Finding, flaggedCells } from '../../core/findings';
import type { FlagOutcome, ClearOutcome } from '../host';
import { EXPLANATIONS_SHEET } from '../../core/explanations';
import { StoreRow, STORE_COLUMNS, storeValues, noteText, NOTE_KEPT, isNoteKept, parsedOrUndefined, OfficeFill, officePatternOf } from '../../core/flagStore';
import { FLAGS_SHEET, FLAGS_MARK, FLAG_COLOR, REPORT_HEADER, REPORT_WIDTHS, REPORT_COL, planFlags, reportSheetName, FlagKind } from '../../core/flagPlan';
import { ruleLabel } from '../../check/registry';
import {
  ExcelSupport,
  printLayout,
  flaggable,
  qualified,
  loadComments,
  commentMap,
  REQUEST_BUDGET,
  CALL_COST,
  callBytes,
  Batch,
  writeRows,
  structureRefused,
  chunks,
  removeSheet,
} from './excelBatch';
import { STORE_DRAFT_PREFIX, readStore, writeStore, loadStore, storeOf, tidyDrafts } from './officeStore';

/**
 * Flags in the open workbook and 清除标记: each cell's own fill and note kept in the store first,
 * then the fills, notes (or comments) and 审核报告; cleared by giving every cell its own back.
 */

/** A cell's fill as the store keeps it: '#RRGGBB' ('' for none), and the rest of it as raw when it is more than a plain colour. */
export function fillOf(f: Excel.RangeFill, opts: ExcelSupport): { fill: string; raw: string } {
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
export function restoreFill(range: Excel.Range, row: StoreRow, opts: ExcelSupport) {
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
    const pattern = officePatternOf(kept.pattern);
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
export const fillProps = (opts: ExcelSupport) => (opts.pageLayout ? 'color,pattern,patternColor,patternTintAndShade,tintAndShade' : 'color');

/** Give cells their own fill and note back (queued through the batch, in order). */
export async function restore(batch: Batch, context: Excel.RequestContext, rows: StoreRow[], opts: ExcelSupport, comments?: Map<string, Excel.Comment>) {
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
  // Every cell a finding may flag: its current fill and note (read now, written after a sync).
  const targets = new Map<string, { fill: Excel.RangeFill; note?: Excel.Note }>();
  for (const f of findings)
    for (const at of flaggedCells(f)) {
      const key = `${at.sheet}!${at.cell}`;
      if (targets.has(key)) continue;
      await batch.add(callBytes(at.sheet, at.cell, fillProps(opts)) * (opts.notes === 'notes' ? 2 : 1), () => {
        const ws = sheets.getItemOrNullObject(at.sheet);
        const fill = ws.getRange(at.cell).format.fill.load(fillProps(opts));
        const note = opts.notes === 'notes' ? ws.notes.getItemOrNullObject(at.cell).load('isNullObject,content') : undefined;
        targets.set(key, { fill, note });
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
