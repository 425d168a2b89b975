import { checkWorkbook } from '../../../check';
import { NARRATIVE_RULES } from '../../../check/registry';
import { TABLE_RULES } from '../../../rules';
import { Finding } from '../../../core/findings';
import { sampleWithNarrative } from '../../../../tests/helpers/narrative';

/**
 * Each narrative rule on the sample's tables with a narrative written for the case:
 * true cases (the slip is reported, with the right figure) and false cases (consistent within
 * rounding: nothing).
 */

function run(ruleId: string, narrative: string): Finding[] {
  const rule = NARRATIVE_RULES.find((r) => r.id === ruleId)!;
  const r = checkWorkbook(sampleWithNarrative(narrative), { rules: [...TABLE_RULES, rule] });
  return r.findings.filter((f) => f.rule === ruleId && f.severity !== 'info');
}

type Case = [string, string, number, string?];

const cases: Record<string, Case[]> = {
  'narr-share': [
    ['consistent shares', '三、支出决算情况说明\n本年支出合计1920.38万元，其中：基本支出1320.27万元，占68.8%；项目支出600.11万元，占31.2%。', 0],
    ['a share off by 2 points', '三、支出决算情况说明\n本年支出合计1920.38万元，其中：基本支出1320.27万元，占66.8%；项目支出600.11万元，占31.2%。', 1, '68.8%'],
    ['share of a named base', '七、政府采购支出说明\n政府采购支出总额 97.70 万元，其中授予小微企业合同金额 27.70 万元，占政府采购支出总额的 28.4%。', 0],
    [
      'share of a named base, wrong',
      '七、政府采购支出说明\n政府采购支出总额 97.70 万元，其中授予小微企业合同金额 27.70 万元，占政府采购支出总额的 38.4%。',
      1,
      '28.4%',
    ],
    [
      'base stated in an earlier paragraph',
      '四、财政拨款收入支出决算总体情况说明\n（三）财政拨款支出决算结构情况\n财政拨款支出合计 1920.38 万元，主要用于以下方面：\n一般公共服务（类）支出 1248.32 万元，占 65.0%；社会保障和就业（类）支出 410.00 万元，占 21.3%。',
      0,
    ],
    [
      'base in the paragraph that introduces the list (…主要用于以下方面：)',
      '五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n一般公共预算财政拨款支出 307.82 万元，主要用于以下方面：\n一般公共服务支出（类）264.87 万元，占 86.05%；社会保障和就业支出（类）10.82 万元，占 3.52%；住房保障支出（类）29.42 万元，占 9.55%。',
      1,
      '9.56%',
    ],
    [
      'base named as a total stated in an earlier section (占本年支出合计的)',
      '三、支出决算情况说明\n本年支出合计1920.38万元，其中：基本支出1320.27万元，占68.75%；项目支出600.11万元，占31.25%。\n五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出 1900.00 万元，占本年支出合计的 99.86%。',
      1,
      '98.94%',
    ],
    [
      '三公 items’ shares are of the 决算 total, not of the 预算 stated first',
      '五、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出预算为 30.00 万元，支出决算为 26.03 万元。其中：因公出国（境）费支出 23.45 万元，占 90.1%；公务用车购置及运行维护费支出 2.58 万元，占 9.9%。',
      0,
    ],
    [
      '三公 items’ shares of the 决算 total, one wrong',
      '五、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出预算为 30.00 万元，支出决算为 26.03 万元。其中：因公出国（境）费支出 23.45 万元，占 78.2%；公务用车购置及运行维护费支出 2.58 万元，占 9.9%。',
      1,
      '90.1%',
    ],
    ['base of a table total named in the text', '九、预算绩效情况说明\n二级项目 29 个，共涉及资金 600.11 万元，占一般公共预算项目支出总额的 90%。', 1, '100%'],
  ],
  'narr-growth': [
    ['consistent growth', '一、收入支出决算总体情况说明\n收支总计1920.38万元。与上年相比，收支各增加477.57万元，增长33.1%。', 0],
    ['wrong growth', '一、收入支出决算总体情况说明\n收支总计1920.38万元。与上年相比，收支各增加477.57万元，增长24.9%。', 1, '33.1%'],
    ['large growth consistent within rounding', '六、机关运行经费支出说明\n“三公”经费支出决算为 26.03 万元，较上年增加 24.81 万元，增长 2030.4%。', 0],
    ['decrease', '六、机关运行经费支出说明\n机关运行经费支出 90.00 万元，较上年减少 10.00 万元，下降 10.0%。', 0],
    ['decrease, wrong', '六、机关运行经费支出说明\n机关运行经费支出 90.00 万元，较上年减少 10.00 万元，下降 11.1%。', 1, '10.0%'],
    [
      'the change of the sentence before’s total, its parts listed after it',
      '三、支出决算情况说明\n本年支出合计820.00万元，其中：基本支出600.00万元，占73.2%；项目支出220.00万元，占26.8%。与2022年度决算相比，支出增加40.00万元，增长5.1%。',
      0,
    ],
    [
      'the change of the sentence before’s total, wrong',
      '三、支出决算情况说明\n本年支出合计820.00万元，其中：基本支出600.00万元，占73.2%；项目支出220.00万元，占26.8%。与2022年度决算相比，支出增加40.00万元，增长22.2%。',
      1,
      '5.1%',
    ],
    [
      'a change naming no subject after a 三公 total and its items',
      '七、财政拨款“三公”经费支出决算情况说明\n“三公”经费支出 26.03 万元，其中：因公出国（境）费 10.00 万元，公务接待费 16.03 万元。较上年增加 5.00 万元，增长 23.8%。',
      0,
    ],
    [
      'a change naming one item after the total',
      '七、财政拨款“三公”经费支出决算情况说明\n“三公”经费支出 26.03 万元，其中：因公出国（境）费 10.00 万元，公务接待费 16.03 万元。公务接待费较上年增加 2.00 万元，增长 14.3%。',
      0,
    ],
    ['increase larger than the figure itself', '六、机关运行经费支出说明\n机关运行经费支出 20.00 万元，较上年增加 30.00 万元，增长 10.0%。', 1],
    // The rate before its change, or named 增幅 / 增长率: the same reading.
    ['the rate before the change', '六、机关运行经费支出说明\n机关运行经费支出 90.00 万元，较上年下降 10.0%，减少 10.00 万元。', 0],
    ['the rate before the change, wrong', '六、机关运行经费支出说明\n机关运行经费支出 90.00 万元，较上年下降 11.1%，减少 10.00 万元。', 1, '10.0%'],
    ['增幅为', '一、收入支出决算总体情况说明\n收支总计1920.38万元。与上年相比，收支各增加477.57万元，增幅为24.9%。', 1, '33.1%'],
    [
      'two rates each before its own change',
      '六、机关运行经费支出说明\n机关运行经费支出 90.00 万元，较上年下降 10.0%，减少 10.00 万元；其中公用经费 45.00 万元，较上年增长 50.0%，增加 15.00 万元。',
      0,
    ],
    [
      'a change on last year is the 决算’s, the budget stated between them',
      '七、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出决算为 26.03 万元，完成预算的 96.3%，支出预算为 27.03 万元，较上年增加 24.81 万元，增长 2030.4%。',
      0,
    ],
  ],
  'narr-completion': [
    [
      'rate from the stated shortfall',
      '四、财政拨款收入支出决算总体情况说明\n（二）财政拨款收支与年初预算数对比情况\n财政拨款本年收入合计1920.38万元，完成年初预算的92.5%，比年初预算减少154.98万元。',
      0,
    ],
    [
      'rate from the stated shortfall, wrong',
      '四、财政拨款收入支出决算总体情况说明\n（二）财政拨款收支与年初预算数对比情况\n财政拨款本年收入合计1920.38万元，完成年初预算的95.2%，比年初预算减少154.98万元。',
      1,
      '92.5%',
    ],
    [
      'rate from budget and actual in the previous sentence',
      '五、财政拨款“三公”经费支出决算情况说明\n因公出国（境）费支出预算为23.45万元，支出决算20.00万元。完成预算的85.3%。',
      0,
    ],
    [
      '与预算持平 with equal figures',
      '五、财政拨款“三公”经费支出决算情况说明\n公务接待费支出预算为 2.00 万元，支出决算 2.00 万元。公务接待费支出与预算持平。',
      0,
    ],
    [
      '与预算持平 with different figures',
      '五、财政拨款“三公”经费支出决算情况说明\n公务接待费支出预算为 2.00 万元，支出决算 1.50 万元。公务接待费支出与预算持平。',
      1,
    ],
    [
      '与预算持平 after a sentence of its rate alone, different figures',
      '五、财政拨款“三公”经费支出决算情况说明\n公务接待费支出预算为 2.00 万元，支出决算 1.50 万元。完成预算的75.0%。公务接待费支出与预算持平。',
      1,
    ],
    [
      '与预算持平 after a sentence of its rate alone, same figures',
      '五、财政拨款“三公”经费支出决算情况说明\n公务接待费支出预算为 2.00 万元，支出决算 2.00 万元。完成预算的100.0%。公务接待费支出与预算持平。',
      0,
    ],
    [
      '为年初预算的',
      '四、财政拨款收入支出决算总体情况说明\n（二）财政拨款收支与年初预算数对比情况\n财政拨款本年收入合计1920.38万元，为年初预算的95.2%，比年初预算减少154.98万元。',
      1,
      '92.5%',
    ],
    [
      'stated shortfall against both figures',
      '五、财政拨款“三公”经费支出决算情况说明\n因公出国（境）费支出预算为23.45万元，支出决算20.00万元，完成预算的85.3%，比预算减少3.45万元。',
      0,
    ],
    [
      'stated shortfall against both figures, wrong',
      '五、财政拨款“三公”经费支出决算情况说明\n因公出国（境）费支出预算为23.45万元，支出决算20.00万元，完成预算的85.3%，比预算减少4.45万元。',
      1,
      '减少3.45万元',
    ],
    [
      'a project’s own rate after the overall figures is not the overall rate',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n一般公共预算财政拨款支出年初预算为 1000.00 万元，支出决算为 950.00 万元，完成年初预算的 95.00%。决算数小于预算数的主要原因：其中项目支出规划服务较年初完成 92%，部分项目未开展。',
      0,
    ],
    [
      'a rate with no subject of its own after the figures, wrong',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n一般公共预算财政拨款支出年初预算为 1000.00 万元，支出决算为 950.00 万元。总体完成年初预算的 92%。',
      1,
      '95%',
    ],
    [
      'the rate of the 年初预算 named, with a 全年预算 stated after it',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n一般公共预算财政拨款支出年初预算为 1000.00 万元，全年预算为 1200.00 万元，支出决算为 950.00 万元，完成年初预算的 95.00%。',
      0,
    ],
    [
      'the rate of the 全年预算 named, written as the 年初预算’s',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n一般公共预算财政拨款支出年初预算为 1000.00 万元，全年预算为 1200.00 万元，支出决算为 950.00 万元，完成全年预算的 95.00%。',
      1,
      '79.17%',
    ],
    [
      'a 三公 item’s rate against its own budget, after the total’s figures',
      '五、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出预算为 26.03 万元，支出决算为 26.03 万元。因公出国（境）费支出预算为 23.45 万元，支出决算 23.45 万元，完成预算的 100%。',
      0,
    ],
    [
      'a 三公 item’s rate with no budget of its own stated is not the total’s',
      '五、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出预算为 30.00 万元，支出决算为 26.03 万元。因公出国（境）费支出决算 23.45 万元，完成预算的 100%。',
      0,
    ],
    [
      'wrong rate from budget and actual',
      '五、财政拨款“三公”经费支出决算情况说明\n因公出国（境）费支出预算为23.45万元，支出决算20.00万元。完成预算的100.0%。',
      1,
      '85.3%',
    ],
  ],
  'narr-table': [
    ['totals as in the tables', '三、支出决算情况说明\n本年支出合计1920.38万元，其中：基本支出1320.27万元，项目支出600.11万元。', 0],
    ['a total that differs from 公开01', '三、支出决算情况说明\n本年支出合计1902.38万元，其中：基本支出1320.27万元，项目支出600.11万元。', 1, '1920.38万元'],
    [
      'a class of the structure paragraph',
      '四、财政拨款收入支出决算总体情况说明\n（三）财政拨款支出决算结构情况\n财政拨款支出合计 1920.38 万元，主要用于以下方面：卫生健康（类）支出 95.59 万元。',
      1,
      '90.59万元',
    ],
    [
      '三公 budget and actual',
      '五、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出预算为 26.03 万元，支出决算为 26.03 万元。公务用车运行维护费支出2.58万元。',
      0,
    ],
    [
      'a figure in brackets is a part of the item before it, not the item',
      '五、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出预算为 26.03 万元，支出决算为 26.03 万元。公务用车运行维护费支出 2.58 万元（含新能源车运行费 0.00 万元）。',
      0,
    ],
    ['三公 item wrong', '五、财政拨款“三公”经费支出决算情况说明\n因公出国（境）费支出预算为23.45万元，支出决算32.45万元。', 1, '23.45万元'],
    [
      'personnel expenses from 公开06',
      '四、财政拨款收入支出决算总体情况说明\n（四）一般公共预算基本支出决算情况说明\n基本支出 1320.27 万元，其中：人员经费 1254.53 万元；公用经费 74.74 万元。',
      1,
      '1245.53万元',
    ],
  ],
  'narr-procurement': [
    [
      'what 中小企业 won in reserved and other projects within the total',
      '十、其他重要事项的情况说明\n本部门政府采购金额为 30.00 万元，其中：货物采购金额 30.00 万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额 21.07 万元；在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额 21.07 万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额 8.93 万元。',
      0,
    ],
    [
      'the two parts add to twice the total (小微企业’s share is not added)',
      '十、其他重要事项的情况说明\n本部门政府采购金额为 21.07 万元，其中：货物采购金额 21.07 万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额 21.07 万元；在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额 21.07 万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额 21.07 万元。',
      1,
    ],
    [
      'over the total by a rounding gap only (30.01 against 30.00)',
      '十、其他重要事项的情况说明\n本部门政府采购金额为 30.00 万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额 21.07 万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额 8.94 万元。',
      0,
    ],
    [
      'just over the total, past rounding',
      '十、其他重要事项的情况说明\n本部门政府采购金额为 30.00 万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额 21.07 万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额 8.96 万元。',
      1,
    ],
    [
      'no total stated: nothing to hold the parts to',
      '十、其他重要事项的情况说明\n在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额 21.07 万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额 21.07 万元。',
      0,
    ],
  ],
  'narr-budget-words': [
    [
      '决算 below the budget, said so',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1、行政运行（项）。年初预算为 860.00 万元，支出决算为 845.20 万元。决算数小于预算数的主要原因：人员减少。',
      0,
    ],
    [
      '决算 below the budget, said to exceed it',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1、行政运行（项）。年初预算为 860.00 万元，支出决算为 845.20 万元。决算数大于预算数的主要原因：人员增加。',
      1,
      undefined,
    ],
    [
      'equal figures said 持平',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1、行政单位离退休（项）。年初预算为 54.53 万元，支出决算为 54.53 万元。决算数同预算数持平。',
      0,
    ],
    [
      'different figures said 持平',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1、行政单位离退休（项）。年初预算为 54.53 万元，支出决算为 50.53 万元。决算数同预算数持平。',
      1,
    ],
    [
      'the 全年预算 named, the 年初预算 being zero',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1、社会工作事务（项）。年初预算为 0 万元，全年预算为 2.29 万元，支出决算为 0.49 万元。决算数小于全年预算数的主要原因：新成立。',
      0,
    ],
    [
      'an item cut over lines, compared with its own figures only',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1、卫生健康支出（类）行政事业单位医疗（款）\n行政单位医疗（项）。年初预算为 42.73 万元，支出决算为 40.35 万元。\n决算数小于预算数的主要原因：基数变更。\n2、住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为 289.59 万元，支出决算为 289.59 万元。\n决算数同预算数持平。',
      0,
    ],
  ],
  'narr-balance': [
    [
      'totals as they should be',
      '一、收入支出决算总体情况说明\n本年收入合计 9746.50 万元，收入总计 9859.38 万元；本年支出合计 9759.38 万元，支出总计 9859.38 万元。',
      0,
    ],
    [
      '收入总计 and 支出总计 differ',
      '一、收入支出决算总体情况说明\n本年收入合计 9746.50 万元，收入总计 9859.38 万元；本年支出合计 9759.38 万元，支出总计 9895.38 万元。',
      1,
    ],
    [
      'a 总计 written as 0 above the year’s income',
      '一、收入支出决算总体情况说明\n收入支出总计 0 万元。\n二、收入决算情况说明\n本年收入合计 9746.50 万元，其中：财政拨款收入 9746.50 万元。',
      1,
    ],
    [
      'the 财政拨款 total against the all-funds income is another pair',
      '一、收入支出决算总体情况说明\n本年收入合计 9746.50 万元。\n四、财政拨款收入支出决算总体情况说明\n财政拨款收入支出总计 9000.00 万元。',
      0,
    ],
  ],
  'narr-kemu-purpose': [
    [
      'each purpose of its own 科目',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1、卫生健康支出（类）行政事业单位医疗（款）事业单位医疗\n（项）。主要用于：事业单位医疗保险支出。支出决算为 0.49 万元。\n2、住房保障支出（类）住房改革支出（款）住房公积金（项）。\n主要用于：行政单位、事业单位住房公积金支出。支出决算为 17.70 万元。',
      0,
    ],
    [
      'a purpose copied from the paragraph above',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1、卫生健康支出（类）行政事业单位医疗（款）事业单位医疗\n（项）。主要用于：事业单位医疗保险支出。支出决算为 0.49 万元。\n2、住房保障支出（类）住房改革支出（款）住房公积金（项）。\n主要用于：事业单位医疗保险支出。支出决算为 17.70 万元。',
      1,
    ],
    [
      'a purpose in words of its own, naming no other 科目',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1、城乡社区支出（类）城乡社区管理事务（款）行政运行（项）。主要用于：行政单位人员支出、公用支出。支出决算为 10.00 万元。\n2、自然资源海洋气象等支出（类）自然资源事务（款）事业运行（项）。主要用于：事业单位人员支出、公用支出、项目支出。支出决算为 9.00 万元。',
      0,
    ],
  ],
  'narr-unit': [
    ['元 written for 万元', '三、支出决算情况说明\n本年支出合计1920.38元，其中：基本支出1320.27万元，项目支出600.11万元。', 1, '1920.38万元'],
    ['万 without 元', '三、支出决算情况说明\n本年支出合计1920.38万元，其中国内公务接待支出 0.39 万（含外宾接待支出 0.00 万元）。', 1, '0.39万元'],
    ['万 元 spaced apart by the PDF is 万元', '三、支出决算情况说明\n本年支出合计1920.38万元，其中国内公务接待支出 0.39 万 元。', 0],
    ['万人次 and 万元 are whole units', '三、支出决算情况说明\n本年支出合计1920.38万元，服务群众 1.20 万人次。', 0],
    ['all in 万元', '三、支出决算情况说明\n本年支出合计1920.38万元，其中：基本支出1320.27万元。', 0],
    ['a money figure without a unit', '三、支出决算情况说明\n本年支出合计1920.38，其中：基本支出1320.27万元，项目支出600.11万元。', 1, '1920.38万元'],
  ],
  'narr-list-sum': [
    [
      'the 公务用车 split adds to its 决算, the 预算 stated first',
      '七、财政拨款“三公”经费支出决算情况说明\n2. 公务用车购置及运行维护费支出情况。公务用车购置及运行维护费预算为3.58万元，支出决算2.58万元。其中：\n公务用车购置费支出1.00万元：本年购置0辆。\n公务用车运行维护费支出2.58万元：保有量2辆。',
      1,
    ],
    [
      'the 公务用车 split adds to its 决算, consistent',
      '七、财政拨款“三公”经费支出决算情况说明\n2. 公务用车购置及运行维护费支出情况。公务用车购置及运行维护费预算为3.58万元，支出决算2.58万元。其中：\n公务用车购置费支出0万元：本年购置0辆。\n公务用车运行维护费支出2.58万元：保有量2辆。',
      0,
    ],
    [
      'a part written 0 is nothing, not up to half a 万元',
      '三、支出决算情况说明\n本年支出合计1919.38万元，其中：基本支出1320.27万元；项目支出600.11万元；上缴上级支出0万元；经营支出0万元。',
      1,
    ],
    [
      'vehicles by kind within the total, in the 2024 templates’ words',
      '八、国有资产占用情况说明\n截至2023年12月31日，本部门共有车辆 3 辆，其中：部级领导干部用车 0 辆、主要领导干部用车 1 辆、机要通信用车 1 辆、应急保障用车 1 辆。',
      0,
    ],
    [
      'vehicles by kind exceeding the total',
      '八、国有资产占用情况说明\n截至2023年12月31日，本部门共有车辆 2 辆，其中：部级领导干部用车 1 辆、主要领导干部用车 1 辆、机要通信用车 1 辆。',
      1,
    ],
    [
      'parts add up',
      '七、政府采购支出说明\n政府采购支出总额 97.70 万元，从采购类型来看，政府采购货物支出 27.70 万元、政府采购工程支出 0.00 万元、政府采购服务支出 70.00 万元。',
      0,
    ],
    [
      'parts do not add up',
      '七、政府采购支出说明\n政府采购支出总额 97.70 万元，从采购类型来看，政府采购货物支出 27.70 万元、政府采购工程支出 0.00 万元、政府采购服务支出 60.00 万元。',
      1,
      '87.70万元',
    ],
    [
      'personnel + public = basic',
      '四、财政拨款收入支出决算总体情况说明\n（四）一般公共预算基本支出决算情况说明\n基本支出 1320.27 万元，其中：\n人员经费 1245.53 万元，主要包括：工资；\n公用经费 74.74 万元，主要包括：办公费。',
      0,
    ],
    [
      'vehicles by kind add up',
      '八、国有资产占用情况说明\n截至 2023 年 12 月 31 日，本部门共有车辆 5 辆，其中，主要负责人用车 1 辆，执法执勤用车 2 辆，其他用车 2 辆。',
      0,
    ],
    [
      'vehicles by kind do not add up',
      '八、国有资产占用情况说明\n截至 2023 年 12 月 31 日，本部门共有车辆 5 辆，其中，主要负责人用车 1 辆，执法执勤用车 2 辆，其他用车 3 辆。',
      1,
      '6辆',
    ],
    [
      '三公 parts add up to the total',
      '五、财政拨款“三公”经费支出决算情况说明\n（一）总体情况\n“三公”经费财政拨款支出预算为 26.03 万元，支出决算为 26.03 万元。\n（二）具体情况\n1. 因公出国（境）费支出情况。因公出国（境）费支出预算为23.45万元，支出决算23.45万元。\n2. 公务用车购置及运行维护费支出情况。公务用车购置及运行维护费预算为2.58万元，支出决算2.58万元。\n3. 公务接待费支出情况。公务接待费支出预算为 0.00 万元，支出决算 0.00 万元。',
      0,
    ],
    [
      '三公 parts that do not add up',
      '五、财政拨款“三公”经费支出决算情况说明\n（一）总体情况\n“三公”经费财政拨款支出预算为 26.03 万元，支出决算为 26.03 万元。\n（二）具体情况\n1. 因公出国（境）费支出情况。因公出国（境）费支出预算为23.45万元，支出决算23.45万元。\n2. 公务用车购置及运行维护费支出情况。公务用车购置及运行维护费预算为2.58万元，支出决算2.58万元。\n3. 公务接待费支出情况。公务接待费支出预算为 1.00 万元，支出决算 1.00 万元。',
      2,
    ],
    [
      'shares of a whole that do not add to 100%',
      '八、国有资产占用情况说明\n资产总额 100.00 万元，其中：流动资产 40.00 万元，占 40.0%；固定资产 60.00 万元，占 60.0%。',
      0,
    ],
  ],
  'narr-empty-table': [
    [
      'empty tables explained',
      '十、其他需要说明的情况\n本部门政府性基金预算财政拨款无收支，故公开07表以空表列示；国有资本经营预算无收支，故公开08表以空表列示。',
      0,
    ],
    ['empty tables stated in their own 注 only (as the sample does)', '十、其他需要说明的情况\n无。', 0],
  ],
};

