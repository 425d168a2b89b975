import ExcelJS from 'exceljs';
import { scaffold } from '../../src/scaffold/build';
import { recognize, RecognizedTable, Item, Recognition, wanPerUnit } from '../../src/recognize';
import { Edition, EDITIONS, editionOf } from '../../src/editions';
import { TableSpec } from '../../src/specs/types';
import { Workbook, Range, cellAt } from '../../src/core/grid';
import { readAmount } from '../../src/core/amount';
import { normLabel } from '../../src/core/text';
import { sampleWorkbook } from './grid';

/**
 * The layouts published disclosures print their tables in, generated: the sample's nine tables (its
 * own figures) laid out in either table set's printed form, then varied the way real documents vary
 * — 科目编码 split into 类 | 款 | 项, rulings full, horizontal only, an outer frame or none, names
 * wrapped in tall rows with amounts top-aligned or centred, zeros as "-" or 0.00, no thousands
 * separators, negatives, a table in 元, tables flowing over pages with or without repeated headers,
 * portrait or landscape, shaded or thick header rules, cells filled. Written as .xlsx (exceljs) to be
 * printed by LibreOffice; what is read back from the PDF is compared with what is read from the
 * workbook (tableDigest) and what the checker finds on each.
 */

export interface Layout {
  /** A short id, used in file names. */
  id: string;
  /** 科目编码: one column (201 / 20103 / 2010301), or 类 | 款 | 项: every part, 类 blank on 款/项 rows, or each row its own part only. */
  codes?: 'one' | 'split' | 'split-lei-blank' | 'split-own';
  /** Split codes under one heading without the 类 款 项 row below it. */
  noPartsRow?: boolean;
  /** 经济分类科目编码 (公开06): one column, or 类 | 款. */
  econCodes?: 'one' | 'split';
  /** Rulings: every cell, rules across only, an outer frame, none, a 三线表 (above, under the header, below), or the header ruled in full over a body ruled across. */
  rules?: 'grid' | 'horizontal' | 'frame' | 'none' | 'three-line' | 'header-grid';
  header?: 'plain' | 'shaded' | 'thick';
  /** Every body cell filled (drawn as filled rectangles), or every other row. */
  fill?: 'none' | 'cells' | 'zebra';
  /** Vertical alignment of the body; 'mixed': names top, codes and amounts alternately top and centred. */
  valign?: 'bottom' | 'top' | 'middle' | 'mixed';
  /** Narrow name columns: names wrap, rows grow tall. */
  narrowNames?: boolean;
  /** Thousands separators (default) or none. */
  separators?: boolean;
  /** Zero amounts: left blank (default), a dash, or 0.00. */
  zero?: 'blank' | 'dash' | 'zero';
  /** Some amounts written negative. */
  negatives?: boolean;
  /** Tables (spec ids) written in 元 instead of 万元. */
  yuan?: string[];
  /** All tables on one sheet, one after another (tables start mid-page and run over pages). */
  flow?: boolean;
  /** One table per sheet with its header printed again on every page. */
  repeatHeader?: boolean;
  portrait?: boolean;
  fontSize?: number;
  /** Body row height in points (tall rows run tables over pages). */
  rowHeight?: number;
  /**
   * As typed in a spreadsheet: no merged cells (a heading in the first of its cells), headings and
   * title left-aligned, names clipped by the next cell (what is clipped is not in the PDF's text:
   * only the names' visible part can be read back).
   */
  asTyped?: boolean;
}

