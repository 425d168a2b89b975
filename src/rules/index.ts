import { Rule } from './engine';
import { rowSum } from './row-sum';
import { codeHierarchy } from './code-hierarchy';
import { tableSums } from './table-sum';
import { crossEqual } from './cross-equal';
import { crossLe } from './cross-le';
import { tablePresence } from './table-presence';
import { numericCells } from './numeric-cell';
import { kemuNames } from './kemu-names';
import { uncalculatedFormula } from './uncalculated-formula';
import { rowShiftRule } from './row-shift';
import { templateDrift } from './template-drift';
import { readingLimits } from './reading-limits';

export { Rule, RuleContext, buildContext } from './engine';

/** The table rules (the whole registry, with the narrative and form rules, is src/check/registry.ts). */
export const TABLE_RULES: Rule[] = [
  tablePresence,
  numericCells,
  uncalculatedFormula,
  rowShiftRule,
  rowSum,
  codeHierarchy,
  tableSums,
  crossEqual,
  crossLe,
  kemuNames,
  templateDrift,
  readingLimits,
];
