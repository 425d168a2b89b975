import { a1 } from '../core/grid';
import { readAmount } from '../core/amount';
import { cellAt } from '../core/grid';
import { Finding, CellLocation } from '../core/findings';
import { CellSel, RowSumSpec, SumSpec, Operand as SpecOperand } from '../specs/types';
import { Item, RecognizedTable } from '../recognize/model';
import { Equality, Shown, Term, mixedUnits } from './evaluate';
import { columnName, itemName, onlyColumnOfSide, rowName } from '../recognize/query';
import type { ScopeTables } from './contract';

/**
 * Wording a finding from its relation and the recognized tables: the only place that does. A rule
 * resolves a relation (resolve.ts), evaluates it (evaluate.ts) and, when it does not hold, asks
 * for its finding here with the names of its two sides.
 */

const loc = (x: Term): CellLocation => ({ sheet: x.t.sheet.name, cell: a1(x.r, x.c) });

/** The finding of an equality whose sides differ: broken (error), or within rounding (info, with the tolerance). */
export function equalityFinding(
  rule: string,
  eq: Equality,
  v: { broken: boolean; shown: Shown },
  leftName: string,
  rightName: string,
  relation?: string,
): Finding {
  const flagged = eq.left[0];
  const related: CellLocation[] = [];
  for (let i = 1; i < eq.left.length; i++) related.push(loc(eq.left[i]));
  for (const x of eq.right) related.push(loc(x));
  for (const x of eq.minus) related.push(loc(x));
  const { shown } = v;
  const note = unitNote([...eq.left, ...eq.right, ...eq.minus]);
  return {
    rule,
    table: flagged.t.spec.code,
    sheet: flagged.t.sheet.name,
    cell: a1(flagged.r, flagged.c),
    related,
    expected: shown.right,
    actual: shown.left,
    severity: v.broken ? 'error' : 'info',
    message:
      (v.broken
        ? `${leftName} ${shown.left} ≠ ${rightName} ${shown.right}，差 ${shown.diff}`
        : `${leftName} ${shown.left} 与${/^[\x00-\x7f]/.test(rightName) ? ' ' : ''}${rightName} ${shown.right} 相差 ${shown.diff}，在四舍五入尾差范围（±${shown.radius}）内`) +
      note,
    ...(relation ? { relation } : {}),
  };
}

/** The finding of a ≤ b broken. */
export function excessFinding(
  rule: string,
  a: Term,
  b: Term,
  shown: { a: string; b: string; over: string },
  aName: string,
  bName: string,
  relation?: string,
): Finding {
  return {
    rule,
    severity: 'error',
    table: a.t.spec.code,
    sheet: a.t.sheet.name,
    cell: a1(a.r, a.c),
    related: [loc(b)],
    message: `${aName} ${shown.a} 大于 ${bName} ${shown.b}，超出 ${shown.over}${unitNote([a, b])}`,
    expected: `≤ ${shown.b}`,
    actual: shown.a,
    ...(relation ? { relation } : {}),
  };
}

/** Said when a relation compares a table in 元 with one in 万元: its figures are shown in 万元. */
function unitNote(terms: Term[]): string {
  if (!mixedUnits(terms)) return '';
  const tables = [...new Set(terms.filter((x) => x.t.unit).map((x) => `${x.t.spec.code}以${x.t.unit}为单位`))];
  return `（${tables.join('、')}，已折合为万元比较）`;
}

// ---------------------------------------------------------------------------------------------
// Names of the sides, by kind of relation.

/** A row's total column against its components: 公开03「201 一般公共服务支出」本年支出合计 = 基本支出 + 项目支出 之和. */
export function rowSumNames(t: RecognizedTable, item: Item, rs: RowSumSpec, eq: Equality): [string, string] {
  const row = itemName(item);
  const left = row ? `${t.spec.code}「${row}」${columnName(t, rs.total)}` : `${t.spec.code}「${columnName(t, rs.total)}」`;
  // Name the components that hold amounts; blank ones add nothing to the reading.
  const filled = (cols: readonly string[], terms: Term[]) => cols.filter((_, i) => readAmount(cellAt(t.sheet, terms[i].r, terms[i].c)).kind !== 'blank');
  const plusNames = filled(rs.plus, eq.right).map((c) => columnName(t, c));
  const minusNames = filled(rs.minus ?? [], eq.minus).map((c) => columnName(t, c));
  const parts =
    plusNames.length + minusNames.length === 0
      ? '各组成栏之和'
      : (plusNames.join(' + ') || '0') + minusNames.map((n) => ' − ' + n).join('') + (minusNames.length ? '' : ' 之和');
  return [left, parts.length > 40 ? '各组成栏之和' : parts];
}

const LEVEL = (code: string) => (code.length === 3 ? '类' : code.length === 5 ? '款' : '项');

/** A 类/款 (or 合计) against its children: 公开03 款 20805 行政事业单位养老支出「基本支出」 = 所属项之和. */
export function hierarchyNames(t: RecognizedTable, parent: Item, children: Item[], col: string): [string, string] {
  const column = columnName(t, col);
  return [
    parent.isTotal ? `${t.spec.code} 合计「${column}」` : `${t.spec.code} ${LEVEL(parent.code!)} ${itemName(parent)}「${column}」`,
    `所属${parent.isTotal ? '类' : LEVEL(children[0].code!)}之和`,
  ];
}

function operandName(t: RecognizedTable, op: SpecOperand): string {
  if ('row' in op) return rowName(t, op.row);
  if ('total' in op) return rowName(t, op.total);
  return '';
}

/** A named total against its parts (本年收入合计 = 各项收入之和), as the relation describes them. */
export function sumNames(t: RecognizedTable, s: SumSpec): [string, string] {
  const colName = t.spec.kind === 'sides' && !onlyColumnOfSide(t, s.total.col) ? `「${columnName(t, s.total.col)}」` : '';
  const left = `${t.spec.code} ${operandName(t, s.total) || s.says[0]}${colName}`;
  const rhs = s.says[1];
  return [left, rhs.includes('+') && !rhs.endsWith('之和') ? `${rhs} 之和` : rhs];
}

/** A cell of another table: 公开02「合计·财政拨款收入」, 公开01「本年收入合计」, 公开09「决算数·合计」. */
export function selName(tables: ScopeTables, sel: CellSel): string {
  const t = tables.get(sel.table);
  if (!t) return sel.table;
  const col = columnName(t, sel.col);
  let row = '';
  if ('row' in sel) row = rowName(t, sel.row);
  else if ('code' in sel) row = sel.code;
  else if ('total' in sel) row = '合计';
  if (onlyColumnOfSide(t, sel.col)) return `${t.spec.code}「${row}」`;
  if (t.spec.kind === 'matrix') return `${t.spec.code}「${col}」`;
  return `${t.spec.code}「${row}${row ? '·' : ''}${col}」`;
}

export const selNames = (tables: ScopeTables, sels: CellSel[]) => sels.map((s) => selName(tables, s)).join(' + ');
