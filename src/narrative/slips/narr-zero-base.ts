import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { sub } from '../../core/interval';
import { mentionInterval, textFinding, quote, percentStart } from '../model';
import { isValue, growthOperands, changeInterval } from '../rules/helpers';

const BUDGET = /预算(数|为)?$/;

/** A growth rate from a zero (or missing) last year, a completion rate against a zero budget. */
export const narrZeroBase: Rule = {
  id: 'narr-zero-base',
  name: '零基数',
  level: '提示',
  title: '上年为 0 时不写增长率，预算为 0 时不写完成率',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    for (const [p, ms] of n.byParagraph)
      ms.forEach((m, i) => {
        if (m.kind !== 'percent') return;
        const s = percentStart(m);
        if (m.relation === 'growth' || m.relation === 'decrease') {
          const ops = growthOperands(ms, i);
          if (!ops) return;
          const { inc, cur } = ops;
          const prior = sub(mentionInterval(cur), changeInterval(inc));
          if (prior.lo.lte(0) && prior.hi.gte(0))
            out.push(
              textFinding(
                this.id,
                'warning',
                p,
                s,
                m.end,
                `上年数为 0，不宜写增长率：${quote(p, s, m.end)}（本年与增加额同为 ${cur.value.toString()}），建议只写增加额`,
              ),
            );
        } else if (m.relation === 'completion') {
          const pool = ms.slice(0, i).filter((x) => (x.sentence === m.sentence || x.sentence === m.sentence - 1) && isValue(x));
          const budget = [...pool].reverse().find((x) => BUDGET.test(x.label) && !/决算|执行/.test(x.label));
          if (budget && budget.value.isZero() && !m.value.isZero())
            out.push(textFinding(this.id, 'warning', p, s, m.end, `预算数为 0，不宜写完成率：${quote(p, s, m.end)}，建议说明超预算（或无预算）支出的原因`));
        }
      });
    return out;
  },
};
