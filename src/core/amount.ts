import Decimal from 'decimal.js';
import { Cell } from './grid';
import { Interval, exact, printed } from './interval';
import { toHalfWidth, stripSpaces } from './text';

/**
 * What an amount cell holds, read the way an accountant reads it:
 * blank and dashes are zero, "1,920.38", full-width digits, numbers stored as text, "68.8%".
 */
export type Amount = { kind: 'blank' } | { kind: 'num'; value: Decimal; decimals: number; percent?: boolean } | { kind: 'text'; text: string };

const DASHES = /^[-－—–‐−~～/／\\]+$/;
const NUMBER = /^([+-]?)(\d+(?:,\d{3})*|\d*)(?:\.(\d+))?$/;

const fmtCache = new Map<string, number | undefined>();

/** Whether a number format shows a percentage. */
export function isPercentFormat(numFmt: string | undefined): boolean {
  return !!numFmt && numFmt.includes('%');
}

/** Decimals an Excel number format shows, or undefined for General / no format. */
export function formatDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt) return undefined;
  if (fmtCache.has(numFmt)) return fmtCache.get(numFmt);
  const d = computeFormatDecimals(numFmt);
  if (fmtCache.size < 1000) fmtCache.set(numFmt, d);
  return d;
}

function computeFormatDecimals(numFmt: string): number | undefined {
  if (/^general$/i.test(numFmt)) return undefined;
  const first = numFmt
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '');
  const dot = /\.([0#?]+)/.exec(first);
  if (dot) return dot[1].length;
  return /[0#?]/.test(first) ? 0 : undefined;
}

/** Parse a text such as "1,920.38", "（1.00）", "１２３．４５", "68.8%". */
export function parseAmountText(raw: string): Amount {
  let t = stripSpaces(toHalfWidth(raw)).replace(/[，]/g, ',').replace(/[。]/g, '.');
  if (t === '') return { kind: 'blank' };
  if (DASHES.test(t)) return { kind: 'blank' };
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1];
  }
  let percent = false;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1);
  }
  t = t.replace(/^[−–—]/, '-');
  const m = NUMBER.exec(t);
  if (!m || (m[2] === '' && m[3] === undefined)) return { kind: 'text', text: raw };
  const digits = (m[2] || '0').replace(/,/g, '') + (m[3] !== undefined ? '.' + m[3] : '');
  let value = new Decimal(digits);
  if (m[1] === '-') value = value.neg();
  if (negative) value = value.neg();
  return { kind: 'num', value, decimals: m[3] ? m[3].length : 0, percent: percent || undefined };
}

const DIGIT = /[0-9０-９]/;
/** Texts parseAmountText reads as blank: spaces and dashes only (before or after half-width). */
const BLANK_TEXT = /^[\s\u200b\-－—–‐−~～/／\\＼]*$/;

/**
 * The kind parseAmountText gives a text, without parsing one that holds no digit: a label or a
 * heading is no number (a number needs a digit, half- or full-width), only blank or text.
 */
export function textAmountKind(raw: string): Amount['kind'] {
  if (!DIGIT.test(raw)) return BLANK_TEXT.test(raw) ? 'blank' : 'text';
  return parseAmountText(raw).kind;
}

/** Decimals a JS number really carries (after removing binary noise). */
function numberDecimals(n: number): number {
  const s = new Decimal(n).toDecimalPlaces(10).toString();
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

const BLANK: Amount = { kind: 'blank' };

/**
 * Readings by cell, valid while the cell's value and format are unchanged: several rules read
 * the same cell, and a Decimal per reading is the engine's main cost.
 */
const readCache = new WeakMap<Cell, { value: Cell['value']; numFmt?: string; amount: Amount }>();

/** Read a grid cell as an amount. */
export function readAmount(cell: Cell | undefined): Amount {
  if (!cell) return BLANK;
  const hit = readCache.get(cell);
  if (hit && hit.value === cell.value && hit.numFmt === cell.numFmt) return hit.amount;
  const amount = readAmountUncached(cell);
  readCache.set(cell, { value: cell.value, numFmt: cell.numFmt, amount });
  return amount;
}

function readAmountUncached(cell: Cell): Amount {
  const v = cell.value;
  if (v === null || v === undefined || v === '') return { kind: 'blank' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'text', text: String(v) };
    const fmtDec = formatDecimals(cell.numFmt);
    const isPct = isPercentFormat(cell.numFmt);
    if (fmtDec !== undefined) {
      // Shown rounded to the format's decimals: check what the reader sees.
      const shown = isPct ? fmtDec + 2 : fmtDec;
      return { kind: 'num', value: new Decimal(v).toDecimalPlaces(shown, Decimal.ROUND_HALF_UP), decimals: shown, percent: isPct || undefined };
    }
    return { kind: 'num', value: new Decimal(v).toDecimalPlaces(10), decimals: numberDecimals(v) };
  }
  if (typeof v === 'boolean') return { kind: 'text', text: String(v) };
  return parseAmountText(String(v));
}

