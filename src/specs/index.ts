import { TableSetSpec } from './types';
import { TABLES_2023 } from './y2023';
import { TABLES_2024_SHANGHAI } from './shanghai2024';

export * from './types';

/** Every table set the product knows; the first is the default. */
export const TABLE_SETS: TableSetSpec[] = [TABLES_2023, TABLES_2024_SHANGHAI];

/** The set of a year (exact), else the default. */
export function tableSet(year?: number): TableSetSpec {
  if (year !== undefined) {
    const exact = TABLE_SETS.find((s) => s.year === year);
    if (exact) return exact;
  }
  return TABLE_SETS[0];
}
