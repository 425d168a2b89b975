import { Workbook, Sheet, Cell, Range, PageBox, newSheet } from '../../core/grid';
import { sheetNameFor } from '../text/textDocument';
import { alignColumns, headerEnd, rowsOfLines, isFigure } from './pdfColumns';
import { isMetaRow } from '../../recognize/sheetView';
import { normLabel } from '../../core/text';
import { PDF_TOLERANCE, pageEdgeOf } from './tolerances';

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
  /** Why the page was not read whole (too many rulings or objects): its tables may be misread. */
  limited?: string;
}

const THIN = PDF_TOLERANCE.thin;
const NEAR = PDF_TOLERANCE.near;

interface Run extends PdfText {
  /** Vertical centre. */
  cy: number;
}

/** Runs in lines, top to bottom: a run belongs to a line when its centre is within half a height of the line's; each line left to right. */
export function linesOf(runs: Run[]): Run[][] {
  const lines: Run[][] = [];
  for (const r of [...runs].sort((a, b) => a.cy - b.cy || a.x - b.x)) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].cy - r.cy) < Math.min(line[0].h, r.h) * PDF_TOLERANCE.sameLine) line.push(r);
    else lines.push([r]);
  }
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines;
}

/** The cell some runs make, given in reading order: their words joined, the box around them on the page. */
function cellOf(parts: Run[], page: number): Cell {
  let x = Infinity;
  let y = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const p of parts) {
    x = Math.min(x, p.x);
    y = Math.min(y, p.y);
    right = Math.max(right, p.x + p.w);
    bottom = Math.max(bottom, p.y + p.h);
  }
  const box: PageBox = { page, x, y, w: right - x, h: bottom - y };
  return { value: parts.reduce((acc, p, k) => (k ? joinText(acc, p.s, true) : p.s), '').trim(), box };
}

