import { Workbook, Sheet, Cell, Range, PageBox, newSheet } from '../../core/grid';
import { sheetNameFor } from '../text/textDocument';

/**
 * A PDF's pages as the grid model, from the page geometry rather than from text lines: each
 * table's cells from the ruling lines it draws (a cell is the box between rulings; a label wrapped
 * over two lines inside it is one label; an empty cell stays empty; a merged cell's text stands in
 * its top-left cell, as in a workbook), the text around the tables as one row per line, running
 * page numbers dropped. Every cell keeps its page and box. Pure: pdfPages.ts reads the PDF.
 */

/** A text run as the PDF places it: top-left origin, in points. */
export interface PdfText {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A ruling: a thin filled rectangle or a stroked line, as a box (x0 < x1, y0 < y1, top-left origin). */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  width: number;
  height: number;
  texts: PdfText[];
  rules: PdfRule[];
}

const THIN = 2.5;
const NEAR = 2;

interface Run extends PdfText {
  /** Vertical centre. */
  cy: number;
}

/** Runs in lines, top to bottom: a run belongs to a line when its centre is within half a height of the line's; each line left to right. */
function linesOf(runs: Run[]): Run[][] {
  const lines: Run[][] = [];
  for (const r of [...runs].sort((a, b) => a.cy - b.cy || a.x - b.x)) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].cy - r.cy) < Math.min(line[0].h, r.h) * 0.5) line.push(r);
    else lines.push([r]);
  }
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines;
}

/** The cell some runs make, given in reading order: their words joined, the box around them on the page. */
function cellOf(parts: Run[], page: number): Cell {
  const x = Math.min(...parts.map((p) => p.x));
  const y = Math.min(...parts.map((p) => p.y));
  const box: PageBox = { page, x, y, w: Math.max(...parts.map((p) => p.x + p.w)) - x, h: Math.max(...parts.map((p) => p.y + p.h)) - y };
  return { value: parts.reduce((acc, p, k) => (k ? joinText(acc, p.s, true) : p.s), '').trim(), box };
}

/** Join the pieces of one word the PDF split ("307" "." "82", "万" "元"): same line, touching, no ruling between. */
function runsOf(texts: PdfText[], rules: PdfRule[] = []): Run[] {
  const verticals = rules.filter((r) => r.x1 - r.x0 <= THIN && r.y1 - r.y0 > 4);
  const ruledBetween = (a: Run, b: Run) => verticals.some((v) => v.x0 >= a.x + a.w - 1 && v.x1 <= b.x + 1 && v.y0 <= b.cy && v.y1 >= b.cy);
  const items = texts.filter((t) => t.s.trim()).map((t) => ({ ...t, s: t.s.replace(/\s+/g, ' '), cy: t.y + t.h / 2 }));
  const out: Run[] = [];
  for (const line of linesOf(items)) {
    let cur: Run | undefined;
    for (const it of line) {
      const gap = cur ? it.x - (cur.x + cur.w) : Infinity;
      if (cur && gap < Math.max(cur.h, it.h) * 0.6 && !ruledBetween(cur, it)) {
        cur.s = joinText(cur.s, it.s, gap > Math.max(cur.h, it.h) * 0.25);
        cur.w = it.x + it.w - cur.x;
        const top = Math.min(cur.y, it.y);
        cur.h = Math.max(cur.y + cur.h, it.y + it.h) - top;
        cur.y = top;
      } else {
        cur = { ...it };
        out.push(cur);
      }
    }
  }
  return out;
}

/** Two pieces of one text: Chinese joined as is; a space kept between Latin words or figures set apart. */
function joinText(a: string, b: string, spaced: boolean): string {
  const last = a[a.length - 1] ?? '';
  const first = b[0] ?? '';
  const latin = /[A-Za-z0-9%.,)]/.test(last) && /[A-Za-z0-9(]/.test(first);
  return spaced && latin && !/[.\d]/.test(first + last) ? `${a} ${b}` : `${a}${b}`.replace(/\s{2,}/g, ' ');
}

/** Positions within NEAR of each other, as one. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out[out.length - 1] > NEAR) out.push(v);
  return out;
}

interface Table {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  hs: PdfRule[];
  vs: PdfRule[];
}

/** The ruled tables of a page: groups of horizontal and vertical rulings that touch. */
function tablesOf(rules: PdfRule[]): Table[] {
  const segs = rules.filter((r) => r.x1 - r.x0 <= THIN !== r.y1 - r.y0 <= THIN && Math.max(r.x1 - r.x0, r.y1 - r.y0) > 4);
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < segs.length; i++)
    for (let j = i + 1; j < segs.length; j++) {
      const a = segs[i];
      const b = segs[j];
      if (a.x0 <= b.x1 + NEAR && b.x0 <= a.x1 + NEAR && a.y0 <= b.y1 + NEAR && b.y0 <= a.y1 + NEAR) parent[find(i)] = find(j);
    }
  const groups = new Map<number, PdfRule[]>();
  segs.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s]));
  const out: Table[] = [];
  for (const g of groups.values()) {
    const hs = g.filter((r) => r.y1 - r.y0 <= THIN);
    const vs = g.filter((r) => r.x1 - r.x0 <= THIN);
    if (hs.length < 2 || vs.length < 2) continue;
    out.push({
      x0: Math.min(...g.map((r) => r.x0)),
      y0: Math.min(...g.map((r) => r.y0)),
      x1: Math.max(...g.map((r) => r.x1)),
      y1: Math.max(...g.map((r) => r.y1)),
      hs,
      vs,
    });
  }
  return out.sort((a, b) => a.y0 - b.y0);
}

