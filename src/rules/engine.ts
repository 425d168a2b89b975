import Decimal from 'decimal.js';
import { editionOf } from '../editions';
import type { RuleContext, ScopeTables, ContextReaders } from '../check/contract';
export type { Rule, RuleMeta, RuleContext, ScopeTables, ContextReaders } from '../check/contract';
import { a1, cellAt, Workbook, Sheet, Cell } from '../core/grid';
import { amountInterval, fmtMoney, readAmount, Amount, readMilli, Milli, groupDigits } from '../core/amount';
import { Interval, sub, sum, contains, radius } from '../core/interval';
import { Finding, Severity, CellLocation } from '../core/findings';
import { TableSetSpec, CellSel } from '../specs/types';
import { Recognition, RecognizedTable, Item, Pos } from '../recognize/model';
import { flat } from '../core/text';
import { TextScan } from '../core/textScan';

/**
 * The tables of a recognition as a rule sees them: one scope per disclosure, last year's apart.
 * The narrative and the forms are read on first ask by `readers` (the check layer's); without
 * them a rule that asks for either fails, as only table rules may run on such a context.
 */
export function buildContext(set: TableSetSpec, rec: Recognition, wb: Workbook = { sheets: [] }, scan?: TextScan, readers?: ContextReaders): RuleContext {
  const all = rec.scopes.map((id) => ({ id, tables: new Map<string, RecognizedTable>() }));
  const byId = new Map(all.map((s) => [s.id, s]));
  for (const t of rec.tables) byId.get(t.scope)?.tables.set(t.spec.id, t);
  const isPrior = (id: string) => id === 'prior' || id.startsWith('prior:');
  const prior: ScopeTables = new Map<string, RecognizedTable>();
  for (const s of all.filter((x) => isPrior(x.id))) for (const [k, t] of s.tables) if (!prior.has(k)) prior.set(k, t);
  let narrative: ReturnType<RuleContext['narrative']> | undefined;
  let forms: ReturnType<RuleContext['forms']> | undefined;
  const missing = (what: string) => new Error(`${what} are not read on this context: build it with ruleContext (src/check/context.ts)`);
  const ctx: RuleContext = {
    edition: editionOf(set),
    set,
    rec,
    scopes: all.filter((x) => !isPrior(x.id)),
    wb,
    prior,
    scan,
    narrative: () => {
      if (!readers) throw missing('the narrative and the forms');
      return (narrative ??= readers.narrative(ctx));
    },
    forms: () => {
      if (!readers) throw missing('the narrative and the forms');
      return (forms ??= readers.forms(ctx));
    },
  };
  return ctx;
}

/** A cell of a recognized table, with its reading. */
export interface Operand {
  table: RecognizedTable;
  pos: Pos;
  /** How the cell is named in messages. */
  name: string;
}

export function amountOf(op: Operand): Amount {
  return readAmount(cellAt(op.table.sheet, op.pos.r, op.pos.c));
}

/** An operand read as readMilli reads a cell. */
function readOpMilli(op: Operand, out: Milli): boolean {
  return readMilli(cellAt(op.table.sheet, op.pos.r, op.pos.c), out);
}

const MILLI = { v: 0, h: 0 };

/*
 * Exact balance tests, every cell read in cents, with no allocation: most relations of a correct
 * table balance to the cent, and the caller then has nothing to report and need not build a
 * comparison. Otherwise (a difference, or a cell that needs Decimal) the caller builds one and
 * compareEqual words it. Undefined: the table lacks one of the cells (nothing to compare).
 */

/** A cell's amount in integer thousandths (see readMilli); NaN when it does not read in cents. */
export function milliAt(sheet: Sheet, r: number, c: number): number {
  return readMilli(cellAt(sheet, r, c), MILLI) ? MILLI.v : NaN;
}

/** Where a row-sum relation's cells are on rows sharing one column map: the total, plus and minus columns. */
export interface RowColumns {
  total: number;
  plus: number[];
  minus: number[];
}

/**
 * A row-sum relation's columns under one column map (every row of a table, or of one side,
 * shares its map: worked out once for them all); undefined when the table lacks one of them.
 */
