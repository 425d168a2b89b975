/** The narrative rules are listed, with every other rule, in src/check/registry.ts. */
export { narrShare } from './narr-share';
export { narrGrowth } from './narr-growth';
export { narrCompletion } from './narr-completion';
export { narrListSum } from './narr-list-sum';
export { narrTables } from './narr-table';
export { narrUnit } from './narr-unit';
export { narrEmptyTables } from './narr-empty-table';
export { narrPrior } from './narr-prior';
export { narrProcurement } from './narr-procurement';
export { narrKemuPurpose } from './narr-kemu-purpose';
export { narrBudgetWords } from './narr-budget-words';
export { narrBalance } from './narr-balance';
export { narrTableEmpty } from './narr-table-empty';
export { narrKemuItem } from './narr-kemu-item';
export { narrSangongChange } from './narr-sangong-change';
