/** Slips reviewers reject disclosures for, beyond arithmetic; listed in src/check/registry.ts. */
export { narrPctSign } from './narr-pct-sign';
export { narrZeroBase } from './narr-zero-base';
export { narrDirection } from './narr-direction';
export { narrYear } from './narr-year';
export { narrTemplate } from './narr-template';
export { narrRepeat } from './narr-repeat';
export { narrTwice } from './narr-twice';
export { narrWording } from './narr-wording';