export function rowColumns(cols: Readonly<Record<string, number>>, total: string, plus: readonly string[], minus: readonly string[]): RowColumns | undefined {
  const tc = cols[total];
  const p = columnsOf(cols, plus);
  const n = columnsOf(cols, minus);
  return tc === undefined || !p || !n ? undefined : { total: tc, plus: p, minus: n };
}

/** The columns of the keys, in their order; undefined when one is missing. */
function columnsOf(cols: Readonly<Record<string, number>>, keys: readonly string[]): number[] | undefined {
  const out: number[] = [];
  for (const k of keys) {
    const c = cols[k];
    if (c === undefined) return undefined;
    out.push(c);
  }
  return out;
}

/** A row's total column = Σ plus columns − Σ minus columns, exactly (false when a cell does not read in cents). */
export function rowBalancesAt(sheet: Sheet, row: number, rc: RowColumns): boolean {
  let d = milliAt(sheet, row, rc.total);
  for (let i = 0; i < rc.plus.length; i++) d -= milliAt(sheet, row, rc.plus[i]);
  for (let i = 0; i < rc.minus.length; i++) d += milliAt(sheet, row, rc.minus[i]);
  return d === 0;
}

/** A row's amount in `col` = Σ its children's, exactly. */
export function childrenBalance(sheet: Sheet, parent: Item, children: readonly Item[], col: string): boolean | undefined {
  const tc = parent.cols[col];
  if (tc === undefined) return undefined;
  let d = milliAt(sheet, parent.row, tc);
  const shared = parent.cols;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    // Rows of one table (or side) share their column map: the parent's column is the child's.
    const c = child.cols === shared ? tc : child.cols[col];
    if (c === undefined) return undefined;
    d -= milliAt(sheet, child.row, c);
  }
  return d === 0;
}

/** Whether two cells (of any tables; an absent one is zero) hold exactly the same amount, read in cents. */
export function equalExactly(a: Cell | undefined, b: Cell | undefined): boolean {
  const m = MILLI;
  if (!readMilli(a, m)) return false;
  const av = m.v;
  return readMilli(b, m) && m.v === av;
}

/** Whether a ≤ b surely holds (a's lowest reading not above b's highest), both read in cents. */
export function notAboveExactly(a: Cell | undefined, b: Cell | undefined): boolean {
  const m = MILLI;
  if (!readMilli(a, m)) return false;
  const aLo = m.v - m.h;
  return readMilli(b, m) && aLo <= m.v + m.h;
}

/** "1,920.38" from integer thousandths that are whole cents. */
function fmtMilli(m: number): string {
  const cents = Math.round(Math.abs(m) / 10);
  const int = Math.floor(cents / 100);
  const frac = String(cents % 100).padStart(2, '0');
  return (m < 0 && cents ? '-' : '') + groupDigits(String(int)) + '.' + frac;
}

function intervalOf(op: Operand): Interval | undefined {
  return amountInterval(amountOf(op));
}

function loc(op: Operand) {
  return { sheet: op.table.sheet.name, cell: a1(op.pos.r, op.pos.c) };
}

export interface Comparison {
  rule: string;
  table: RecognizedTable;
  /** The cell flagged. */
  left: Operand[];
  right: Operand[];
  /** Subtracted on the right side (年末 = 年初 + 收入 − 支出). */
  rightMinus?: Operand[];
  /** Names for messages; functions are called only when there is a finding to word. */
  leftName: string | (() => string);
  rightName: string | (() => string);
}

const named = (n: string | (() => string)) => (typeof n === 'function' ? n() : n);

/**
 * Compare Σ left with Σ right (minus rightMinus) under interval arithmetic.
 * Broken → error; consistent only within rounding → info; otherwise nothing.
 * Cells that do not read as numbers are left to the numeric-cell rule.
 */