/** The layouts of the generated round trips: each alone, then combined. */
export const LAYOUTS: Layout[] = [
  { id: 'grid' },
  { id: 'split-codes', codes: 'split' },
  { id: 'split-lei-blank', codes: 'split-lei-blank', econCodes: 'split' },
  { id: 'split-own', codes: 'split-own' },
  { id: 'split-no-parts-row', codes: 'split', noPartsRow: true },
  { id: 'horizontal', rules: 'horizontal' },
  { id: 'frame', rules: 'frame' },
  { id: 'no-rules', rules: 'none' },
  { id: 'wrapped-top', narrowNames: true, valign: 'top' },
  { id: 'wrapped-middle', narrowNames: true, valign: 'middle' },
  { id: 'wrapped-mixed', narrowNames: true, valign: 'mixed' },
  { id: 'dash-plain', zero: 'dash', separators: false, portrait: true },
  { id: 'three-line', rules: 'three-line' },
  { id: 'header-grid', rules: 'header-grid', narrowNames: true, valign: 'top' },
  { id: 'zeros-negatives', zero: 'zero', negatives: true },
  { id: 'yuan', yuan: ['gk05', 'gk09'] },
  { id: 'flow', flow: true },
  { id: 'repeat-header', repeatHeader: true, rowHeight: 36 },
  { id: 'tall-rows', rowHeight: 36 },
  { id: 'shaded-thick', header: 'thick', fill: 'zebra' },
  { id: 'filled-cells', fill: 'cells', header: 'shaded' },
  { id: 'split-horizontal-wrapped', codes: 'split', econCodes: 'split', rules: 'horizontal', narrowNames: true, valign: 'middle' },
  { id: 'split-no-rules-dash', codes: 'split-lei-blank', rules: 'none', zero: 'dash' },
  { id: 'frame-flow-plain', rules: 'frame', flow: true, separators: false },
  { id: 'as-typed', asTyped: true, rules: 'none' },
  { id: 'as-typed-split', asTyped: true, rules: 'none', codes: 'split-lei-blank', zero: 'dash' },
];

type Value = string | number | null;

/** A table as printed: the lines above it, its header, its body, its note; merges relative to each part. */
export interface PrintedTable {
  spec: TableSpec;
  head: Value[][];
  headMerges: Range[];
  header: Value[][];
  headerMerges: Range[];
  body: Value[][];
  bodyMerges: Range[];
  note?: string;
  widths: number[];
  /** What each column holds. */
  roles: ('code' | 'name' | 'amount' | 'other')[];
  /** Body cells holding amounts (the recognized rows' amount cells), as "r,c". */
  amounts: Set<string>;
}

/** The sample's tables, recognized (the figures every layout prints). */
function sampleTables(): Map<string, RecognizedTable> {
  const wb = sampleWorkbook();
  const rec = recognize(wb, EDITIONS[0].tables);
  return new Map(rec.tables.map((t) => [t.spec.id, t]));
}

/** A recognized row's identity across layouts and table sets. */
export function rowId(it: Item): string {
  return [it.side ?? '', it.isTotal ? '合计' : (it.code ?? it.key ?? (it.classCode ? `类${it.classCode}` : it.label))].join('|');
}

/** The sample's amount for a row and column of a table, as a number (null: blank). */
function sampleAmount(sample: RecognizedTable | undefined, it: Item, col: string): number | null {
  if (!sample) return null;
  const id = rowId(it);
  const s = sample.items.find((x) => rowId(x) === id && x.cols[col] !== undefined);
  if (!s) return null;
  const a = readAmount(cellAt(sample.sheet, s.row, s.cols[col]));
  return a.kind === 'num' ? a.value.toNumber() : null;
}

