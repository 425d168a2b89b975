import { workbookFromTsv } from '../../../tests/helpers/grid';
import { table03, table09 } from '../../../tests/helpers/tables';
import { checkWorkbook } from '../../check';
import { rowSum } from '../row-sum';

const run = (tsv: string) => checkWorkbook(workbookFromTsv(tsv), { rules: [rowSum] }).findings;

describe('row-sum: each row’s total column = Σ its component columns', () => {
  test.each([
    [
      '本年支出合计 = 基本 + 项目 holds',
      [
        ['合计', '', '100.00', '60.00', '40.00'],
        ['201', '一般公共服务支出', '100.00', '60.00', '40.00'],
      ],
      [],
    ],
    [
      '基本 + 项目 exceed the total by 1.00',
      [
        ['合计', '', '100.00', '60.00', '40.00'],
        ['201', '一般公共服务支出', '100.00', '61.00', '40.00'],
      ],
      [['error', 'C9', '-1.00']],
    ],
    ['33.33 + 66.66 against 100.00 is rounding', [['合计', '', '100.00', '33.33', '66.66']], [['info', 'C8', '0.01']]],
    ['blank columns count as zero', [['合计', '', '100.00', '', '100.00']], []],
  ])('%s', (_name, rows, expected) => {
    const fs = run(table03(rows as string[][]));
    expect(
      fs.map((f) => [
        f.severity,
        f.cell,
        f.message
          .match(/差 (-?[\d,.]+)|相差 (-?[\d,.]+)/)
          ?.slice(1)
          .find(Boolean),
      ]),
    ).toEqual(expected);
  });

  test('the message names the row, the columns and the difference', () => {
    const [f] = run(table03([['201', '一般公共服务支出', '1,248.32', '745.91', '538.41']]));
    expect(f.message).toBe('公开03「201 一般公共服务支出」本年支出合计 1,248.32 ≠ 基本支出 + 项目支出 之和 1,284.32，差 -36.00');
    expect(f.expected).toBe('1,284.32');
    expect(f.actual).toBe('1,248.32');
    expect(f.related.map((r) => r.cell)).toEqual(['D8', 'E8', 'F8', 'G8', 'H8']);
  });

  test('“三公”: 合计 = 出国 + 车辆 + 接待 and 车辆 = 购置 + 运行, for 预算数 and 决算数', () => {
    expect(run(table09(['26.03', '23.45', '2.58', '', '2.58', ''], ['26.03', '23.45', '2.58', '', '2.58', '']))).toEqual([]);
    const fs = run(table09(['26.03', '23.45', '2.58', '', '2.58', ''], ['26.03', '23.45', '2.58', '1.00', '2.58', '']));
    expect(fs.map((f) => [f.severity, f.cell])).toEqual([['error', 'I7']]);
    expect(fs[0].message).toContain('决算数·公务用车购置及运行费小计');
  });
});