/** Join the pieces of one word the PDF split ("307" "." "82", "万" "元"): same line, touching, no ruling between. */
function runsOf(texts: PdfText[], rules: PdfRule[] = []): Run[] {
  const verticals = rules.filter((r) => r.x1 - r.x0 <= THIN && r.y1 - r.y0 > PDF_TOLERANCE.shortestRule);
  const ruledBetween = (a: Run, b: Run) => verticals.some((v) => v.x0 >= a.x + a.w - 1 && v.x1 <= b.x + 1 && v.y0 <= b.cy && v.y1 >= b.cy);
  const items = texts.filter((t) => t.s.trim()).map((t) => ({ ...t, s: t.s.replace(/\s+/g, ' '), cy: t.y + t.h / 2 }));
  const out: Run[] = [];
  for (const line of linesOf(items)) {
    let cur: Run | undefined;
    for (const it of line) {
      const gap = cur ? it.x - (cur.x + cur.w) : Infinity;
      if (cur && gap < Math.max(cur.h, it.h) * PDF_TOLERANCE.join && !ruledBetween(cur, it)) {
        cur.s = joinText(cur.s, it.s, gap > Math.max(cur.h, it.h) * PDF_TOLERANCE.space);
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

/**
 * Whether a table draws rulings between its columns down to its last row (not only its frame, nor
 * only its header's): then its cells are read from its rulings.
 */
function innerVerticals(t: Table): boolean {
  const inner = t.vs.filter((v) => (v.x0 + v.x1) / 2 > t.x0 + NEAR * 2 && (v.x0 + v.x1) / 2 < t.x1 - NEAR * 2);
  const byX = new Map<number, number>();
  let reaches = false;
  for (const v of inner) {
    const x = Math.round((v.x0 + v.x1) / 2 / NEAR);
    byX.set(x, (byX.get(x) ?? 0) + (v.y1 - v.y0));
    if (v.y1 >= t.y1 - NEAR * 2) reaches = true;
  }
  return reaches && Math.max(0, ...byX.values()) >= (t.y1 - t.y0) * 0.6;
}

/**
 * The ruled tables of a page: groups of horizontal and vertical rulings that touch, and runs of
 * rules across drawn one under another (a table ruled only across, a 三线表), each rule possibly
 * drawn in pieces. A run of rules across that meets a ruled group (a header ruled in full over a
 * body ruled only across) is one table with it.
 */
function tablesOf(rules: PdfRule[], breaksBetween: (ya: number, yb: number) => boolean = () => false): Table[] {
  const segs = rules.filter((r) => r.x1 - r.x0 <= THIN !== r.y1 - r.y0 <= THIN && Math.max(r.x1 - r.x0, r.y1 - r.y0) > PDF_TOLERANCE.shortestRule);
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    // (Paths halved on the way: long chains of rulings stay shallow.)
    for (let k = i; parent[k] !== r;) [k, parent[k]] = [parent[k], r];
    return r;
  };
  // Rulings that touch, found through a grid of buckets rather than every pair: a page of a
  // million segments is read in time proportional to them, not to their square.
  for (const [i, j] of touchingPairs(segs)) parent[find(i)] = find(j);
  const groups = new Map<number, PdfRule[]>();
  segs.forEach((s, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(s);
    else groups.set(root, [s]);
  });
  const boxOf = (g: PdfRule[]): Table => {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const r of g) {
      if (r.x0 < x0) x0 = r.x0;
      if (r.y0 < y0) y0 = r.y0;
      if (r.x1 > x1) x1 = r.x1;
      if (r.y1 > y1) y1 = r.y1;
    }
    return { x0, y0, x1, y1, hs: g.filter((r) => r.y1 - r.y0 <= THIN), vs: g.filter((r) => r.x1 - r.x0 <= THIN) };
  };
  const out: Table[] = [];
  const across: PdfRule[] = [];
  for (const g of groups.values()) {
    const t = boxOf(g);
    // (A frame cut by a page break keeps its sides and one rule across.)
    if (t.vs.length >= 2 && t.hs.length >= 1 && t.y1 - t.y0 > 6) out.push(t);
    else if (t.vs.length === 0) across.push(...t.hs);
  }
  // Rules across: pieces at one height are one rule; rules one under another whose widths mostly
  // overlap are one table's, unless a title, unit line or note stands between them.
  const lines: PdfRule[] = [];
  for (const h of [...across].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)) {
    const same = lines.find((l) => Math.abs((l.y0 + l.y1) / 2 - (h.y0 + h.y1) / 2) <= NEAR && h.x0 <= l.x1 + 8 && l.x0 <= h.x1 + 8);
    if (same) {
      same.x0 = Math.min(same.x0, h.x0);
      same.x1 = Math.max(same.x1, h.x1);
    } else lines.push({ ...h });
  }
  const mostly = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
    Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) >= 0.5 * Math.min(a.x1 - a.x0, b.x1 - b.x0);
  const chains: Table[] = [];
  for (const h of lines.filter((l) => l.x1 - l.x0 > 100).sort((a, b) => a.y0 - b.y0)) {
    const last = chains[chains.length - 1];
    if (last && mostly(last, h) && !breaksBetween(last.y1, h.y0)) {
      last.hs.push(h);
      last.x0 = Math.min(last.x0, h.x0);
      last.x1 = Math.max(last.x1, h.x1);
      last.y1 = Math.max(last.y1, h.y1);
    } else chains.push({ x0: h.x0, y0: h.y0, x1: h.x1, y1: h.y1, hs: [h], vs: [] });
  }
  for (const c of chains) {
    // (One rule alone counts only under a ruled group: a body row ruled below only.)
    if (c.hs.length < 2 && !out.some((t) => mostly(t, c) && c.y0 >= t.y1 - NEAR && c.y0 - t.y1 <= 60 && !breaksBetween(t.y1, c.y0))) continue;
    // A ruled group right above (or below) this run of rules, no farther than the run's rows are
    // from each other and with no title between: one table (a header ruled in full over a body
    // ruled only across).
    const ys = c.hs.map((h) => (h.y0 + h.y1) / 2).sort((a, b) => a - b);
    const pitch = ys.length > 1 ? Math.max(NEAR * 2, ...ys.slice(1).map((y, k) => y - ys[k])) : 60;
    const meets = out.find(
      (t) =>
        mostly(t, c) &&
        ((c.y0 >= t.y1 - NEAR && c.y0 - t.y1 <= pitch && !breaksBetween(t.y1, c.y0)) ||
          (t.y0 >= c.y1 - NEAR && t.y0 - c.y1 <= pitch && !breaksBetween(c.y1, t.y0))),
    );
    if (meets) {
      meets.hs.push(...c.hs);
      meets.x0 = Math.min(meets.x0, c.x0);
      meets.x1 = Math.max(meets.x1, c.x1);
      meets.y0 = Math.min(meets.y0, c.y0);
      meets.y1 = Math.max(meets.y1, c.y1);
    } else out.push(c);
  }
  return out.sort((a, b) => a.y0 - b.y0);
}

