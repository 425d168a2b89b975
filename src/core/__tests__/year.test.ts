import { defaultYear } from '../year';
import { scaffold } from '../../scaffold/build';
import { EDITIONS, editionChoice } from '../../editions';
import { cellText } from '../grid';

/** One default year everywhere: the year whose 决算 is being prepared, the one before today's. */

test.each([
  ['2026-01-05', 2025],
  ['2026-12-31', 2025],
  ['2024-06-30', 2023],
])('on %s the default is %i', (day, year) => {
  expect(defaultYear(new Date(day))).toBe(year);
});

test.each(EDITIONS.map((e) => [editionChoice(e)]))('scaffold (%s) without --year titles its tables with the default year', (edition) => {
  const built = scaffold({ unit: '某某局', edition });
  const titles = built.workbook.sheets.flatMap((s) => s.rows.slice(0, 4).flatMap((r) => (r ?? []).map((c) => (c ? cellText(c) : ''))));
  const years = new Set(titles.flatMap((t) => [...t.matchAll(/(20\d\d)\s*年/g)].map((m) => Number(m[1]))));
  expect([...years]).toEqual([defaultYear()]);
});