export function compareEqual(cmp: Comparison): Finding | undefined {
  // Exact integer thousandths: every relation that holds to the cent, and every finding on
  // cent-valued cells, needs no Decimal.
  const m = MILLI;
  let lm = 0;
  let rm = 0;
  let radiusM = 0;
  let fast = true;
  for (let i = 0; fast && i < cmp.left.length; i++) {
    if (!readOpMilli(cmp.left[i], m)) fast = false;
    lm += m.v;
    radiusM += m.h;
  }
  for (let i = 0; fast && i < cmp.right.length; i++) {
    if (!readOpMilli(cmp.right[i], m)) fast = false;
    rm += m.v;
    radiusM += m.h;
  }
  const minus = cmp.rightMinus ?? [];
  for (let i = 0; fast && i < minus.length; i++) {
    if (!readOpMilli(minus[i], m)) fast = false;
    rm -= m.v;
    radiusM += m.h;
  }
  if (fast) {
    const diffM = lm - rm;
    if (diffM === 0) return undefined;
    return operandsFinding(cmp, Math.abs(diffM) > radiusM, { left: fmtMilli(lm), right: fmtMilli(rm), diff: fmtMilli(diffM), radius: String(radiusM / 1000) });
  }
  const all = [...cmp.left, ...cmp.right, ...minus];
  const ivs = all.map(intervalOf);
  if (ivs.some((x) => x === undefined)) return undefined;
  const l = sum(ivs.slice(0, cmp.left.length) as Interval[]);
  const rPlus = sum(ivs.slice(cmp.left.length, cmp.left.length + cmp.right.length) as Interval[]);
  const rMinus = sum(ivs.slice(cmp.left.length + cmp.right.length) as Interval[]);
  const r = sub(rPlus, rMinus);
  const diff = sub(l, r);
  const point = mid(l).minus(mid(r));
  if (point.isZero()) return undefined;
  return operandsFinding(cmp, !contains(diff, new Decimal(0)), {
    left: fmtMoney(mid(l)),
    right: fmtMoney(mid(r)),
    diff: fmtMoney(point),
    radius: radius(diff).toDecimalPlaces(3).toString(),
  });
}

/** The figures of a comparison as its finding shows them. */
interface Shown {
  left: string;
  right: string;
  diff: string;
  radius: string;
}

/** The finding of a comparison of operands (the first left one flagged, the others related). */
function operandsFinding(cmp: Comparison, broken: boolean, shown: Shown): Finding {
  const related: CellLocation[] = [];
  for (let i = 1; i < cmp.left.length; i++) related.push(loc(cmp.left[i]));
  for (const op of cmp.right) related.push(loc(op));
  for (const op of cmp.rightMinus ?? []) related.push(loc(op));
  const flagged = cmp.left[0];
  return differenceFinding(cmp.rule, flagged.table, flagged.pos.r, flagged.pos.c, related, named(cmp.leftName), named(cmp.rightName), broken, shown);
}

/**
 * The finding of a comparison whose sides differ, worded from its figures as printed: broken
 * (error), or within rounding (info, with the tolerance).
 */
function differenceFinding(
  rule: string,
  table: RecognizedTable,
  r: number,
  c: number,
  related: CellLocation[],
  leftName: string,
  rightName: string,
  broken: boolean,
  shown: Shown,
): Finding {
  // One literal with every field (thousands of findings: one object shape).
  return {
    rule,
    table: table.spec.code,
    sheet: table.sheet.name,
    cell: a1(r, c),
    related,
    expected: shown.right,
    actual: shown.left,
    severity: broken ? 'error' : 'info',
    message: flat(
      broken
        ? `${leftName} ${shown.left} ≠ ${rightName} ${shown.right}，差 ${shown.diff}`
        : `${leftName} ${shown.left} 与${/^[\x00-\x7f]/.test(rightName) ? ' ' : ''}${rightName} ${shown.right} 相差 ${shown.diff}，在四舍五入尾差范围（±${shown.radius}）内`,
    ),
  };
}

/**
 * A comparison of cells of one table, each list flat: [row, column, row, column, …]. Cheaper
 * than operands when thousands of relations differ within rounding (a 万元 table's 类 and 款 rarely
 * add up to the cent): nothing is built but the finding.
 */
export interface CellComparison {
  rule: string;
  table: RecognizedTable;
  /** The first cell is flagged. */
  left: readonly number[];
  right: readonly number[];
  rightMinus?: readonly number[];
  leftName: string | (() => string);
  rightName: string | (() => string);
}

const NO_CELLS: readonly number[] = [];

