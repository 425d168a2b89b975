import { relationRule } from './relationRule';
import { columnName, tableIndex } from '../recognize/query';
import { resolveCrossEqual } from './resolve';
import { Equality, Term } from './evaluate';
import { selNames } from './describe';

/** 表间 equalities: 01↔02, 01↔03, 04↔01, 04↔05/07/08, 05↔06, and class by class. */
export const crossEqual = relationRule({
  id: 'cross-equal',
  name: '表间相等',
  perDisclosure: true,
  level: '强制',
  title: '表间对应数相等（如 公开01 本年收入合计 = 公开02 合计，公开04 各类支出 = 公开05）',
  *relations(ctx) {
    for (const scope of ctx.scopes) {
      const tables = scope.tables;
      for (const x of ctx.set.cross) {
        if (x.kind === 'eq') {
          const eq = resolveCrossEqual(tables, x.a, x.b);
          if (eq) yield { eq, names: () => [selNames(tables, x.a), selNames(tables, x.b)], relation: x.id };
        } else if (x.kind === 'eqByClass') {
          const ta = tables.get(x.a.table);
          const tb = tables.get(x.b.table);
          if (!ta || !tb) continue;
          // A's class rows and B's 3-digit codes, the first row of each (the indexes keep them).
          const idxA = tableIndex(ta);
          const idxB = tableIndex(tb);
          // Every class either table lists, each once (A's order, then B's others).
          const codes = idxA.classes.slice();
          for (const code of idxB.codes3) if (!idxA.byClass.has(code)) codes.push(code);
          for (const code of codes) {
            const ia = idxA.byClass.get(code);
            const ib = code.length === 3 ? idxB.byCode.get(code) : undefined;
            // A class a table does not list counts as zero only when that table is complete.
            if ((!ia && (ta.missing.length || ta.truncated)) || (!ib && (tb.missing.length || tb.truncated))) continue;
            if (!ia && !ib) continue;
            const ca = ia?.cols[x.a.col];
            const cb = ib?.cols[x.b.col];
            if ((ia && ca === undefined) || (ib && cb === undefined)) continue;
            const a: Term | undefined = ia && { t: ta, r: ia.row, c: ca! };
            const b: Term | undefined = ib && { t: tb, r: ib.row, c: cb! };
            // The side a table lists is flagged; the other, when not listed, reads as zero.
            const eq: Equality = a ? { left: [a], right: b ? [b] : [], minus: [] } : { left: [b!], right: [], minus: [] };
            const names = (): [string, string] => {
              const label = `${code} ${ctx.edition.functionClasses.name(code) ?? ''}`.trim();
              const aName = `${ta.spec.code}「${label}」${columnName(ta, x.a.col)}`;
              const bName = `${tb.spec.code}「${label}」${columnName(tb, x.b.col)}`;
              const unlisted = (name: string) => `${name}（未列示，视为 0）`;
              return a ? [aName, b ? bName : unlisted(bName)] : [bName, unlisted(aName)];
            };
            yield { eq, names, relation: x.id };
          }
        }
      }
    }
  },
});
