import { workbookFromTsv } from '../../../tests/helpers/grid';
import { table01, table03 } from '../../../tests/helpers/tables';
import { checkWorkbook } from '..';
import { oneCausePerCell } from '../causes';
import { Finding } from '../../core/findings';

/**
 * One cause, one finding: a wrong figure that enters several relations is one finding on it, the
 * relations it breaks its consequences; two wrong figures are two findings.
 */

const errors = (tsv: string) =>
  checkWorkbook(workbookFromTsv(tsv)).findings.filter((f) => f.severity === 'error' && f.table.startsWith('公开') && f.rule !== 'table-presence');

const T03 = (rows: (string | number)[][]) =>
  table03([
    ['合计', '', '30.00', '20.00', '10.00'],
    ['201', '一般公共服务支出', '20.00', '20.00', ''],
    ['20101', '人大事务', '20.00', '20.00', ''],
    ['2010101', '行政运行', '20.00', '20.00', ''],
    ['208', '社会保障和就业支出', '10.00', '', '10.00'],
    ['20805', '行政事业单位养老支出', '10.00', '', '10.00'],
    ...rows,
  ]);

describe('one wrong figure, one finding', () => {
  test.each([
    ['a 款’s 本年支出合计 typed 21.00: its row, its 类’s sum and its 项’s sum', '20101', '21.00', '20.00', 3],
    ['a 类 typed 11.00: 合计’s sum, its own row and its 款’s sum', '208', '11.00', '', 3],
    ['a 项 typed 19.00 (its row’s parts typed right)', '2010101', '19.00', '20.00', 2],
  ])('%s', (_n, code, total, basic, relations) => {
    const body = T03([]).replace(new RegExp(`^${code}\\t([^\\t]*)\\t[^\\t]*\\t`, 'm'), `${code}\t$1\t${total}\t`);
    void basic;
    const found = errors(body);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(code);
    expect(found[0].consequences).toHaveLength(relations - 1);
    expect(found[0].message).toMatch(/同一数字还导致：/);
  });

  test('two wrong figures in two 类: two findings', () => {
    const body = T03([])
      .replace(/^20101\t([^\t]*)\t[^\t]*\t/m, '20101\t$1\t21.00\t')
      .replace(/^20805\t([^\t]*)\t[^\t]*\t/m, '20805\t$1\t11.00\t');
    expect(errors(body).length).toBe(2);
  });

  test('a 公开01 class row off from 公开03 and from its own total: one finding on the class row', () => {
    const t01 = table01(
      { 一般公共预算财政拨款收入: '30.00', 本年收入合计: '30.00', 总计: '30.00' },
      { 一般公共服务支出: '21.00', 社会保障和就业支出: '10.00', 本年支出合计: '30.00', 总计: '30.00' },
    );
    const found = errors(t01 + T03([])).filter((f) => f.table === '公开01');
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/201/);
    expect(found[0].consequences?.length).toBeGreaterThan(0);
  });

  test('findings that share no cell, and other findings, pass as they are', () => {
    const f = (cell: string, related: string[], relation = 'r'): Finding => ({
      rule: 'x',
      severity: 'error',
      table: '公开03',
      sheet: 's',
      cell,
      related: related.map((c) => ({ sheet: 's', cell: c })),
      message: cell,
      relation,
    });
    const text: Finding = { rule: 'narr-table', severity: 'error', table: '情况说明', sheet: 's', cell: 'A1', related: [], message: 'n' };
    expect(oneCausePerCell([f('C1', ['C2']), f('C3', ['C4']), text])).toHaveLength(3);
    expect(oneCausePerCell([f('C1', ['C2']), f('C2', ['C5'])]).map((x) => x.cell)).toEqual(['C2']);
  });
});

describe('a wrong table figure and the claims made from it', () => {
  test('公开01’s 本年支出合计 typed 1,930.38: the table’s finding carries the narrative that quotes the right 1920.38', () => {
    const { sampleWithNarrative } = jest.requireActual('../../../tests/helpers/narrative');
    const wb = sampleWithNarrative('三、支出决算情况说明\n本部门2023年度本年支出合计1920.38万元。');
    const s = wb.sheets[0];
    for (const row of s.rows)
      for (const [c, cell] of row.entries()) if (cell?.value === '本年支出合计' && row[c + 2]?.value === '1,920.38') row[c + 2] = { value: '1,930.38' };
    const r = checkWorkbook(wb);
    const text = r.findings.filter((f) => f.table === '情况说明' && f.severity === 'error' && /1920\.38/.test(f.message));
    expect(text).toEqual([]);
    const table = r.findings.find((f) => f.table === '公开01' && f.severity === 'error' && /1,930\.38/.test(f.message));
    expect(table?.consequences?.some((c) => /^情况说明：与公开表不符：“1920\.38万元”/.test(c))).toBe(true);
  });
});

describe('a wrong figure of the text and what the text computes from it', () => {
  const { sampleWithNarrative } = jest.requireActual('../../../tests/helpers/narrative');
  const narrativeErrors = (narrative: string) =>
    checkWorkbook(sampleWithNarrative(narrative)).findings.filter((f) => f.table === '情况说明' && f.severity === 'error');
  const THREE = '五、财政拨款“三公”经费支出决算情况说明\n（二）“三公”经费财政拨款支出决算具体情况说明\n';

  test.each([
    [
      'a budget off its table, the rate and 持平 right against the table: one finding on the budget',
      THREE + '1. 因公出国（境）费支出情况。因公出国（境）费支出预算为24.45万元，支出决算23.45万元，完成预算的100.0%，与预算持平。',
      '24.45万元',
      2,
    ],
    [
      'the same written 决算 first',
      THREE + '1. 因公出国（境）费支出情况。因公出国（境）费支出决算为23.45万元，完成预算的100.0%，预算为24.45万元，与预算持平。',
      '24.45万元',
      2,
    ],
    [
      'a part of the 公务用车 split off its table: the split’s sum is its consequence',
      THREE +
        '2. 公务用车购置及运行维护费支出情况。公务用车购置及运行维护费支出决算2.58万元。其中：\n公务用车购置费支出1.00万元。\n公务用车运行维护费支出2.58万元。',
      '1.00万元',
      1,
    ],
  ])('%s', (_n, narrative, fragment, consequences) => {
    const errors = narrativeErrors(narrative);
    expect(errors).toHaveLength(1);
    expect(errors[0].rule).toBe('narr-table');
    expect(errors[0].text?.fragment).toBe(fragment);
    expect(errors[0].consequences).toHaveLength(consequences);
  });

  test('a rate wrong on figures that are right stays its own finding', () => {
    const errors = narrativeErrors(THREE + '1. 因公出国（境）费支出情况。因公出国（境）费支出预算为23.45万元，支出决算23.45万元，完成预算的90.0%。');
    expect(errors.map((f) => f.rule)).toEqual(['narr-completion']);
    expect(errors[0].consequences).toBeUndefined();
  });
});