for (const [rule, list] of Object.entries(cases)) {
  describe(rule, () => {
    test.each(list.map((c) => [c[0], c[1], c[2], c[3] ?? ''] as const))('%s', (_name, narrative, count, suggestion) => {
      const fs = run(rule, narrative);
      expect(fs.map((f) => f.message)).toHaveLength(count);
      if (suggestion) expect(fs[0].text?.suggestion).toBe(suggestion);
      // A text finding points into the narrative: its fragment is where it says.
      for (const f of fs) if (f.text) expect(f.text.fragment.length).toBe(f.text.length);
    });
  });
}

describe('narr-table-empty', () => {
  const S = '五、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出预算为 26.03 万元，支出决算为 26.03 万元。因公出国（境）费支出决算 23.45 万元。';
  const zeroed = () => {
    const wb = sampleWithNarrative(S);
    for (const row of wb.sheets[0].rows) if (row?.[0]?.value === '26.03') for (let c = 0; c < row.length; c++) if (row[c]) row[c]!.value = '0.00';
    return wb;
  };
  const rules = () => [...TABLE_RULES, ...NARRATIVE_RULES.filter((r) => r.id === 'narr-table' || r.id === 'narr-table-empty')];
  test('the 三公 table all zero under 三公 figures: one finding on the table, none per figure', () => {
    const fs = checkWorkbook(zeroed(), { rules: rules() }).findings.filter((f) => f.table === '公开09' || f.table === '情况说明');
    expect(fs.map((f) => [f.rule, f.table])).toEqual([['narr-table-empty', '公开09']]);
    expect(fs[0].message).toContain('引用了其中 3 个数额');
  });
  test('the same figures over the filled table: nothing', () => {
    expect(checkWorkbook(sampleWithNarrative(S), { rules: rules() }).findings.filter((f) => f.rule.startsWith('narr-table'))).toEqual([]);
  });
  test.each([
    ['本部门2023年度无“三公”经费支出。', 1],
    ['本部门2023年度“三公”经费支出为 0 万元。', 1],
    ['本部门2023年度“三公”经费支出 26.03 万元。', 0],
  ])('the text saying “%s” over a filled 三公 table', (text, count) => {
    const fs = checkWorkbook(sampleWithNarrative(`五、财政拨款“三公”经费支出决算情况说明\n${text}`), { rules: rules() }).findings.filter(
      (f) => f.rule === 'narr-table-empty',
    );
    expect(fs).toHaveLength(count);
  });
});

