import { TableSetSpec } from './types';
import { TABLES_2023 } from './y2023';
import { TABLES_2024_SHANGHAI } from './shanghai2024';
import { Workbook } from '../core/grid';
import { normLabel } from '../core/text';

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

/**
 * The set a workbook is written in: the one whose table titles it shows most (each title once),
 * then the one of the year it states ("2024 年度"), then the default.
 */
export function pickTableSet(wb: Workbook): TableSetSpec {
  const texts = new Set<string>();
  let year: number | undefined;
  for (const s of wb.sheets)
    for (const row of s.rows)
      for (const cell of row ?? []) {
        const v = cell?.value;
        if (typeof v !== 'string') continue;
        if (v.includes('表')) texts.add(normLabel(v));
        if (year === undefined) {
          const m = /(20\d{2})\s*年度/.exec(v);
          if (m) year = Number(m[1]);
        }
      }
  const score = (set: TableSetSpec) =>
    set.tables.filter((t) => t.titles.some((title) => [...texts].some((x) => x === normLabel(title) || (x.endsWith(normLabel(title)) && !/(财政拨款|预算|收入|支出|基本)$/.test(x.slice(0, x.length - normLabel(title).length)))))).length;
  let best = TABLE_SETS[0];
  let bestScore = score(best);
  for (const set of TABLE_SETS.slice(1)) {
    const sc = score(set);
    if (sc > bestScore || (sc === bestScore && sc > 0 && set.year === year && best.year !== year)) {
      best = set;
      bestScore = sc;
    }
  }
  return best;
}