/** Operands of a table's cells listed flat: [row, column, row, column, …]. */
function operandsAt(table: RecognizedTable, cells: readonly number[]): Operand[] {
  const out: Operand[] = [];
  for (let i = 0; i < cells.length; i += 2) out.push({ table, pos: { r: cells[i], c: cells[i + 1] }, name: '' });
  return out;
}

/** compareEqual over cells of one table, the finding worded straight from the cells when each reads in cents. */
export function compareCells(cmp: CellComparison): Finding | undefined {
  const sheet = cmp.table.sheet;
  const minus = cmp.rightMinus ?? NO_CELLS;
  const m = MILLI;
  let lm = 0;
  let rm = 0;
  let radiusM = 0;
  let exact = true;
  for (let i = 0; exact && i < cmp.left.length; i += 2) {
    exact = readMilli(cellAt(sheet, cmp.left[i], cmp.left[i + 1]), m);
    lm += m.v;
    radiusM += m.h;
  }
  for (let i = 0; exact && i < cmp.right.length; i += 2) {
    exact = readMilli(cellAt(sheet, cmp.right[i], cmp.right[i + 1]), m);
    rm += m.v;
    radiusM += m.h;
  }
  for (let i = 0; exact && i < minus.length; i += 2) {
    exact = readMilli(cellAt(sheet, minus[i], minus[i + 1]), m);
    rm -= m.v;
    radiusM += m.h;
  }
  // A cell beyond cents (or text): the interval arithmetic of compareEqual decides.
  if (!exact) {
    const t = cmp.table;
    return compareEqual({
      rule: cmp.rule,
      table: t,
      left: operandsAt(t, cmp.left),
      right: operandsAt(t, cmp.right),
      rightMinus: operandsAt(t, minus),
      leftName: cmp.leftName,
      rightName: cmp.rightName,
    });
  }
  const diffM = lm - rm;
  if (diffM === 0) return undefined;
  const related: CellLocation[] = [];
  const name = sheet.name;
  for (let i = 2; i < cmp.left.length; i += 2) related.push({ sheet: name, cell: a1(cmp.left[i], cmp.left[i + 1]) });
  for (let i = 0; i < cmp.right.length; i += 2) related.push({ sheet: name, cell: a1(cmp.right[i], cmp.right[i + 1]) });
  for (let i = 0; i < minus.length; i += 2) related.push({ sheet: name, cell: a1(minus[i], minus[i + 1]) });
  const shown = { left: fmtMilli(lm), right: fmtMilli(rm), diff: fmtMilli(diffM), radius: String(radiusM / 1000) };
  return differenceFinding(cmp.rule, cmp.table, cmp.left[0], cmp.left[1], related, named(cmp.leftName), named(cmp.rightName), Math.abs(diffM) > radiusM, shown);
}

/** a ≤ b under interval arithmetic: broken only when a's lowest value exceeds b's highest. */
export function compareLe(rule: string, a: Operand, b: Operand, aName: string | (() => string), bName: string | (() => string)): Finding | undefined {
  // Exact integer thousandths when both cells show cents, as in compareEqual.
  const ca = cellAt(a.table.sheet, a.pos.r, a.pos.c);
  const cb = cellAt(b.table.sheet, b.pos.r, b.pos.c);
  if (notAboveExactly(ca, cb)) return undefined;
  const m = MILLI;
  if (readMilli(ca, m)) {
    const av = m.v;
    if (readMilli(cb, m)) return leFinding(rule, a, b, aName, bName, { a: fmtMilli(av), b: fmtMilli(m.v), over: fmtMilli(av - m.v) });
  }
  const ia = intervalOf(a);
  const ib = intervalOf(b);
  if (!ia || !ib) return undefined;
  if (!ia.lo.gt(ib.hi)) return undefined;
  const av = mid(ia);
  const bv = mid(ib);
  return leFinding(rule, a, b, aName, bName, { a: fmtMoney(av), b: fmtMoney(bv), over: fmtMoney(av.minus(bv)) });
}

