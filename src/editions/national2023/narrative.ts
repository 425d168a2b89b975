import { CellSel } from '../../specs/types';
import { Binding, SplitSpec, CellSplitSpec, NarrativeBindings } from '../types';

/**
 * What the narrative's amounts name in the 2023 tables (see Binding in ../types for how a binding
 * is matched). Data, not code paths.
 */

const FISCAL = [
  ['一般公共预算', 'inc_gyys', 'exp_gyys'],
  ['政府性基金', 'inc_zfjj', 'exp_zfjj'],
  ['国有资本经营', 'inc_gyzb', 'exp_gyzb'],
] as const;

const SANGONG: [RegExp, string][] = [
  [/购置及运行/, 'gc'],
  [/购置/, 'gz'],
  [/运行/, 'yx'],
  [/出国|出访|出境/, 'cg'],
  [/接待/, 'jd'],
  [/三公/, 'hj'],
];

export const BINDINGS_2023: Binding[] = [
  // 一、收入支出决算总体情况
  {
    id: 'grand',
    section: /^一.*收入支出决算总体/,
    label: /^(收支总计|收入总计|支出总计|收入支出总计|总计)$/,
    cell: { table: 'gk01', row: 'inc_grand', col: 'inc' },
  },
  { id: 'grand-income-total', section: /^一.*收入支出决算总体/, label: /^本年收入合计$/, cell: { table: 'gk01', row: 'inc_total', col: 'inc' } },
  { id: 'grand-expense-total', section: /^一.*收入支出决算总体/, label: /^本年支出合计$/, cell: { table: 'gk01', row: 'exp_total', col: 'exp' } },
  // 二、收入决算情况
  { id: 'income-total', section: /^二.*收入决算/, label: /收入合计$/, cell: { table: 'gk01', row: 'inc_total', col: 'inc' } },
  { id: 'income-fiscal', section: /^二.*收入决算/, label: /^财政拨款收入$/, cell: { table: 'gk02', col: 'czbk', total: true } },
  { id: 'income-sjbz', section: /^二.*收入决算/, label: /^上级补助收入$/, cell: { table: 'gk01', row: 'inc_sjbz', col: 'inc' } },
  { id: 'income-sy', section: /^二.*收入决算/, label: /^事业收入$/, cell: { table: 'gk01', row: 'inc_sy', col: 'inc' } },
  { id: 'income-jy', section: /^二.*收入决算/, label: /^经营收入$/, cell: { table: 'gk01', row: 'inc_jy', col: 'inc' } },
  { id: 'income-fs', section: /^二.*收入决算/, label: /^附属单位上缴收入$/, cell: { table: 'gk01', row: 'inc_fs', col: 'inc' } },
  { id: 'income-qt', section: /^二.*收入决算/, label: /^其他收入$/, cell: { table: 'gk01', row: 'inc_qt', col: 'inc' } },
  // 三、支出决算情况
  { id: 'expense-total', section: /^三.*支出决算/, label: /支出合计$/, cell: { table: 'gk01', row: 'exp_total', col: 'exp' } },
  { id: 'expense-basic', section: /^三.*支出决算/, label: /^基本支出$/, cell: { table: 'gk03', col: 'jb', total: true } },
  { id: 'expense-project', section: /^三.*支出决算/, label: /^项目支出$/, cell: { table: 'gk03', col: 'xm', total: true } },
  { id: 'expense-sjjs', section: /^三.*支出决算/, label: /^上缴上级支出$/, cell: { table: 'gk03', col: 'sjjs', total: true } },
  { id: 'expense-jyzc', section: /^三.*支出决算/, label: /^经营支出$/, cell: { table: 'gk03', col: 'jyzc', total: true } },
  { id: 'expense-fsbz', section: /^三.*支出决算/, label: /^对附属单位补助支出$/, cell: { table: 'gk03', col: 'fsbz', total: true } },
  // 四、财政拨款收入支出决算：(一)(二) by kind of fiscal funds, then totals
  ...FISCAL.flatMap(([word, inc, exp]) => [
    {
      id: `fiscal-${inc}`,
      section: /财政拨款收入支出决算总体.*(对比|比较)/,
      context: new RegExp(word),
      label: /收入合计$/,
      cell: { table: 'gk04', row: inc, col: 'inc' },
    },
    {
      id: `fiscal-${exp}`,
      section: /财政拨款收入支出决算总体.*(对比|比较)/,
      context: new RegExp(word),
      label: /支出合计$/,
      cell: { table: 'gk04', row: 'exp_total', col: exp },
    },
  ]),
  { id: 'fiscal-income', section: /财政拨款收入支出决算总体.*(对比|比较)/, label: /收入合计$/, cell: { table: 'gk04', row: 'inc_total', col: 'inc' } },
  { id: 'fiscal-expense', section: /财政拨款收入支出决算总体.*(对比|比较)/, label: /支出合计$/, cell: { table: 'gk04', row: 'exp_total', col: 'exp_total' } },
  // (三) 支出决算结构: the total and each 类
  { id: 'structure-total', section: /支出决算结构/, label: /(支出合计|支出总额)$/, cell: { table: 'gk04', row: 'exp_total', col: 'exp_total' } },
  { id: 'structure-class', section: /支出决算结构/, label: /支出$/, cell: { classOf: { table: 'gk04', col: 'exp_total' } } },
  // (四) 一般公共预算基本支出
  { id: 'basic-total', section: /基本支出决算/, label: /基本支出$/, cell: { table: 'gk05', col: 'jb', total: true } },
  { id: 'basic-personnel', section: /基本支出决算/, label: /^人员经费(合计)?$/, cell: { table: 'gk06', row: 'ryjf', col: 'amount' } },
  { id: 'basic-public', section: /基本支出决算/, label: /^公用经费(合计)?$/, cell: { table: 'gk06', row: 'gyjf', col: 'amount' } },
  // 五、“三公”经费: the item named by the phrase, else by the sentence; 预算 or 决算
  ...SANGONG.flatMap(([re, key]) => [
    {
      id: `sangong-ys-${key}`,
      section: /三公/,
      label: new RegExp(`${re.source}.*预算|预算.*${re.source}`),
      exclude: /决算/,
      cell: { table: 'gk09', col: `ys_${key}`, data: true } as CellSel,
    },
    { id: `sangong-js-${key}`, section: /三公/, label: re, cell: { table: 'gk09', col: `js_${key}`, data: true } as CellSel },
  ]),
  ...SANGONG.flatMap(([re, key]) => [
    {
      id: `sangong-ctx-ys-${key}`,
      section: /三公/,
      context: re,
      label: /预算/,
      exclude: /决算/,
      cell: { table: 'gk09', col: `ys_${key}`, data: true } as CellSel,
    },
    { id: `sangong-ctx-js-${key}`, section: /三公/, context: re, label: /决算|支出/, cell: { table: 'gk09', col: `js_${key}`, data: true } as CellSel },
  ]),
  // Wholes stated in any section, and a fund's own figures wherever they are stated: 一般公共预算
  // 财政拨款 is the 一般公共预算 column of the 财政拨款 总表, 政府性基金 its own, all 财政拨款 the
  // 总表's 合计 (a class figure of one fund is never the 总表's row of both).
  ...FISCAL.flatMap(([word, inc, exp]) => [
    {
      id: `fund-income-${inc}`,
      section: /./,
      label: new RegExp(`^${word}(预算)?财政拨款(本年)?收入(合计|总额)?$`),
      cell: { table: 'gk04', row: inc, col: 'inc' } as CellSel,
    },
    {
      id: `fund-expense-${exp}`,
      section: /./,
      label: new RegExp(`^${word}(预算)?财政拨款(本年)?支出(决算)?(合计|总额)?$`),
      cell: { table: 'gk04', row: 'exp_total', col: exp } as CellSel,
    },
  ]),
  { id: 'whole-fiscal-grand', section: /./, label: /^财政拨款(收入支出|收支)总计$/, cell: { table: 'gk04', row: 'inc_grand', col: 'inc' } },
  { id: 'whole-fiscal-income', section: /./, label: /^财政拨款(本年)?收入(合计|总额)$/, cell: { table: 'gk04', row: 'inc_total', col: 'inc' } },
  { id: 'whole-fiscal-expense', section: /./, label: /^财政拨款(本年)?支出(决算)?(合计|总额)$/, cell: { table: 'gk04', row: 'exp_total', col: 'exp_total' } },
  {
    id: 'whole-grand',
    section: /./,
    notContext: /财政拨款|预算/,
    label: /^(部门)?(收入支出|收支)总计$/,
    cell: { table: 'gk01', row: 'inc_grand', col: 'inc' },
  },
  { id: 'whole-income', section: /./, notContext: /财政拨款|预算|基金|资本/, label: /^本年收入合计$/, cell: { table: 'gk01', row: 'inc_total', col: 'inc' } },
  { id: 'whole-expense', section: /./, notContext: /财政拨款|预算|基金|资本/, label: /^本年支出合计$/, cell: { table: 'gk01', row: 'exp_total', col: 'exp' } },
  // 九、预算绩效: funds of the self-evaluated projects
  {
    id: 'perf-gyys',
    section: /预算绩效/,
    context: /一般公共预算/,
    label: /(涉及资金|涉及一般公共预算支出|一般公共预算支出)$/,
    cell: { table: 'gk05', col: 'xm', total: true },
  },
  { id: 'perf-zfjj', section: /预算绩效/, context: /政府性基金/, label: /(涉及资金|政府性基金预算支出)$/, cell: { table: 'gk07', col: 'xm', total: true } },
  { id: 'perf-gyzb', section: /预算绩效/, context: /国有资本经营/, label: /(涉及资金|国有资本经营预算支出)$/, cell: { table: 'gk08', col: 'xm', total: true } },
];

