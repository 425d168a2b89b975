import { Rule, compareEqual, rowColumns, rowBalancesAt, RowColumns, operand, itemName, columnName, Operand, amountOf } from './engine';
import { Finding } from '../core/findings';
import { RecognizedTable, Item } from '../recognize/model';
import { RowSumSpec } from '../specs/types';

const NONE: string[] = [];

/** 表内 row totals: on every row, the total column = Σ its component columns (spec.rowSums). */
export const rowSum: Rule = {
  id: 'row-sum',
  perDisclosure: true,
  level: '强制',
  title: '每行的合计栏等于各组成栏之和（如 本年支出合计 = 基本支出 + 项目支出 + …）',
  run(ctx) {
    const out: Finding[] = [];
    for (const scope of ctx.scopes)
      for (const t of scope.tables.values())
        for (const rs of t.spec.rowSums ?? []) {
          // The relation's columns, worked out again only when the rows' column map changes.
          let cols: Item['cols'] | undefined;
          let rc: RowColumns | undefined;
          for (let i = 0; i < t.items.length; i++) {
            const item = t.items[i];
            if (rs.side && item.side !== rs.side) continue;
            if (item.cols !== cols) {
              cols = item.cols;
              rc = rowColumns(cols, rs.total, rs.plus, rs.minus ?? NONE);
            }
            // A column the table lacks (nothing to compare), or balanced to the cent.
            if (!rc || rowBalancesAt(t.sheet, item.row, rc)) continue;
            const f = rowFinding(this.id, t, item, rs);
            if (f) out.push(f);
          }
        }
    return out;
  },
};

/**
 * The finding of a row whose total column differs from its components (every cell is there:
 * rowColumns found them). Worded here, not in the loop: a variable a closure captures is
 * allocated afresh on every pass of the loop, even when the closure is only made for a finding.
 */
function rowFinding(ruleId: string, t: RecognizedTable, item: Item, rs: RowSumSpec): Finding | undefined {
  const total = operand(t, item, rs.total)!;
  const plus = rs.plus.map((c) => operand(t, item, c)!);
  const minus = (rs.minus ?? NONE).map((c) => operand(t, item, c)!);
  return compareEqual({
    rule: ruleId,
    table: t,
    left: [total],
    right: plus,
    rightMinus: minus,
    leftName: () => `${t.spec.code}「${itemName(item)}」${columnName(t, rs.total)}`,
    // Name the components that hold amounts; blank ones add nothing to the reading.
    rightName: () => {
      const filled = (cols: string[], ops: Operand[]) => cols.filter((_, i) => amountOf(ops[i]).kind !== 'blank');
      const plusNames = filled(rs.plus, plus).map((c) => columnName(t, c));
      const minusNames = filled(rs.minus ?? NONE, minus).map((c) => columnName(t, c));
      const parts =
        plusNames.length + minusNames.length === 0
          ? '各组成栏之和'
          : (plusNames.join(' + ') || '0') + minusNames.map((n) => ' − ' + n).join('') + (minusNames.length ? '' : ' 之和');
      return parts.length > 40 ? '各组成栏之和' : parts;
    },
  });
}
