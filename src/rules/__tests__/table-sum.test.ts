import { workbookFromTsv } from '../../../tests/helpers/grid';
import { table01, table06 } from '../../../tests/helpers/tables';
import { checkWorkbook } from '../../check';
import { tableSums } from '../table-sum';

const run = (tsv: string) => checkWorkbook(workbookFromTsv(tsv), { rules: [tableSums] }).findings;
const money = (v: number) => v.toFixed(2);

function t01(inc: number, exp: number, over: Partial<Record<string, string>> = {}, overExp: Partial<Record<string, string>> = {}) {
  return table01(
    { 一般公共预算财政拨款收入: money(inc), 本年收入合计: money(inc), 总计: money(inc), ...over } as Record<string, string>,
    { 一般公共服务支出: money(exp * 0.5), 社会保障和就业支出: money(exp * 0.5), 本年支出合计: money(exp), 总计: money(exp), ...overExp } as Record<
      string,
      string
    >,
  );
}

describe('table-sum: 公开01 totals and balance', () => {
  test('a balanced 公开01 passes', () => expect(run(t01(100, 100))).toEqual([]));
  test('本年收入合计 ≠ Σ income kinds', () => {
    const fs = run(t01(100, 100, { 事业收入: '5.00' }));
    expect(fs.map((f) => f.message)).toEqual(['公开01 本年收入合计 100.00 ≠ 各项收入之和 105.00，差 -5.00']);
  });
  test('本年支出合计 ≠ Σ function classes', () => {
    const fs = run(t01(100, 100, {}, { 住房保障支出: '1.00' }));
    expect(fs.map((f) => [f.severity, f.cell])).toEqual([['error', 'F14']]);
  });
  test('收入总计 ≠ 支出总计', () => {
    const fs = run(t01(100, 100, {}, { 年末结转和结余: '3.00', 总计: '103.00' }));
    expect(fs.map((f) => f.message)).toEqual(['公开01 收入总计 100.00 ≠ 支出总计 103.00，差 -3.00']);
  });
});

/** 公开06's two sides: 人员经费 (301, 303) and 公用经费 (302, 310), whose totals are 12.00 and 2.00. */
const left = [
  ['301', '工资福利支出', '10.00'],
  ['303', '对个人和家庭的补助', '2.00'],
];
const right = [
  ['302', '商品和服务支出', '1.50'],
  ['310', '资本性支出', '0.50'],
];

describe('table-sum: 公开06 人员经费合计 = 301 + 303, 公用经费合计 = 302 + …', () => {
  test('consistent totals pass', () => expect(run(table06(left, right, ['12.00', '2.00']))).toEqual([]));
  test('a wrong 公用经费合计 is an error on its amount', () => {
    const fs = run(table06(left, right, ['12.00', '2.10']));
    expect(fs.map((f) => [f.severity, f.cell, f.message])).toEqual([
      ['error', 'F7', '公开06 公用经费合计 2.10 ≠ 302 + 307 + 310 + 312 + 399 之和 2.00，差 0.10'],
    ]);
  });
  test('a 0.01 gap is rounding', () => {
    expect(run(table06(left, right, ['12.01', '2.00'])).map((f) => f.severity)).toEqual(['info']);
  });
});

describe('table-sum: amounts not in cents are weighed in Decimal, text is left to numeric-cell', () => {
  test.each([
    ['three decimals that balance', ['12.000', '2.00'], []],
    ['three decimals within rounding of the cents', ['12.004', '2.00'], ['info']],
    ['three decimals beyond rounding', ['12.100', '2.00'], ['error']],
    ['a text total is not added up here', ['十二元', '2.00'], []],
  ])('%s', (_n, totals, expected) => {
    expect(run(table06(left, right, totals as [string, string])).map((f) => f.severity)).toEqual(expected);
  });
  test('a part in text is not added up either', () => {
    expect(
      run(
        table06(
          [
            ['301', '工资福利支出', '十元'],
            ['303', '对个人和家庭的补助', '2.00'],
          ],
          right,
          ['12.00', '2.00'],
        ),
      ),
    ).toEqual([]);
  });
});
