import { Rule, compareCells, childrenBalance, itemName, columnName, tableIndex } from './engine';
import { Finding } from '../core/findings';
import { Item, RecognizedTable } from '../recognize/model';

const LEVEL = (code: string) => (code.length === 3 ? '类' : code.length === 5 ? '款' : '项');

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

function check(ruleId: string, t: RecognizedTable, cols: string[], out: Finding[]) {
  const open = t.truncated ? new Set(t.truncated.openCodes) : NO_CODES;
  // No closure in these loops: a variable a closure captures is allocated afresh on every pass
  // (thousands of parents × columns), even when the closure is only made for a finding.
  for (const [parent, children] of childrenByCode(t.items, tableIndex(t))) {
    if (open.has(parent.isTotal ? '合计' : parent.code!)) continue;
    for (let k = 0; k < cols.length; k++) {
      if (childrenBalance(t.sheet, parent, children, cols[k]) !== false) continue;
      const f = hierarchyFinding(ruleId, t, parent, children, cols[k]);
      if (f) out.push(f);
    }
  }
}

/** The finding of a row whose children do not add up to it in one column (each has the column: childrenBalance said so). */
function hierarchyFinding(ruleId: string, t: RecognizedTable, parent: Item, children: Item[], col: string): Finding | undefined {
  const parts: number[] = [];
  for (const c of children) parts.push(c.row, c.cols[col]);
  const column = columnName(t, col);
  return compareCells({
    rule: ruleId,
    table: t,
    left: [parent.row, parent.cols[col]],
    right: parts,
    leftName: parent.isTotal ? `${t.spec.code} 合计「${column}」` : `${t.spec.code} ${LEVEL(parent.code!)} ${itemName(parent)}「${column}」`,
    rightName: `所属${parent.isTotal ? '类' : LEVEL(children[0].code!)}之和`,
  });
}

/** 合计 = Σ 类; 类 = Σ 款; 款 = Σ 项 by 科目编码 prefix (and 经济分类 类 = Σ 款 in 公开06). */
export const codeHierarchy: Rule = {
  id: 'code-hierarchy',
  perDisclosure: true,
  level: '强制',
  title: '合计等于各类之和，类等于所属款之和，款等于所属项之和（按科目编码）',
  run(ctx) {
    const out: Finding[] = [];
    for (const scope of ctx.scopes)
      for (const t of scope.tables.values()) {
        if (t.spec.kind === 'coded') check(this.id, t, t.spec.hierarchy, out);
        else if (t.spec.kind === 'econ') check(this.id, t, ['amount'], out);
      }
    return out;
  },
};
