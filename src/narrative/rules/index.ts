/** The narrative rules are listed, with every other rule, in src/check/registry.ts. */
export { narrShare } from './share';
export { narrGrowth } from './growth';
export { narrCompletion } from './completion';
export { narrListSum } from './listSum';
export { narrTables } from './tables';
export { narrUnit } from './unit';
export { narrEmptyTables } from './emptyTables';
export { narrPrior } from './prior';