function leFinding(
  rule: string,
  a: Operand,
  b: Operand,
  aName: string | (() => string),
  bName: string | (() => string),
  shown: { a: string; b: string; over: string },
): Finding {
  return {
    rule,
    severity: 'error',
    table: a.table.spec.code,
    sheet: a.table.sheet.name,
    cell: a1(a.pos.r, a.pos.c),
    related: [loc(b)],
    message: `${named(aName)} ${shown.a} 大于 ${named(bName)} ${shown.b}，超出 ${shown.over}`,
    expected: `≤ ${shown.b}`,
    actual: shown.a,
  };
}

function mid(i: Interval): Decimal {
  return i.lo.plus(i.hi).div(2);
}

export function operand(table: RecognizedTable, item: Item, col: string): Operand | undefined {
  const c = item.cols[col];
  if (c === undefined) return undefined;
  return { table, pos: { r: item.row, c }, name: item.label };
}

/** How a row is named in messages: 「201 一般公共服务支出」, 「本年收入合计」. */
export function itemName(item: Item): string {
  if (item.isTotal) return '合计';
  if (item.code) return `${item.code} ${item.label}`.trim();
  return item.label || item.key || '';
}

export function columnName(table: RecognizedTable, col: string): string {
  return table.spec.columns.find((c) => c.key === col)?.name ?? col;
}

/** Chinese name of a named row (two-sided tables) or total (公开06) of a table's spec. */
export function rowName(table: RecognizedTable, key: string): string {
  const spec = table.spec;
  if (spec.kind === 'sides') return spec.rows.find((r) => r.key === key)?.name ?? key;
  if (spec.kind === 'econ') return spec.totals.find((x) => x.key === key)?.name ?? key;
  return key;
}

/** Whether a two-sided table's column is the only amount column of its side (then it needs no name). */
export function onlyColumnOfSide(table: RecognizedTable, col: string): boolean {
  const side = table.spec.columns.find((c) => c.key === col)?.side;
  return table.spec.kind === 'sides' && table.spec.columns.filter((c) => c.side === side).length === 1;
}

/** The row a cell selector names: by key, by 科目编码 (or 类 code on a two-sided table), 合计, or the data row. */
export function itemOf(t: RecognizedTable, sel: CellSel): Item | undefined {
  const idx = tableIndex(t);
  if ('row' in sel) return idx.byKey.get(sel.row);
  if ('code' in sel) return idx.byCode.get(sel.code) ?? idx.byClass.get(sel.code);
  if ('total' in sel) return idx.total;
  return idx.byKey.get('data');
}

/** Lookups of a table's items by key, code and class code, each keeping its first row (cached per table). */
export interface TableIndex {
  byKey: Map<string, Item>;
  byCode: Map<string, Item>;
  byClass: Map<string, Item>;
  total: Item | undefined;
  /** The class codes of byClass, and the 3-digit codes of byCode, in the table's order. */
  classes: string[];
  codes3: string[];
}

const indexCache = new WeakMap<RecognizedTable, TableIndex>();

export function tableIndex(t: RecognizedTable): TableIndex {
  let idx = indexCache.get(t);
  if (!idx) {
    // Every field written at once, `total` even when unset: a property added later would give
    // indexes a second shape, which V8 forgets between checks with the optimized code that reads
    // it (see KEEP_SHAPE).
    idx = { byKey: new Map(), byCode: new Map(), byClass: new Map(), total: undefined, classes: [], codes3: [] };
    for (const it of t.items) {
      if (it.key && !idx.byKey.has(it.key)) idx.byKey.set(it.key, it);
      if (it.code && !idx.byCode.has(it.code)) {
        idx.byCode.set(it.code, it);
        if (it.code.length === 3) idx.codes3.push(it.code);
      }
      if (it.classCode && !idx.byClass.has(it.classCode)) {
        idx.byClass.set(it.classCode, it);
        idx.classes.push(it.classCode);
      }
      if (it.isTotal && !idx.total) idx.total = it;
    }
    indexCache.set(t, idx);
  }
  return idx;
}

export function finding(
  rule: string,
  severity: Severity,
  table: RecognizedTable | undefined,
  pos: Pos | undefined,
  message: string,
  sheetName?: string,
): Finding {
  return {
    rule,
    severity,
    table: table?.spec.code ?? '',
    sheet: table?.sheet.name ?? sheetName ?? '',
    cell: pos ? a1(pos.r, pos.c) : '',
    related: [],
    message,
  };
}
