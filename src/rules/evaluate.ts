import Decimal from 'decimal.js';
import { cellAt } from '../core/grid';
import { amountInterval, fmtMoney, readAmount, readMilli, groupDigits } from '../core/amount';
import { Interval, sub, sum, contains, radius } from '../core/interval';
import { RecognizedTable, figuresUnusable, wanPerUnit } from '../recognize/model';

/**
 * Evaluating a relation resolved to cells (resolve.ts): the one place that decides whether it
 * holds. Each printed value stands for an interval (a figure printed to the cent is ±0.005): a
 * relation is broken only when the intervals cannot meet, and a difference within them is a
 * rounding gap (提示). Cells printed in cents are read as exact integer thousandths, which decides
 * most relations without Decimal; any other cell sends the relation to interval arithmetic.
 */

/** One cell of a relation: a recognized table and a position in its sheet. */
export interface Term {
  t: RecognizedTable;
  r: number;
  c: number;
}

/** left = Σ right − Σ minus. */
export interface Equality {
  left: Term[];
  right: Term[];
  minus: Term[];
}

/** The figures of a difference as a finding shows them. */
export interface Shown {
  left: string;
  right: string;
  diff: string;
  radius: string;
}

/** Broken (beyond rounding) or a rounding gap; undefined when the relation holds exactly or cannot be read. */
export type Verdict = { broken: boolean; shown: Shown } | undefined;

const MILLI = { v: 0, h: 0 };

/** A formula whose result the file does not hold (never calculated): its value is unknown, not 0. */
export const uncomputed = (cell: { value: unknown; formula?: string } | undefined) => !!cell?.formula && (cell.value === null || cell.value === undefined);

/** A table whose figures are unusable (read in doubt, or one row off its 科目) decides nothing. */
const readTerm = (x: Term) => {
  if (figuresUnusable(x.t)) return false;
  const cell = cellAt(x.t.sheet, x.r, x.c);
  return !uncomputed(cell) && readMilli(cell, MILLI);
};

/** "1,920.38" from integer thousandths that are whole cents. */
function fmtMilli(m: number): string {
  const cents = Math.round(Math.abs(m) / 10);
  const int = Math.floor(cents / 100);
  const frac = String(cents % 100).padStart(2, '0');
  return (m < 0 && cents ? '-' : '') + groupDigits(String(int)) + '.' + frac;
}

/** A cell's interval, in 万元 when asked (a relation between a table in 元 and one in 万元), else in its table's unit. */
const intervalOf = (x: Term, inWan = false): Interval | undefined => {
  if (figuresUnusable(x.t)) return undefined;
  const cell = cellAt(x.t.sheet, x.r, x.c);
  if (uncomputed(cell)) return undefined;
  const iv = amountInterval(readAmount(cell));
  const f = inWan ? wanPerUnit(x.t) : 1;
  return !iv || f === 1 ? iv : { lo: iv.lo.times(f), hi: iv.hi.times(f) };
};

/** Whether the cells of a relation stand in tables printed in different units (then each is taken in 万元). */
export function mixedUnits(terms: Term[]): boolean {
  for (const x of terms) if (x.t.unit !== terms[0].t.unit) return true;
  return false;
}
const mid = (i: Interval): Decimal => i.lo.plus(i.hi).div(2);

/** Σ left against Σ right − Σ minus. Cells that do not read as amounts leave it undecided (numeric-cell reports them). */
export function evaluateEqual(eq: Equality): Verdict {
  let lm = 0;
  let rm = 0;
  let radiusM = 0;
  const mixed = mixedUnits([...eq.left, ...eq.right, ...eq.minus]);
  let exact = !mixed;
  for (let i = 0; exact && i < eq.left.length; i++) {
    exact = readTerm(eq.left[i]);
    lm += MILLI.v;
    radiusM += MILLI.h;
  }
  for (let i = 0; exact && i < eq.right.length; i++) {
    exact = readTerm(eq.right[i]);
    rm += MILLI.v;
    radiusM += MILLI.h;
  }
  for (let i = 0; exact && i < eq.minus.length; i++) {
    exact = readTerm(eq.minus[i]);
    rm -= MILLI.v;
    radiusM += MILLI.h;
  }
  if (exact) {
    const diffM = lm - rm;
    if (diffM === 0) return undefined;
    return { broken: Math.abs(diffM) > radiusM, shown: { left: fmtMilli(lm), right: fmtMilli(rm), diff: fmtMilli(diffM), radius: String(radiusM / 1000) } };
  }
  const ivs = [...eq.left, ...eq.right, ...eq.minus].map((x) => intervalOf(x, mixed));
  if (ivs.some((x) => x === undefined)) return undefined;
  const l = sum(ivs.slice(0, eq.left.length) as Interval[]);
  const rPlus = sum(ivs.slice(eq.left.length, eq.left.length + eq.right.length) as Interval[]);
  const rMinus = sum(ivs.slice(eq.left.length + eq.right.length) as Interval[]);
  const r = sub(rPlus, rMinus);
  const diff = sub(l, r);
  const point = mid(l).minus(mid(r));
  if (point.isZero()) return undefined;
  return {
    broken: !contains(diff, new Decimal(0)),
    shown: { left: fmtMoney(mid(l)), right: fmtMoney(mid(r)), diff: fmtMoney(point), radius: radius(diff).toDecimalPlaces(3).toString() },
  };
}

/** a ≤ b: broken only when a's lowest reading exceeds b's highest; the figures when it is. */
export function evaluateLe(a: Term, b: Term): { a: string; b: string; over: string } | undefined {
  const mixed = mixedUnits([a, b]);
  if (!mixed && readTerm(a)) {
    const av = MILLI.v;
    const aLo = av - MILLI.h;
    if (readTerm(b)) {
      if (aLo <= MILLI.v + MILLI.h) return undefined;
      return { a: fmtMilli(av), b: fmtMilli(MILLI.v), over: fmtMilli(av - MILLI.v) };
    }
  }
  const ia = intervalOf(a, mixed);
  const ib = intervalOf(b, mixed);
  if (!ia || !ib || !ia.lo.gt(ib.hi)) return undefined;
  const av = mid(ia);
  const bv = mid(ib);
  return { a: fmtMoney(av), b: fmtMoney(bv), over: fmtMoney(av.minus(bv)) };
}
