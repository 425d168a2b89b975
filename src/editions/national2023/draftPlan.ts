import { DraftPlan } from '../types';

/** The cells the national 2023 narrative draft quotes (narrative/draft.ts writes the sentences). */
export const NATIONAL_2023_DRAFT: DraftPlan = {
  grandTotal: { table: 'gk01', row: 'inc_grand', col: 'inc' },
  incomeTotal: { table: 'gk01', row: 'inc_total', col: 'inc' },
  incomeSources: [
    ['财政拨款收入', { table: 'gk02', col: 'czbk', total: true }],
    ['上级补助收入', { table: 'gk01', row: 'inc_sjbz', col: 'inc' }],
    ['事业收入', { table: 'gk01', row: 'inc_sy', col: 'inc' }],
    ['经营收入', { table: 'gk01', row: 'inc_jy', col: 'inc' }],
    ['附属单位上缴收入', { table: 'gk01', row: 'inc_fs', col: 'inc' }],
    ['其他收入', { table: 'gk01', row: 'inc_qt', col: 'inc' }],
  ],
  expenseTotal: { table: 'gk01', row: 'exp_total', col: 'exp' },
  expenseKinds: [
    ['基本支出', { table: 'gk03', col: 'jb', total: true }],
    ['项目支出', { table: 'gk03', col: 'xm', total: true }],
    ['上缴上级支出', { table: 'gk03', col: 'sjjs', total: true }],
    ['经营支出', { table: 'gk03', col: 'jyzc', total: true }],
    ['对附属单位补助支出', { table: 'gk03', col: 'fsbz', total: true }],
  ],
  fiscalIncome: { table: 'gk04', row: 'inc_total', col: 'inc' },
  fiscalExpense: { table: 'gk04', row: 'exp_total', col: 'exp_total' },
  fiscalFunds: [
    ['一般公共预算财政拨款', { table: 'gk04', row: 'inc_gyys', col: 'inc' }, { table: 'gk04', row: 'exp_total', col: 'exp_gyys' }],
    ['政府性基金预算财政拨款', { table: 'gk04', row: 'inc_zfjj', col: 'inc' }, { table: 'gk04', row: 'exp_total', col: 'exp_zfjj' }],
    ['国有资本经营预算财政拨款', { table: 'gk04', row: 'inc_gyzb', col: 'inc' }, { table: 'gk04', row: 'exp_total', col: 'exp_gyzb' }],
  ],
  classExpense: { table: 'gk04', col: 'exp_total' },
  basicTotal: { table: 'gk05', col: 'jb', total: true },
  personnel: { table: 'gk06', row: 'ryjf', col: 'amount' },
  publicFunds: { table: 'gk06', row: 'gyjf', col: 'amount' },
  econ: { table: 'gk06', personnel: ['301', '303'], public: ['302', '307', '310', '312', '399'] },
  sangong: 'gk09',
  emptyTables: [
    ['gk07', '政府性基金预算财政拨款'],
    ['gk08', '国有资本经营预算财政拨款'],
  ],
};