/** How wide a bucket of the grid that finds touching rulings is, in points. */
const BUCKET = 24;
/** A bucket holding more rulings than this keeps only these for the search (a hostile page's pile of segments in one spot). */
const BUCKET_CAP = 400;

/**
 * Pairs of rulings that touch (boxes within NEAR of each other), each pair once: each ruling is
 * tried only against those sharing a bucket of a grid with it. Some pairs may be found twice;
 * joining a pair twice changes nothing.
 */
function touchingPairs(segs: PdfRule[]): [number, number][] {
  const buckets = new Map<number, number[]>();
  const out: [number, number][] = [];
  const key = (bx: number, by: number) => bx * 100003 + by;
  segs.forEach((a, i) => {
    const bx0 = Math.floor((a.x0 - NEAR) / BUCKET);
    const bx1 = Math.floor((a.x1 + NEAR) / BUCKET);
    const by0 = Math.floor((a.y0 - NEAR) / BUCKET);
    const by1 = Math.floor((a.y1 + NEAR) / BUCKET);
    const seen = new Set<number>();
    for (let bx = bx0; bx <= bx1; bx++)
      for (let by = by0; by <= by1; by++) {
        const k = key(bx, by);
        let list = buckets.get(k);
        if (!list) buckets.set(k, (list = []));
        for (const j of list) {
          if (seen.has(j)) continue;
          const b = segs[j];
          if (a.x0 <= b.x1 + NEAR && b.x0 <= a.x1 + NEAR && a.y0 <= b.y1 + NEAR && b.y0 <= a.y1 + NEAR) {
            seen.add(j);
            out.push([i, j]);
          }
        }
        if (list.length < BUCKET_CAP) list.push(i);
      }
  });
  return out;
}

/** A title, a unit line, a note or a part heading: what stands between two tables, never inside one. */
const SEPARATES_TABLES = /表$|^(部门|单位|金额单位|编制单位)[:：]|^注[:：]|^第[一二三四五六七八九十]+部分/;

/** A figure meeting a name with nothing between (a right-aligned amount touching the next column's left-aligned text). */
const figureMeetsName = (a: string, b: string) =>
  (/[\d%]$/.test(a) && /^[\u4e00-\u9fff]/.test(b)) ||
  (/[\u4e00-\u9fff）)]$/.test(a) && /^[-\d]/.test(b)) ||
  (/\.\d+%?$/.test(a) && /^[-\d]/.test(b)) ||
  // A dash for zero against the next column's code or name.
  (/^[-—–]$/.test(a) && /^[\d\u4e00-\u9fff]/.test(b));

/**
 * A page's words for reading a table by alignment: its text pieces joined where they touch, as
 * the pieces of one cell's text do, and not where a figure meets a name across the least gap.
 */
