import type { Workbook } from '../core/grid';
import type { TextScan } from '../core/textScan';
import type { TableSetSpec } from '../specs/types';
import type { Recognition } from '../recognize/model';
import type { RuleContext } from './contract';
import { buildContext } from '../rules/engine';
import { readNarrativeOf } from '../narrative/model';
import { recognizeForms } from '../forms/model';

/**
 * A rule's context for a check: the tables of the recognition, and the narrative and the forms of
 * the workbook read on the first rule that asks (ctx.narrative(), ctx.forms()), once per check.
 */
export function ruleContext(set: TableSetSpec, rec: Recognition, wb: Workbook = { sheets: [] }, scan?: TextScan): RuleContext {
  return buildContext(set, rec, wb, scan, {
    narrative: (ctx) => readNarrativeOf(ctx),
    forms: (ctx) => recognizeForms(ctx.wb, ctx.scan),
  });
}
