import { readingDifferences } from '../sameReading';
import { withoutJustifyingSpaces } from '../../hosts/pdf/matrix';

/** Two engines' readings of one PDF: equal but for places on the page within a hundredth of a point. */
describe('two readings of one PDF compared', () => {
  const cell = (value: string, x: number) => ({ value, box: { page: 1, x, y: 100, w: 40, h: 10 } });
  test.each([
    ['the same reading', [cell('208', 90)], [cell('208', 90)], 0],
    ['a box a hundredth of a point off', [cell('208', 90)], [cell('208', 90.01)], 0],
    ['a box two hundredths off', [cell('208', 90)], [cell('208', 90.02)], 1],
    ['a cell read differently', [cell('社 会 保 障', 90)], [cell('社会保障', 90)], 1],
    ['a row more in one', [cell('208', 90)], [cell('208', 90), cell('2080501', 90)], 1],
  ])('%s', (_, a, b, n) => {
    expect(readingDifferences(a, b)).toHaveLength(n);
  });

  test('a number that is no place (a page, a count) must be equal', () => {
    expect(readingDifferences({ box: { page: 1 } }, { box: { page: 2 } })).toEqual(['.box.page: 1 ≠ 2']);
    expect(readingDifferences({ count: 22 }, { count: 22.001 })).toHaveLength(1);
  });

  test('a table’s specification compared by its id', () => {
    expect(readingDifferences({ spec: { id: 'gk01', title: 'a' } }, { spec: { id: 'gk01', title: 'b' } })).toEqual([]);
    expect(readingDifferences({ spec: { id: 'gk01' } }, { spec: { id: 'gk02' } })).toHaveLength(1);
  });
});

describe('spaces of distributed (justified) text', () => {
  test.each([
    ['社 会 保 障 和 就业支出', '社会保障和就业支出'],
    ['城乡 社 区 管 理事务', '城乡社区管理事务'],
    ['Page 1', 'Page 1'],
    ['2023 年度', '2023 年度'],
    ['部门： 某某局', '部门： 某某局'],
    ['一般公共预算 1,234.00', '一般公共预算 1,234.00'],
  ])('%s → %s', (s, want) => {
    expect(withoutJustifyingSpaces(s)).toBe(want);
  });
});
