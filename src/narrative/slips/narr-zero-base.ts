import Decimal from 'decimal.js';
import { sub, div, mul, exact, meets, printed } from '../../core/interval';
import { Mention } from '../mentions';
import { mentionInterval, textFinding, quote, percentStart } from '../model';
import { isValue, growthOperands, changeInterval, budgetFor, isBudget } from '../rules/helpers';
import { money } from '../model';
import { mentionRule } from '../rules/mentionRule';

/** Whether actual ÷ budget, within the rounding of the figures, is the rate written. */
function matchesRate(actual: Mention, budget: Mention, rate: Mention): boolean {
  const r = div(mul(mentionInterval(actual), exact(new Decimal(100))), mentionInterval(budget));
  return !!r && meets(r, printed(rate.value, rate.decimals));
}

/** A growth rate from a zero (or missing) last year, a completion rate against a zero budget. */
export const narrZeroBase = mentionRule({
  id: 'narr-zero-base',
  name: '零基数',
  level: '强制',
  title: '上年为 0 时没有增长率，预算为 0 时没有完成率',
  reads: (m) => m.kind === 'percent',
  check(m, { id, p, ms, i }) {
    const s = percentStart(m);
    if (m.relation === 'growth' || m.relation === 'decrease') {
      const ops = growthOperands(ms, i);
      if (!ops) return undefined;
      const { inc, cur } = ops;
      const prior = sub(mentionInterval(cur), changeInterval(inc));
      if (!(prior.lo.lte(0) && prior.hi.gte(0))) return undefined;
      return textFinding({
        rule: id,
        severity: 'error',
        p,
        start: s,
        end: m.end,
        message: `上年数为 0，增长率无从计算：${quote(p, s, m.end)}（本年与增加额同为 ${cur.value.toString()}），应删去增长率，写明上年无此项支出（收入）`,
      });
    }
    if (m.relation !== 'completion') return undefined;
    const pool = ms.slice(0, i).filter((x) => (x.sentence === m.sentence || x.sentence === m.sentence - 1) && isValue(x));
    const budget = budgetFor(pool, m);
    if (!budget || !budget.value.isZero() || m.value.isZero()) return undefined;
    // The rate written may be against another budget of the sentence (全年预算): say which.
    const actual = [...pool].reverse().find((x) => !isBudget(x) && x.unit === budget.unit);
    const other = actual && pool.find((x) => isBudget(x) && x !== budget && !x.value.isZero() && matchesRate(actual, x, m));
    const hint = other ? `（${m.value.toFixed(m.decimals)}% 是对${other.label} ${money(other.value)} 的完成率）` : '';
    return textFinding({
      rule: id,
      severity: 'error',
      p,
      start: s,
      end: m.end,
      message: `${budget.label || '预算数'}为 0，完成率无从计算：${quote(p, s, m.end)}${hint}，应删去完成率或改为对${other ? other.label : '有预算的数'}的完成率并写明`,
    });
  },
});
