import { checkWorkbook } from '../../check';
import { FORM_RULES } from '../../check/registry';
import { workbookFromTsv } from '../../../tests/helpers/grid';
import { Workbook } from '../../core/grid';

/**
 * A 绩效自评表 read from a document whose columns ran together (printed without borders, its
 * scores and sources lost to the next cell) is one doubt, not a run of errors; a form with a slip
 * or two is its errors; a workbook's form is what the unit typed, never in doubt.
 */

function form(rows: string[], executed: [string, string, string], total: string): string {
  const [e, ef, eo] = executed;
  return [
    '2023年度预算项目绩效自评表',
    '一、基本情况\t项目名称\t培训费\t\t项目级次\t本级\t实施主管单位\t某某局\t\t金额单位\t万元',
    '二、预算执行情况\t预算安排情况(调整后)\t\t资金到位情况\t\t资金执行情况\t\t预算执行进度(%)',
    `\t预算数\t1.000000\t到位数\t1.000000\t执行数\t${e}\t100`,
    `\t其中:财政资金\t1.000000\t其中:财政资金\t1.000000\t其中:财政资金\t${ef}`,
    `\t其他\t0\t其他\t0\t其他\t${eo}`,
    '四、年度绩效指标完成情况\t一级指标\t二级指标\t三级指标\t指标说明\t指标分值\t预期指标值\t\t\t单项指标实际完成值\t单项指标完成情况\t自评得分',
    ...rows,
    '\t预算执行率\t预算执行率\t\t\t10\t\t\t\t\t\t10',
    `自评总分\t${total}`,
    '填报人:\t张三',
  ].join('\n');
}

const GOOD = [
  '\t产出指标\t数量指标\t培训次数\t举办培训的次数\t30.00\t≥\t2\t次\t2次\t完成\t30',
  '\t\t质量指标\t培训合格率\t培训合格率\t30.00\t≥\t90\t%\t95%\t完成\t30',
  '\t满意度指标\t服务对象满意度指标\t满意度\t满意度\t30.00\t≥\t95\t%\t96%\t完成\t30',
];
/** The same rows as a borderless print reads them: scores lost, weights taken from the wrong cells. */
const GARBLED = [
  '\t产出指标\t数量指标\t培训次数\t举办培训的次数30.00\t≥\t2\t次\t2次\t完成',
  '\t\t质量指标\t培训合格率\t培训合格率\t30.00\t≥\t90\t%\t95%\t完成',
  '\t满意度指标\t服务对象满意度指标\t满意度\t满意度\t95\t%\t96%\t完成\t30',
];

const formFindings = (wb: Workbook) => checkWorkbook(wb, { rules: FORM_RULES }).findings.filter((f) => f.table === '绩效自评表' && f.severity !== 'info');
const asWorkbook = (wb: Workbook): Workbook => {
  for (const s of wb.sheets) s.origin = 'xlsx';
  return wb;
};

describe('a 绩效自评表 read in doubt', () => {
  test('a form read clean: no finding', () => {
    expect(formFindings(workbookFromTsv(form(GOOD, ['1.000000', '1.000000', '0'], '100')))).toEqual([]);
  });

  test('a document’s form whose columns ran together: one warning naming what looks wrong, no error', () => {
    const found = formFindings(workbookFromTsv(form(GARBLED, ['1.000000', '', ''], '100')));
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toMatch(/^「培训费」绩效自评表未能可靠读取（.*），本表的核对未执行/);
  });

  test('a form with one slip (its total) is that error, not a doubt', () => {
    const found = formFindings(workbookFromTsv(form(GOOD, ['1.000000', '1.000000', '0'], '98')));
    expect(found.map((f) => f.rule)).toEqual(['form-total']);
  });

  test('the same garbled form typed into a workbook is the unit’s errors, each of them', () => {
    const found = formFindings(asWorkbook(workbookFromTsv(form(GARBLED, ['1.000000', '', ''], '100'))));
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((f) => !/未能可靠读取/.test(f.message))).toBe(true);
  });
});
