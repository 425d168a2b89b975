import { editionOf } from '../editions';
import type { RuleContext, ScopeTables, ContextReaders } from './contract';
export type { Rule, RuleMeta, RuleContext, ScopeTables, ContextReaders } from './contract';
import { a1, Workbook } from '../core/grid';
import { Finding, Severity } from '../core/findings';
import { TableSetSpec } from '../specs/types';
import { Recognition, RecognizedTable, Pos } from '../recognize/model';
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
  const ctx = {
    edition: editionOf(set),
    set,
    rec,
    scopes: all.filter((x) => !isPrior(x.id)),
    wb,
    prior,
    scan,
  } as RuleContext;
  // Each part the layers above declare (the narrative, the forms) read on first ask and kept; a
  // context built without readers runs table rules only, and says so to a rule that asks more.
  const parts = (readers ? Object.keys(readers) : ['narrative', 'forms']) as (keyof ContextReaders)[];
  for (const key of parts) {
    let kept: unknown;
    let read = false;
    Object.assign(ctx, {
      [key]: () => {
        if (!readers) throw new Error(`the ${key} is not read on this context: build it with ruleContext (src/check/context.ts)`);
        if (!read) {
          kept = readers[key](ctx);
          read = true;
        }
        return kept;
      },
    });
  }
  return ctx;
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
