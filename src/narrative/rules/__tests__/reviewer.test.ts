import { sampleWithNarrative } from '../../../../tests/helpers/narrative';
import { checkWorkbook } from '../../../check';
import { NARRATIVE_RULES, SLIP_RULES } from '../../../check/registry';
import { Finding } from '../../../core/findings';

/**
 * The narrative read as a careful reviewer reads it (issue 25 §3), each class in three wordings of our
 * own — the national 2023 phrasing and the 上海市 2024 phrasing among them — against the sample's
 * tables (公开05: 行政运行 355.81, 一般行政管理事务 53.94, 行政单位离退休 209.50; 三公 预算 and 决算
 * 26.03 = 出国 23.45 + 车 2.58 + 接待 0). Each case says which findings it must give: none, or the
 * rules that must speak (an error of each), and never any other error.
 */

const findingsOf = (narrative: string): Finding[] =>
  checkWorkbook(sampleWithNarrative(narrative), { rules: [...NARRATIVE_RULES, ...SLIP_RULES] }).findings.filter(
    (f) => (f.table === '情况说明' || f.table === '全文') && f.severity !== 'info',
  );

type Case = [name: string, narrative: string, errors: string[]];

function check(cases: Case[]) {
  test.each(cases)('%s', (_n, narrative, rules) => {
    const errors = findingsOf(narrative).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule).sort()).toEqual([...rules].sort());
  });
}

const FIVE = '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n';
const FIVE_SH = '五、一般公共预算财政拨款支出决算情况说明\n(三)一般公共预算财政拨款支出决算具体情况\n';

describe('a. 科目 paragraphs are a list: each item its own 预算 and 决算, nothing compared across items', () => {
  check([
    [
      'quoted paths in one paragraph, no numbers',
      FIVE +
        '“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”355.81万元，主要用于机关运行，年初预算为300.00万元，完成年初预算的118.6%。“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）”53.94万元，年初预算为60.00万元，完成年初预算的89.9%。',
      [],
    ],
    [
      'bracketed paths, 上海 wording, 全年预算 before 支出决算',
      FIVE_SH +
        '一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项)。全年预算为300.00万元，支出决算为355.81万元。社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休(项)。全年预算为200.00万元，支出决算为209.50万元。',
      [],
    ],
    [
      'numbered items cut over lines, each 年初预算 different',
      FIVE + '1、行政运行（项）\n支出决算为355.81万元，年初预算为300.00万元。\n2、一般行政管理事务（项）\n支出决算为53.94万元，年初预算为60.00万元。',
      [],
    ],
    [
      'within one item, two 支出决算 still disagree',
      FIVE + '“行政运行（项）”支出决算为355.81万元，年初预算为300.00万元。经复核，支出决算为356.81万元。',
      ['narr-kemu-item'],
    ],
  ]);
});

describe('b. a 三公 item’s rate is against its own budget', () => {
  check([
    [
      '公务用车 against its own 预算',
      '六、财政拨款“三公”经费支出决算情况说明\n公务用车购置及运行维护费预算为2.58万元，支出决算2.58万元，完成预算的100.0%。',
      [],
    ],
    [
      '因公出国 against its own 预算 (wording 2)',
      '六、“三公”经费财政拨款支出决算情况说明\n因公出国（境）费全年预算23.45万元，决算23.45万元，完成预算的100.0%。',
      [],
    ],
    [
      'a wrong item rate is against the item',
      '六、“三公”经费财政拨款支出决算情况说明\n因公出国（境）费支出预算为23.45万元，支出决算23.45万元，完成预算的90.1%。',
      ['narr-completion'],
    ],
  ]);
});

describe('c. a fund’s sentence binds to that fund’s table', () => {
  check([
    ['一般公共预算财政拨款支出 is 公开04’s 一般公共预算 column', '四、财政拨款收入支出决算总体情况说明\n一般公共预算财政拨款支出1920.38万元。', []],
    ['政府性基金 is its own table (empty here)', '四、财政拨款收入支出决算总体情况说明\n政府性基金预算财政拨款支出10.00万元。', ['narr-table']],
    ['all 财政拨款 is the 总表', '四、财政拨款收入支出决算总体情况说明\n本部门2023年度财政拨款本年支出合计1920.38万元。', []],
  ]);
});

describe('d. 年初预算为 0 元 is a zero budget; a zero in 元 is at most a 提示', () => {
  check([
    ['0 元 among 万元', FIVE + '1、行政运行（项）。年初预算为0元，全年预算为355.81万元，支出决算为355.81万元。', []],
    ['0.00 元, 上海 wording', FIVE_SH + '1、行政运行(项)。年初预算为 0.00 元,全年预算为 355.81 万元,支出决算为 355.81 万元。', []],
    [
      'a rate against the zero 年初预算 is an error however the zero is written',
      FIVE + '1、行政运行（项）。年初预算为0元，全年预算为355.81万元，支出决算为355.81万元，完成年初预算的100.0%。',
      ['narr-zero-base'],
    ],
  ]);
});

