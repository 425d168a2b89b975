/**
 * A table's columns from its text alone, for tables that draw no vertical rulings (horizontal rules
 * only, an outer frame, or nothing at all). Pure: words in, column boundaries out.
 *
 * The words of one column overlap from line to line (a left-aligned name, a right-aligned figure, a
 * centred heading); the words of two columns never share x on one line. So a column is a group of
 * words that overlap one another, leaving out the words that bridge two columns: a word over which
 * some line has two words (a long name run over an empty cell, a part title across the page). A
 * heading that covers several columns ("收入", "本年支出", "预算数") is centred over them: it is a
 * group heading, merged over those columns, when the columns whose centres lie between it and its
 * neighbours on its line are centred on it. A heading alone (左对齐 "金额" beside right-aligned
 * figures) joins the column of figures beside it that has no heading of its own.
 */

/** A word as placed on the page (top-left origin, points). */
export interface Word {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ColumnReading {
  /** Column edges, left to right: the table's left edge, each boundary, its right edge. */
  edges: number[];
  /** Group headings: the words spanning several columns, with the first and last column they span. */
  groups: Map<Word, [number, number]>;
}

/** A figure as tables print it (1,920.38  -12.00  0  45%), or a dash for zero. */
const FIGURE = /^[-−]?[\d,]*\d(\.\d+)?%?$/;
/** A 科目编码 (3, 5 or 7 digits), whole or a part. */
const CODE = /^\d{3}(\d{2}){0,2}$/;

/** Whether a line is the 栏次 line (栏次 1 2 3 …) numbering the columns. */
function isColumnNumbers(line: Word[]): boolean {
  if (line.some((w) => w.s === '栏次')) return true;
  const nums = line.filter((w) => /^\d{1,2}$/.test(w.s)).map((w) => Number(w.s));
  return nums.length >= 3 && nums.length === line.length && nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
}

/** Whether a line holds a table's figures, codes or 行次 (a row of the body rather than of its header). */
function isBodyLine(line: Word[]): boolean {
  if (isColumnNumbers(line)) return false;
  return line.some((w) => FIGURE.test(w.s) || CODE.test(w.s));
}

const overlap = (a: Word, b: Word) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
/** Two words of one column: they overlap by a fair part of the narrower one. */
const sameColumn = (a: Word, b: Word) => overlap(a, b) > Math.max(0.5, 0.2 * Math.min(a.w, b.w));

interface Column {
  x0: number;
  x1: number;
  words: Word[];
  header: boolean;
  body: boolean;
}

/** Columns as groups of overlapping words, left to right; no column holds two words of one line. */
function columnsOf(lines: Word[][], words: Set<Word>, headerLines: number): Column[] {
  const lineOf = new Map<Word, number>();
  lines.forEach((l, i) => l.forEach((w) => lineOf.set(w, i)));
  const list = [...words].sort((a, b) => a.x - b.x);
  const parent = list.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length && list[j].x < list[i].x + list[i].w; j++)
      if (lineOf.get(list[i]) !== lineOf.get(list[j]) && sameColumn(list[i], list[j])) parent[find(i)] = find(j);
  const groups = new Map<number, Word[]>();
  list.forEach((w, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), w]));
  const out: Column[] = [];
  for (const ws of groups.values()) out.push(...splitShared(ws, lineOf));
  for (const c of out) {
    c.header = c.words.some((w) => lineOf.get(w)! < headerLines);
    c.body = c.words.some((w) => lineOf.get(w)! >= headerLines);
  }
  return out.sort((a, b) => a.x0 + a.x1 - (b.x0 + b.x1));
}

/** A group holding two words of one line is two columns (or more): cut where its words thin out between them. */
function splitShared(ws: Word[], lineOf: Map<Word, number>): Column[] {
  const make = (g: Word[]): Column => ({
    x0: g.reduce((m, w) => Math.min(m, w.x), Infinity),
    x1: g.reduce((m, w) => Math.max(m, w.x + w.w), -Infinity),
    words: g,
    header: false,
    body: false,
  });
  const byLine = new Map<number, Word[]>();
  for (const w of ws) byLine.set(lineOf.get(w)!, [...(byLine.get(lineOf.get(w)!) ?? []), w]);
  const shared = [...byLine.values()].find((l) => l.length > 1);
  if (!shared) return [make(ws)];
  // Between the two leftmost words of that line, the x covered by the fewest words of the group.
  const [a, b] = shared.sort((p, q) => p.x - q.x);
  let cut = (a.x + a.w + b.x) / 2;
  let least = Infinity;
  for (let x = a.x + a.w; x <= b.x; x += 0.5) {
    const n = ws.filter((w) => w.x < x && w.x + w.w > x).length;
    if (n < least) {
      least = n;
      cut = x;
    }
  }
  const left = ws.filter((w) => w.x + w.w / 2 < cut);
  const right = ws.filter((w) => w.x + w.w / 2 >= cut);
  if (!left.length || !right.length) return [make(ws)];
  return [...splitShared(left, lineOf), ...splitShared(right, lineOf)];
}

