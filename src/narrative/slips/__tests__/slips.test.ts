import { checkWorkbook } from '../../../check';
import { SLIP_RULES } from '../../../check/registry';
import { TABLE_RULES } from '../../../rules';
import { sampleWithNarrative } from '../../../../tests/helpers/narrative';
import { textToWorkbook } from '../../../hosts/text/textDocument';
import { sampleText } from '../../../../tests/helpers/grid';
import { ruleContext } from '../../../check/context';
import { recognize, pickTableSet } from '../../../recognize';
import { narrUnitName } from '../../../crossRules/unit-name';

/** The slips reviewers reject disclosures for: one table of true and false cases per rule. */

function run(rule: string, narrative: string) {
  const r = checkWorkbook(sampleWithNarrative(narrative), { rules: [...TABLE_RULES, ...SLIP_RULES.filter((x) => x.id === rule)] });
  return r.findings.filter((f) => f.rule === rule);
}

const S = '六、机关运行经费支出说明\n';
const cases: Record<string, [string, string, number][]> = {
  'narr-pct-sign': [
    ['share with %', '三、支出决算情况说明\n本年支出合计1920.38万元，其中：基本支出1320.27万元，占68.75%。', 0],
    ['share without %', '三、支出决算情况说明\n本年支出合计1920.38万元，其中：基本支出1320.27万元，占68.75。', 1],
    ['growth without %', S + '机关运行经费支出 63.94 万元，较上年增加 9.74 万元，增长 17.97。', 1],
  ],
  'narr-zero-base': [
    ['growth from a real base', S + '机关运行经费支出 63.94 万元，较上年增加 9.74 万元，增长 18.0%。', 0],
    ['growth from zero', S + '因公出国费支出 23.45 万元，较上年增加 23.45 万元，增长 100%。', 1],
    ['completion against a zero budget', '五、财政拨款“三公”经费支出决算情况说明\n公务接待费支出预算为 0.00 万元，支出决算 1.20 万元，完成预算的 100%。', 1],
    [
      'completion of a zero 年初预算, the rate being the 全年预算’s',
      '五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。',
      1,
    ],
    [
      'completion of the 全年预算 when only the 年初预算 is zero',
      '五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成全年预算的 95.89%。',
      0,
    ],
  ],
  'narr-direction': [
    ['增加 … 增长', S + '机关运行经费支出 63.94 万元，较上年增加 9.74 万元，增长 18.0%。', 0],
    ['增加 … 下降', S + '机关运行经费支出 63.94 万元，较上年增加 9.74 万元，下降 18.0%。', 1],
    ['减少 … 与上年持平', S + '机关运行经费支出 63.94 万元，较上年减少 9.74 万元，与上年持平。', 1],
    ['增加 0.00 … 持平 is fine', S + '公务接待费支出 0.00 万元，较上年增加 0.00 万元，与上年持平。', 0],
  ],
  'narr-year': [
    ['this year and last year', S + '本部门2023年度机关运行经费支出 63.94 万元，较2022年度增加 9.74 万元。', 0],
    ['截至 the wrong year-end', '八、国有资产占用情况说明\n截至2022年12月31日，本部门共有车辆 21 辆。', 1],
    ['a truncated year', S + '本部门202 年度机关运行经费支出 63.94 万元。', 1],
    ['a year neither this nor last', S + '本部门2021年度机关运行经费支出 63.94 万元。', 1],
  ],
  'narr-template': [
    ['clean text', S + '机关运行经费支出 63.94 万元，主要原因是：工作量增加。', 0],
    ['增加（减少） left in', S + '机关运行经费支出 63.94 万元，较上年增加（减少）9.74 万元。', 1],
    ['下降（增长） left in', S + '“三公”经费支出决算数比上年减少 0.15 万元，下降（增长）27.78%。', 1],
    ['a reason in brackets after a direction word is not a leftover', S + '机关运行经费支出 63.94 万元，较上年增加（主要是人员增加）9.74 万元。', 0],
    ['XX placeholder', S + 'XX单位机关运行经费支出 63.94 万元。', 1],
    ['empty 主要原因是', S + '机关运行经费支出 63.94 万元，增长 18.0%，主要原因是。', 1],
    ['doubled full stop', S + '机关运行经费支出 63.94 万元。。', 1],
    ['our own blank left', S + '机关运行经费支出 63.94 万元，主要原因是：【请填写原因】。', 1],
    ['IPV6, ISO are not placeholders', S + 'IPV6 通讯协议和 ISO14001 审核费 10 万元。', 0],
  ],
  'narr-repeat': [
    ['no repeat', S + '机关运行经费支出 63.94 万元，较上年增加 9.74 万元。', 0],
    ['增加增加', S + '机关运行经费支出 63.94 万元，较上年增加增加 9.74 万元。', 1],
  ],
  'narr-twice': [
    [
      'one value',
      '四、财政拨款收入支出决算总体情况说明\n（四）一般公共预算基本支出决算情况说明\n职业年金缴费 65.74 万元。其中职业年金缴费 65.74 万元为本年缴纳。',
      0,
    ],
    [
      'two values for one item',
      '四、财政拨款收入支出决算总体情况说明\n（四）一般公共预算基本支出决算情况说明\n职业年金缴费 257.14 万元。其中职业年金缴费 245.53 万元为本年缴纳。',
      1,
    ],
    ['numbered paragraphs are separate items', '九、预算绩效情况说明\n1、甲项目：全年预算数为 16 万元。\n2、乙项目：全年预算数为 3 万元。', 0],
    [
      'an item cut by the PDF’s line breaks is still its own item',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1、社会保障和就业支出（类）行政事业单位养老支出（款）\n行政单位离退休（项）。年初预算为 54.53 万元，支出决算为 54.53 万元。\n2、卫生健康支出（类）行政事业单位医疗（款）\n行政单位医疗（项）。年初预算为 42.73 万元，支出决算为 40.35 万元。',
      0,
    ],
    [
      'within one item cut by line breaks, two values still disagree',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1、卫生健康支出（类）行政事业单位医疗（款）\n行政单位医疗（项）。支出决算为 40.35 万元。\n经复核，支出决算为 41.35 万元。',
      1,
    ],
    [
      'a measure word under different subjects (采购金额 of reserved and of other projects)',
      '十、其他重要事项的情况说明\n在面向中小企业预留的政府采购项目中，由中小企业供应商中标的，采购金额 225.10 万元；在其他政府采购项目中，由中小企业供应商中标的，采购金额 0.00 万元。',
      0,
    ],
    [
      'a measure word under the same subject twice',
      '十、其他重要事项的情况说明\n在其他政府采购项目中，由中小企业供应商中标的，采购金额 12.00 万元。在其他政府采购项目中，由中小企业供应商中标的，采购金额 15.00 万元。',
      1,
    ],
  ],
};

