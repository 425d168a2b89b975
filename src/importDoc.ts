import { Workbook, Sheet, Cell, newSheet, cellText } from './core/grid';
import { readAmount } from './core/amount';
import { TableSetSpec } from './specs/types';
import { recognize, pickTableSet, cellPositions } from './recognize';
import { isNoteRow, SheetView } from './recognize/sheetView';
import { SheetLayout } from './core/layout';

/** Sheet names of an imported document besides the tables. */
export const SECTION_SHEETS = {
  cover: '封面',
  overview: '部门概况',
  narrative: '情况说明',
  forms: '绩效自评表',
  glossary: '名词解释',
  other: '其他内容',
} as const;

const MONEY_FMT = '#,##0.00';
const PART = /^第([一二三四])部分/;
const FORM_TITLE = /绩效自评表$/;

/**
 * Lay a text document's grid out as a workbook: one sheet per recognized table (named by its
 * code, 公开01 …, amounts as numbers), 部门概况, 情况说明 (one paragraph per row), 绩效自评表
 * (forms as they are), plus the cover and glossary so nothing of the document is lost.
 */
export function importDocument(doc: Workbook, set: TableSetSpec = pickTableSet(doc)): Workbook {
  const src = doc.sheets[0];
  const out: Workbook = { sheets: [], source: doc.source };
  if (!src) return out;
  const view = new SheetView(src);
  const rec = recognize(doc, set);
  const taken = new Set<number>();
  const tableSheets: Sheet[] = [];
  for (const t of rec.tables.filter((x) => x.sheet === src)) {
    const sheet = newSheet(t.spec.code, 'text');
    const amountPos = new Set<string>();
    for (const it of t.items) for (const p of cellPositions(it)) amountPos.add(p.r + ',' + p.c);
    let last = t.dataEnd;
    if (last + 1 < view.rowCount && isNoteRow(view.rowTexts(last + 1))) last++;
    for (let r = t.titleAt.r; r <= last; r++) {
      taken.add(r);
      const row = src.rows[r] ?? [];
      sheet.rows.push(row.map((cell, c) => (cell ? convert(cell, amountPos.has(r + ',' + c)) : undefined)));
    }
    tableSheets.push(sheet);
  }
  // In the table set's order (表一 … 表九, 公开01 … 公开09), whatever the order of their names.
  const order = (name: string) => set.tables.findIndex((t) => t.code === name);
  tableSheets.sort((a, b) => order(a.name) - order(b.name) || (a.name < b.name ? -1 : 1));

  // Sections by their 第X部分 headings (the last occurrence: the table of contents comes first).
  const partAt: Record<string, number> = {};
  for (let r = 0; r < view.rowCount; r++) {
    const texts = view.rowTexts(r);
    // A heading the PDF spaced out (第三部分    …情况说明) reads as several cells of one row.
    const m = texts.length <= 3 ? PART.exec(texts.map((t) => t.t).join(' ')) : null;
    if (m) partAt[m[1]] = r;
  }
  const n = view.rowCount;
  // A part's heading found only in the table of contents (its own heading missing, or printed on
  // a table's page) stands before the part above it: it is not where that part starts.
  const firstTable = tableSheets.length ? Math.min(...rec.tables.map((t) => t.titleAt.r)) : -1;
  const after = (r: number | undefined, prev: number) => (r !== undefined && r > prev ? r : undefined);
  const p1 = partAt['一'] ?? -1;
  const p2 = after(partAt['二'], p1) ?? (firstTable > p1 ? firstTable : -1);
  const p3 = after(partAt['三'], Math.max(p1, p2)) ?? -1;
  const p4 = after(partAt['四'], Math.max(p1, p2, p3)) ?? n;
  const cover: number[] = [];
  const overview: number[] = [];
  const narrative: number[] = [];
  const forms: number[] = [];
  const glossary: number[] = [];
  let formStart = -1;
  let formEnd = -1;
  if (p3 >= 0) {
    for (let r = p3; r < p4; r++) {
      const texts = view.rowTexts(r);
      if (formStart < 0 && texts.length === 1 && FORM_TITLE.test(texts[0].t) && !/[，。]/.test(texts[0].t)) formStart = r;
      if (formStart >= 0 && (texts.length >= 2 || (texts.length === 1 && FORM_TITLE.test(texts[0].t)))) formEnd = r;
    }
  }
  for (let r = 0; r < n; r++) {
    if (taken.has(r)) continue;
    if (p1 >= 0 && r < p1) cover.push(r);
    else if (p1 >= 0 && r < (p2 >= 0 ? p2 : p3 >= 0 ? p3 : n)) overview.push(r);
    else if (p3 >= 0 && r >= p3 && r < p4) (formStart >= 0 && r >= formStart && r <= formEnd ? forms : narrative).push(r);
    else if (r >= p4) glossary.push(r);
    else if (p1 < 0 && p3 < 0) narrative.push(r);
    else if (p2 >= 0 && r >= p2 && (p3 < 0 || r < p3))
      continue; // part-two headings between tables
    else narrative.push(r);
  }
  const paragraphs = (name: string, rows: number[]) => {
    const sheet = newSheet(name, 'text');
    for (const r of rows) {
      const text = (src.rows[r] ?? [])
        .map(cellText)
        .filter((t) => t !== '')
        .join('\t');
      if (text) sheet.rows.push([{ value: text }]);
    }
    return sheet;
  };
  const asIs = (name: string, rows: number[]) => {
    const sheet = newSheet(name, 'text');
    for (const r of rows) sheet.rows.push((src.rows[r] ?? []).map((c) => (c ? convert(c, false) : undefined)));
    while (sheet.rows.length && sheet.rows[sheet.rows.length - 1].length === 0) sheet.rows.pop();
    return sheet;
  };
  // A document with no table found keeps its rows of several fields as they are (not as paragraphs
  // of a 情况说明): it stays a document of fields, checked as such with or without its copy.
  const fielded = (rows: number[]) => (rec.tables.length || rec.unreadable.length ? [] : rows.filter((r) => view.rowTexts(r).length > 1));
  const kept = new Set([...fielded(narrative), ...fielded(cover), ...fielded(overview), ...fielded(glossary)]);
  const without = (rows: number[]) => rows.filter((r) => !kept.has(r));
  const sheets = [
    paragraphs(SECTION_SHEETS.cover, without(cover)),
    paragraphs(SECTION_SHEETS.overview, without(overview)),
    ...tableSheets,
    paragraphs(SECTION_SHEETS.narrative, without(narrative)),
    asIs(SECTION_SHEETS.forms, forms),
    paragraphs(SECTION_SHEETS.glossary, without(glossary)),
    asIs(
      SECTION_SHEETS.other,
      [...kept].sort((a, b) => a - b),
    ),
  ];
  out.sheets = sheets.filter((s) => s.rows.length > 0);
  return out;
}

/** Column widths and frozen header rows for an imported document's sheets. */
export function importLayouts(grid: Workbook): Record<string, SheetLayout> {
  const layouts: Record<string, SheetLayout> = {};
  for (const s of grid.sheets) {
    if (s.name === SECTION_SHEETS.narrative || s.name === SECTION_SHEETS.overview || s.name === SECTION_SHEETS.cover || s.name === SECTION_SHEETS.glossary)
      layouts[s.name] = { widths: [120], landscape: false };
    else if (s.name === SECTION_SHEETS.forms) layouts[s.name] = { widths: [16, 18, 18, 24, 24, 10, 8, 10, 12, 16, 12, 10] };
    else layouts[s.name] = { widths: [34, 30, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16] };
  }
  return layouts;
}

/** Amount cells become numbers (shown #,##0.00); everything else stays the text it was. */
function convert(cell: Cell, isAmount: boolean): Cell {
  if (!isAmount) return { value: cell.value };
  const a = readAmount(cell);
  if (a.kind === 'num' && !a.percent)
    return { value: a.value.toNumber(), numFmt: a.decimals <= 2 ? MONEY_FMT : '#,##0.' + '0'.repeat(Math.min(a.decimals, 6)) };
  return { value: cell.value };
}