export function wordsOf(texts: PdfText[]): Run[] {
  const items = texts.filter((t) => t.s.trim()).map((t) => ({ ...t, s: t.s.replace(/\s+/g, ' ').trim(), cy: t.y + t.h / 2 }));
  const out: Run[] = [];
  for (const line of linesOf(items)) {
    let cur: Run | undefined;
    for (const it of line) {
      const gap = cur ? it.x - (cur.x + cur.w) : Infinity;
      // Within a cell the pieces of a text touch; two cells' texts stand apart, however little
      // (wrapped headings centred side by side, a figure against the next column's name).
      if (cur && gap < Math.max(cur.h, it.h) * PDF_TOLERANCE.joinInTable && !((gap > 0.8 || gap < -0.5) && figureMeetsName(cur.s, it.s))) {
        cur.s = joinText(cur.s, it.s, gap > Math.max(cur.h, it.h) * PDF_TOLERANCE.space);
        cur.w = it.x + it.w - cur.x;
        const top = Math.min(cur.y, it.y);
        cur.h = Math.max(cur.y + cur.h, it.y + it.h) - top;
        cur.y = top;
      } else {
        // A text clipped by its cell runs on under the next cell's in the PDF's text: it ends where that begins.
        if (cur && cur.x + cur.w > it.x) cur.w = Math.max(it.x - cur.x - 0.5, Math.min(cur.w, cur.h));
        cur = { ...it };
        out.push(cur);
      }
    }
  }
  return out;
}

/** A line that describes a table rather than being part of it (部门、年度、表号、金额单位), however far apart its words. */
const isMeta = (line: Run[]) => isMetaRow(line.map((w) => ({ t: normLabel(w.s) })));

/** Whether a line's words stand apart as a table's cells do (two of them at least a word's height and a half apart). */
const tabular = (line: Run[]) =>
  !isMeta(line) && line.some((w, k) => k > 0 && w.x - (line[k - 1].x + line[k - 1].w) >= PDF_TOLERANCE.columnGap * Math.max(w.h, line[k - 1].h));

/**
 * Tables drawn without any ruling: runs of lines whose words stand apart in columns (three lines
 * at least, two of them tabular), with the short lines among them (a wrapped name, a 合计 alone);
 * a title, unit line, note or part heading ends one, and so does a gap of more than two lines.
 */
export function alignedTables(words: Run[], continuing = false): Table[] {
  const lines = linesOf(words);
  const out: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!tabular(lines[i]) || SEPARATES_TABLES.test(lines[i].map((w) => w.s).join(''))) {
      i++;
      continue;
    }
    let j = i + 1;
    let x0 = Math.min(...lines[i].map((w) => w.x));
    let x1 = Math.max(...lines[i].map((w) => w.x + w.w));
    let count = 1;
    while (j < lines.length) {
      const line = lines[j];
      const prev = lines[j - 1];
      const h = Math.max(...line.map((w) => w.h));
      const gap = Math.min(...line.map((w) => w.y)) - Math.max(...prev.map((w) => w.y + w.h));
      if (gap > h * 2.5 || isMeta(line) || SEPARATES_TABLES.test(line.map((w) => w.s).join(''))) break;
      const lx0 = Math.min(...line.map((w) => w.x));
      const lx1 = Math.max(...line.map((w) => w.x + w.w));
      // A line of one word within the table's width stays (a wrapped name) when it is narrower than
      // the table or the table goes on right after it.
      const goesOn = lines.slice(j + 1, j + 3).some(tabular);
      // A line of several words goes on with it (cells may touch: a name clipped by the next cell).
      if (tabular(line)) count++;
      else if (line.length > 1) {
        if (lx0 < x0 - h || lx1 > x1 + Math.max(h, (x1 - x0) * 0.25)) break;
      } else if (lx0 < x0 - h || lx1 > x1 + Math.max(h, (x1 - x0) * 0.25) || (lx1 - lx0 > (x1 - x0) * 0.6 && !goesOn)) break;
      x0 = Math.min(x0, lx0);
      x1 = Math.max(x1, lx1);
      j++;
    }
    // At the top of a page after a table read by alignment, a line or two are that table's last rows.
    if ((j - i >= 3 && count >= 2) || (continuing && out.length === 0 && i === 0 && count >= 1)) {
      // Headings alone on their lines right above (项目, 本年支出, a group over its columns) are the table's.
      let top = i;
      while (top > 0 && top > i - 3 && lines[top - 1].length === 1 && !isMeta(lines[top - 1]) && !SEPARATES_TABLES.test(lines[top - 1][0].s)) {
        const w = lines[top - 1][0];
        const below = Math.min(...lines[top].map((x) => x.y));
        if (below - (w.y + w.h) > w.h * 1.5 || w.w > (x1 - x0) * 0.4 || w.x < x0 - w.h || w.x + w.w > x1 + w.h || out.some((t) => t.y1 > w.y)) break;
        top--;
      }
      i = top;
      const ws = lines.slice(i, j).flat();
      out.push({ x0: x0 - 1, y0: Math.min(...ws.map((w) => w.y)) - 1, x1: x1 + 1, y1: Math.max(...ws.map((w) => w.y + w.h)) + 1, hs: [], vs: [] });
    }
    i = j;
  }
  return out;
}

