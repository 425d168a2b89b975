import { Rule } from '../../rules/engine';
import { narrShare } from './share';
import { narrGrowth } from './growth';
import { narrCompletion } from './completion';
import { narrListSum } from './listSum';
import { narrTables } from './tables';
import { narrUnit } from './unit';
import { narrProjects } from './projects';
import { narrEmptyTables } from './emptyTables';
import { narrPrior } from './prior';

/** The narrative (情况说明) rules, in the order a reviewer reads them. */
export const NARRATIVE_RULES: Rule[] = [narrTables, narrUnit, narrShare, narrGrowth, narrCompletion, narrListSum, narrProjects, narrEmptyTables, narrPrior];
