import { Rule, compareEqual, tableIndex, milliAt, Operand, operand, columnName, rowName, onlyColumnOfSide } from './engine';
import { Finding } from '../core/findings';
import { Operand as SpecOperand, SumSpec } from '../specs/types';
import { Item, RecognizedTable } from '../recognize/model';

/** Resolve a spec operand to cells; undefined when a named row is missing (reported elsewhere). */
function resolve(t: RecognizedTable, op: SpecOperand): Operand[] | undefined {
  const idx = tableIndex(t);
  const cellOf = (item: Item | undefined, col: string): Operand | undefined => (item ? operand(t, item, col) : undefined);
  if ('row' in op) {
    const o = cellOf(idx.byKey.get(op.row), op.col);
    return o ? [o] : undefined;
  }
  if ('total' in op) {
    const o = cellOf(idx.byKey.get(op.total), op.col);
    return o ? [o] : undefined;
  }
  if ('classRows' in op) {
    return t.items.filter((i) => i.classCode && i.side === op.classRows).map((i) => cellOf(i, op.col)).filter((o): o is Operand => !!o);
  }
  return op.codes.map((c) => cellOf(idx.byCode.get(c), op.col)).filter((o): o is Operand => !!o);
}

/**
 * Σ of a spec operand's cells in thousandths, read as resolve reads them (a class row or code
 * without the column adds nothing): NaN when a cell does not read in cents, undefined when a
 * named row or its cell is missing. Builds nothing: most sums of a correct table balance.
 */
function operandMilli(t: RecognizedTable, op: SpecOperand): number | undefined {
  const idx = tableIndex(t);
  if ('row' in op || 'total' in op) {
    const item = idx.byKey.get('row' in op ? op.row : op.total);
    const c = item?.cols[op.col];
    if (c === undefined) return undefined;
    return milliAt(t.sheet, item!.row, c);
  }
  let s = 0;
  if ('classRows' in op) {
    for (let i = 0; i < t.items.length; i++) {
      const it = t.items[i];
      if (!it.classCode || it.side !== op.classRows) continue;
      const c = it.cols[op.col];
      if (c !== undefined) s += milliAt(t.sheet, it.row, c);
    }
    return s;
  }
  for (let i = 0; i < op.codes.length; i++) {
    const it = idx.byCode.get(op.codes[i]);
    const c = it?.cols[op.col];
    if (c !== undefined) s += milliAt(t.sheet, it!.row, c);
  }
  return s;
}

/** Whether total = Σ plus − Σ minus holds to the cent; undefined when a named row is missing. */
function sumBalances(t: RecognizedTable, s: SumSpec): boolean | undefined {
  const total = operandMilli(t, s.total);
  if (total === undefined) return undefined;
  let rest = total;
  for (let i = 0; i < s.plus.length; i++) {
    const v = operandMilli(t, s.plus[i]);
    if (v === undefined) return undefined;
    rest -= v;
  }
  const minus = s.minus ?? NONE;
  for (let i = 0; i < minus.length; i++) {
    const v = operandMilli(t, minus[i]);
    if (v === undefined) return undefined;
    rest += v;
  }
  return rest === 0;
}

const NONE: SpecOperand[] = [];

/** The lists one after another (Array.prototype.flat is slow on this path). */
function joined(lists: Operand[][]): Operand[] {
  const out: Operand[] = [];
  for (const l of lists) for (const o of l) out.push(o);
  return out;
}

function opName(t: RecognizedTable, op: SpecOperand): string {
  if ('row' in op) return rowName(t, op.row);
  if ('total' in op) return rowName(t, op.total);
  return '';
}

/** Named within-table relations of the spec (本年收入合计 = Σ 收入, 总计, 人员经费合计 = 301 + 303, …). */
export const tableSums: Rule = {
  id: 'table-sum',
  level: '强制',
  title: '表内合计、总计与其组成项相符（如 本年收入合计 = 各项收入之和，收入总计 = 支出总计）',
  run(ctx) {
    const out: Finding[] = [];
    for (const scope of ctx.scopes)
      for (const t of scope.tables.values())
        for (const s of t.spec.sums ?? []) {
          // Balanced to the cent, or a named row missing (reported by the table's own finding).
          if (sumBalances(t, s) !== false) continue;
          const f = sumFinding(this.id, t, s);
          if (f) out.push(f);
        }
    return out;
  },
};

/**
 * The finding of a relation that does not balance to the cent. Worded here, not in the loop: a
 * variable a closure captures is allocated afresh on every pass, even when no finding is made.
 */
function sumFinding(ruleId: string, t: RecognizedTable, s: SumSpec): Finding | undefined {
  const total = resolve(t, s.total);
  const plus = s.plus.map((p) => resolve(t, p));
  const minus = (s.minus ?? []).map((p) => resolve(t, p));
  if (!total || plus.some((p) => !p) || minus.some((p) => !p)) return undefined;
  return compareEqual({
    rule: ruleId,
    table: t,
    left: total,
    right: joined(plus as Operand[][]),
    rightMinus: joined(minus as Operand[][]),
    leftName: () => {
      const colName = t.spec.kind === 'sides' && !onlyColumnOfSide(t, s.total.col) ? `「${columnName(t, s.total.col)}」` : '';
      return `${t.spec.code} ${opName(t, s.total) || s.desc.split(' = ')[0]}${colName}`;
    },
    rightName: () => {
      const rhs = s.desc.split(' = ')[1];
      return rhs === undefined ? '组成项之和' : rhs.includes('+') && !rhs.endsWith('之和') ? `${rhs} 之和` : rhs;
    },
  });
}
