import { SidesTableSpec, RowSpec, ColumnSpec } from '../specs/types';
import { SheetView, isNoteText, isColumnNumberRow } from './sheetView';
import { headerPaths, matchColumns } from './headers';
import { Item, newItem } from './model';
import { BodyResult } from './body';
import type { FunctionClasses } from '../editions/types';
import { normLabel, isAsciiDigits } from '../core/text';

const SIDES = ['income', 'expense'] as const;

/** Read a two-sided table (收入 | 支出) whose rows are known by their labels. */
export function readSides(spec: SidesTableSpec, view: SheetView, headerTop: number, end: number, classes: FunctionClasses): BodyResult {
  let h = -1;
  let labelCols: number[] = [];
  for (let r = headerTop; r <= Math.min(end, headerTop + 8); r++) {
    const cols = view
      .rowTexts(r)
      .filter(({ t }) => t === '项目')
      .map(({ c }) => c);
    if (cols.length >= 2) {
      h = r;
      labelCols = cols.slice(0, 2);
      break;
    }
  }
  if (h < 0) return { error: '表头中找不到收入、支出两侧的“项目”栏' };
  let incomeLeft = true;
  for (let r = headerTop; r < h; r++) {
    const texts = view.rowTexts(r);
    const inc = texts.find(({ t }) => t === '收入');
    const exp = texts.find(({ t }) => t === '支出');
    if (inc && exp) {
      incomeLeft = inc.c < exp.c;
      break;
    }
  }
  let dataStart = h + 1;
  while (dataStart <= end && isColumnNumberRow(view.rowTexts(dataStart))) dataStart++;
  const width = view.colCount;
  const paths = headerPaths(view, headerTop, dataStart - 1, 0, width);
  const [l0, l1] = labelCols;
  const ranges = { income: incomeLeft ? [l0, l1] : [l1, width], expense: incomeLeft ? [l1, width] : [l0, l1] } as const;
  const labelCol = { income: incomeLeft ? l0 : l1, expense: incomeLeft ? l1 : l0 };
  const columns: Record<string, number> = {};
  for (const side of SIDES) Object.assign(columns, matchColumns(columnsOfSide(spec)[side], paths, ranges[side][0], ranges[side][1], new Set([labelCol[side]])));
  const missing = spec.columns.filter((s) => !s.optional && columns[s.key] === undefined).map((s) => `栏目“${s.name}”`);
  if (Object.keys(columns).length === 0) return { error: '表头中找不到金额栏目' };

  const byLabel = rowsByLabel(spec);
  // The amount columns of each side, one object shared by that side's items.
  const sideColumns: Record<'income' | 'expense', Record<string, number>> = { income: {}, expense: {} };
  for (const s of spec.columns) if (s.side && columns[s.key] !== undefined) sideColumns[s.side][s.key] = columns[s.key];
  const found = new Map<string, number>();
  const items: Item[] = [];
  let dataEnd = end;
  /** What a label names on a side: a fixed row (in its order) or a function class. */
  const open = (rs: RowSpec) => !found.has(rs.key) && (!rs.after || found.has(rs.after)) && (!rs.before || !found.has(rs.before));
  const classify = (side: 'income' | 'expense', label: string): { rs: RowSpec } | { code: string } | undefined => {
    const candidates = byLabel[side].get(label);
    if (candidates)
      for (let k = 0; k < candidates.length; k++) {
        const rs = candidates[k];
        if (open(rs)) return { rs };
      }
    const code = spec.classRowsSide === side ? classes.codeOfLabel(label) : undefined;
    return code ? { code } : undefined;
  };
  /**
   * A label cut short (clipped by the next cell in a printed spreadsheet: 一、一般公共预算财政): the
   * one row or class whose label begins with it, five characters at least.
   */
  const clippedLabel = (side: 'income' | 'expense', label: string): { rs: RowSpec } | { code: string } | undefined => {
    if (label.length < 5) return undefined;
    const rows = [...byLabel[side].entries()].filter(([l]) => l.startsWith(label)).flatMap(([, rs]) => rs.filter(open));
    const codes = spec.classRowsSide === side ? classes.list.filter((c) => normLabel(c.name).startsWith(label)).map((c) => c.code) : [];
    if (new Set(rows.map((r) => r.key)).size + codes.length !== 1) return undefined;
    return rows.length ? { rs: rows[0] } : { code: codes[0] };
  };
  // A label wrapped onto the next line ("灾害防治及应急管理支" over "出") is read joined.
  const continued = { income: -1, expense: -1 };
  for (let r = dataStart; r <= end; r++) {
    if (isNoteText(view.firstText(r))) {
      dataEnd = r - 1;
      break;
    }
    for (let s = 0; s < SIDES.length; s++) {
      const side = SIDES[s];
      let label = view.text(r, labelCol[side]);
      // A 行次 or 栏次 number in the label column names no row.
      if (!label || isAsciiDigits(label) || continued[side] === r) continue;
      let what = classify(side, label);
      if (!what && r < end) {
        const rest = view.text(r + 1, labelCol[side]);
        // Only a fragment: a line that names a row of its own is that row, not a continuation.
        const joined = rest && !classify(side, rest) ? classify(side, label + rest) : undefined;
        if (joined) {
          what = joined;
          label += rest;
          continued[side] = r + 1;
        }
      }
      if (!what) what = clippedLabel(side, label);
      if (!what) continue;
      const cols = sideColumns[side];
      if ('rs' in what) {
        found.set(what.rs.key, r);
        items.push(newItem(label, r, cols, { key: what.rs.key, side }));
      } else items.push(newItem(label, r, cols, { classCode: what.code, side }));
    }
  }
  for (const rs of spec.rows) if (rs.required && !found.has(rs.key)) missing.push(`“${rs.name}”行`);
  return { dataStart, dataEnd, columns, items, missing };
}

/** The column specs of each side, one list per table spec (matchColumns remembers its answers by list). */
const sideColumnCache = new WeakMap<SidesTableSpec, Record<'income' | 'expense', ColumnSpec[]>>();

function columnsOfSide(spec: SidesTableSpec): Record<'income' | 'expense', ColumnSpec[]> {
  let out = sideColumnCache.get(spec);
  if (!out) {
    out = { income: spec.columns.filter((c) => c.side === 'income'), expense: spec.columns.filter((c) => c.side === 'expense') };
    sideColumnCache.set(spec, out);
  }
  return out;
}

/** The row specs of each side by normalized label, built once per table spec. */
const labelCache = new WeakMap<SidesTableSpec, Record<'income' | 'expense', Map<string, RowSpec[]>>>();

function rowsByLabel(spec: SidesTableSpec): Record<'income' | 'expense', Map<string, RowSpec[]>> {
  let out = labelCache.get(spec);
  if (!out) {
    out = { income: new Map(), expense: new Map() };
    for (const rs of spec.rows)
      for (const l of rs.labels) {
        const m = out[rs.side];
        const k = normLabel(l);
        m.set(k, [...(m.get(k) ?? []), rs]);
      }
    labelCache.set(spec, out);
  }
  return out;
}
