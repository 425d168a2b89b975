import { CellSel, RowSumSpec, SumSpec, Operand as SpecOperand } from '../specs/types';
import { Item, RecognizedTable } from '../recognize/model';
import { Equality, Term } from './evaluate';
import { itemOf, tableIndex } from '../recognize/query';
import type { ScopeTables } from './contract';

/**
 * Resolving a relation of the spec to the cells of the recognized tables, one function per kind
 * of relation. Undefined: the tables lack a cell the relation needs (a missing row is reported by
 * the table's own finding), so there is nothing to compare.
 */

const NONE: readonly never[] = [];

/** A row's total column = Σ plus columns − Σ minus columns (spec.rowSums). */
export function resolveRowSum(t: RecognizedTable, item: Item, rs: RowSumSpec): Equality | undefined {
  const cols = item.cols;
  const at = (col: string): Term | undefined => (cols[col] === undefined ? undefined : { t, r: item.row, c: cols[col] });
  const total = at(rs.total);
  if (!total) return undefined;
  const right: Term[] = [];
  for (const col of rs.plus) {
    const x = at(col);
    if (!x) return undefined;
    right.push(x);
  }
  const minus: Term[] = [];
  for (const col of rs.minus ?? NONE) {
    const x = at(col);
    if (!x) return undefined;
    minus.push(x);
  }
  return { left: [total], right, minus };
}

/** A row's amount in a column = Σ its children's (by 科目编码; 合计 = Σ 类). */
export function resolveChildren(t: RecognizedTable, parent: Item, children: readonly Item[], col: string): Equality | undefined {
  const pc = parent.cols[col];
  if (pc === undefined) return undefined;
  const right: Term[] = [];
  for (const child of children) {
    const c = child.cols[col];
    if (c === undefined) return undefined;
    right.push({ t, r: child.row, c });
  }
  return { left: [{ t, r: parent.row, c: pc }], right, minus: [] };
}

/** The cells of a spec operand of a within-table sum; undefined when a named row or its cell is missing. */
function operandTerms(t: RecognizedTable, op: SpecOperand, out: Term[]): boolean {
  const idx = tableIndex(t);
  if ('row' in op || 'total' in op) {
    const item = idx.byKey.get('row' in op ? op.row : op.total);
    const c = item?.cols[op.col];
    if (c === undefined) return false;
    out.push({ t, r: item!.row, c });
    return true;
  }
  if ('classRows' in op) {
    // Every function-class row of a side (a class without the column adds nothing).
    for (const it of t.items) {
      const c = it.cols[op.col];
      if (it.classCode && it.side === op.classRows && c !== undefined) out.push({ t, r: it.row, c });
    }
    return true;
  }
  // Economic classes by code (a code the table does not list adds nothing).
  for (const code of op.codes) {
    const it = idx.byCode.get(code);
    const c = it?.cols[op.col];
    if (c !== undefined) out.push({ t, r: it!.row, c });
  }
  return true;
}

/** A named total = Σ plus − Σ minus within one table (spec.sums). */
export function resolveSum(t: RecognizedTable, s: SumSpec): Equality | undefined {
  const left: Term[] = [];
  const right: Term[] = [];
  const minus: Term[] = [];
  if (!operandTerms(t, s.total, left) || left.length === 0) return undefined;
  for (const p of s.plus) if (!operandTerms(t, p, right)) return undefined;
  for (const p of s.minus ?? NONE) if (!operandTerms(t, p, minus)) return undefined;
  return { left, right, minus };
}

/** A cell of another table; 'zero' when the table is complete but lists no such row (blank = 0). */
export function resolveSel(tables: ScopeTables, sel: CellSel): Term | 'zero' | undefined {
  const t = tables.get(sel.table);
  if (!t) return undefined;
  const item = itemOf(t, sel);
  if (!item) return 'code' in sel && !t.truncated && t.missing.length === 0 ? 'zero' : undefined;
  const c = item.cols[sel.col];
  return c === undefined ? undefined : { t, r: item.row, c };
}

/** Σ a = Σ b between tables; a row a complete table does not list is zero. */
export function resolveCrossEqual(tables: ScopeTables, a: CellSel[], b: CellSel[]): Equality | undefined {
  const left: Term[] = [];
  const right: Term[] = [];
  for (const [sels, out] of [
    [a, left],
    [b, right],
  ] as const) {
    for (const sel of sels) {
      const x = resolveSel(tables, sel);
      if (x === undefined) return undefined;
      if (x !== 'zero') out.push(x);
    }
  }
  return left.length ? { left, right, minus: [] } : undefined;
}