test('completion of a zero 年初预算 says which budget the rate is of, as an error', () => {
  const [f] = run(
    'narr-zero-base',
    '五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。',
  );
  expect(f.severity).toBe('error');
  expect(f.message).toContain('95.89% 是对全年预算 321.02 的完成率');
});

for (const [rule, list] of Object.entries(cases))
  describe(rule, () => {
    test.each(list)('%s', (_n, text, count) => {
      const fs = run(rule, text);
      expect(fs.map((f) => f.message)).toHaveLength(count);
      for (const f of fs) expect(f.text && f.text.fragment.length).toBeTruthy();
    });
  });

test('截至 last year’s year-end in a document whose year stands only on its cover', () => {
  const text = [
    '上海市某区示例局',
    '2024 年度部门决算',
    '第三部分 上海市某区示例局 2024 年度部门决算情况说明',
    '一、国有资产占有使用情况说明',
    '截至 2023 年 12 月 31 日，本部门共有车辆 2 辆。',
  ].join('\n');
  const fs = checkWorkbook(textToWorkbook(text, '示例'), { rules: SLIP_RULES }).findings.filter((f) => f.rule === 'narr-year');
  expect(fs.map((f) => f.message)).toEqual([expect.stringContaining('本公开为 2024 年度')]);
  const right = text.replace('截至 2023', '截至 2024');
  expect(checkWorkbook(textToWorkbook(right, '示例'), { rules: SLIP_RULES }).findings.filter((f) => f.rule === 'narr-year')).toEqual([]);
});

describe('unit-name', () => {
  test('the same name on every table: nothing', () => {
    expect(checkWorkbook(textToWorkbook(sampleText(), 's'), { rules: SLIP_RULES }).findings.filter((f) => f.rule === 'unit-name')).toEqual([]);
  });
  test('the cover with another name than the tables is a warning on the cover', () => {
    const text = sampleText().replace('部门名称：秦皇岛经济技术开发区管理委员会', '部门名称：某某市财政局');
    const fs = checkWorkbook(textToWorkbook(text, 's'), { rules: SLIP_RULES }).findings.filter((f) => f.rule === 'unit-name');
    expect(fs.map((f) => f.table)).toEqual(['封面']);
    expect(fs[0].message).toContain('某某市财政局');
  });

  test('the text naming the unit otherwise is a warning on its fragment', () => {
    const wb = sampleWithNarrative('一、收入支出决算总体情况说明\n秦皇岛经济技术开发区管理委员会财政局2023年度收、支总计1920.38万元。');
    const fs = checkWorkbook(wb, { rules: SLIP_RULES }).findings.filter((f) => f.rule === 'unit-name');
    expect(fs.map((f) => f.text?.fragment)).toEqual(['秦皇岛经济技术开发区管理委员会财政局']);
  });

  test('one table with another name is a warning on that table', () => {
    const lines = sampleText().split('\n');
    const i = lines.findIndex((l) => l.startsWith('部门：'));
    const j = lines.findIndex((l, k) => k > i && l.startsWith('部门：'));
    lines[j] = '部门：某某局（汇总）';
    const fs = checkWorkbook(textToWorkbook(lines.join('\n'), 's'), { rules: SLIP_RULES }).findings.filter((f) => f.rule === 'unit-name');
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain('某某局');
  });

  const otherCover = () => sampleText().replace('部门名称：秦皇岛经济技术开发区管理委员会', '部门名称：某某市财政局');
  test('the cover is read in the first 60 rows only', () => {
    const fs = checkWorkbook(textToWorkbook('\n'.repeat(60) + otherCover(), 's'), { rules: SLIP_RULES }).findings.filter((f) => f.rule === 'unit-name');
    expect(fs).toEqual([]);
  });

  test('run without the scan a check makes, the rule finds the same', () => {
    const lines = otherCover().split('\n');
    const i = lines.findIndex((l) => l.startsWith('部门：'));
    lines[i] = '部门：某某局（汇总）';
    const wb = textToWorkbook(lines.join('\n'), 's');
    const viaCheck = checkWorkbook(wb, { rules: [narrUnitName] }).findings;
    const set = pickTableSet(wb);
    const alone = narrUnitName.run(ruleContext(set, recognize(wb, set), wb));
    expect(viaCheck.map((f) => f.table).sort()).toEqual(['公开01', '封面']);
    expect(alone.map((f) => [f.cell, f.message]).sort()).toEqual(viaCheck.map((f) => [f.cell, f.message]).sort());
  });
});
