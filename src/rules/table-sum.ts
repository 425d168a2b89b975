import { relationRule } from './relationRule';
import { resolveSum } from './resolve';
import { sumNames } from './describe';

/** Named within-table relations of the spec (本年收入合计 = Σ 收入, 总计, 人员经费合计 = 301 + 303, …). */
export const tableSums = relationRule({
  id: 'table-sum',
  name: '表内合计',
  perDisclosure: true,
  level: '强制',
  title: '表内合计、总计与其组成项相符（如 本年收入合计 = 各项收入之和，收入总计 = 支出总计）',
  *relations(ctx) {
    for (const scope of ctx.scopes)
      for (const t of scope.tables.values())
        for (const s of t.spec.sums ?? []) {
          const eq = resolveSum(t, s);
          if (eq) yield { eq, names: () => sumNames(t, s), relation: `${t.spec.id}/${s.id}` };
        }
  },
});
