import { checkWorkbook } from '../../check';
import { readingLimits } from '../reading-limits';
import { Workbook, newSheet, setCell } from '../../core/grid';

/** A PDF page the reader did not read whole: one 警告, on the page's first line. */

function pdfBook(limits?: { page: number; why: string }[]): Workbook {
  const s = newSheet('文档', 'text');
  // Two lines on page 1, two on page 2.
  [1, 1, 2, 2].forEach((page, r) => setCell(s, r, 0, { value: `第${page}页 第${r + 1}行`, box: { page, x: 50, y: 100 + r * 20, w: 100, h: 12 } }));
  return { sheets: [s], readingLimits: limits };
}

test.each([
  ['every page read whole', undefined, []],
  ['page 2 cut short', [{ page: 2, why: '线条或对象过多' }], [['A3', '未能可靠读取第2页：线条或对象过多；该页的表格可能读错，请核对原表或改用 Excel 文件']]],
  [
    'two pages cut short: one 警告 each',
    [
      { page: 1, why: '线条或对象过多' },
      { page: 2, why: '线条或对象过多' },
    ],
    [
      ['A1', expect.stringMatching(/^未能可靠读取第1页/)],
      ['A3', expect.stringMatching(/^未能可靠读取第2页/)],
    ],
  ],
])('%s', (_what, limits, want) => {
  const found = checkWorkbook(pdfBook(limits), { rules: [readingLimits] }).findings;
  expect(found.map((f) => [f.cell, f.message])).toEqual(want);
  expect(found.every((f) => f.severity === 'warning')).toBe(true);
});