/**
 * The columns of a table from its lines of words (top to bottom, each line left to right), between
 * its left and right edges.
 */
/** How many of a table's lines are its header: up to the first line of figures, or through the 栏次 line (an empty table's 合计 row has no figure). */
export function headerEnd(lines: Word[][]): number {
  const firstBody = lines.findIndex(isBodyLine);
  const numbers = lines.findIndex(isColumnNumbers);
  return Math.min(firstBody < 0 ? lines.length : firstBody, numbers < 0 ? lines.length : numbers + 1);
}

/**
 * A table's body lines in rows, for a table that draws no rulings between its rows: a line with no
 * figure or code (a name wrapped over lines, its figures centred or set at its first or last line)
 * belongs to the row of the nearest line with one, when it is far closer to it than rows are to
 * each other. Returns each row's first and last line (indexes into lines, from `from`).
 */
export function rowsOfLines(lines: Word[][], from: number): [number, number][] {
  const centre = (l: Word[]) => (l.reduce((m, w) => Math.min(m, w.y), Infinity) + l.reduce((m, w) => Math.max(m, w.y + w.h), -Infinity)) / 2;
  const anchors: number[] = [];
  for (let i = from; i < lines.length; i++) if (isBodyLine(lines[i])) anchors.push(i);
  const pitches = anchors.slice(1).map((a, k) => centre(lines[a]) - centre(lines[anchors[k]]));
  const pitch = pitches.length ? [...pitches].sort((a, b) => a - b)[Math.floor(pitches.length / 2)] : Infinity;
  const owner: number[] = [];
  for (let i = from; i < lines.length; i++) {
    if (anchors.includes(i)) {
      owner[i] = i;
      continue;
    }
    let best = i;
    let dist = Infinity;
    for (const a of anchors) {
      const d = Math.abs(centre(lines[a]) - centre(lines[i]));
      // The row above on a tie: a name set at the top of its row runs on below its figures.
      if (d < dist - 0.5) {
        dist = d;
        best = a;
      }
    }
    owner[i] = dist <= pitch * 0.75 ? best : i;
  }
  const rows: [number, number][] = [];
  const keys: number[] = [];
  for (let i = from; i < lines.length; i++) {
    if (rows.length && keys[keys.length - 1] === owner[i]) rows[rows.length - 1][1] = i;
    else {
      rows.push([i, i]);
      keys.push(owner[i]);
    }
  }
  return rows;
}

export function alignColumns(lines: Word[][], left: number, right: number): ColumnReading {
  const headerLines = headerEnd(lines);
  const numbers = lines.find(isColumnNumbers) ?? [];
  const candidates = groupHeadings(lines, headerLines, left, right);
  // Words over which some other line has two words bridge columns (a long name run over an empty
  // cell, a part title): they make no column, and neither do the group headings.
  const columnsWithout = (skip: Set<Word>) => {
    const bridges = (w: Word) => lines.some((line) => !line.includes(w) && line.filter((o) => !skip.has(o) && overlap(o, w) > 0.5).length >= 2);
    const own = new Set(lines.flat().filter((w) => !skip.has(w) && !bridges(w)));
    const cols = numbered(headingsJoined(columnsOf(lines, own, headerLines)), numbers);
    const edges = [Math.min(left, ...cols.map((c) => c.x0))];
    for (let i = 0; i + 1 < cols.length; i++) {
      const a = cols[i];
      const b = cols[i + 1];
      // The middle of the gap between them, or of their overlap where a word of one reaches into the other.
      edges.push(a.x1 <= b.x0 ? (a.x1 + b.x0) / 2 : (Math.max(a.x0, b.x0) + Math.min(a.x1, b.x1)) / 2);
    }
    edges.push(Math.max(right, ...cols.map((c) => c.x1)));
    return edges;
  };
  const spansOf = (edges: number[], groups: Map<Word, Word[]>) => {
    const colOf = (x: number) => {
      let i = 0;
      while (i < edges.length - 2 && x >= edges[i + 1]) i++;
      return i;
    };
    const spans = new Map<Word, [number, number]>();
    for (const [w, under] of groups) {
      const cs = under.map((u) => colOf(u.x + u.w / 2));
      const a = cs.reduce((m, c) => Math.min(m, c), Infinity);
      const b = cs.reduce((m, c) => Math.max(m, c), -Infinity);
      // A group heading is centred over its columns (a heading typed left in the first of them is no group).
      const centre = w.x + w.w / 2;
      if (b > a && Math.abs((edges[a] + edges[b + 1]) / 2 - centre) <= Math.max(6, (edges[b + 1] - edges[a]) * 0.08)) spans.set(w, [a, b]);
    }
    return spans;
  };
  let edges = columnsWithout(new Set(candidates.keys()));
  let spans = spansOf(edges, candidates);
  if (spans.size < candidates.size) {
    // Headings that are no groups after all make columns with the rest.
    const kept = new Map([...candidates].filter(([w]) => spans.has(w)));
    edges = columnsWithout(new Set(kept.keys()));
    spans = spansOf(edges, kept);
  }
  return { edges, groups: spans };
}

