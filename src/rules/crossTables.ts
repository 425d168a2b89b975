import {
  Rule,
  ScopeTables,
  compareEqual,
  compareLe,
  equalExactly,
  notAboveExactly,
  itemOf,
  tableIndex,
  milliAt,
  Operand,
  operand,
  columnName,
  rowName,
  onlyColumnOfSide,
} from './engine';
import { cellAt } from '../core/grid';
import { Finding } from '../core/findings';
import { CellSel, CrossSpec } from '../specs/types';
import { Item, RecognizedTable } from '../recognize/model';

/** A cell of another table; `zero` when the table is complete but lists no such row (blank = 0). */
function cellOf(tables: ScopeTables, sel: CellSel): Operand | 'zero' | undefined {
  const t = tables.get(sel.table);
  if (!t) return undefined;
  const item = itemOf(t, sel);
  if (!item) return 'code' in sel && !t.truncated && t.missing.length === 0 ? 'zero' : undefined;
  return operand(t, item, sel.col);
}

/**
 * Σ of selected cells in thousandths, as cellOf reads them (a row a complete table does not list
 * is zero): NaN when a cell does not read in cents, undefined when one cannot be compared.
 * Builds nothing: most equalities of a correct disclosure hold to the cent.
 */
function selsMilli(tables: ScopeTables, sels: CellSel[]): number | undefined {
  let s = 0;
  for (let i = 0; i < sels.length; i++) {
    const sel = sels[i];
    const t = tables.get(sel.table);
    if (!t) return undefined;
    const item = itemOf(t, sel);
    if (!item) {
      if ('code' in sel && !t.truncated && t.missing.length === 0) continue;
      return undefined;
    }
    const c = item.cols[sel.col];
    if (c === undefined) return undefined;
    s += milliAt(t.sheet, item.row, c);
  }
  return s;
}

function selName(tables: ScopeTables, sel: CellSel): string {
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

const names = (tables: ScopeTables, sels: CellSel[]) => sels.map((s) => selName(tables, s)).join(' + ');

/** 表间 equalities: 01↔02, 01↔03, 04↔01, 04↔05/07/08, 05↔06, and class by class. */
export const crossEqual: Rule = {
  id: 'cross-equal',
  perDisclosure: true,
  level: '强制',
  title: '表间对应数相等（如 公开01 本年收入合计 = 公开02 合计，公开04 各类支出 = 公开05）',
  run(ctx) {
    const out: Finding[] = [];
    for (const scope of ctx.scopes) {
      const tables = scope.tables;
      for (const x of ctx.set.cross) {
        if (x.kind === 'eq') {
          // Equal to the cent (or not comparable, as below): nothing to build.
          const am = selsMilli(tables, x.a);
          const bm = am === undefined ? undefined : selsMilli(tables, x.b);
          if (am === undefined || bm === undefined || am === bm) continue;
          const f = eqFinding(this.id, tables, x);
          if (f) out.push(f);
        } else if (x.kind === 'eqByClass') {
          const ta = tables.get(x.a.table);
          const tb = tables.get(x.b.table);
          if (!ta || !tb) continue;
          // Each table's first row of every class: A's class rows, B's 3-digit codes (the indexes
          // keep first rows, in the tables' order).
          const idxA = tableIndex(ta);
          const idxB = tableIndex(tb);
          const classesA = idxA.byClass;
          const codesB = idxB.byCode;
          // Every class either table lists, each once (A's order, then B's others).
          const codes = idxA.classes.slice();
          for (const code of idxB.codes3) if (!classesA.has(code)) codes.push(code);
          for (let k = 0; k < codes.length; k++) {
            const code = codes[k];
            const ia = classesA.get(code);
            const ib = code.length === 3 ? codesB.get(code) : undefined;
            // A class a table does not list counts as zero only when that table is complete.
            if ((!ia && (ta.missing.length || ta.truncated)) || (!ib && (tb.missing.length || tb.truncated))) continue;
            if (!ia && !ib) continue;
            const ca = ia?.cols[x.a.col];
            const cb = ib?.cols[x.b.col];
            if ((ia && ca === undefined) || (ib && cb === undefined)) continue;
            if (equalExactly(ia && cellAt(ta.sheet, ia.row, ca!), ib && cellAt(tb.sheet, ib.row, cb!))) continue;
            const f = classFinding(this.id, x, code, ctx.edition.functionClasses.name(code), ta, ia, tb, ib);
            if (f) out.push(f);
          }
        }
      }
    }
    return out;
  },
};

/** 表间 inequalities: 05 ≤ 03 by code; 06 “三公” items ≤ 09 决算数. */
export const crossLe: Rule = {
  id: 'cross-le',
  perDisclosure: true,
  level: '强制',
  title: '部分不大于整体（公开05 各科目 ≤ 公开03，公开06 三公相关科目 ≤ 公开09 决算数）',
  run(ctx) {
    const out: Finding[] = [];
    for (const scope of ctx.scopes) {
      const tables = scope.tables;
      for (const x of ctx.set.cross) {
        if (x.kind === 'le') {
          const a = cellOf(tables, x.a);
          const b = cellOf(tables, x.b);
          if (!a || !b || a === 'zero' || b === 'zero') continue;
          const f = leFinding(this.id, tables, x, a, b);
          if (f) out.push(f);
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
            if (notAboveExactly(cellAt(ta.sheet, it.row, ca), cellAt(tb.sheet, other.row, cb))) continue;
            const f = codeLeFinding(this.id, x, ta, it, tb, other);
            if (f) out.push(f);
          }
        }
      }
    }
    return out;
  },
};

