/** The 绩效自评表 rules; listed in src/check/registry.ts. */
export { formWeights } from './weights';
export { formScores } from './scores';
export { formTotal } from './total';
export { formProgress } from './progress';
export { formRateScore } from './rateScore';
export { formMoney } from './money';
export { formIndicators } from './indicators';
export { formGoals } from './goals';
export { formStructure } from './structure';
