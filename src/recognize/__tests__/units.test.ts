import { workbookFromTsv } from '../../../tests/helpers/grid';
import { table03 } from '../../../tests/helpers/tables';
import { checkWorkbook } from '../../check';
import { recognize } from '..';
import { EDITIONS } from '../../editions';

/**
 * A table printed in 元 among tables in 万元 (its 单位 line says so): its own sums are checked in 元,
 * and where it meets another table or the narrative its figures count in 万元. Nothing of it is
 * read as ten thousand times too large.
 */

/** 公开05 in the unit given, the 201 block of the seed. */
function table05In(unit: string, rows: (string | number)[][]): string {
  return [
    '一般公共预算财政拨款支出决算表',
    '公开05表',
    `金额单位：${unit}`,
    '项目\t\t本年支出',
    '功能分类科目编码\t科目名称\t小计\t基本支出\t项目支出',
    '栏次\t\t1\t2\t3',
    ...rows.map((r) => r.join('\t')),
    '注：本表反映一般公共预算财政拨款支出情况。',
    '',
  ].join('\n');
}

const T03 = table03([
  ['合计', '', '23.45', '', '23.45'],
  ['201', '一般公共服务支出', '23.45', '', '23.45'],
  ['20113', '商贸事务', '23.45', '', '23.45'],
  ['2011308', '招商引资', '23.45', '', '23.45'],
]);

const errors = (tsv: string) => checkWorkbook(workbookFromTsv(tsv)).findings.filter((f) => f.severity === 'error' && /公开0[35]/.test(f.message));

describe('a table in 元 among tables in 万元', () => {
  test.each([
    ['元', '234,500.00'],
    ['元', '234500.00'],
    ['千元', '234.50'],
  ])('单位：%s — 公开05 ≤ 公开03 holds when %s is read in its unit', (unit, v) => {
    const tsv =
      T03 +
      table05In(unit, [
        ['合计', '', v, '', v],
        ['201', '一般公共服务支出', v, '', v],
        ['20113', '商贸事务', v, '', v],
        ['2011308', '招商引资', v, '', v],
      ]);
    const t = recognize(workbookFromTsv(tsv), EDITIONS[0].tables).tables.find((x) => x.spec.id === 'gk05')!;
    expect(t.unit).toBe(unit);
    expect(errors(tsv)).toEqual([]);
  });

  test('a figure in 元 that exceeds the 万元 table is found, worded in 万元 with the unit said', () => {
    const v = '300,000.00';
    const tsv =
      T03 +
      table05In('元', [
        ['合计', '', v, '', v],
        ['201', '一般公共服务支出', v, '', v],
        ['20113', '商贸事务', v, '', v],
        ['2011308', '招商引资', v, '', v],
      ]);
    const found = errors(tsv);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].message).toMatch(/30\.00.*23\.45|23\.45.*30\.00/);
    expect(found[0].message).toContain('公开05以元为单位，已折合为万元比较');
  });

  test('its own sums are checked in 元, and shown in 元', () => {
    const tsv =
      T03 +
      table05In('元', [
        ['合计', '', '234,500.00', '', '234,500.00'],
        ['201', '一般公共服务支出', '234,500.00', '', '234,500.00'],
        ['20113', '商贸事务', '234,400.00', '', '234,400.00'],
        ['2011308', '招商引资', '234,400.00', '', '234,400.00'],
      ]);
    const own = errors(tsv).filter((f) => f.table === '公开05');
    expect(own.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringMatching(/234,500\.00 ≠ 所属款之和 234,400\.00/)]));
    expect(own.every((f) => !f.message.includes('折合'))).toBe(true);
  });

  test('the narrative quotes it in 万元: 基本支出 23.45 万元 is that table’s 234,500.00 元, and 24.45 is not', () => {
    const v = '234,500.00';
    const t03 = table03([
      ['合计', '', '23.45', '23.45', ''],
      ['201', '一般公共服务支出', '23.45', '23.45', ''],
      ['20113', '商贸事务', '23.45', '23.45', ''],
      ['2011308', '招商引资', '23.45', '23.45', ''],
    ]);
    const tables =
      t03 +
      table05In('元', [
        ['合计', '', v, v, ''],
        ['201', '一般公共服务支出', v, v, ''],
        ['20113', '商贸事务', v, v, ''],
        ['2011308', '招商引资', v, v, ''],
      ]);
    const says = (x: string) =>
      tables +
      [
        '第三部分 2023年度部门决算情况说明',
        '四、财政拨款收入支出决算总体情况说明',
        '（四）一般公共预算基本支出决算情况说明',
        `2023年度财政拨款基本支出${x}万元。`,
      ].join('\n');
    const narr = (x: string) => checkWorkbook(workbookFromTsv(says(x))).findings.filter((f) => f.table === '情况说明' && f.severity === 'error');
    expect(narr('23.45')).toEqual([]);
    expect(narr('24.45').map((f) => f.message)).toEqual([expect.stringMatching(/24\.45.*23\.45/)]);
  });
});
