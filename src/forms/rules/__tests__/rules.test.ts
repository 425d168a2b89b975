import { checkWorkbook } from '../../../check';
import { FORM_RULES } from '../../../check/registry';
import { workbookFromTsv, sheetFromTsv } from '../../../../tests/helpers/grid';
import { Finding } from '../../../core/findings';

/** Each form rule on a form written the way the seed's are (tab-separated rows), true and false cases. */

interface Opts {
  budget?: [string, string, string];
  available?: [string, string, string];
  executed?: [string, string, string];
  progress?: string;
  goalRate?: string;
  rows?: string[];
  rate?: string;
  total?: string;
  problems?: string;
  /** 三、目标完成情况: the goal and what was achieved. */
  goal?: [string, string];
}

const IND = [
  '\t产出指标\t数量指标\t培训次数\t举办培训的次数\t20.00\t≥\t2\t次\t2次\t完成\t20',
  '\t\t质量指标\t培训合格率\t培训合格率\t20.00\t≥\t90\t%\t95%\t完成\t20',
  '\t\t时效指标\t完成及时率\t完成及时率\t10.00\t=\t100\t%\t100%\t完成\t10',
  '\t\t成本指标\t预算控制数\t预算控制数\t10.00\t≤\t1\t万元\t1万元\t完成\t10',
  '\t效益指标\t社会效益指标\t业务水平提升\t业务水平提升\t20.00\t文字描述\t\t有所提高\t有所提高\t完成\t20',
  '\t满意度指标\t服务对象满意度指标\t满意度\t满意度\t10.00\t≥\t95\t%\t96%\t完成\t10',
];

function form(o: Opts = {}): string {
  const [b, bf, bo] = o.budget ?? ['1.000000', '1.000000', '0'];
  const [a, af, ao] = o.available ?? ['1.000000', '1.000000', '0'];
  const [e, ef, eo] = o.executed ?? ['1.000000', '1.000000', '0'];
  return [
    '2023年度预算项目绩效自评表',
    '一、基本情况\t项目名称\t培训费\t\t项目级次\t本级\t实施主管单位\t某某局\t\t金额单位\t万元',
    '二、预算执行情况\t预算安排情况(调整后)\t\t资金到位情况\t\t资金执行情况\t\t预算执行进度(%)',
    `\t预算数\t${b}\t到位数\t${a}\t执行数\t${e}\t${o.progress ?? '100'}`,
    `\t其中:财政资金\t${bf}\t其中:财政资金\t${af}\t其中:财政资金\t${ef}`,
    `\t其他\t${bo}\t其他\t${ao}\t其他\t${eo}`,
    '三、目标完成情况\t年度预期目标\t\t\t\t具体完成情况\t\t\t\t总体完成率(%)',
    `\t${o.goal?.[0] ?? '举办培训两次'}\t\t\t\t${o.goal?.[1] ?? '已举办两次'}\t\t\t\t${o.goalRate ?? '100.00'}`,
    '四、年度绩效指标完成情况\t一级指标\t二级指标\t三级指标\t指标说明\t指标分值\t预期指标值\t\t\t单项指标实际完成值\t单项指标完成情况\t自评得分',
    '\t\t\t\t\t\t符号\t值\t单位(文字描述)',
    ...(o.rows ?? IND),
    `\t预算执行率\t预算执行率\t\t\t10\t\t\t\t\t\t${o.rate ?? '10'}`,
    `自评总分\t${o.total ?? '100'}`,
    `五、存在问题原因及整改措施\t${o.problems ?? '无'}`,
    '填报人:\t张三\t\t\t联系电话:\t123',
  ].join('\n');
}

function run(rule: string, o: Opts): Finding[] {
  return checkWorkbook(workbookFromTsv(form(o)), { rules: FORM_RULES.filter((r) => r.id === rule) }).findings.filter(
    (f) => f.rule === rule && f.severity !== 'info',
  );
}

const withRow = (i: number, row: string) => IND.map((r, k) => (k === i ? row : r));
const withScore = (rows: string[], i: number, score: string) =>
  rows.map((r, k) => (k === i ? [...r.split('\t'), '', '', '', '', '', ''].slice(0, 11).concat(score).join('\t') : r));