/** The sample's figures in an edition's printed tables: the scaffold's layout, every amount the sample's (no formulas). */
export function printedTables(edition: Edition): PrintedTable[] {
  const sample = sampleTables();
  const codes = [...new Set([...sample.values()].flatMap((t) => (t.spec.kind === 'coded' ? t.items.map((i) => i.code ?? '') : [])))]
    .filter((c) => c.length === 7)
    .map((code) => ({ code }));
  const built = scaffold({ unit: '秦皇岛经济技术开发区管理委员会办公室（汇总）', edition: edition.id, year: 2023, codes });
  const rec = recognize(built.workbook, edition.tables);
  const out: PrintedTable[] = [];
  for (const spec of edition.tables.tables) {
    const sheet = built.workbook.sheets.find((s) => s.name === spec.code)!;
    const lay = built.layouts[sheet.name];
    const t = rec.tables.find((x) => x.spec.id === spec.id)!;
    const headerTop = Math.min(...lay.centerRows!);
    const headerBottom = Math.max(...lay.centerRows!);
    const bodyBottom = lay.borders![0].bottom;
    const noteRow = lay.noteRows?.[0];
    const width = Math.max(...sheet.rows.map((r) => r.length), lay.widths?.length ?? 0);
    const valueAt = (r: number, c: number): Value => {
      const v = cellAt(sheet, r, c)?.value;
      return v === undefined || v === null || v === '' ? null : (v as string | number);
    };
    const rowsOf = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => Array.from({ length: width }, (_, c) => valueAt(a + i, c)));
    const mergesIn = (a: number, b: number) =>
      sheet.merges.filter((m) => m.top >= a && m.bottom <= b).map((m) => ({ top: m.top - a, bottom: m.bottom - a, left: m.left, right: m.right }));
    const body = rowsOf(headerBottom + 1, bodyBottom);
    const roles: PrintedTable['roles'] = Array(width).fill('other');
    const amounts = new Set<string>();
    const s = sample.get(spec.id);
    // A blank template's 三公 row holds no figure yet, so recognition lists no row: it is the row under the header.
    const items = t.items.length || spec.kind !== 'matrix' ? t.items : [{ key: 'data', label: '', row: headerBottom + 1, cols: t.columns }];
    for (const it of items)
      for (const col in it.cols) {
        const c = it.cols[col];
        roles[c] = 'amount';
        const r = it.row - headerBottom - 1;
        amounts.add(`${r},${c}`);
        body[r][c] = sampleAmount(s, it, col);
      }
    if (spec.kind === 'coded') {
      roles[0] = 'code';
      roles[1] = 'name';
    }
    if (spec.kind === 'econ')
      for (let g = 0; g * 3 < width; g++) {
        roles[g * 3] = 'code';
        roles[g * 3 + 1] = 'name';
      }
    if (spec.kind === 'sides')
      for (let c = 0; c < width; c++) if (roles[c] !== 'amount') roles[c] = /项目/.test(String(valueAt(headerTop + 1, c) ?? '')) ? 'name' : 'other';
    out.push({
      spec,
      head: rowsOf(0, headerTop - 1),
      headMerges: mergesIn(0, headerTop - 1),
      header: rowsOf(headerTop, headerBottom),
      headerMerges: mergesIn(headerTop, headerBottom),
      body,
      bodyMerges: mergesIn(headerBottom + 1, bodyBottom),
      note: noteRow !== undefined ? String(valueAt(noteRow, 0) ?? '') : undefined,
      widths: [...(lay.widths ?? [])],
      roles,
      amounts,
    });
  }
  return out;
}

/** Insert n columns after column c in every part of a table (merges holding c widen). */
function insertColumns(t: PrintedTable, c: number, n: number): void {
  for (const rows of [t.head, t.header, t.body]) for (const row of rows) row.splice(c + 1, 0, ...Array(n).fill(null));
  for (const ms of [t.headMerges, t.headerMerges, t.bodyMerges])
    for (const m of ms) {
      if (m.left > c) m.left += n;
      if (m.right >= c) m.right += n;
    }
  t.widths.splice(c + 1, 0, ...Array(n).fill(6));
  t.roles.splice(c + 1, 0, ...Array(n).fill('code'));
  t.amounts = new Set(
    [...t.amounts].map((k) => {
      const [r, x] = k.split(',').map(Number);
      return `${r},${x > c ? x + n : x}`;
    }),
  );
}

