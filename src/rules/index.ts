import { Rule } from './engine';
import { rowSum } from './rowSum';
import { codeHierarchy } from './codeHierarchy';
import { tableSums } from './tableSums';
import { crossEqual, crossLe } from './crossTables';
import { tablePresence } from './tablePresence';
import { numericCells } from './numericCells';
import { kemuNames } from './kemuNames';
import { NARRATIVE_RULES } from '../narrative/rules';
import { FORM_RULES } from '../forms/rules';
import { SLIP_RULES } from '../narrative/slips';

export { Rule, RuleContext, buildContext } from './engine';

/** The rule registry: the list a reviewer reads. Adding a rule is adding a line here. */
export const TABLE_RULES: Rule[] = [tablePresence, numericCells, rowSum, codeHierarchy, tableSums, crossEqual, crossLe, kemuNames];
export const RULES: Rule[] = [...TABLE_RULES, ...NARRATIVE_RULES, ...SLIP_RULES, ...FORM_RULES];