/** A form as generated: the indicators' names and 分值, nothing else filled in. */
const BLANK = IND.map((r) =>
  r
    .split('\t')
    .slice(0, 6)
    .map((c, i) => (i >= 3 && i <= 4 ? '' : c))
    .join('\t'),
);
const unfilled: Opts = { rows: BLANK, rate: '', total: '', goal: ['', ''], goalRate: '' };

const cases: Record<string, [string, Opts, number][]> = {
  'form-blank': [
    ['a form filled in', {}, 0],
    ['as generated: names and 分值 only', unfilled, 1],
    ['as generated and recalculated: the total is the rate’s score alone', { ...unfilled, rate: '10', total: '10' }, 1],
    ['one score typed in: filled in (its blanks are then errors)', { ...unfilled, rows: withScore(BLANK, 0, '18') }, 0],
    ['targets written, no score yet: being filled in', { ...unfilled, rows: IND.map((r) => r.split('\t').slice(0, 10).join('\t')) }, 0],
    ['a total typed in by hand', { ...unfilled, total: '85' }, 0],
  ],
  'form-weights': [
    ['weights add to 100', {}, 0],
    ['weights add to 95', { rows: withRow(0, '\t产出指标\t数量指标\t培训次数\t举办培训的次数\t15.00\t≥\t2\t次\t2次\t完成\t15'), total: '95' }, 1],
    ['weight and sign in one cell', { rows: withRow(0, '\t产出指标\t数量指标\t培训次数\t举办培训的次数\t20.00 ≥\t2\t次\t2次\t完成\t20') }, 0],
  ],
  'form-score-max': [
    ['scores within weights', {}, 0],
    ['a score above its weight', { rows: withRow(1, '\t\t质量指标\t培训合格率\t培训合格率\t20.00\t≥\t90\t%\t95%\t完成\t25'), total: '105' }, 1],
    ['a score left blank', { rows: withRow(1, '\t\t质量指标\t培训合格率\t培训合格率\t20.00\t≥\t90\t%\t95%\t完成'), total: '80' }, 1],
  ],
  'form-total': [
    ['total = Σ scores', {}, 0],
    ['total ≠ Σ scores', { total: '98' }, 1],
    ['total left blank', { total: '' }, 1],
    ['total in the last column', { total: '\t\t\t\t\t\t\t\t\t\t100' }, 0],
  ],
  'form-progress': [
    ['progress = 执行 ÷ 预算', {}, 0],
    ['progress wrong', { executed: ['0.800000', '0.800000', '0'], progress: '100', rate: '8', total: '98' }, 1],
    ['progress missing', { progress: '' }, 1],
  ],
  'form-rate-score': [
    ['full execution, 10', {}, 0],
    ['80% executed scored 10', { executed: ['0.800000', '0.800000', '0'], progress: '80', rate: '10' }, 1],
    ['score left blank', { rate: '', total: '100' }, 1],
  ],
  'form-money': [
    ['figures = 财政 + 其他', {}, 0],
    ['预算数 ≠ 财政 + 其他', { budget: ['1.000000', '0.800000', '0'] }, 1],
    ['执行数 > 到位数', { available: ['0.900000', '0.900000', '0'], progress: '100' }, 1],
  ],
  'form-goal': [
    ['goal done at 100%', {}, 0],
    ['goal done at 0%', { goalRate: '0.00' }, 1],
  ],
  'form-indicator': [
    ['all met', {}, 0],
    [
      'a % target answered as a fraction (unit slip, warning)',
      { rows: withRow(1, '\t\t质量指标\t培训合格率\t培训合格率\t20.00\t≥\t90\t%\t0.98\t完成\t20') },
      1,
    ],
    ['marked 完成 but below the target', { rows: withRow(0, '\t产出指标\t数量指标\t培训次数\t举办培训的次数\t20.00\t≥\t2\t次\t1次\t完成\t20') }, 1],
    ['未完成 with full marks', { rows: withRow(0, '\t产出指标\t数量指标\t培训次数\t举办培训的次数\t20.00\t≥\t2\t次\t1次\t未完成\t20') }, 1],
    ['an actual that restates its bound', { rows: withRow(3, '\t\t成本指标\t响应时间\t响应时间\t10.00\t<\t4\t小时\t小于4小时\t完成\t10') }, 0],
  ],
};