/** A header row of sub-headings (类 款 项) under the header row holding the code columns' headings. */
function splitHeader(t: PrintedTable, cols: number[], parts: string[], partsRow = true): void {
  const at = t.header.findIndex((row) => cols.every((c) => /编码/.test(String(row[c] ?? ''))));
  if (at < 0) return;
  if (!partsRow) {
    for (const c of cols) t.headerMerges.push({ top: at, left: c, bottom: at, right: c + parts.length - 1 });
    return;
  }
  const width = t.header[at].length;
  const inParts = (x: number) => cols.some((c) => x >= c && x < c + parts.length);
  t.header.splice(at + 1, 0, Array(width).fill(null));
  for (const m of t.headerMerges) {
    if (m.top > at) m.top++;
    if (m.bottom > at || (m.bottom === at && !inParts(m.left))) m.bottom++;
  }
  for (const c of cols) {
    parts.forEach((p, k) => (t.header[at + 1][c + k] = p));
    // The heading spans its parts.
    t.headerMerges.push({ top: at, left: c, bottom: at, right: c + parts.length - 1 });
  }
  // Every other heading of that row reaches down over the new one.
  for (let x = 0; x < width; x++) {
    if (inParts(x)) continue;
    if (t.headerMerges.some((m) => x >= m.left && x <= m.right && at >= m.top && at <= m.bottom)) continue;
    if (t.header[at][x] !== null) t.headerMerges.push({ top: at, left: x, bottom: at + 1, right: x });
  }
}

/** 科目编码 split over 类 | 款 | 项 (or 类 | 款 for economic codes). */
function splitCodes(t: PrintedTable, mode: NonNullable<Layout['codes']>, econ: boolean, partsRow = true): void {
  const parts = econ ? ['类', '款'] : ['类', '款', '项'];
  const before = t.roles.map((r, c) => (r === 'code' ? c : -1)).filter((c) => c >= 0);
  for (const c of [...before].reverse()) insertColumns(t, c, parts.length - 1);
  const cols = before.map((c, i) => c + i * (parts.length - 1));
  splitHeader(t, cols, parts, partsRow);
  for (const c of cols)
    for (const row of t.body) {
      const code = row[c];
      if (typeof code !== 'string' || !/^\d{3,7}$/.test(code)) continue;
      const pieces = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].slice(0, parts.length);
      const level = pieces.filter(Boolean).length - 1;
      pieces.forEach((p, k) => {
        let shown: string | null = p || null;
        if (mode === 'split-lei-blank' && level > 0 && k === 0) shown = null;
        if (mode === 'split-own' && k < level) shown = null;
        row[c + k] = shown;
      });
    }
}

/** The generated tables in one layout (a copy: the printed tables are not changed). */
export function applyLayout(tables: PrintedTable[], layout: Layout): PrintedTable[] {
  const out = tables.map((t) => structuredClone(t));
  for (const t of out) {
    if (t.spec.kind === 'coded' && layout.codes && layout.codes !== 'one') splitCodes(t, layout.codes, false, !layout.noPartsRow);
    if (t.spec.kind === 'econ' && layout.econCodes === 'split') splitCodes(t, 'split', true);
    if (layout.negatives) {
      // The first two non-zero amounts of each table, written negative.
      let n = 0;
      for (const k of t.amounts) {
        const [r, c] = k.split(',').map(Number);
        const v = t.body[r][c];
        if (typeof v === 'number' && v !== 0 && n++ < 2) t.body[r][c] = -v;
      }
    }
    if (layout.zero && layout.zero !== 'blank')
      for (const k of t.amounts) {
        const [r, c] = k.split(',').map(Number);
        if (t.body[r][c] === null) t.body[r][c] = 0;
      }
    if (layout.yuan?.includes(t.spec.id)) {
      for (const k of t.amounts) {
        const [r, c] = k.split(',').map(Number);
        const v = t.body[r][c];
        if (typeof v === 'number') t.body[r][c] = Math.round(v * 1000000) / 100;
      }
      for (const row of t.head) row.forEach((v, c) => typeof v === 'string' && (row[c] = v.replace('万元', '元')));
    }
    if (layout.narrowNames) t.roles.forEach((r, c) => r === 'name' && (t.widths[c] = 9));
    if (layout.asTyped) {
      t.headMerges = [];
      t.headerMerges = [];
      t.bodyMerges = [];
      t.roles.forEach((r, c) => r === 'name' && (t.widths[c] = Math.min(t.widths[c], 16)));
    }
  }
  return out;
}

