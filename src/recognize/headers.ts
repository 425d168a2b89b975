import { ColumnSpec } from '../specs/types';
import { SheetView, isColumnNumberRow } from './sheetView';

/**
 * Header path of every column in [c0, c1): the header texts above it, top to bottom.
 * A blank header cell whose column has a sub-header somewhere below belongs to the group on its left
 * (a merged group header exported without its merge).
 */
export function headerPaths(view: SheetView, top: number, bottom: number, c0: number, c1: number): readonly string[][] {
  // The paths depend on nothing but these texts and their columns: units filling one template
  // print the same header, and a re-check reads the same one again. Headers are told apart by
  // their range and first text, then compared text by text (normalized texts are mostly the
  // same strings: no key string is built from them).
  const first = top <= bottom ? view.rowTexts(top) : [];
  const key = c0 + ',' + c1 + ',' + (bottom - top) + ',' + (first.length ? first[0].t : '');
  let bucket = pathMemo.get(key);
  if (bucket) for (let i = 0; i < bucket.length; i++) if (sameTexts(view, top, bottom, bucket[i].texts)) return bucket[i].paths;
  const paths = computePaths(view, top, bottom, c0, c1);
  if (memoSize >= MEMO_LIMIT) {
    pathMemo.clear();
    memoSize = 0;
    bucket = undefined;
  }
  if (!bucket) pathMemo.set(key, (bucket = []));
  if (bucket.length >= BUCKET_LIMIT) bucket.shift();
  else memoSize++;
  bucket.push({ texts: headerTexts(view, top, bottom), paths });
  return paths;
}

/** A header as remembered: per row, the count of its texts, then each text's column and text. */
type HeaderTexts = (string | number)[];

const MEMO_LIMIT = 2000;
const BUCKET_LIMIT = 16;
let memoSize = 0;
const pathMemo = new Map<string, { texts: HeaderTexts; paths: string[][] }[]>();

function headerTexts(view: SheetView, top: number, bottom: number): HeaderTexts {
  const out: HeaderTexts = [];
  for (let r = top; r <= bottom; r++) {
    const texts = view.rowTexts(r);
    out.push(texts.length);
    for (let i = 0; i < texts.length; i++) out.push(texts[i].c, texts[i].t);
  }
  return out;
}

/** Whether the rows hold the remembered texts, each in its column. */
function sameTexts(view: SheetView, top: number, bottom: number, known: HeaderTexts): boolean {
  let k = 0;
  for (let r = top; r <= bottom; r++) {
    const texts = view.rowTexts(r);
    if (known[k++] !== texts.length) return false;
    for (let i = 0; i < texts.length; i++) if (known[k++] !== texts[i].c || known[k++] !== texts[i].t) return false;
  }
  return k === known.length;
}

function computePaths(view: SheetView, top: number, bottom: number, c0: number, c1: number): string[][] {
  const rows: number[] = [];
  for (let r = top; r <= bottom; r++) {
    const texts = view.rowTexts(r);
    if (texts.length === 0 || isColumnNumberRow(texts)) continue;
    rows.push(r);
  }
  const filled: string[][] = rows.map(() => []);
  const source: number[][] = rows.map(() => []);
  const below = (i: number, c: number) => {
    for (let j = i + 1; j < rows.length; j++) if (view.text(rows[j], c)) return true;
    return false;
  };
  /** The row (index) of a column's first own header text. */
  const topOwn = (c: number) => {
    for (let j = 0; j < rows.length; j++) if (view.text(rows[j], c)) return j;
    return rows.length;
  };
  /** A column has its own header at (or one level above) the level the group starts at: it is a sibling. */
  const above = (i: number, c: number, src: number) => {
    const from = Math.max(0, topOwn(src) - 1);
    for (let j = from; j < i; j++) if (view.text(rows[j], c)) return true;
    return false;
  };
  for (let i = 0; i < rows.length; i++) {
    for (let c = c0; c < c1; c++) {
      let t = view.text(rows[i], c);
      let src = c;
      // Inherit only a group header (its own column has a sub-header below it too), and not into
      // a column that has a header of its own higher up (it belongs to another group).
      if (!t && c > c0 && filled[i][c - 1] && below(i, c) && below(i, source[i][c - 1]) && !above(i, c, source[i][c - 1])) {
        t = filled[i][c - 1];
        src = source[i][c - 1];
      }
      filled[i][c] = t;
      source[i][c] = src;
    }
  }
  const paths: string[][] = [];
  for (let c = c0; c < c1; c++) {
    const p: string[] = [];
    for (let i = 0; i < rows.length; i++) {
      const t = filled[i][c];
      if (t && p[p.length - 1] !== t) p.push(t);
    }
    paths[c] = p;
  }
  return paths;
}

/** A column's header path as matched: its words joined, and run together ("附属单位" above "上缴收入" reads as one word too). */
interface Joined {
  joined: string;
  run: string;
}

function pathMatches(spec: ColumnSpec, { joined, run }: Joined): boolean {
  if (spec.none && spec.none.some((w) => joined.includes(w))) return false;
  return spec.match.some((words) => words.every((w) => joined.includes(w) || run.includes(w)));
}

/**
 * Assign each column spec to the first unassigned column in [c0, c1) whose header path matches.
 * The result is remembered for the same paths (headerPaths hands out one array per header text)
 * and is shared: read it, never modify it.
 */
export function matchColumns(
  specs: ColumnSpec[],
  paths: readonly string[][],
  c0: number,
  c1: number,
  exclude: Set<number> = new Set(),
): Readonly<Record<string, number>> {
  let bySpecs = matchMemo.get(paths);
  if (!bySpecs) matchMemo.set(paths, (bySpecs = new Map()));
  let byRange = bySpecs.get(specs);
  if (!byRange) bySpecs.set(specs, (byRange = new Map()));
  let key = c0 + ',' + c1;
  for (const c of exclude) key += ',' + c;
  let out = byRange.get(key);
  if (!out) {
    out = computeMatch(specs, paths, c0, c1, exclude);
    byRange.set(key, out);
  }
  return out;
}

const matchMemo = new WeakMap<readonly string[][], Map<ColumnSpec[], Map<string, Record<string, number>>>>();

function computeMatch(specs: ColumnSpec[], paths: readonly string[][], c0: number, c1: number, exclude: Set<number>): Record<string, number> {
  const out: Record<string, number> = {};
  const used = new Set(exclude);
  // Each column's path joined once, not once per column spec tried against it.
  const joinedPaths: (Joined | undefined)[] = [];
  for (let c = c0; c < c1; c++) {
    const p = paths[c];
    if (p && p.length > 0) joinedPaths[c] = { joined: p.join('|'), run: p.join('') };
  }
  for (const s of specs) {
    for (let c = c0; c < c1; c++) {
      if (used.has(c)) continue;
      const p = joinedPaths[c];
      if (p && pathMatches(s, p)) {
        out[s.key] = c;
        used.add(c);
        break;
      }
    }
  }
  return out;
}
