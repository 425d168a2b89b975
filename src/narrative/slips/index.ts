/** Slips reviewers reject disclosures for, beyond arithmetic; listed in src/check/registry.ts. */
export { narrPctSign } from './pctSign';
export { narrZeroBase } from './zeroBase';
export { narrDirection } from './direction';
export { narrYear } from './year';
export { narrTemplate } from './template';
export { narrRepeat } from './repeat';
export { narrTwice } from './twice';