/** Lines a text wraps to in a column of a width (in characters of the default font) at a font size. */
function linesOf(text: string, width: number, size: number): number {
  const units = [...text].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
  return Math.ceil(units / Math.max(2, Math.floor(((width - 1) * 11) / size)));
}

const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const medium: Partial<ExcelJS.Border> = { style: 'medium' };

/** Write the tables in a layout as an xlsx workbook. */
export function layoutWorkbook(tables: PrintedTable[], layout: Layout): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const size = layout.fontSize ?? 10;
  const sep = layout.separators === false ? '0.00' : '#,##0.00';
  const numFmt = layout.zero === 'dash' ? `${sep};-${sep};"-"` : sep;
  // One page wide and as many tall as the table runs (LibreOffice reads a height of 0, "automatic",
  // as one page: every table would be shrunk onto one).
  const newSheet = (name: string) =>
    wb.addWorksheet(name, {
      pageSetup: { paperSize: 9, orientation: layout.portrait ? 'portrait' : 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 999 },
    });
  // Tables one after another on one sheet share its columns: every column as wide as the widest.
  if (layout.flow) for (const t of tables) t.widths = t.widths.map((w) => Math.min(w, 12));
  let ws: ExcelJS.Worksheet | undefined;
  let top = 0;
  for (const t of tables) {
    if (!layout.flow || !ws) {
      ws = newSheet(layout.flow ? '报表' : t.spec.code);
      top = 0;
    } else top += 3;
    const width = t.header[0].length;
    t.widths.forEach((w, i) => {
      const col = ws!.getColumn(i + 1);
      col.width = Math.max(col.width ?? 0, w);
    });
    const put = (r: number, rows: Value[][], merges: Range[]) => {
      rows.forEach((row, i) =>
        row.forEach((v, c) => {
          if (v === null) return;
          ws!.getCell(r + i + 1, c + 1).value = v;
        }),
      );
      for (const m of merges) ws!.mergeCells(r + m.top + 1, m.left + 1, r + m.bottom + 1, m.right + 1);
    };
    // Title, 部门 / 表号, 年度 / 单位.
    put(top, t.head, t.headMerges);
    const title = ws.getRow(top + 1);
    title.font = { bold: true, size: size + 6 };
    title.alignment = { horizontal: layout.asTyped ? 'left' : 'center', vertical: 'middle' };
    title.height = 28;
    for (let i = 1; i < t.head.length; i++) ws.getRow(top + i + 1).font = { size };
    const h0 = top + t.head.length;
    put(h0, t.header, t.headerMerges);
    const b0 = h0 + t.header.length;
    put(b0, t.body, t.bodyMerges);
    const bottom = b0 + t.body.length - 1;
    for (let r = h0; r <= bottom; r++) {
      const header = r < b0;
      const row = ws.getRow(r + 1);
      if (!header && layout.rowHeight) row.height = layout.rowHeight;
      // LibreOffice keeps a row's height as the file gives it: wrapped names need their rows made tall.
      if (!header && (layout.narrowNames || layout.flow)) {
        const lines = Math.max(1, ...t.roles.map((role, c) => (role === 'name' ? linesOf(String(t.body[r - b0][c] ?? ''), t.widths[c], size) : 1)));
        row.height = Math.max(layout.rowHeight ?? 0, lines * size * 1.3 + 4);
      }
      for (let c = 0; c < width; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        const role = t.roles[c];
        cell.font = { size, bold: header };
        let vertical: 'top' | 'middle' | 'bottom' =
          layout.valign === 'mixed' ? (role === 'name' ? 'top' : c % 2 ? 'middle' : 'top') : (layout.valign ?? 'middle');
        if (header) vertical = 'middle';
        cell.alignment = header
          ? layout.asTyped
            ? { horizontal: 'left', vertical: 'bottom' }
            : { horizontal: 'center', vertical, wrapText: true }
          : role === 'amount'
            ? { horizontal: 'right', vertical }
            : { horizontal: 'left', vertical, wrapText: role === 'name' && !!(layout.narrowNames || layout.flow) };
        if (!header && t.amounts.has(`${r - b0},${c}`)) cell.numFmt = numFmt;
        const rules = layout.rules ?? 'grid';
        const border: Partial<ExcelJS.Borders> = {};
        if (rules === 'grid') Object.assign(border, { top: thin, bottom: thin, left: thin, right: thin });
        if (rules === 'horizontal') Object.assign(border, { top: thin, bottom: thin });
        if (rules === 'three-line') {
          if (r === h0) border.top = medium;
          if (r === b0 - 1) border.bottom = thin;
          if (r === bottom) border.bottom = medium;
        }
        if (rules === 'header-grid') Object.assign(border, header ? { top: thin, bottom: thin, left: thin, right: thin } : { bottom: thin });
        if (rules === 'frame') {
          if (r === h0) border.top = thin;
          if (r === bottom) border.bottom = thin;
          if (c === 0) border.left = thin;
          if (c === width - 1) border.right = thin;
        }
        if (layout.header === 'thick' && r === b0 - 1) border.bottom = medium;
        if (layout.header === 'thick' && r === h0) border.top = medium;
        cell.border = border;
        const shade = (argb: string) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } });
        if (header && (layout.header === 'shaded' || layout.header === 'thick')) shade('FFD9D9D9');
        if (!header && layout.fill === 'cells') shade('FFF2F2F2');
        if (!header && layout.fill === 'zebra' && (r - b0) % 2 === 1) shade('FFEDEDED');
      }
    }
    if (layout.repeatHeader && !layout.flow) ws.pageSetup.printTitlesRow = `${h0 + 1}:${b0}`;
    top = bottom + 1;
    if (t.note) {
      top += 1;
      ws.getCell(top + 1, 1).value = t.note;
      ws.mergeCells(top + 1, 1, top + 1, width);
      ws.getCell(top + 1, 1).font = { size: size - 1 };
      ws.getCell(top + 1, 1).alignment = { wrapText: true, vertical: 'top' };
      ws.getRow(top + 1).height = 28;
    }
  }
  return wb;
}

