/** The rule contract lives in the rules' layer (src/rules/contract.ts), where every rule can see it. */
export type { Rule, RuleMeta, RuleContext, ScopeTables, ContextReaders } from '../rules/contract';
