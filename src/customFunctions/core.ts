import Decimal from 'decimal.js';
import { printed, div, mul, exact, meets, sum } from '../core/interval';
import { EDITIONS } from '../editions';
import { textToWorkbook } from '../hosts/text/textDocument';
import { checkWorkbook } from '../check';
import { CODE_RE } from '../recognize/sheetView';
import { versusPrior, wan as money } from '../narrative/phrases';

/**
 * A 科目 name from the editions' references, the newest first: a cell formula knows no year, and
 * a code added in a later year (22006 from 2024) is named all the same.
 */
function kemuName(lookup: (e: (typeof EDITIONS)[number]) => string | undefined): string | undefined {
  for (const e of [...EDITIONS].sort((a, b) => b.year - a.year)) {
    const n = lookup(e);
    if (n) return n;
  }
  return undefined;
}

/**
 * What the Excel custom functions compute, as plain functions over numbers and strings: shares
 * and growth rates rounded the way disclosures round (half up), rounding-aware checks, the
 * narrative's standard phrases, 科目 names. Bad input throws FunctionInputError (Chinese).
 */

export class FunctionInputError extends Error {
  constructor(
    message: string,
    readonly kind: 'value' | 'div0' | 'na' = 'value',
  ) {
    super(message);
  }
}

function num(v: unknown, what: string, optional = false): Decimal | undefined {
  if (v === undefined || v === null || v === '') {
    if (optional) return undefined;
    throw new FunctionInputError(`缺少${what}`);
  }
  if (typeof v === 'number' && Number.isFinite(v)) return new Decimal(v);
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v.replace(/,/g, ''))) return new Decimal(v.replace(/,/g, '').trim());
  throw new FunctionInputError(`${what}“${String(v)}”不是数字`);
}

function digitsOf(v: unknown, dflt: number): number {
  const d = num(v, '小数位数', true);
  if (d === undefined) return dflt;
  if (!d.isInteger() || d.lt(0) || d.gt(10)) throw new FunctionInputError('小数位数应为 0 到 10 的整数');
  return d.toNumber();
}

const halfUp = (d: Decimal, digits: number) => d.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
/** Decimals a number shows as stored (65 → 0, 65.4 → 1). */
const shownDecimals = (d: Decimal) => Math.max(0, d.decimalPlaces());

/** part / whole × 100, rounded half up. */
export function pct(part: unknown, whole: unknown, digits?: unknown): number {
  const p = num(part, '部分金额')!;
  const w = num(whole, '总额')!;
  if (w.isZero()) throw new FunctionInputError('总额为 0，不能计算占比', 'div0');
  return halfUp(p.div(w).times(100), digitsOf(digits, 1)).toNumber();
}

/** (current − previous) / previous × 100, rounded half up. */
export function growth(current: unknown, previous: unknown, digits?: unknown): number {
  const c = num(current, '本年数')!;
  const p = num(previous, '上年数')!;
  if (p.isZero()) throw new FunctionInputError('上年数为 0，不能计算增长率', 'div0');
  return halfUp(c.minus(p).div(p.abs()).times(100), digitsOf(digits, 1)).toNumber();
}

/** Last year's figure from this year's and the stated increase (negative for a decrease). */
export function prev(current: unknown, increase: unknown): number {
  return num(current, '本年数')!.minus(num(increase, '增减额')!).toNumber();
}

function flatten(ranges: unknown[]): Decimal[] {
  const out: Decimal[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v === '' || v === null || v === undefined) return;
    else out.push(num(v, '分项')!);
  };
  ranges.forEach(walk);
  return out;
}

/** 0 when the parts add to the total within the rounding of 2-decimal figures, else total − Σ parts. */
export function sumcheck(total: unknown, ...parts: unknown[]): number {
  const t = num(total, '合计')!;
  const ps = flatten(parts);
  if (!ps.length) throw new FunctionInputError('缺少分项');
  const ok = meets(printed(t, 2), sum(ps.map((p) => printed(p, 2))));
  return ok ? 0 : halfUp(t.minus(ps.reduce((a, b) => a.plus(b), new Decimal(0))), 2).toNumber();
}

/** Whether a printed percentage agrees with part ÷ whole within the rounding of all three. */
export function consistent(stated: unknown, part: unknown, whole: unknown, digits?: unknown): boolean {
  const s = num(stated, '所述百分比')!;
  const p = num(part, '部分金额')!;
  const w = num(whole, '总额')!;
  const d = digits === undefined || digits === null || digits === '' ? Math.max(1, shownDecimals(s)) : digitsOf(digits, 1);
  const ratio = div(mul(printed(p, 2), exact(new Decimal(100))), printed(w, 2));
  if (!ratio) throw new FunctionInputError('总额为 0，不能核对占比', 'div0');
  return meets(ratio, printed(s, d));
}

/** 元 → 万元, rounded half up. */
export function wan(yuan: unknown, digits?: unknown): number {
  return halfUp(num(yuan, '金额（元）')!.div(10000), digitsOf(digits, 2)).toNumber();
}

/** "一般公共服务（类）支出1248.32万元，占65.0%". */
export function sharetext(label: unknown, amount: unknown, base: unknown): string {
  const a = num(amount, '金额')!;
  return `${String(label ?? '').trim()}${money(a)}万元，占${pct(a.toNumber(), base).toFixed(1)}%`;
}

/** "…比上年增加X万元，增长Y%" / "减少…，下降…%" / "与上年持平". */
export function growthtext(label: unknown, current: unknown, previous: unknown): string {
  const c = num(current, '本年数')!;
  const p = num(previous, '上年数')!;
  return `${String(label ?? '').trim()}${money(c)}万元，${versusPrior(c, p)}`;
}

/** The narrative checker on one paragraph (with an optional base it is a share of): its findings. */
export function checkParagraph(paragraph: unknown, base?: unknown): string[] {
  const text = String(paragraph ?? '').trim();
  if (!text) throw new FunctionInputError('缺少段落文字');
  const b = num(base, '基数', true);
  // The paragraph as a .txt of its own is checked (prose alone is a narrative): the same findings as
  // the command line gives on it. A base is the total stated before it.
  const lines = [...(b ? [`合计${b.toFixed()}万元。`] : []), text];
  const r = checkWorkbook(textToWorkbook(lines.join('\n'), '段落'));
  return r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.message);
}

function code(v: unknown): string {
  const s = String(v ?? '').trim();
  if (!CODE_RE.test(s)) throw new FunctionInputError(`科目编码“${s}”应为 3、5 或 7 位数字`);
  return s;
}

export function kemu(c: unknown): string {
  const k = code(c);
  const n = kemuName((e) => e.kemu.gongnengName(k));
  if (!n) throw new FunctionInputError(`未收录支出功能分类科目 ${k}（科目表收录了全部类和常用款、项）`, 'na');
  return n;
}

export function jingji(c: unknown): string {
  const k = code(c);
  if (k.length === 7) throw new FunctionInputError('部门预算支出经济分类只有类（3 位）和款（5 位）');
  const n = kemuName((e) => e.kemu.jingjiName(k));
  if (!n) throw new FunctionInputError(`未收录经济分类科目 ${k}`, 'na');
  return n;
}

export function kemulevel(c: unknown): string {
  return EDITIONS[0].kemu.gongnengLevel(code(c))!;
}
