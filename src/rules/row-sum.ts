import { relationRule } from './relationRule';
import { resolveRowSum } from './resolve';
import { rowSumNames } from './describe';

/** 表内 row totals: on every row, the total column = Σ its component columns (spec.rowSums). */
export const rowSum = relationRule({
  id: 'row-sum',
  name: '行合计',
  perDisclosure: true,
  level: '强制',
  title: '每行的合计栏等于各组成栏之和（如 本年支出合计 = 基本支出 + 项目支出 + …）',
  *relations(ctx) {
    for (const scope of ctx.scopes)
      for (const t of scope.tables.values())
        for (const rs of t.spec.rowSums ?? [])
          for (const item of t.items) {
            if (rs.side && item.side !== rs.side) continue;
            const eq = resolveRowSum(t, item, rs);
            if (eq) yield { eq, names: () => rowSumNames(t, item, rs, eq), relation: `${t.spec.id}/${rs.id}` };
          }
  },
});
