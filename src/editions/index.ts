import { Edition } from './types';
import { TableSetSpec } from '../specs/types';
import { NATIONAL_2023 } from './national2023';
import { SHANGHAI_2024 } from './shanghai2024';
import { functionClasses } from './reference';

export * from './types';

/**
 * Every edition the product knows; the first is the default. Adding an edition: its folder
 * (src/editions/<id>/index.ts exporting a complete Edition) and one line here.
 */
export const EDITIONS: Edition[] = [NATIONAL_2023, SHANGHAI_2024];

export const DEFAULT_EDITION = EDITIONS[0];

/** The edition a table set belongs to (a set made by hand in a test: the default edition's data). */
export function editionOf(set: TableSetSpec): Edition {
  const known = EDITIONS.find((e) => e.tables === set) ?? EDITIONS.find((e) => e.id === set.id);
  if (known) return known;
  const classes = set.classRows ? functionClasses(DEFAULT_EDITION.functionClasses.list, set.classRows) : DEFAULT_EDITION.functionClasses;
  return { ...DEFAULT_EDITION, tables: set, functionClasses: classes };
}

/** Every table set the product knows (one per edition); the first is the default. */
export const TABLE_SETS: TableSetSpec[] = EDITIONS.map((e) => e.tables);

/** The set of a year (exact), else the default. */
export function tableSet(year?: number): TableSetSpec {
  if (year !== undefined) {
    const exact = TABLE_SETS.find((s) => s.year === year);
    if (exact) return exact;
  }
  return TABLE_SETS[0];
}

/** How a person picks an edition's tables: '全国通用（公开01—公开09）', '上海市（表一—表九）'. */
export function editionChoice(e: Edition): string {
  const t = e.tables.tables;
  return `${e.region}（${t[0].code}—${t[t.length - 1].code}）`;
}

/**
 * The edition a person chose, by its region ('上海市', '上海'), its choice label or its id; undefined
 * when none matches. The year never chooses the tables: a 2024 national template is still 公开01—09.
 */
export function editionByChoice(choice: string): Edition | undefined {
  const c = choice.trim();
  if (!c) return undefined;
  return EDITIONS.find((e) => e.id === c || e.region === c || editionChoice(e) === c || e.region.replace(/[市省]$/, '') === c);
}
