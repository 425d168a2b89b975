import Decimal from 'decimal.js';
import { cellAt } from '../core/grid';
import { readAmount, amountInterval } from '../core/amount';
import { Interval, exact } from '../core/interval';
import { CellSel } from '../specs/types';
import type { Edition } from '../editions/types';
import { RecognizedTable, Item, cellPos, figuresUnusable, wanPerUnit } from './model';

/** The tables of one disclosure (one scope), by table id. */
export type ScopeTables = Map<string, RecognizedTable>;

/**
 * Table queries, in one place: a recognized table's rows by key, 科目编码, 类 and 合计, its rows and
 * columns as messages name them, and the value of a cell a selector names. The rules, the narrative
 * and the draft all ask these.
 */

/** How a row is named in messages: 「201 一般公共服务支出」, 「本年收入合计」. */
export function itemName(item: Item): string {
  if (item.isTotal) return '合计';
  if (item.code) return `${item.code} ${item.label}`.trim();
  // A row known only by its key has no name a reader would know (the 三公 table's one data row).
  return item.label || '';
}

export function columnName(table: RecognizedTable, col: string): string {
  return table.spec.columns.find((c) => c.key === col)?.name ?? col;
}

/** Chinese name of a named row (two-sided tables) or total (公开06) of a table's spec. */
export function rowName(table: RecognizedTable, key: string): string {
  const spec = table.spec;
  if (spec.kind === 'sides') return spec.rows.find((r) => r.key === key)?.name ?? key;
  if (spec.kind === 'econ') return spec.totals.find((x) => x.key === key)?.name ?? key;
  return key;
}

/** Whether a two-sided table's column is the only amount column of its side (then it needs no name). */
export function onlyColumnOfSide(table: RecognizedTable, col: string): boolean {
  const side = table.spec.columns.find((c) => c.key === col)?.side;
  return table.spec.kind === 'sides' && table.spec.columns.filter((c) => c.side === side).length === 1;
}

/** The row a cell selector names: by key, by 科目编码 (or 类 code on a two-sided table), 合计, or the data row. */
export function itemOf(t: RecognizedTable, sel: CellSel): Item | undefined {
  const idx = tableIndex(t);
  if ('row' in sel) return idx.byKey.get(sel.row);
  if ('code' in sel) return idx.byCode.get(sel.code) ?? idx.byClass.get(sel.code);
  if ('total' in sel) return idx.total;
  return idx.byKey.get('data');
}

/** Lookups of a table's items by key, code and class code, each keeping its first row (cached per table). */
export interface TableIndex {
  byKey: Map<string, Item>;
  byCode: Map<string, Item>;
  byClass: Map<string, Item>;
  total: Item | undefined;
  /** The class codes of byClass, and the 3-digit codes of byCode, in the table's order. */
  classes: string[];
  codes3: string[];
}

const indexCache = new WeakMap<RecognizedTable, TableIndex>();

export function tableIndex(t: RecognizedTable): TableIndex {
  let idx = indexCache.get(t);
  if (!idx) {
    idx = { byKey: new Map(), byCode: new Map(), byClass: new Map(), total: undefined, classes: [], codes3: [] };
    for (const it of t.items) {
      if (it.key && !idx.byKey.has(it.key)) idx.byKey.set(it.key, it);
      if (it.code && !idx.byCode.has(it.code)) {
        idx.byCode.set(it.code, it);
        if (it.code.length === 3) idx.codes3.push(it.code);
      }
      if (it.classCode && !idx.byClass.has(it.classCode)) {
        idx.byClass.set(it.classCode, it);
        idx.classes.push(it.classCode);
      }
      if (it.isTotal && !idx.total) idx.total = it;
    }
    indexCache.set(t, idx);
  }
  return idx;
}

export interface TableValue {
  interval: Interval;
  value: Decimal;
  table: RecognizedTable;
  r: number;
  c: number;
  name: string;
}

/** A table cell's value by selector; undefined when the table or row is not there. Class rows are named by the edition's classes. */
export function tableValue(tables: ScopeTables, sel: CellSel, edition: Edition): TableValue | undefined {
  const t = tables.get(sel.table);
  // A table whose text could not be read reliably gives no figure to compare with.
  if (!t || figuresUnusable(t)) return undefined;
  const item = itemOf(t, sel);
  const rowLabel =
    'row' in sel
      ? rowName(t, sel.row)
      : 'code' in sel
        ? sel.code.length === 3
          ? `${sel.code} ${edition.functionClasses.name(sel.code) ?? ''}`.trim()
          : sel.code
        : 'total' in sel
          ? '合计'
          : '';
  const pos = item && cellPos(item, sel.col);
  if (!item || !pos) {
    // A complete table that does not list the row holds zero there.
    if (item === undefined && !t.truncated && t.missing.length === 0 && ('code' in sel || 'total' in sel))
      return { interval: exact(new Decimal(0)), value: new Decimal(0), table: t, r: -1, c: -1, name: `${t.spec.code}「${rowLabel}」` };
    return undefined;
  }
  const cell = cellAt(t.sheet, pos.r, pos.c);
  // A formula never calculated holds no value the text can be compared with.
  if (cell?.formula && (cell.value === null || cell.value === undefined)) return undefined;
  const a = readAmount(cell);
  const raw = amountInterval(a);
  if (!raw || a.kind === 'text') return undefined;
  // The text quotes 万元: a table in 元 gives its figure in 万元.
  const f = wanPerUnit(t);
  const iv = f === 1 ? raw : { lo: raw.lo.times(f), hi: raw.hi.times(f) };
  const value = a.kind === 'num' ? a.value.times(f) : new Decimal(0);
  const col = columnName(t, sel.col);
  const name = t.spec.kind === 'matrix' ? `${t.spec.code}「${col}」` : `${t.spec.code}「${rowLabel}·${col}」`;
  return { interval: iv, value, table: t, r: pos.r, c: pos.c, name };
}
