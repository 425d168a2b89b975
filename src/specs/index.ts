import { TableSetSpec } from './types';
import { EDITIONS } from '../editions';

export * from './types';

/** Every table set the product knows; the first is the default. */
export const TABLE_SETS: TableSetSpec[] = EDITIONS.map((e) => e.tables);

/** The set of a year (exact), else the default. */
export function tableSet(year?: number): TableSetSpec {
  if (year !== undefined) {
    const exact = TABLE_SETS.find((s) => s.year === year);
    if (exact) return exact;
  }
  return TABLE_SETS[0];
}