/** Whether a text is a running page number ("12", "- 12 -", "第 12 页") near the top or bottom edge. */
function isPageNumber(r: Run, page: PdfPage): boolean {
  const edge = r.y > page.height * 0.9 || r.y + r.h < page.height * 0.08;
  return edge && /^[-—–\s]*(第\s*)?\d{1,4}(\s*页)?(\s*\/\s*\d+)?[-—–\s]*$/.test(r.s);
}

interface Block {
  top: number;
  rows: Cell[][];
  merges: Range[];
  /** A table's rows, to drop a header repeated on the next page. */
  table?: string[];
}

/** A ruled table's cells: bands between rulings, each text in the merged cell it lies in. */
function tableBlock(t: Table, runs: Run[], pageNo: number): Block {
  const ys = cluster(t.hs.map((h) => (h.y0 + h.y1) / 2));
  const xs = cluster(t.vs.map((v) => (v.x0 + v.x1) / 2));
  const bandOf = (edges: number[], v: number) => {
    let i = 0;
    while (i < edges.length - 2 && v >= edges[i + 1]) i++;
    return i;
  };
  // Whether a vertical ruling crosses a row band at x (a merged cell has none inside it), and a
  // horizontal one a column band at y.
  // Rulings are often drawn in pieces (one per cell side): what counts is how much of the band
  // the pieces at that position cover together.
  const covered = (pieces: [number, number][], a: number, b: number) => {
    let sum = 0;
    let reach = a;
    for (const [p0, p1] of pieces.sort((x, y) => x[0] - y[0])) {
      const s0 = Math.max(p0, reach);
      const s1 = Math.min(p1, b);
      if (s1 > s0) {
        sum += s1 - s0;
        reach = s1;
      }
    }
    return sum >= (b - a) * 0.7;
  };
  const vAt = (x: number, r: number) =>
    covered(
      t.vs.filter((v) => Math.abs((v.x0 + v.x1) / 2 - x) <= NEAR).map((v) => [v.y0, v.y1]),
      ys[r],
      ys[r + 1],
    );
  const hAt = (y: number, c: number) =>
    covered(
      t.hs.filter((h) => Math.abs((h.y0 + h.y1) / 2 - y) <= NEAR).map((h) => [h.x0, h.x1]),
      xs[c],
      xs[c + 1],
    );
  const nRows = Math.max(ys.length - 1, 1);
  const nCols = Math.max(xs.length - 1, 1);
  const cells = new Map<string, { r: number; c: number; r1: number; c1: number; parts: Run[] }>();
  // Each run in the band it stands in; a band with text of its own is a cell even where the table
  // draws no ruling beside it (many print only some inner borders).
  const natural = runs.map((run) => ({ run, r: bandOf(ys, run.cy), c: bandOf(xs, run.x + Math.min(run.w, run.h) / 2) }));
  const held = new Set(natural.map((n) => `${n.r},${n.c}`));
  for (const { run, r: r0, c: c0 } of natural) {
    let r = r0;
    let c = c0;
    // Up and left to the merged cell's top-left: no ruling between, and no text of another cell.
    while (c > 0 && !vAt(xs[c], r) && !held.has(`${r},${c - 1}`)) c--;
    while (r > 0 && !hAt(ys[r], c) && !held.has(`${r - 1},${c}`)) r--;
    let c1 = c0;
    while (c1 < nCols - 1 && !vAt(xs[c1 + 1], r0) && !held.has(`${r0},${c1 + 1}`)) c1++;
    let r1 = r0;
    while (r1 < nRows - 1 && !hAt(ys[r1 + 1], c0) && !held.has(`${r1 + 1},${c0}`)) r1++;
    const k = `${r},${c}`;
    const cell = cells.get(k) ?? { r, c, r1, c1, parts: [] };
    cell.parts.push(run);
    cells.set(k, cell);
  }
  const rows: Cell[][] = Array.from({ length: nRows }, () => []);
  const merges: Range[] = [];
  for (const cell of cells.values()) {
    rows[cell.r][cell.c] = cellOf(
      cell.parts.sort((a, b) => a.cy - b.cy || a.x - b.x),
      pageNo,
    );
    if (cell.r1 > cell.r || cell.c1 > cell.c) merges.push({ top: cell.r, left: cell.c, bottom: cell.r1, right: cell.c1 });
  }
  return { top: t.y0, rows, merges, table: rows.map((row) => row.map((c) => String(c?.value ?? '')).join('\t')) };
}

