import Decimal from 'decimal.js';

/** The narrative's standard phrases, written by the drafting and by the custom functions alike. */

/** A 万元 figure as the narrative prints it: two decimals, half up. */
export const wan = (v: Decimal): string => v.toFixed(2, Decimal.ROUND_HALF_UP);

/**
 * This year against last: "比上年增加X万元，增长Y%" / "比上年减少X万元，下降Y%", only the amount
 * when last year was 0, and "与上年持平" when the change rounds to 0.00.
 */
export function versusPrior(cur: Decimal, prev: Decimal): string {
  const d = cur.minus(prev);
  if (d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).isZero()) return '与上年持平';
  const [more, rate] = d.gt(0) ? ['增加', '增长'] : ['减少', '下降'];
  if (prev.isZero()) return `比上年${more}${wan(d.abs())}万元`;
  return `比上年${more}${wan(d.abs())}万元，${rate}${d.abs().div(prev.abs()).times(100).toFixed(1, Decimal.ROUND_HALF_UP)}%`;
}

/** A direction left in both words, as templates print it: 增加（减少）, 下降（增长）. Not a phrase to write. */
export const BOTH_DIRECTIONS = /(?:增加|增长|上升|提高|减少|下降|降低)[（(](?:增加|增长|上升|提高|减少|下降|降低)[)）]/g;
