import { editionOf } from '../editions';
import type { RuleContext, ScopeTables, ContextReaders } from '../check/contract';
export type { Rule, RuleMeta, RuleContext, ScopeTables, ContextReaders } from '../check/contract';
import { a1, Workbook } from '../core/grid';
import { Finding, Severity } from '../core/findings';
import { TableSetSpec, CellSel } from '../specs/types';
import { Recognition, RecognizedTable, Item, Pos } from '../recognize/model';
import { TextScan } from '../core/textScan';

/**
 * What every rule shares: the context of a check (buildContext), the names of a table's rows and
 * columns as messages print them, lookups of a table's rows (itemOf, tableIndex) and the finding
 * of a cell. Relations are resolved, evaluated and worded in resolve.ts, evaluate.ts, describe.ts.
 */

/**
 * The tables of a recognition as a rule sees them: one scope per disclosure, last year's apart.
 * The narrative and the forms are read on first ask by `readers` (the check layer's); without
 * them a rule that asks for either fails, as only table rules may run on such a context.
 */
export function buildContext(set: TableSetSpec, rec: Recognition, wb: Workbook = { sheets: [] }, scan?: TextScan, readers?: ContextReaders): RuleContext {
  const all = rec.scopes.map((id) => ({ id, tables: new Map<string, RecognizedTable>() }));
  const byId = new Map(all.map((s) => [s.id, s]));
  for (const t of rec.tables) byId.get(t.scope)?.tables.set(t.spec.id, t);
  const isPrior = (id: string) => id === 'prior' || id.startsWith('prior:');
  const prior: ScopeTables = new Map<string, RecognizedTable>();
  for (const s of all.filter((x) => isPrior(x.id))) for (const [k, t] of s.tables) if (!prior.has(k)) prior.set(k, t);
  let narrative: ReturnType<RuleContext['narrative']> | undefined;
  let forms: ReturnType<RuleContext['forms']> | undefined;
  const missing = (what: string) => new Error(`${what} are not read on this context: build it with ruleContext (src/check/context.ts)`);
  const ctx: RuleContext = {
    edition: editionOf(set),
    set,
    rec,
    scopes: all.filter((x) => !isPrior(x.id)),
    wb,
    prior,
    scan,
    narrative: () => {
      if (!readers) throw missing('the narrative and the forms');
      return (narrative ??= readers.narrative(ctx));
    },
    forms: () => {
      if (!readers) throw missing('the narrative and the forms');
      return (forms ??= readers.forms(ctx));
    },
  };
  return ctx;
}

/** How a row is named in messages: 「201 一般公共服务支出」, 「本年收入合计」. */
export function itemName(item: Item): string {
  if (item.isTotal) return '合计';
  if (item.code) return `${item.code} ${item.label}`.trim();
  return item.label || item.key || '';
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

export function finding(
  rule: string,
  severity: Severity,
  table: RecognizedTable | undefined,
  pos: Pos | undefined,
  message: string,
  sheetName?: string,
): Finding {
  return {
    rule,
    severity,
    table: table?.spec.code ?? '',
    sheet: table?.sheet.name ?? sheetName ?? '',
    cell: pos ? a1(pos.r, pos.c) : '',
    related: [],
    message,
  };
}
