import { Rule } from '../../rules/engine';
import { formWeights } from './weights';
import { formScores } from './scores';
import { formTotal } from './total';
import { formProgress } from './progress';
import { formRateScore } from './rateScore';
import { formMoney } from './money';
import { formIndicators } from './indicators';
import { formGoals } from './goals';
import { formCross } from './cross';
import { formStructure } from './structure';

/** The 绩效自评表 rules. */
export const FORM_RULES: Rule[] = [formStructure, formMoney, formProgress, formGoals, formWeights, formScores, formIndicators, formRateScore, formTotal, formCross];