test('empty tables stated nowhere, neither in their 注 nor in the text, are warned of', () => {
  const wb = sampleWithNarrative('十、其他需要说明的情况\n无。');
  for (const row of wb.sheets[0].rows)
    for (const cell of row ?? [])
      if (cell && typeof cell.value === 'string')
        cell.value = cell.value.replace(/本部门（或单位）本年度无(收支及结转结余|相关支出)情况，按要求以空表列示。/, '');
  const rule = NARRATIVE_RULES.find((r) => r.id === 'narr-empty-table')!;
  const fs = checkWorkbook(wb, { rules: [...TABLE_RULES, rule] }).findings.filter((f) => f.rule === 'narr-empty-table');
  expect(fs.map((f) => f.table)).toEqual(['公开07', '公开08']);
});

describe('narrative in one cell', () => {
  test('a long text in one cell is read line by line, offsets inside the cell', () => {
    const wb = sampleWithNarrative('');
    wb.sheets.push({
      name: '情况说明',
      rows: [[{ value: '三、支出决算情况说明\n本年支出合计1920.38万元，其中：基本支出1320.27万元，占66.8%。' }]],
      merges: [],
    });
    const fs = checkWorkbook({ sheets: wb.sheets.filter((s) => s.name !== 'doc' || true) }).findings.filter(
      (f) => f.rule === 'narr-share' && f.sheet === '情况说明',
    );
    expect(fs).toHaveLength(1);
    const text = String(wb.sheets.find((s) => s.name === '情况说明')!.rows[0][0]!.value);
    expect(text.slice(fs[0].text!.offset, fs[0].text!.offset + fs[0].text!.length)).toBe(fs[0].text!.fragment);
  });
});
