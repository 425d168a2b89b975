import { HeaderBlock, SidesLayout, EconLayout, PrintLayout } from '../types';

/**
 * Printed layout of the 2023 公开 tables for the scaffold: header texts and merges, the order of
 * the fixed rows of the two-sided tables. Data only; build.ts turns it into sheets with formulas.
 */

const lanci = (n: number, from = 1) => Array.from({ length: n }, (_, i) => String(from + i));

export const CODED_HEADERS: Record<string, HeaderBlock> = {
  gk02: {
    rows: [
      ['项目', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
      ['功能分类科目编码', '科目名称', '', '', '', '', '', '', ''],
      ['栏次', '', ...lanci(7)],
    ],
    merges: [
      [0, 0, 0, 1],
      [0, 2, 1, 2],
      [0, 3, 1, 3],
      [0, 4, 1, 4],
      [0, 5, 1, 5],
      [0, 6, 1, 6],
      [0, 7, 1, 7],
      [0, 8, 1, 8],
      [2, 0, 2, 1],
    ],
    cols: { 2: 'total', 3: 'czbk', 4: 'sjbz', 5: 'sy', 6: 'jy', 7: 'fs', 8: 'qt' },
  },
  gk03: {
    rows: [
      ['项目', '', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
      ['功能分类科目编码', '科目名称', '', '', '', '', '', ''],
      ['栏次', '', ...lanci(6)],
    ],
    merges: [
      [0, 0, 0, 1],
      [0, 2, 1, 2],
      [0, 3, 1, 3],
      [0, 4, 1, 4],
      [0, 5, 1, 5],
      [0, 6, 1, 6],
      [0, 7, 1, 7],
      [2, 0, 2, 1],
    ],
    cols: { 2: 'total', 3: 'jb', 4: 'xm', 5: 'sjjs', 6: 'jyzc', 7: 'fsbz' },
  },
  gk05: {
    rows: [
      ['项目', '', '本年支出', '', ''],
      ['功能分类科目编码', '科目名称', '小计', '基本支出', '项目支出'],
      ['栏次', '', ...lanci(3)],
    ],
    merges: [
      [0, 0, 0, 1],
      [0, 2, 0, 4],
      [2, 0, 2, 1],
    ],
    cols: { 2: 'xj', 3: 'jb', 4: 'xm' },
  },
  gk07: {
    rows: [
      ['项目', '', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
      ['功能分类科目编码', '科目名称', '', '', '小计', '基本支出', '项目支出', ''],
      ['栏次', '', ...lanci(6)],
    ],
    merges: [
      [0, 0, 0, 1],
      [0, 2, 1, 2],
      [0, 3, 1, 3],
      [0, 4, 0, 6],
      [0, 7, 1, 7],
      [2, 0, 2, 1],
    ],
    cols: { 2: 'nc', 3: 'sr', 4: 'zc', 5: 'jb', 6: 'xm', 7: 'nm' },
  },
  gk08: {
    rows: [
      ['项目', '', '本年支出', '', ''],
      ['功能分类科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['栏次', '', ...lanci(3)],
    ],
    merges: [
      [0, 0, 0, 1],
      [0, 2, 0, 4],
      [2, 0, 2, 1],
    ],
    cols: { 2: 'hj', 3: 'jb', 4: 'xm' },
  },
};

export const SIDES_LAYOUTS: Record<string, SidesLayout> = {
  gk01: {
    header: {
      rows: [
        ['收入', '', '', '支出', '', ''],
        ['项目', '行次', '金额', '项目', '行次', '金额'],
        ['栏次', '', '1', '栏次', '', '2'],
      ],
      merges: [
        [0, 0, 0, 2],
        [0, 3, 0, 5],
      ],
      cols: { 2: 'inc', 5: 'exp' },
    },
    income: {
      labelCol: 0,
      lineCol: 1,
      rows: {
        top: ['inc_gyys', 'inc_zfjj', 'inc_gyzb', 'inc_sjbz', 'inc_sy', 'inc_jy', 'inc_fs', 'inc_qt'],
        bottom: ['inc_total', 'inc_fcz', 'inc_begin', '', 'inc_grand'],
      },
    },
    expense: { labelCol: 3, lineCol: 4, rows: { top: ['classes'], bottom: ['exp_total', 'exp_jyfp', 'exp_end', '', 'exp_grand'] } },
    labels: { inc_grand: '总计', exp_grand: '总计' },
  },
  gk04: {
    header: {
      rows: [
        ['收入', '', '', '支出', '', '', '', '', ''],
        ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
        ['栏次', '', '1', '栏次', '', '2', '3', '4', '5'],
      ],
      merges: [
        [0, 0, 0, 2],
        [0, 3, 0, 8],
      ],
      cols: { 2: 'inc', 5: 'exp_total', 6: 'exp_gyys', 7: 'exp_zfjj', 8: 'exp_gyzb' },
    },
    income: {
      labelCol: 0,
      lineCol: 1,
      rows: {
        top: ['inc_gyys', 'inc_zfjj', 'inc_gyzb'],
        bottom: ['inc_total', 'inc_begin', 'inc_begin_gyys', 'inc_begin_zfjj', 'inc_begin_gyzb', 'inc_grand'],
      },
    },
    expense: { labelCol: 3, lineCol: 4, rows: { top: ['classes'], bottom: ['exp_total', 'exp_end', '', '', '', 'exp_grand'] } },
    labels: {
      inc_begin_gyys: '一般公共预算财政拨款',
      inc_begin_zfjj: '政府性基金预算财政拨款',
      inc_begin_gyzb: '国有资本经营预算财政拨款',
      inc_grand: '总计',
      exp_grand: '总计',
    },
  },
};

/** 公开06: three column groups of (科目编码, 科目名称, 决算数); which economic classes go where. */
export const ECON_LAYOUT: EconLayout = {
  groupTitles: ['人员经费', '公用经费', ''],
  groups: [['301', '303'], ['302'], ['307', '310', '312', '399']],
  personnel: ['301', '303'],
  public: ['302', '307', '310', '312', '399'],
};

/** 公开09: 预算数 and 决算数 groups of six columns under a three-row header. */
export const SANGONG_HEADER: HeaderBlock = {
  rows: [
    ['预算数', '', '', '', '', '', '决算数', '', '', '', '', ''],
    ['合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费', '合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费'],
    ['', '', '小计', '公务用车购置费', '公务用车运行费', '', '', '', '小计', '公务用车购置费', '公务用车运行费', ''],
    lanci(12),
  ],
  merges: [
    [0, 0, 0, 5],
    [0, 6, 0, 11],
    [1, 0, 2, 0],
    [1, 1, 2, 1],
    [1, 2, 1, 4],
    [1, 5, 2, 5],
    [1, 6, 2, 6],
    [1, 7, 2, 7],
    [1, 8, 1, 10],
    [1, 11, 2, 11],
  ],
  cols: { 0: 'ys_hj', 1: 'ys_cg', 2: 'ys_gc', 3: 'ys_gz', 4: 'ys_yx', 5: 'ys_jd', 6: 'js_hj', 7: 'js_cg', 8: 'js_gc', 9: 'js_gz', 10: 'js_yx', 11: 'js_jd' },
};

/** The national 2023 layout: 公开07 and 公开08 start without 科目 rows (most units have none). */
export const NATIONAL_2023_LAYOUT: PrintLayout = {
  codedHeaders: CODED_HEADERS,
  sides: SIDES_LAYOUTS,
  econ: ECON_LAYOUT,
  sangongHeader: SANGONG_HEADER,
  withoutCodes: ['gk07', 'gk08'],
};