/** Names of table totals a share may be taken of (占…的): phrase → cell. */
export const BASE_NAMES_2023: { label: RegExp; cell: CellSel }[] = [
  { label: /^一般公共预算项目支出(总额|合计)?$/, cell: { table: 'gk05', col: 'xm', total: true } },
  { label: /^政府性基金预算项目支出(总额|合计)?$/, cell: { table: 'gk07', col: 'xm', total: true } },
  { label: /^国有资本经营预算项目支出(总额|合计)?$/, cell: { table: 'gk08', col: 'xm', total: true } },
];

/** Splits a paragraph lists: the total named first, then its parts (a list must add up). */
export const SPLITS_2023: SplitSpec[] = [
  { id: 'basic-split', section: /基本支出/, total: /基本支出$/, parts: [/^人员经费$/, /^公用经费$/], unit: 'amount' },
  { id: 'procurement', section: /政府采购/, total: /政府采购支出总额$/, parts: [/货物(支出)?$/, /工程(支出)?$/, /服务(支出)?$/], unit: 'amount' },
  {
    id: 'income-sources',
    section: /^二.*收入决算/,
    total: /收入合计$/,
    parts: [/^财政拨款收入$/, /^上级补助收入$/, /^事业收入$/, /^经营收入$/, /^附属单位上缴收入$/, /^其他收入$/],
    unit: 'amount',
  },
  {
    id: 'expense-kinds',
    section: /^三.*支出决算/,
    total: /支出合计$/,
    parts: [/^基本支出$/, /^项目支出$/, /^上缴上级支出$/, /^经营支出$/, /^对附属单位补助支出$/],
    unit: 'amount',
  },
  {
    id: 'car-split',
    section: /三公/,
    total: /公务用车购置及运行维护费(支出)?(决算)?$/,
    parts: [/^公务用车购置费(支出)?$/, /^公务用车运行维护费(支出)?$/],
    unit: 'amount',
  },
  {
    id: 'vehicles',
    section: /国有资产/,
    total: /(共有车辆|车辆总数|共有公务用车|车辆)$/,
    // 部级领导干部用车 and 主要领导干部用车 (the 2024 templates' words) are two kinds, each its own part.
    parts: [
      /领导用车$/,
      /部级领导干部用车$/,
      /主要领导干部用车$/,
      /负责人用车$/,
      /机要通信用车$/,
      /应急保障用车$/,
      /执法执勤用车$/,
      /特种专业技术用车$/,
      /离退休干部用车$/,
      /^其他用车$/,
    ],
    unit: 'count',
  },
];

/**
 * Splits whose parts are known by the table cell they name (the 三公 items are quoted in separate
 * paragraphs of one section): total = Σ parts, on the figures the text binds to those cells.
 */
export const CELL_SPLITS_2023: CellSplitSpec[] = [
  { id: 'sangong-js', section: /三公/, total: 'js_hj', parts: ['js_cg', 'js_gc', 'js_jd'] },
  { id: 'sangong-ys', section: /三公/, total: 'ys_hj', parts: ['ys_cg', 'ys_gc', 'ys_jd'] },
];

export const NATIONAL_2023_NARRATIVE: NarrativeBindings = {
  bindings: BINDINGS_2023,
  baseNames: BASE_NAMES_2023,
  splits: SPLITS_2023,
  cellSplits: CELL_SPLITS_2023,
};
