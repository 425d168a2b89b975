import Decimal from 'decimal.js';
import { div, mul, meets, exact, printed, sub } from '../../core/interval';
import { mentionInterval, textFinding, quote, money, percentFinding, figuresOf } from '../model';
import { growthOperands, changeInterval } from './helpers';
import { mentionRule } from './mentionRule';

/** 增长/下降 p%: the rate equals the increase over last year's figure (current − increase). */
export const narrGrowth = mentionRule({
  id: 'narr-growth',
  name: '增长率',
  level: '强制',
  title: '情况说明中的增长（下降）率与增减额、本年数相符：增减额 ÷ （本年数 − 增减额）',
  reads: (m) => m.kind === 'percent' && (m.relation === 'growth' || m.relation === 'decrease'),
  check(m, { id, p, ms, i }) {
    const ops = growthOperands(ms, i);
    if (!ops) return undefined;
    const { inc, cur } = ops;
    const sign = inc.change!.sign;
    // A decrease called 增长 (or the reverse) is a wording slip, not this rule's concern.
    if (sign > 0 !== (m.relation === 'growth')) return undefined;
    const incIv = changeInterval(inc);
    const prev = sub(mentionInterval(cur), incIv);
    if (prev.hi.lt(0))
      // The increase exceeds this year's figure: last year would have been negative.
      return textFinding({
        rule: id,
        severity: 'error',
        p,
        start: inc.start,
        end: inc.end,
        message: `增减额与本年数矛盾：本年 ${money(cur.value)}，${quote(p, inc.start, inc.end)} 意味着上年为 ${money(cur.value.minus(inc.value.times(sign)))}（负数），请核对增减额或本年数`,
        ...figuresOf([cur]),
      });
    if (prev.lo.lte(0)) return undefined; // from a zero base: another rule's concern
    const rate = div(mul(incIv, exact(new Decimal(100))), prev);
    const stated = printed(sign > 0 ? m.value : m.value.neg(), m.decimals);
    if (!rate || meets(rate, stated)) return undefined;
    const prevV = cur.value.minus(inc.value.times(sign));
    const exactPct = inc.value.div(prevV).times(100);
    const verb = sign > 0 ? '增加' : '减少';
    return percentFinding(
      id,
      m,
      (q, right) =>
        `${sign > 0 ? '增长' : '下降'}率不符：${q}，而本年 ${money(cur.value)}、${verb} ${money(inc.value)}，上年为 ${money(prevV)}，${verb} ÷ 上年 = ${exactPct.toFixed(2)}%，应为 ${right}%`,
      exactPct,
      [inc, cur],
    );
  },
});
