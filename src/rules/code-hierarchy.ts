import { relationRule } from './relationRule';
import { tableIndex } from '../recognize/query';
import { resolveChildren } from './resolve';
import { hierarchyNames } from './describe';
import { Item } from '../recognize/model';

/** Children of each row: the nearest listed descendants by code prefix; 合计's children are the 类. */
export function childrenByCode(items: Item[], index?: { byCode: Map<string, Item>; total?: Item }): Map<Item, Item[]> {
  // The first row of each code, and the 合计 row (a table's own index has them already).
  let byCode = index?.byCode;
  let total = index?.total;
  if (!byCode) {
    byCode = new Map<string, Item>();
    for (let k = 0; k < items.length; k++) {
      const i = items[k];
      if (i.code) {
        if (!byCode.has(i.code)) byCode.set(i.code, i);
      } else if (!total && i.isTotal) total = i;
    }
  }
  const out = new Map<Item, Item[]>();
  // The last row seen of each code length: tables list a 类 before its 款 and a 款 before its 项,
  // so a row's parent is usually the last shorter row, recognized without cutting the code.
  const recent: (Item | undefined)[] = [];
  for (let k = 0; k < items.length; k++) {
    const i = items[k];
    const code = i.code;
    if (!code) continue;
    let parent: Item | undefined;
    for (let len = code.length - 2; len >= 3 && !parent; len -= 2) {
      const last = recent[len];
      parent = last && code.startsWith(last.code!) ? byCode.get(last.code!) : byCode.get(code.slice(0, len));
    }
    if (!parent && code.length === 3) parent = total;
    recent[code.length] = i;
    if (parent && parent !== i) {
      const list = out.get(parent);
      if (list) list.push(i);
      else out.set(parent, [i]);
    }
  }
  return out;
}

const NO_CODES: ReadonlySet<string> = new Set();

/** 合计 = Σ 类; 类 = Σ 款; 款 = Σ 项 by 科目编码 prefix (and 经济分类 类 = Σ 款 in 公开06). */
export const codeHierarchy = relationRule({
  id: 'code-hierarchy',
  name: '科目层级合计',
  perDisclosure: true,
  level: '强制',
  title: '合计等于各类之和，类等于所属款之和，款等于所属项之和（按科目编码）',
  *relations(ctx) {
    for (const scope of ctx.scopes)
      for (const t of scope.tables.values()) {
        const cols = t.spec.kind === 'coded' ? t.spec.hierarchy : t.spec.kind === 'econ' ? ['amount'] : [];
        if (!cols.length) continue;
        // A parent whose children a truncated table cut off is not judged.
        const open = t.truncated ? new Set(t.truncated.openCodes) : NO_CODES;
        for (const [parent, children] of childrenByCode(t.items, tableIndex(t))) {
          if (open.has(parent.isTotal ? '合计' : parent.code!)) continue;
          for (const col of cols) {
            const eq = resolveChildren(t, parent, children, col);
            if (eq) yield { eq, names: () => hierarchyNames(t, parent, children, col), relation: `${t.spec.id}/hierarchy` };
          }
        }
      }
  },
});
