import { TableSetSpec } from './types';
import { TABLES_2023 } from './y2023';

export * from './types';

/** Every table set the product knows, newest layout last. */
export const TABLE_SETS: TableSetSpec[] = [TABLES_2023];

export function tableSet(year?: number): TableSetSpec {
  if (year !== undefined) {
    const exact = TABLE_SETS.find((s) => s.year === year);
    if (exact) return exact;
  }
  return TABLE_SETS[TABLE_SETS.length - 1];
}
