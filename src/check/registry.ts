import type { Finding } from '../core/findings';
import { blocksSubmission as blocks } from '../core/findings';
import type { Rule } from './contract';
import { TABLE_RULES } from '../rules';
import {
  narrTables,
  narrUnit,
  narrShare,
  narrGrowth,
  narrCompletion,
  narrListSum,
  narrEmptyTables,
  narrPrior,
  narrProcurement,
  narrKemuPurpose,
  narrBudgetWords,
  narrBalance,
  narrTableEmpty,
  narrKemuItem,
  narrSangongChange,
} from '../narrative/rules';
import { narrPctSign, narrZeroBase, narrDirection, narrYear, narrTemplate, narrRepeat, narrTwice, narrWording } from '../narrative/slips';
import {
  formStructure,
  formBlank,
  formMoney,
  formProgress,
  formGoals,
  formWeights,
  formScores,
  formIndicators,
  formRateScore,
  formTotal,
} from '../forms/rules';
import { narrProjects } from '../crossRules/narr-project';
import { narrUnitName } from '../crossRules/unit-name';
import { headingIdentity } from '../crossRules/heading-identity';
import { docSlips } from '../crossRules/doc-slips';
import { formCross } from '../crossRules/form-cross';

/**
 * The rule registry: every rule of a check, the list a reviewer reads, in the order a reviewer
 * reads a disclosure (tables, narrative, slips, forms). Adding a rule: its module, and a line here.
 * Rules that read two domains (the project paragraphs against the forms, the unit's name across
 * cover, tables and text, the forms against the tables) live in src/crossRules/.
 */

export { TABLE_RULES };

/** The narrative (情况说明) rules, in the order a reviewer reads them. */
export const NARRATIVE_RULES: Rule[] = [
  narrTables,
  narrTableEmpty,
  narrBalance,
  narrUnit,
  narrShare,
  narrGrowth,
  narrCompletion,
  narrBudgetWords,
  narrListSum,
  narrProjects,
  narrEmptyTables,
  narrPrior,
  narrProcurement,
  narrKemuPurpose,
  narrKemuItem,
  narrSangongChange,
];

/** Slips reviewers reject disclosures for, beyond arithmetic. */
export const SLIP_RULES: Rule[] = [
  narrPctSign,
  narrZeroBase,
  narrDirection,
  narrWording,
  narrYear,
  narrTemplate,
  narrRepeat,
  narrTwice,
  narrUnitName,
  headingIdentity,
  docSlips,
];

/** The 绩效自评表 rules. */
export const FORM_RULES: Rule[] = [
  formStructure,
  formBlank,
  formMoney,
  formProgress,
  formGoals,
  formWeights,
  formScores,
  formIndicators,
  formRateScore,
  formTotal,
  formCross,
];

export const RULES: Rule[] = [...TABLE_RULES, ...NARRATIVE_RULES, ...SLIP_RULES, ...FORM_RULES];

const NAME_OF = new Map(RULES.map((r) => [r.id, r.name]));
const LEVEL_OF = new Map(RULES.map((r) => [r.id, r.level]));
const ID_OF = new Map(RULES.map((r) => [r.name, r.id]));
const TITLE_OF = new Map(RULES.map((r) => [r.id, r.title]));

/** The Chinese name an accountant reads in the report (审核报告) for a rule id; the id if unknown. */
export const ruleName = (id: string): string => NAME_OF.get(id) ?? id;

/** Back from the report's Chinese name to the rule id (older reports carry the id itself). */
export const ruleIdOf = (nameOrId: string): string => ID_OF.get(nameOrId) ?? nameOrId;

/**
 * A rule as 审核报告 and the pane show it: its Chinese name, whether it blocks submission (强制) or
 * may be explained (提示), and the one sentence of what it requires (the pane's group says it once).
 */
export const ruleLabel = (id: string): { name: string; level?: '强制' | '提示'; title?: string } => ({
  name: ruleName(id),
  level: LEVEL_OF.get(id),
  title: TITLE_OF.get(id),
});

/** Whether a finding keeps the disclosure from 可提交, by the registry's rule levels (core/findings.ts). */
export const blocksSubmission = (f: Pick<Finding, 'rule' | 'severity'>): boolean => blocks(f, (id) => LEVEL_OF.get(id));