for (const [rule, list] of Object.entries(cases)) {
  describe(rule, () => {
    test.each(list)('%s', (_n, o, count) => {
      const fs = run(rule, o);
      expect(fs.map((f) => f.message)).toHaveLength(count);
      for (const f of fs) expect(f.message.startsWith('「培训费」')).toBe(true);
    });
  });
}

test('a deduction on a 完成 indicator without any explanation is a hint', () => {
  const rows = withRow(0, '\t产出指标\t数量指标\t培训次数\t举办培训的次数\t20.00\t≥\t2\t次\t2次\t完成\t18');
  const fs = checkWorkbook(workbookFromTsv(form({ rows, total: '98', problems: '' })), { rules: FORM_RULES }).findings.filter(
    (f) => f.rule === 'form-indicator',
  );
  expect(fs.map((f) => f.severity)).toEqual(['info']);
});

test('a form not filled in yet: one 强制 warning, no error on any of its blanks', () => {
  const fs = checkWorkbook(workbookFromTsv(form(unfilled)), { rules: FORM_RULES }).findings;
  expect(fs.map((f) => [f.rule, f.severity])).toEqual([['form-blank', 'warning']]);
  expect(fs[0].message).toMatch(/^「培训费」绩效自评表尚未填写/);
});

test('rows of the same 分值 are each an indicator (a blank form’s rows are not a row repeated over a page break)', () => {
  const fs = checkWorkbook(workbookFromTsv(form({ ...unfilled, rows: withScore(BLANK, 0, '20'), total: '20' })), { rules: FORM_RULES }).findings;
  // Five indicators left without a score, the 分值 adding to 90 + 10: no 分值 finding.
  expect(fs.filter((f) => f.rule === 'form-score-max')).toHaveLength(5);
  expect(fs.filter((f) => f.rule === 'form-weights')).toEqual([]);
});

test('a form whose parts cannot be found is a warning, not a crash', () => {
  const tsv = '一、基本情况\t项目名称\t残缺项目\n二、预算执行情况\n\t预算数\t5.000000\t到位数\t5.000000\t执行数\t5.000000';
  const fs = checkWorkbook(workbookFromTsv(tsv), { rules: FORM_RULES }).findings;
  const structure = fs.filter((f) => f.rule === 'form-structure');
  expect(structure.map((f) => f.severity)).toEqual(['warning']);
  expect(structure[0].message).toContain('年度绩效指标');
  expect(fs.filter((f) => f.severity === 'error')).toEqual([]);
});

describe('项目清单 against the forms', () => {
  const LIST_HEAD = ['项目名称\t实施单位\t预算数\t\t到位数\t\t执行数', '\t\t财政资金\t其他\t财政资金\t其他\t财政资金\t其他'];
  const check = (list: string[]) => {
    const wb = workbookFromTsv(form());
    wb.sheets.push(sheetFromTsv('项目清单', list.join('\n')));
    return checkWorkbook(wb, { rules: FORM_RULES.filter((r) => r.id === 'form-cross') }).findings.map((f) => `${f.sheet}!${f.cell} ${f.message}`);
  };

  test.each([
    ['the list names the form’s project', [...LIST_HEAD, '培训费\t某某局\t1\t0\t1\t0\t1\t0'], []],
    [
      'a listed project without a form, a form not listed',
      [...LIST_HEAD, '会议费\t某某局\t1\t0\t1\t0\t1\t0'],
      ['测试!C2 「培训费」绩效自评表的项目不在项目清单中', '项目清单!A3 项目清单中的“会议费”没有对应的绩效自评表'],
    ],
    [
      'a header written with a space (项目 名称) is read as the generator reads it',
      ['项目 名称\t实施单位\t预算数', '会议费\t某某局\t1'],
      ['测试!C2 「培训费」绩效自评表的项目不在项目清单中', '项目清单!A2 项目清单中的“会议费”没有对应的绩效自评表'],
    ],
  ])('%s', (_n, list, expected) => {
    expect(check(list)).toEqual(expected);
  });
});
