/** The 绩效自评表 rules; listed in src/check/registry.ts. */
export { formWeights } from './form-weights';
export { formScores } from './form-score-max';
export { formTotal } from './form-total';
export { formProgress } from './form-progress';
export { formRateScore } from './form-rate-score';
export { formMoney } from './form-money';
export { formIndicators } from './form-indicator';
export { formGoals } from './form-goal';
export { formStructure } from './form-structure';
export { formBlank } from './form-blank';