/**
 * The group headings of a header and the headings under each: a heading is a group when two or more
 * headings stand wholly below it (lower lines, not reaching up beside it as a heading merged down
 * does) within the middle of the way to its neighbours on its line, and it is centred over them.
 */
function groupHeadings(lines: Word[][], headerLines: number, left: number, right: number): Map<Word, Word[]> {
  const out = new Map<Word, Word[]>();
  const header = lines.slice(0, headerLines).map((line) => (isColumnNumbers(line) ? [] : line));
  header.forEach((line, n) => {
    line.forEach((g, k) => {
      // A heading is words, never a figure.
      if (!/[\u4e00-\u9fff]/.test(g.s)) return;
      const from = k > 0 ? (line[k - 1].x + line[k - 1].w + g.x) / 2 : left;
      const to = k + 1 < line.length ? (g.x + g.w + line[k + 1].x) / 2 : right;
      const span = header
        .slice(n + 1)
        .flat()
        .filter((w) => w.x + w.w / 2 > from && w.x + w.w / 2 < to);
      // The top layer below it: a word with another heading above it (a wrapped name's first
      // line under 科目名称) is not what this one groups.
      const lower = span.filter((w) => !span.some((o) => o !== w && o.y + o.h <= w.y + 0.5 && overlap(o, w) > 0.5));
      const under = lower.filter((w) => w.y >= g.y + g.h - 0.5);
      if (under.length < 2) return;
      const x0 = Math.min(...under.map((w) => w.x));
      const x1 = Math.max(...under.map((w) => w.x + w.w));
      // A heading merged down beside it (its sibling) stands outside the headings it groups.
      if (lower.some((w) => !under.includes(w) && w.x + w.w / 2 > x0 && w.x + w.w / 2 < x1)) return;
      const centre = g.x + g.w / 2;
      if (Math.abs((x0 + x1) / 2 - centre) <= Math.max(6, (x1 - x0) * 0.25)) out.set(g, under);
    });
  });
  return out;
}

/** A heading alone beside a column of figures without one is that column's heading (左对齐 "金额" over right-aligned figures). */
function headingsJoined(cols: Column[]): Column[] {
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    if (c.body || !c.header) continue;
    const near = [cols[i + 1], cols[i - 1]].filter((n): n is Column => !!n && n.body && !n.header);
    const n = near.sort((p, q) => gap(c, p) - gap(c, q))[0];
    if (!n) continue;
    n.x0 = Math.min(n.x0, c.x0);
    n.x1 = Math.max(n.x1, c.x1);
    n.words.push(...c.words);
    n.header = true;
    cols.splice(i, 1);
    i--;
  }
  return cols;
}

/**
 * The 栏次 line numbers each amount column once: a column of figures without a number, beside a
 * numbered column with none, is that column's (a heading with a space in it, "因公出国 (境)费",
 * read as two words, its figures under the second).
 */
function numbered(cols: Column[], numbers: Word[]): Column[] {
  const nums = numbers.filter((w) => /^\d{1,2}$/.test(w.s));
  if (nums.length < 2) return cols;
  const has = (c: Column) => c.words.some((w) => nums.includes(w));
  const figures = (c: Column) => c.words.some((w) => FIGURE.test(w.s) && !nums.includes(w) && !CODE.test(w.s));
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    if (has(c) || !figures(c)) continue;
    const near = [cols[i - 1], cols[i + 1]].filter((n): n is Column => !!n && has(n) && !figures(n));
    const n = near.sort((p, q) => gap(c, p) - gap(c, q))[0];
    if (!n) continue;
    n.x0 = Math.min(n.x0, c.x0);
    n.x1 = Math.max(n.x1, c.x1);
    n.words.push(...c.words);
    n.body = true;
    cols.splice(i, 1);
    i--;
  }
  return cols;
}

const gap = (a: Column, b: Column) => Math.max(0, Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1));

/** Whether a word is a figure or a code (for telling a table's lines from prose). */
export const isFigure = (s: string) => FIGURE.test(s) || CODE.test(s);