/** A reading in integer thousandths (v) with its rounding half-unit (h), both in thousandths. */
export interface Milli {
  v: number;
  h: number;
}

const POW10 = [1, 10, 100, 1000];

/** The format last asked about: the cells of a table share a handful of formats. */
let lastFormat: string | undefined;
let lastCents = -1;

/** Decimals (0–2) a format shows when it shows money in cents at most, -1 otherwise (General, a percentage, more decimals). */
function centsDecimals(numFmt: string | undefined): number {
  if (numFmt === lastFormat && numFmt !== undefined) return lastCents;
  const d = formatDecimals(numFmt);
  const cents = d !== undefined && d <= 2 && !isPercentFormat(numFmt) ? d : -1;
  lastFormat = numFmt;
  lastCents = cents;
  return cents;
}

/**
 * A cell read in exact integer thousandths with its rounding half-unit, when it shows at most 2
 * decimals (then the half-unit is 0.005, or 0 for a blank) and is not huge: sums and comparisons
 * of money then need no Decimal. False otherwise (text, a percentage, more decimals): the caller
 * falls back to Decimal intervals (amountInterval).
 */
export function readMilli(cell: Cell | undefined, out: Milli): boolean {
  const v = cell?.value;
  if (!cell || v === null || v === undefined || v === '') {
    out.v = 0;
    out.h = 0;
    return true;
  }
  if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e12) {
    // A number already carrying no more decimals than it shows needs no Decimal.
    const d = centsDecimals(cell.numFmt);
    if (d >= 0) {
      const scaled = v * POW10[d];
      const rounded = Math.round(scaled);
      if (Math.abs(scaled - rounded) < 1e-6) {
        out.v = rounded * POW10[3 - d];
        out.h = 5;
        return true;
      }
    }
  }
  const a = readAmount(cell);
  if (a.kind === 'blank') {
    out.v = 0;
    out.h = 0;
    return true;
  }
  if (a.kind === 'num' && a.decimals <= 2 && !a.percent && a.value.abs().lt(1e12)) {
    out.v = a.value.times(1000).toNumber();
    out.h = 5;
    return true;
  }
  return false;
}

/**
 * The interval an amount stands for. Blank is exact zero; a printed number is ± half a unit of its
 * last shown decimal, but never coarser than `minDecimals` (money tables are published to 0.01).
 */
export function amountInterval(a: Amount, minDecimals = 2): Interval | undefined {
  if (a.kind === 'blank') return exact(new Decimal(0));
  if (a.kind === 'text') return undefined;
  return printed(a.value, Math.max(a.decimals, minDecimals));
}

export function amountValue(a: Amount): Decimal {
  return a.kind === 'num' ? a.value : new Decimal(0);
}

/** A run of digits with a comma every three from the right: "1234567" → "1,234,567". */
export function groupDigits(digits: string): string {
  const n = digits.length;
  if (n <= 3) return digits;
  const head = n % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < n; i += 3) out += ',' + digits.slice(i, i + 3);
  return out;
}

/** "1,920.38" style, two decimals, grouping commas. */
export function fmtMoney(d: Decimal, decimals = 2): string {
  const s = d.toFixed(decimals, Decimal.ROUND_HALF_UP);
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [int, frac] = body.split('.');
  const grouped = groupDigits(int);
  const out = (neg ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '');
  return out === '-0.00' ? '0.00' : out;
}
