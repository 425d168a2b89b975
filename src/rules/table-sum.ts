import { Rule } from './engine';
import { Finding } from '../core/findings';
import { resolveSum } from './resolve';
import { evaluateEqual } from './evaluate';
import { equalityFinding, sumNames } from './describe';

/** Named within-table relations of the spec (本年收入合计 = Σ 收入, 总计, 人员经费合计 = 301 + 303, …). */
export const tableSums: Rule = {
  id: 'table-sum',
  perDisclosure: true,
  level: '强制',
  title: '表内合计、总计与其组成项相符（如 本年收入合计 = 各项收入之和，收入总计 = 支出总计）',
  run(ctx) {
    const out: Finding[] = [];
    for (const scope of ctx.scopes)
      for (const t of scope.tables.values())
        for (const s of t.spec.sums ?? []) {
          const eq = resolveSum(t, s);
          const v = eq && evaluateEqual(eq);
          if (v) out.push(equalityFinding(this.id, eq, v, ...sumNames(t, s), `${t.spec.id}/${s.id}`));
        }
    return out;
  },
};
