import { Rule } from './engine';
import { rowSum } from './rowSum';
import { codeHierarchy } from './codeHierarchy';
import { tableSums } from './tableSums';
import { crossEqual, crossLe } from './crossTables';
import { tablePresence } from './tablePresence';
import { numericCells } from './numericCells';
import { kemuNames } from './kemuNames';

export { Rule, RuleContext, buildContext } from './engine';

/** The table rules (the whole registry, with the narrative and form rules, is src/check/registry.ts). */
export const TABLE_RULES: Rule[] = [tablePresence, numericCells, rowSum, codeHierarchy, tableSums, crossEqual, crossLe, kemuNames];