/*
 * Findings are worded in functions of their own, not in the rules' loops: a variable a closure
 * captures is allocated afresh on every pass of its loop, even when no finding is made.
 */

type Cross<K extends CrossSpec['kind']> = Extract<CrossSpec, { kind: K }>;

function eqFinding(ruleId: string, tables: ScopeTables, x: Cross<'eq'>): Finding | undefined {
  const a = x.a.map((s) => cellOf(tables, s));
  const b = x.b.map((s) => cellOf(tables, s));
  if ([...a, ...b].some((o) => o === undefined)) return undefined;
  const left = a.filter((o): o is Operand => o !== 'zero');
  const right = b.filter((o): o is Operand => o !== 'zero');
  if (left.length === 0) return undefined;
  return compareEqual({ rule: ruleId, table: left[0].table, left, right, leftName: () => names(tables, x.a), rightName: () => names(tables, x.b) });
}

/** One class compared between two tables; a class one table does not list reads as zero there. */
function classFinding(
  ruleId: string,
  x: Cross<'eqByClass'>,
  code: string,
  name: string | undefined,
  ta: RecognizedTable,
  ia: Item | undefined,
  tb: RecognizedTable,
  ib: Item | undefined,
): Finding | undefined {
  const opA = ia && operand(ta, ia, x.a.col);
  const opB = ib && operand(tb, ib, x.b.col);
  const label = () => `${code} ${name ?? ''}`.trim();
  const aName = () => `${ta.spec.code}「${label()}」${columnName(ta, x.a.col)}`;
  const bName = () => `${tb.spec.code}「${label()}」${columnName(tb, x.b.col)}`;
  return opA
    ? compareEqual({
        rule: ruleId,
        table: ta,
        left: [opA],
        right: opB ? [opB] : [],
        leftName: aName,
        rightName: opB ? bName : () => `${bName()}（未列示，视为 0）`,
      })
    : compareEqual({ rule: ruleId, table: tb, left: [opB!], right: [], leftName: bName, rightName: () => `${aName()}（未列示，视为 0）` });
}

function leFinding(ruleId: string, tables: ScopeTables, x: Cross<'le'>, a: Operand, b: Operand): Finding | undefined {
  return compareLe(
    ruleId,
    a,
    b,
    () => selName(tables, x.a),
    () => selName(tables, x.b),
  );
}

function codeLeFinding(ruleId: string, x: Cross<'leByCode'>, ta: RecognizedTable, it: Item, tb: RecognizedTable, other: Item): Finding | undefined {
  const label = () => (it.isTotal ? '合计' : `${it.code} ${it.label}`);
  return compareLe(
    ruleId,
    operand(ta, it, x.a.col)!,
    operand(tb, other, x.b.col)!,
    () => `${ta.spec.code}「${label()}」${columnName(ta, x.a.col)}`,
    () => `${tb.spec.code} 同科目${columnName(tb, x.b.col)}`,
  );
}
