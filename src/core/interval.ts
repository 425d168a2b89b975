import Decimal from 'decimal.js';

/**
 * Interval arithmetic for printed figures. A value printed with d decimals stands for
 * the interval [v − ½·10^-d, v + ½·10^-d]; a relation is broken only when the intervals cannot meet.
 */
export interface Interval {
  lo: Decimal;
  hi: Decimal;
}

export const ZERO = new Decimal(0);

export function exact(v: Decimal): Interval {
  return { lo: v, hi: v };
}

const HALF_UNITS: Decimal[] = [];

export function printed(v: Decimal, decimals: number): Interval {
  const h = (HALF_UNITS[decimals] ??= new Decimal(5).times(new Decimal(10).pow(-(decimals + 1))));
  return { lo: v.minus(h), hi: v.plus(h) };
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo.plus(b.lo), hi: a.hi.plus(b.hi) };
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo.minus(b.hi), hi: a.hi.minus(b.lo) };
}

export function neg(a: Interval): Interval {
  return { lo: a.hi.neg(), hi: a.lo.neg() };
}

export function sum(xs: Interval[]): Interval {
  let acc = exact(ZERO);
  for (const x of xs) acc = add(acc, x);
  return acc;
}

/** Product of intervals (general signs). */
export function mul(a: Interval, b: Interval): Interval {
  const ps = [a.lo.times(b.lo), a.lo.times(b.hi), a.hi.times(b.lo), a.hi.times(b.hi)];
  return { lo: Decimal.min(...ps), hi: Decimal.max(...ps) };
}

/** Quotient; undefined when the divisor interval contains zero. */
export function div(a: Interval, b: Interval): Interval | undefined {
  if (b.lo.lte(0) && b.hi.gte(0)) return undefined;
  const qs = [a.lo.div(b.lo), a.lo.div(b.hi), a.hi.div(b.lo), a.hi.div(b.hi)];
  return { lo: Decimal.min(...qs), hi: Decimal.max(...qs) };
}

export function contains(a: Interval, v: Decimal): boolean {
  return a.lo.lte(v) && a.hi.gte(v);
}

export function meets(a: Interval, b: Interval): boolean {
  return a.lo.lte(b.hi) && b.lo.lte(a.hi);
}

/** Half-width of an interval: how much rounding a derived figure can absorb. */
export function radius(a: Interval): Decimal {
  return a.hi.minus(a.lo).div(2);
}