/** A text near the top or bottom edge of its page, by its words and edge ('' elsewhere). */
function edgeKey(r: Run, page: PdfPage): string {
  if (r.y + r.h < page.height * 0.07) return `上|${r.s}`;
  if (r.y > page.height * 0.93) return `下|${r.s}`;
  return '';
}

/**
 * Running headers and footers: the same words at the same edge of most pages (a document title
 * above every page, "部门决算公开" in the footer). Dropped like page numbers; a document of two
 * pages has none worth telling.
 */
function runningLines(pages: PdfPage[]): Set<string> {
  const out = new Set<string>();
  if (pages.length < 3) return out;
  const seen = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(
      runsOf(page.texts)
        .map((r) => edgeKey(r, page))
        .filter(Boolean),
    );
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  for (const [k, n] of seen) if (n >= Math.max(3, pages.length / 2)) out.add(k);
  return out;
}

/** Every page of a PDF as one sheet, top to bottom. */
export function pagesToWorkbook(pages: PdfPage[], name = '文档'): Workbook {
  const sheet: Sheet = newSheet(sheetNameFor(name), 'text');
  let lastTable: string[] | undefined;
  // Whether the last block of the page before was a table (a table runs on only from there).
  let lastWasTable = false;
  let lastLead: string[] = [];
  const textOf = (b: Block) => b.rows.map((r) => Array.from(r, (c) => String(c?.value ?? '')).join('\t')).join('\n');
  const running = runningLines(pages);
  pages.forEach((page, i) => {
    const pageNo = i + 1;
    const runs = runsOf(page.texts, page.rules).filter((r) => !isPageNumber(r, page) && !running.has(edgeKey(r, page)));
    const tables = tablesOf(page.rules);
    const inside = (r: Run, t: Table) => r.cy > t.y0 && r.cy < t.y1 && r.x + r.w / 2 > t.x0 && r.x + r.w / 2 < t.x1;
    const blocks: Block[] = [];
    for (const t of tables)
      blocks.push(
        tableBlock(
          t,
          runs.filter((r) => inside(r, t)),
          pageNo,
        ),
      );
    // The text around the tables: one row per line, its runs joined.
    for (const line of linesOf(runs.filter((r) => !tables.some((t) => inside(r, t))))) {
      // Words far apart on one line ("部门：某某局" … "公开01表") are fields of their own.
      const fields: Run[][] = [];
      for (const r of line) {
        const last = fields[fields.length - 1]?.at(-1);
        if (last && r.x - (last.x + last.w) < Math.max(last.h, r.h) * 2) fields[fields.length - 1].push(r);
        else fields.push([r]);
      }
      blocks.push({ top: Math.min(...line.map((r) => r.y)), rows: [fields.map((f) => cellOf(f, pageNo))], merges: [] });
    }
    blocks.sort((a, b) => a.top - b.top);
    // The lines above the page's first table, and whether they repeat those above the last
    // table of the page before (print titles: the title, 部门, 单位 printed again on each page).
    const firstTable = blocks.findIndex((b) => b.table);
    const lead = (firstTable < 0 ? [] : blocks.slice(0, firstTable)).map(textOf);
    const repeatsTitles = lead.length > 0 && lead.length === lastLead.length && lead.every((t, k) => t === lastLead[k]);
    const continues = lastWasTable && firstTable >= 0 && (firstTable === 0 || repeatsTitles);
    blocks.forEach((b, k) => {
      let rows = b.rows;
      let merges = b.merges;
      if (continues && k < firstTable) return;
      // A table continued from the page before (nothing above it but the titles printed again)
      // repeats its header: dropped, the rows continue. Another table with the same header under
      // its own title (表八, 表九) is a table of its own.
      if (b.table && lastTable && k === firstTable && continues) {
        let n = 0;
        while (n < b.table.length && n < lastTable.length && b.table[n] === lastTable[n] && b.table[n].trim()) n++;
        if (n > 0) {
          rows = rows.slice(n);
          merges = merges.filter((m) => m.top >= n).map((m) => ({ ...m, top: m.top - n, bottom: m.bottom - n }));
        }
      }
      const at = sheet.rows.length;
      for (const m of merges) sheet.merges.push({ top: m.top + at, left: m.left, bottom: m.bottom + at, right: m.right });
      for (const row of rows) sheet.rows.push(row);
      if (b.table) {
        // The lines right above this table (its title, 部门, 单位), as a later page would repeat them.
        let j = k;
        while (j > 0 && !blocks[j - 1].table && k - j < 6) j--;
        lastLead = blocks.slice(j, k).map(textOf);
        if (!(continues && k === firstTable)) lastTable = b.table;
      }
      lastWasTable = !!b.table;
    });
  });
  return { sheets: [sheet], source: name };
}
