import { Rule, compareCells, tableIndex, milliAt, columnName, rowName, onlyColumnOfSide } from './engine';
import { Finding } from '../core/findings';
import { Operand as SpecOperand, SumSpec } from '../specs/types';
import { RecognizedTable } from '../recognize/model';

/**
 * Append a spec operand's cells to a flat [row, column, …] list (a class row or code without
 * the column adds nothing); false when a named row or its cell is missing (reported elsewhere).
 */
function cellsOf(t: RecognizedTable, op: SpecOperand, out: number[]): boolean {
  const idx = tableIndex(t);
  if ('row' in op || 'total' in op) {
    const item = idx.byKey.get('row' in op ? op.row : op.total);
    const c = item?.cols[op.col];
    if (c === undefined) return false;
    out.push(item!.row, c);
    return true;
  }
  if ('classRows' in op) {
    for (const it of t.items) {
      const c = it.cols[op.col];
      if (it.classCode && it.side === op.classRows && c !== undefined) out.push(it.row, c);
    }
    return true;
  }
  for (const code of op.codes) {
    const it = idx.byCode.get(code);
    const c = it?.cols[op.col];
    if (c !== undefined) out.push(it!.row, c);
  }
  return true;
}

/**
 * Σ of a spec operand's cells in thousandths, read as cellsOf reads them (a class row or code
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

function opName(t: RecognizedTable, op: SpecOperand): string {
  if ('row' in op) return rowName(t, op.row);
  if ('total' in op) return rowName(t, op.total);
  return '';
}

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
  const left: number[] = [];
  const right: number[] = [];
  const minus: number[] = [];
  if (!cellsOf(t, s.total, left) || left.length === 0) return undefined;
  for (const p of s.plus) if (!cellsOf(t, p, right)) return undefined;
  for (const p of s.minus ?? NONE) if (!cellsOf(t, p, minus)) return undefined;
  return compareCells({
    rule: ruleId,
    table: t,
    left,
    right,
    rightMinus: minus,
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
