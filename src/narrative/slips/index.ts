import { Rule } from '../../rules/engine';
import { narrPctSign } from './pctSign';
import { narrZeroBase } from './zeroBase';
import { narrDirection } from './direction';
import { narrYear } from './year';
import { narrTemplate } from './template';
import { narrRepeat } from './repeat';
import { narrTwice } from './twice';
import { narrUnitName } from './unitName';

/** Slips reviewers reject disclosures for, beyond arithmetic. */
export const SLIP_RULES: Rule[] = [narrPctSign, narrZeroBase, narrDirection, narrYear, narrTemplate, narrRepeat, narrTwice, narrUnitName];