/** The same layout for every edition, with the edition in the file name. */
export const EDITION_IDS = EDITIONS.map((e) => e.id);

/**
 * What a recognition read: every amount by table, row and column (in 万元 where the table says
 * 元, to the cent), and every row's name; equal for a workbook and its printed PDF when the PDF
 * was read right.
 */
export function tableDigest(rec: Recognition): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of rec.tables) {
    for (const it of t.items) {
      const id = `${t.spec.id}|${rowId(it)}`;
      if (it.code || it.classCode) out.set(`${id}|名称`, normLabel(it.label).replace(/[()（）]/g, ''));
      for (const col in it.cols) {
        const a = readAmount(cellAt(t.sheet, it.row, it.cols[col]));
        out.set(`${id}|${col}`, a.kind === 'num' ? a.value.times(wanPerUnit(t)).toFixed(2) : a.kind === 'blank' ? '' : `文字:${a.text}`);
      }
    }
  }
  return out;
}

/** Differences between two digests, as lines a person reads ("key: 工作簿 x，PDF y"). */
export function digestDiff(want: Map<string, string>, got: Map<string, string>): string[] {
  const keys = new Set([...want.keys(), ...got.keys()]);
  const zero = (v: string | undefined) => (v === undefined || v === '' || v === '0.00' ? '' : v);
  return [...keys]
    .filter((k) => (k.endsWith('|名称') ? want.get(k) !== got.get(k) : zero(want.get(k)) !== zero(got.get(k))))
    .sort()
    .map((k) => `${k}: 工作簿 ${want.get(k) ?? '（无）'}，PDF ${got.get(k) ?? '（无）'}`);
}

export { editionOf };
export type { Workbook };