/** Bands between rules across, a band holding two rows' figures (rows ruled only in part) cut between them. */
function bandsSplit(ys: number[], lines: Run[][]): number[] {
  const out: number[] = [ys[0]];
  const mid = (l: Run[]) => (Math.min(...l.map((w) => w.y)) + Math.max(...l.map((w) => w.y + w.h))) / 2;
  for (let k = 0; k + 1 < ys.length; k++) {
    const inBand = lines.filter((l) => mid(l) > ys[k] && mid(l) < ys[k + 1]);
    const rows = rowsOfLines(inBand, 0);
    for (let r = 0; r + 1 < rows.length; r++) {
      if (!rows.slice(r + 1).some(([a]) => inBand[a].some((w) => isFigure(w.s)))) break;
      out.push((Math.max(...inBand[rows[r][1]].map((w) => w.y + w.h)) + Math.min(...inBand[rows[r + 1][0]].map((w) => w.y))) / 2);
    }
    out.push(ys[k + 1]);
  }
  return out;
}

/**
 * Rulings for a table that draws none between its columns: a vertical at each column boundary the
 * text's alignment gives (none where a group heading spans it), and, where no rulings across are
 * drawn between its rows, one between each two lines.
 */
function virtualGrid(t: Table, words: Run[], context: Run[][] = []): { grid: Table; lines: Run[][]; groups: string[] } {
  const lines = linesOf(words);
  // Rows from the rules across when they rule the rows (not only a 三线表's three lines or a frame).
  const ruledYs = cluster([t.y0, ...t.hs.map((h) => (h.y0 + h.y1) / 2), t.y1]);
  const byRules = ruledYs.length >= 5;
  const ys = byRules ? bandsSplit(ruledYs, lines) : [t.y0];
  if (!byRules) {
    // Each header line a row; the body's lines in rows (a wrapped name with the figures of its row).
    let head = context.length ? 0 : headerEnd(lines);
    // The first row's name wrapped above its figures is no header line: far nearer to them than to the header.
    const mid = (l: Run[]) => (Math.min(...l.map((w) => w.y)) + Math.max(...l.map((w) => w.y + w.h))) / 2;
    while (
      head >= 2 &&
      head < lines.length &&
      lines[head - 1].length <= 2 &&
      mid(lines[head]) - mid(lines[head - 1]) < 0.6 * (mid(lines[head - 1]) - mid(lines[head - 2]))
    )
      head--;
    const rows: [number, number][] = [...Array.from({ length: head }, (_, k) => [k, k] as [number, number]), ...rowsOfLines(lines, head)];
    for (let k = 0; k + 1 < rows.length; k++) {
      const bottom = Math.max(...lines[rows[k][1]].map((w) => w.y + w.h));
      const top = Math.min(...lines[rows[k + 1][0]].map((w) => w.y));
      ys.push((bottom + top) / 2);
    }
    ys.push(t.y1);
  }
  // A table run on from the page before is aligned together with its rows there (its header among them).
  const { edges, groups } = alignColumns([...context, ...lines], Math.min(t.x0, ...context.flat().map((w) => w.x)), t.x1);
  const own = new Set(words);
  const x0 = edges[0];
  const x1 = edges[edges.length - 1];
  const hs = ys.map((y) => ({ x0, x1, y0: y - 0.25, y1: y + 0.25 }));
  const vs: PdfRule[] = [x0, x1].map((x) => ({ x0: x - 0.25, x1: x + 0.25, y0: ys[0], y1: ys[ys.length - 1] }));
  for (let r = 0; r + 1 < ys.length; r++)
    for (let e = 1; e + 1 < edges.length; e++) {
      // (Headings of the page before, read for the columns, stand on that page.)
      const spanned = [...groups].some(([w, [a, b]]) => own.has(w as Run) && (w as Run).cy > ys[r] && (w as Run).cy < ys[r + 1] && a < e && b >= e);
      if (!spanned) vs.push({ x0: edges[e] - 0.25, x1: edges[e] + 0.25, y0: ys[r], y1: ys[r + 1] });
    }
  return {
    grid: { x0, y0: ys[0], x1, y1: ys[ys.length - 1], hs, vs },
    lines,
    groups: [...groups].filter(([w]) => own.has(w as Run)).map(([w, [a, b]]) => `${w.s}:${a}-${b}`),
  };
}

