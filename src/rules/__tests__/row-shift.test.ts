import { workbookFromTsv } from '../../../tests/helpers/grid';
import { table05 } from '../../../tests/helpers/tables';
import { checkWorkbook } from '../../check';
import { TABLE_RULES } from '..';

/** A block of amounts one row off its 科目 is one error, not one per broken 类 and 款. */

const RIGHT: (string | number)[][] = [
  ['合计', '', '30.00', '20.00', '10.00'],
  ['201', '一般公共服务支出', '12.00', '8.00', '4.00'],
  ['20101', '人大事务', '12.00', '8.00', '4.00'],
  ['2010101', '行政运行', '5.00', '5.00', ''],
  ['2010102', '一般行政管理事务', '7.00', '3.00', '4.00'],
  ['208', '社会保障和就业支出', '18.00', '12.00', '6.00'],
  ['20805', '行政事业单位养老支出', '18.00', '12.00', '6.00'],
  ['2080505', '机关事业单位基本养老保险缴费支出', '10.00', '10.00', ''],
  ['2080506', '机关事业单位职业年金缴费支出', '8.00', '2.00', '6.00'],
];
/** The amounts from row `from` on written one row lower (the last row's amounts fall off). */
const slidDown = (from: number) => RIGHT.map((r, i) => (i < from ? r : [r[0], r[1], ...(i === from ? ['', '', ''] : RIGHT[i - 1].slice(2))]));
/** The amounts from row `from` on written one row higher (the row above `from` loses its own). */
const slidUp = (from: number) => RIGHT.map((r, i) => (i < from - 1 ? r : [r[0], r[1], ...(RIGHT[i + 1]?.slice(2) ?? ['', '', ''])]));

const run = (rows: (string | number)[][]) =>
  checkWorkbook(workbookFromTsv(table05(rows)), { rules: TABLE_RULES }).findings.filter((f) => f.table === '公开05' && f.severity === 'error');

describe('row-shift', () => {
  test.each([
    ['a right table', RIGHT, []],
    ['the block from 208 on written one row lower', slidDown(5), ['row-shift']],
    ['the block from 208 on written one row higher', slidUp(5), ['row-shift']],
  ])('%s', (_n, rows, rules) => {
    expect(run(rows as string[][]).map((f) => f.rule)).toEqual(rules);
  });

  test('the finding names the rows and the way they slid', () => {
    const [f] = run(slidDown(5));
    expect(f.message).toMatch(/^公开05 第 \d+–\d+ 行的金额与科目错了一行（整体下移一行：20805 行填的是 208 的数）/);
  });

  test('three unrelated slips are three errors, not a shift', () => {
    const rows = RIGHT.map((r) => [...r]);
    rows[3][2] = '6.00';
    rows[7][3] = '11.00';
    rows[5][4] = '7.00';
    const fs = run(rows);
    expect(fs.some((f) => f.rule === 'row-shift')).toBe(false);
    expect(fs.filter((f) => f.rule === 'code-hierarchy' || f.rule === 'row-sum').length).toBeGreaterThanOrEqual(3);
  });
});