describe('e. figures of different stages are different quantities', () => {
  check([
    [
      '编报 / 跟踪 / 自评 each 涉及预算金额',
      '九、预算绩效情况说明\n对29个项目编报绩效目标，涉及预算金额600.11万元；对29个项目开展绩效跟踪，涉及预算金额590.00万元。',
      [],
    ],
    ['部门评价 and 重点评价 涉及资金', '九、预算绩效情况说明\n组织部门评价项目2个，涉及资金100.00万元；组织重点评价项目1个，涉及资金50.00万元。', []],
    [
      'one stage quoted twice with two values is still a slip',
      '九、预算绩效情况说明\n开展绩效自评，涉及预算金额600.11万元。经统计，开展绩效自评，涉及预算金额590.00万元。',
      ['narr-twice'],
    ],
  ]);
});

describe('f. a rate stated before its base reads as after it', () => {
  check([
    ['right', FIVE + '1、行政单位离退休（项）：支出决算为209.50万元，完成预算的104.8%，年初预算为200.00万元。', []],
    ['wrong, stated before', FIVE + '1、行政单位离退休（项）：支出决算为209.50万元，完成预算的105.0%，年初预算为200.00万元。', ['narr-completion']],
    [
      'wrong, stated after (the same error either way)',
      FIVE + '1、行政单位离退休（项）：支出决算为209.50万元，年初预算为200.00万元，完成预算的105.0%。',
      ['narr-completion'],
    ],
  ]);
});

describe('g. growth from nothing', () => {
  check([
    [
      '增加 equals this year’s figure, 增长 100%',
      '六、机关运行经费支出说明\n本部门2023年度机关运行经费支出63.94万元，较上年增加63.94万元，增长100.0%。',
      ['narr-zero-base'],
    ],
    ['上海 wording', '六、机关运行经费支出说明\n2024年度机关运行经费支出 63.94 万元,比上年增加 63.94 万元,增长 100.00%。', ['narr-zero-base']],
    ['a real growth is no slip', '六、机关运行经费支出说明\n本部门2023年度机关运行经费支出63.94万元，较2022年度增加9.74万元，增长18.0%。', []],
  ]);
});

describe('h. direction words that contradict themselves', () => {
  check([
    ['大小于', '十、其他需要说明的情况\n本年决算数大小于预算数，主要原因是人员减少。', ['narr-wording']],
    ['减增加', '十、其他需要说明的情况\n本年支出减增加10.00万元。', ['narr-wording']],
    ['减少为 0.00 万元，与上年持平', '十、其他需要说明的情况\n政府性基金预算财政拨款本年收入减少为0.00万元，与上年持平。', ['narr-wording']],
    ['增加（减少） left from the template', '十、其他需要说明的情况\n本年收入比上年增加（减少）10.00万元。', ['narr-template']],
  ]);
});

describe('i. an item’s figure against its 支出决算 and its table', () => {
  check([
    ['heading and 支出决算 agree with 公开05', FIVE + '“行政运行（项）”355.81万元，主要用于机关运行。支出决算为355.81万元。', []],
    ['heading and 支出决算 differ', FIVE + '“行政运行（项）”355.81万元，主要用于机关运行。支出决算为365.81万元。', ['narr-kemu-item']],
    [
      '支出决算 differs from 公开05',
      FIVE_SH + '1、一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项)。支出决算为 356.81 万元。',
      ['narr-kemu-item'],
    ],
  ]);
});

describe('j. the 三公 total’s change is the sum of its items’', () => {
  const S = '六、财政拨款“三公”经费支出决算情况说明\n';
  check([
    [
      'adds up (接待 与上年持平)',
      S +
        '“三公”经费支出决算为26.03万元，较上年增加24.81万元；其中，因公出国（境）费较上年增加23.45万元，公务用车购置及运行费较上年增加1.36万元，公务接待费与上年持平。',
      [],
    ],
    [
      'does not add up',
      S +
        '“三公”经费支出决算为26.03万元，较上年增加24.81万元；其中，因公出国（境）费较上年增加23.45万元，公务用车购置及运行费较上年增加1.00万元，公务接待费与上年持平。',
      ['narr-sangong-change'],
    ],
    [
      'items in sentences of their own, a decrease among them',
      S + '“三公”经费比上年减少1.00万元。因公出国（境）费比上年增加2.00万元。公务用车购置及运行费比上年减少2.00万元。公务接待费比上年减少1.00万元。',
      [],
    ],
  ]);
});

describe('k. every whole against its table, whichever section states it', () => {
  check([
    ['收支总计 in section 一', '一、收入支出决算总体情况说明\n本部门2023年度收、支总计1920.38万元。', []],
    ['本年收入合计 in section 四, no fund named', '十、其他需要说明的情况\n本部门2023年度本年收入合计1930.38万元。', ['narr-table']],
    ['本年支出合计 in section 三', '三、支出决算情况说明\n本年支出合计1920.38万元，其中：基本支出1320.27万元，占68.8%；项目支出600.11万元，占31.2%。', []],
  ]);
});

describe('l. 万 without 元 after any amount', () => {
  check([
    ['0.39 万（', '七、政府采购支出说明\n国内公务接待支出0.39万（含外宾接待支出0万元）。', ['narr-unit']],
    ['a whole number: 0 万（', '七、政府采购支出说明\n授予中小企业合同金额0万（占0.0%）。', ['narr-unit']],
    ['万元 written whole is no slip', '七、政府采购支出说明\n本部门2023年度政府采购支出总额97.70万元。', []],
  ]);
});