/** Whether a text is a running page number ("12", "- 12 -", "第 12 页") near the top or bottom edge. */
function isPageNumber(r: Run, page: PdfPage): boolean {
  return !!pageEdgeOf(r, page.height) && /^[-—–\s]*(第\s*)?\d{1,4}(\s*页)?(\s*\/\s*\d+)?[-—–\s]*$/.test(r.s);
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
  const edge = pageEdgeOf(r, page.height);
  return edge ? `${edge}|${r.s}` : '';
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

/** The text around the tables: one row per line, its runs joined; words far apart on one line ("部门：某某局" … "公开01表") are fields of their own. */
function textBlocks(runs: Run[], pageNo: number): Block[] {
  const out: Block[] = [];
  for (const line of linesOf(runs)) {
    const fields: Run[][] = [];
    for (const r of line) {
      const last = fields[fields.length - 1]?.at(-1);
      if (last && r.x - (last.x + last.w) < Math.max(last.h, r.h) * PDF_TOLERANCE.fieldGap) fields[fields.length - 1].push(r);
      else fields.push([r]);
    }
    out.push({ top: Math.min(...line.map((r) => r.y)), rows: [fields.map((f) => cellOf(f, pageNo))], merges: [] });
  }
  return out;
}

/** What the reader made of a page, for a person looking into a misread table: each table's box, columns and rows. */
export interface PageReading {
  page: number;
  tables: { how: 'ruled' | 'aligned'; x0: number; y0: number; x1: number; y1: number; xs: number[]; ys: number[]; groups: string[] }[];
}

/** A block's text, row by row: how a page's titles are compared with the page before's. */
const textOf = (b: Block) => b.rows.map((r) => Array.from(r, (c) => String(c?.value ?? '')).join('\t')).join('\n');

/**
 * One page read into blocks, top to bottom: its lines of text and its tables (ruled, or read by
 * alignment). A table read by alignment that ended the page before (`carry`) runs on here when
 * nothing but the titles printed again (`lastLead`) stands above this page's first table; the
 * lines of such a table ending this page are carried on to the next.
 */
function pageBlocks(
  page: PdfPage,
  pageNo: number,
  o: { running: Set<string>; carry?: Run[][]; lastLead: string[]; readings?: PageReading[] },
): { blocks: Block[]; carry?: Run[][] } {
  const { running, carry, lastLead, readings } = o;
  const all = runsOf(page.texts, page.rules);
  // A page number stands alone on its line (a figure beside a name near the foot is a table's).
  const alone = (r: Run) => !all.some((other) => other !== r && Math.abs(other.cy - r.cy) < Math.min(other.h, r.h) * PDF_TOLERANCE.sameLine);
  const dropped = all.filter((r) => (isPageNumber(r, page) && alone(r)) || running.has(edgeKey(r, page)));
  const runs = all.filter((r) => !dropped.includes(r));
  const inside = (r: Run, t: Table) => r.cy > t.y0 && r.cy < t.y1 && r.x + r.w / 2 > t.x0 && r.x + r.w / 2 < t.x1;
  // Words split where one cell's text ends and another's begins, for tables read by alignment.
  const words = wordsOf(page.texts).filter((w) => !dropped.some((d) => inside(w, { ...d, x0: d.x, y0: d.y, x1: d.x + d.w, y1: d.y + d.h, hs: [], vs: [] })));
  const ruled = tablesOf(page.rules, (ya, yb) => runs.some((r) => r.cy > ya && r.cy < yb && SEPARATES_TABLES.test(r.s)));
  const unruled = words.filter((w) => !ruled.some((t) => inside(w, t)));
  const aligned = alignedTables(unruled, !!carry);
  // A table ruled only across goes on in the aligned lines right under or over its rules: a 三线表
  // whose last rule is on a later page, a body whose rows are ruled below only (the page's first
  // row then has no rule over it).
  for (const t of ruled) {
    if (innerVerticals(t)) continue;
    const ys = t.hs.map((h) => (h.y0 + h.y1) / 2).sort((a, b) => a - b);
    const reach = Math.max(24, ...ys.slice(1).map((y, k) => y - ys[k]));
    // (Its lines there may fill only some of its columns.)
    const overlapping = (a: Table) => Math.min(a.x1, t.x1) - Math.max(a.x0, t.x0) > 0.5 * Math.min(a.x1 - a.x0, t.x1 - t.x0);
    for (const a of [...aligned]) {
      if (!overlapping(a)) continue;
      const below = a.y0 >= t.y1 - NEAR && a.y0 - t.y1 < reach;
      const above = a.y1 <= t.y0 + NEAR && t.y0 - a.y1 < reach;
      if (!below && !above) continue;
      t.y0 = Math.min(t.y0, a.y0);
      t.y1 = Math.max(t.y1, a.y1);
      t.x0 = Math.min(t.x0, a.x0);
      t.x1 = Math.max(t.x1, a.x1);
      aligned.splice(aligned.indexOf(a), 1);
    }
  }
  const tables = [...ruled, ...aligned].sort((a, b) => a.y0 - b.y0);
  const blocks: Block[] = textBlocks(
    runs.filter((r) => !tables.some((t) => inside(r, t))),
    pageNo,
  );
  // The first table goes on from the page before when nothing stands above it but the titles printed again.
  const above = tables.length ? blocks.filter((b) => b.top < tables[0].y0).map(textOf) : [];
  const runsOn = above.length === 0 || (above.length === lastLead.length && above.every((t, k) => t === lastLead[k]));
  let ending: Run[][] | undefined;
  const reading: PageReading = { page: pageNo, tables: [] };
  readings?.push(reading);
  const note = (t: Table, how: 'ruled' | 'aligned', groups: string[] = []) =>
    reading.tables.push({
      how,
      x0: t.x0,
      y0: t.y0,
      x1: t.x1,
      y1: t.y1,
      xs: cluster(t.vs.map((v) => (v.x0 + v.x1) / 2)),
      ys: cluster(t.hs.map((h) => (h.y0 + h.y1) / 2)),
      groups,
    });
  for (const [k, t] of tables.entries()) {
    if (innerVerticals(t)) {
      blocks.push(
        tableBlock(
          t,
          runs.filter((r) => inside(r, t)),
          pageNo,
        ),
      );
      note(t, 'ruled');
      ending = undefined;
    } else {
      // No rulings between the columns: the columns from the text's alignment, the rows from
      // the rulings across where drawn, else from the lines.
      const own = words.filter((w) => inside(w, t));
      const context = k === 0 && runsOn && carry ? carry : [];
      const { grid, lines, groups } = virtualGrid(t, own, context);
      blocks.push(tableBlock(grid, own, pageNo));
      note(grid, 'aligned', groups);
      ending = [...context, ...lines].slice(-200);
    }
  }
  // Carried on only when a table read by alignment is the last thing on the page.
  const lastTableEnd = Math.max(-Infinity, ...tables.map((t) => t.y1));
  const nextCarry = ending && !blocks.some((b) => !b.table && b.top > lastTableEnd) ? ending : undefined;
  blocks.sort((a, b) => a.top - b.top);
  return { blocks, carry: nextCarry };
}

/** What stitching pages together remembers from the page before. */
interface Stitching {
  /** The last table's rows, to drop its header printed again on the next page. */
  lastTable?: string[];
  /** Whether the last block of the page before was a table (a table runs on only from there). */
  lastWasTable: boolean;
  /** The lines right above the last table (its title, 部门, 单位), as a later page would repeat them. */
  lastLead: string[];
}

/**
 * A page's blocks appended to the sheet: a table continued from the page before (nothing above it
 * but the titles printed again) loses those titles and its repeated header, its rows continue.
 */
function stitchPage(sheet: Sheet, blocks: Block[], st: Stitching): void {
  // The lines above the page's first table, and whether they repeat those above the last
  // table of the page before (print titles: the title, 部门, 单位 printed again on each page).
  const firstTable = blocks.findIndex((b) => b.table);
  const lead = (firstTable < 0 ? [] : blocks.slice(0, firstTable)).map(textOf);
  const repeatsTitles = lead.length > 0 && lead.length === st.lastLead.length && lead.every((t, k) => t === st.lastLead[k]);
  const continues = st.lastWasTable && firstTable >= 0 && (firstTable === 0 || repeatsTitles);
  blocks.forEach((b, k) => {
    let rows = b.rows;
    let merges = b.merges;
    if (continues && k < firstTable) return;
    // A table continued from the page before (nothing above it but the titles printed again)
    // repeats its header: dropped, the rows continue. Another table with the same header under
    // its own title (表八, 表九) is a table of its own.
    if (b.table && st.lastTable && k === firstTable && continues) {
      let n = 0;
      while (n < b.table.length && n < st.lastTable.length && b.table[n] === st.lastTable[n] && b.table[n].trim()) n++;
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
      st.lastLead = blocks.slice(j, k).map(textOf);
      if (!(continues && k === firstTable)) st.lastTable = b.table;
    }
    st.lastWasTable = !!b.table;
  });
}

/** Every page of a PDF as one sheet, top to bottom: each page read (pageBlocks), then stitched to the pages before (stitchPage). */
export function pagesToWorkbook(pages: PdfPage[], name = '文档', readings?: PageReading[]): Workbook {
  const sheet: Sheet = newSheet(sheetNameFor(name), 'text');
  const running = runningLines(pages);
  const st: Stitching = { lastWasTable: false, lastLead: [] };
  // The lines of the table read by alignment that ended the page before, for one run on to this page.
  let carry: Run[][] | undefined;
  pages.forEach((page, i) => {
    const read = pageBlocks(page, i + 1, { running, carry, lastLead: st.lastLead, readings });
    carry = read.carry;
    stitchPage(sheet, read.blocks, st);
  });
  const limits = pages.flatMap((p, i) => (p.limited ? [{ page: i + 1, why: p.limited }] : []));
  return limits.length ? { sheets: [sheet], source: name, readingLimits: limits } : { sheets: [sheet], source: name };
}
