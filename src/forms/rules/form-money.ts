import Decimal from 'decimal.js';
import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { formFinding, num, show } from './common';
import { Money } from '../model';

/** Each money figure = 财政资金 + 其他, and 执行数 ≤ 到位数 ≤ 预算数. */
export const formMoney: Rule = {
  id: 'form-money',
  name: '自评表资金',
  level: '强制',
  title: '预算数、到位数、执行数各等于财政资金 + 其他，且执行数 ≤ 到位数 ≤ 预算数',
  run(ctx) {
    const out: Finding[] = [];
    for (const f of ctx.forms()) {
      const parts: [string, Money][] = [
        ['预算数', f.budget],
        ['到位数', f.available],
        ['执行数', f.executed],
      ];
      for (const [what, m] of parts) {
        const t = num(m.total);
        if (!t || (!m.fiscal && !m.other)) continue;
        const s = (num(m.fiscal) ?? new Decimal(0)).plus(num(m.other) ?? 0);
        if (!t.eq(s))
          out.push(
            formFinding(
              this.id,
              'error',
              f,
              m.total,
              `${what} ${show(t)} ≠ 财政资金 ${show(num(m.fiscal) ?? new Decimal(0))} + 其他 ${show(num(m.other) ?? new Decimal(0))}`,
              { expected: show(s), actual: show(t) },
            ),
          );
      }
      const b = num(f.budget.total);
      const a = num(f.available.total);
      const e = num(f.executed.total);
      if (e && a && e.gt(a)) out.push(formFinding(this.id, 'error', f, f.executed.total, `执行数 ${show(e)} 大于到位数 ${show(a)}`));
      if (a && b && a.gt(b)) out.push(formFinding(this.id, 'error', f, f.available.total, `到位数 ${show(a)} 大于预算数 ${show(b)}`));
    }
    return out;
  },
};
