import type { Finding } from '../core/findings';
import type { Workbook } from '../core/grid';
import type { TextScan } from '../core/textScan';
import type { TableSetSpec } from '../specs/types';
import type { Recognition } from '../recognize/model';
import type { Edition } from '../editions/types';

/**
 * The rule contract: what a rule declares and what it is given. Types only, in the rules' layer:
 * the table rules, the narrative and the forms see it below them, and the check that runs them
 * (the registry, src/check/registry.ts, the one place that imports every rule) sees it too.
 *
 * What the layers above add to a rule's context — the narrative (narrative/model.ts) and the forms
 * (forms/model.ts), each read on first ask — they declare here themselves, by augmenting
 * ContextParts: this contract never imports what is above it.
 */

/** What a rule declares about itself: a reviewer can read the list of rules. */
export interface RuleMeta {
  id: string;
  /** A short Chinese name, as 审核报告 and the pane show it ('行合计', '占比'). */
  name: string;
  /** 强制: must be fixed before submission; 提示: may be explained. */
  level: '强制' | '提示';
  /** One Chinese sentence of what it checks. */
  title: string;
  /**
   * The rule reads nothing but ctx.set and the tables of ctx.scopes, each disclosure on its own:
   * the check runs it disclosure by disclosure, so that a failure on one unit of a consolidated
   * workbook keeps the findings of the others.
   */
  perDisclosure?: boolean;
}

export interface Rule extends RuleMeta {
  run(ctx: RuleContext): Finding[];
}

export type { ScopeTables } from '../recognize/query';
import type { ScopeTables } from '../recognize/query';

/**
 * The parts of a context read on first ask, declared by the layers that read them:
 *   declare module '../rules/contract' { interface ContextParts { narrative(): Narrative } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ContextParts {}

export interface RuleContext extends ContextParts {
  /** The edition of the workbook: its tables, 科目, narrative bindings, sections (see editions/types.ts). */
  edition: Edition;
  /** The edition's tables and relations (edition.tables). */
  set: TableSetSpec;
  rec: Recognition;
  scopes: { id: string; tables: ScopeTables }[];
  /** The workbook itself, for rules that read beyond the tables (narrative, forms). */
  wb: Workbook;
  /** Last year's tables (sheets 上年…), read for 比上年 sentences, never checked themselves. */
  prior: ScopeTables;
  /** The workbook's texts as scanned for recognition, when the caller has them (the narrative and forms start from them too). */
  scan?: TextScan;
}

/** How a context reads each of its parts (given by the check layer, src/check/context.ts). */
export type ContextReaders = {
  [K in keyof ContextParts]: (ctx: RuleContext) => ContextParts[K] extends () => infer R ? R : never;
};
