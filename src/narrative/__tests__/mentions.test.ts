import { extractMentions, cleanLabel } from '../mentions';
import { readNarrative } from '../paragraphs';
import { workbookFromTsv } from '../../../tests/helpers/grid';

/** Mention extraction: amounts, units, shares, growth and completion rates, counts, labels. */

function mentions(text: string) {
  const wb = workbookFromTsv(`第三部分\n一、收入决算情况说明\n${text}\n第四部分`);
  const p = readNarrative(wb).find((x) => !x.heading)!;
  return extractMentions(p).map((m) => ({
    kind: m.kind,
    v: m.value.toString(),
    unit: m.unit,
    label: m.label,
    rel: m.relation,
    base: m.baseLabel,
    change: m.change && `${m.change.sign > 0 ? '+' : '-'}${m.change.against}`,
  }));
}

describe('figures in a sentence', () => {
  test.each([
    ['本年收入合计1920.38万元，', [{ kind: 'amount', v: '1920.38', unit: '万元', label: '本年收入合计' }]],
    ['本年收入合计 1,920.38 万元，', [{ kind: 'amount', v: '1920.38', unit: '万元', label: '本年收入合计' }]],
    ['本年收入合计１９２０．３８万元，', [{ kind: 'amount', v: '1920.38', unit: '万元', label: '本年收入合计' }]],
    ['本年支出合计1920.38元，', [{ kind: 'amount', v: '1920.38', unit: '元', label: '本年支出合计' }]],
    ['本部门2023年度收、支总计（含结转和结余）1920.38万元。', [{ kind: 'amount', v: '1920.38', unit: '万元', label: '收支总计' }]],
    [
      '基本支出1320.27万元，占68.8%；',
      [
        { kind: 'amount', label: '基本支出' },
        { kind: 'percent', v: '68.8', rel: 'share' },
      ],
    ],
    ['授予小微企业合同金额 0.00 万元，占政府采购支出总额的 0.0%。', [{ kind: 'amount' }, { kind: 'percent', rel: 'share', base: '政府采购支出总额' }]],
    [
      '比上年增加477.57万元，增长33.1%，',
      [
        { kind: 'amount', change: '+prior' },
        { kind: 'percent', rel: 'growth' },
      ],
    ],
    [
      '比上年减少10.00万元，下降5.0%，',
      [
        { kind: 'amount', change: '-prior' },
        { kind: 'percent', rel: 'decrease' },
      ],
    ],
    [
      '完成年初预算的92.5%，比年初预算减少154.98万元，',
      [
        { kind: 'percent', rel: 'completion' },
        { kind: 'amount', change: '-budget' },
      ],
    ],
    ['本年支出合计 307.82 万 元，', [{ kind: 'amount', v: '307.82', unit: '万元', label: '本年支出合计' }]],
    ['与上年相比，一般公共预算财政拨款支出增加 307.82 万元，', [{ kind: 'amount', change: '+prior' }]],
    ['政府性基金预算财政拨款支出比预算减少 3.00 万元，', [{ kind: 'amount', change: '-budget' }]],
    [
      '共有车辆 21 辆，其中 2 辆在用，',
      [
        { kind: 'count', v: '21', unit: '辆' },
        { kind: 'count', v: '2', unit: '辆' },
      ],
    ],
    [
      '二级项目 29 个，共涉及资金 600.11 万元，',
      [
        { kind: 'count', v: '29', unit: '个', label: '二级项目' },
        { kind: 'amount', label: '共涉及资金' },
      ],
    ],
    // A rate named other ways reads as the same relation (issue 25 §5).
    ['基本支出1320.27万元，占比68.8%；', [{ kind: 'amount' }, { kind: 'percent', rel: 'share', base: undefined }]],
    ['基本支出1320.27万元，所占比重为68.8%；', [{ kind: 'amount' }, { kind: 'percent', rel: 'share', base: undefined }]],
    ['基本支出1320.27万元，占本年支出合计的比例为68.8%；', [{ kind: 'amount' }, { kind: 'percent', rel: 'share', base: '本年支出合计' }]],
    [
      '比上年增加477.57万元，增幅为33.1%，',
      [
        { kind: 'amount', change: '+prior' },
        { kind: 'percent', rel: 'growth' },
      ],
    ],
    [
      '比上年增加477.57万元，增长率为33.1%，',
      [
        { kind: 'amount', change: '+prior' },
        { kind: 'percent', rel: 'growth' },
      ],
    ],
    [
      '同比减少10.00万元，降幅5.0%，',
      [
        { kind: 'amount', change: '-prior' },
        { kind: 'percent', rel: 'decrease' },
      ],
    ],
    ['本年支出合计1920.38万元，为年初预算的92.5%，', [{ kind: 'amount' }, { kind: 'percent', rel: 'completion' }]],
    ['本年支出合计1920.38万元，年初预算完成率为92.5%，', [{ kind: 'amount' }, { kind: 'percent', rel: 'completion' }]],
    // A bare 决算 after its 科目's named 预算 is that 科目's (and the other way round).
    ['公务用车购置及运行维护费预算为2.58万元，支出决算2.58万元，', [{ label: '公务用车购置及运行维护费预算' }, { label: '公务用车购置及运行维护费支出决算' }]],
    ['公务接待费支出决算为1.00万元，年初预算为2.00万元，', [{ label: '公务接待费支出决算' }, { label: '公务接待费年初预算' }]],
    ['比上年增加10.00万元，支出决算20.00万元，', [{ change: '+prior' }, { label: '支出决算' }]],
    ['ISO14001 第八次换证审核费，IPV6 通讯协议，0A 平台，速率 495M，', []],
    ['截至 2023 年 12 月 31 日，', []],
  ])('%s', (text, expected) => {
    const got = mentions(text);
    expect(got.length).toBe(expected.length);
    expected.forEach((e, i) => expect(got[i]).toMatchObject(e));
  });
});

describe('label phrases', () => {
  test.each([
    ['一般公共服务（类）支出 ', '一般公共服务支出'],
    ['“三公”经费财政拨款支出预算为 ', '三公经费财政拨款支出预算'],
    ['本部门 2023 年度机关运行经费支出 ', '机关运行经费支出'],
    ['其中：财政拨款收入', '财政拨款收入'],
  ])('%s → %s', (raw, label) => expect(cleanLabel(raw.replace(/^其中：/, ''))).toBe(label));
});
