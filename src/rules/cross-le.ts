import { relationRule } from './relationRule';
import { columnName, tableIndex } from '../recognize/query';
import { resolveSel } from './resolve';
import { selName } from './describe';

/** 表间 inequalities: 05 ≤ 03 by code; 06 “三公” items ≤ 09 决算数. */
export const crossLe = relationRule({
  id: 'cross-le',
  name: '表间包含',
  perDisclosure: true,
  level: '强制',
  title: '部分不大于整体（公开05 各科目 ≤ 公开03，公开06 三公相关科目 ≤ 公开09 决算数）',
  *relations(ctx) {
    for (const scope of ctx.scopes) {
      const tables = scope.tables;
      for (const x of ctx.set.cross) {
        if (x.kind === 'le') {
          const a = resolveSel(tables, x.a);
          const b = resolveSel(tables, x.b);
          if (!a || !b || a === 'zero' || b === 'zero') continue;
          yield { le: [a, b], names: () => [selName(tables, x.a), selName(tables, x.b)], relation: x.id };
        } else if (x.kind === 'leByCode') {
          const ta = tables.get(x.a.table);
          const tb = tables.get(x.b.table);
          if (!ta || !tb) continue;
          const ib = tableIndex(tb);
          for (const it of ta.items) {
            const other = it.isTotal ? ib.total : it.code ? ib.byCode.get(it.code) : undefined;
            const ca = it.cols[x.a.col];
            const cb = other?.cols[x.b.col];
            if (ca === undefined || cb === undefined || !other) continue;
            const label = it.isTotal ? '合计' : `${it.code} ${it.label}`;
            yield {
              le: [
                { t: ta, r: it.row, c: ca },
                { t: tb, r: other.row, c: cb },
              ],
              names: () => [`${ta.spec.code}「${label}」${columnName(ta, x.a.col)}`, `${tb.spec.code} 同科目${columnName(tb, x.b.col)}`],
              relation: x.id,
            };
          }
        }
      }
    }
  },
});
