import { TableSetSpec, ColumnSpec, CellSel } from '../../specs/types';

/**
 * The nine 公开 tables of the 2023 部门决算公开 layout (as in the seed: 公开01 … 公开09),
 * with every relation within a table and between tables (docs/checks.md lists what each checks).
 */

const c = (key: string, name: string, match: string[][], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ key, name, match, ...extra });

const SANGONG_ITEMS: [string, string, string[][], string[]?][] = [
  ['hj', '合计', [['合计']]],
  ['cg', '因公出国（境）费', [['出国']]],
  ['gc', '公务用车购置及运行费小计', [['小计']]],
  ['gz', '公务用车购置费', [['购置费']], ['小计']],
  ['yx', '公务用车运行费', [['运行']], ['购置费', '小计']],
  ['jd', '公务接待费', [['接待']]],
];

const sangongColumns: ColumnSpec[] = [];
for (const [prefix, group] of [
  ['ys', '预算'],
  ['js', '决算'],
] as const) {
  for (const [key, name, match, none] of SANGONG_ITEMS) {
    sangongColumns.push(
      c(
        `${prefix}_${key}`,
        `${group}数·${name}`,
        match.map((m) => [group, ...m]),
        none ? { none } : {},
      ),
    );
  }
}

const g01 = (row: string, col = 'inc'): CellSel => ({ table: 'gk01', row, col });

export const TABLES_2023: TableSetSpec = {
  id: '2023',
  year: 2023,
  name: '2023年度部门决算公开（公开01—09表）',
  tables: [
    {
      id: 'gk01',
      kind: 'sides',
      code: '公开01',
      title: '收入支出决算总表',
      titles: ['收入支出决算总表'],
      classRowsSide: 'expense',
      columns: [c('inc', '收入·金额', [['金额'], ['决算数']], { side: 'income' }), c('exp', '支出·金额', [['金额'], ['决算数']], { side: 'expense' })],
      rows: [
        { key: 'inc_gyys', name: '一般公共预算财政拨款收入', side: 'income', labels: ['一般公共预算财政拨款收入'] },
        { key: 'inc_zfjj', name: '政府性基金预算财政拨款收入', side: 'income', labels: ['政府性基金预算财政拨款收入'] },
        { key: 'inc_gyzb', name: '国有资本经营预算财政拨款收入', side: 'income', labels: ['国有资本经营预算财政拨款收入'] },
        { key: 'inc_sjbz', name: '上级补助收入', side: 'income', labels: ['上级补助收入'] },
        { key: 'inc_sy', name: '事业收入', side: 'income', labels: ['事业收入'] },
        { key: 'inc_jy', name: '经营收入', side: 'income', labels: ['经营收入'] },
        { key: 'inc_fs', name: '附属单位上缴收入', side: 'income', labels: ['附属单位上缴收入'] },
        { key: 'inc_qt', name: '其他收入', side: 'income', labels: ['其他收入'] },
        { key: 'inc_total', name: '本年收入合计', side: 'income', labels: ['本年收入合计'], required: true },
        { key: 'inc_fcz', name: '使用非财政拨款结余（含专用结余）', side: 'income', labels: ['使用非财政拨款结余(含专用结余)', '使用非财政拨款结余'] },
        { key: 'inc_begin', name: '年初结转和结余', side: 'income', labels: ['年初结转和结余'] },
        { key: 'inc_grand', name: '收入总计', side: 'income', labels: ['总计'], required: true },
        { key: 'exp_total', name: '本年支出合计', side: 'expense', labels: ['本年支出合计'], required: true },
        { key: 'exp_jyfp', name: '结余分配', side: 'expense', labels: ['结余分配'] },
        { key: 'exp_end', name: '年末结转和结余', side: 'expense', labels: ['年末结转和结余'] },
        { key: 'exp_grand', name: '支出总计', side: 'expense', labels: ['总计'], required: true },
      ],
      sums: [
        {
          id: 'income-total',
          says: ['本年收入合计', '各项收入之和'] as [string, string],
          total: { row: 'inc_total', col: 'inc' },
          plus: ['inc_gyys', 'inc_zfjj', 'inc_gyzb', 'inc_sjbz', 'inc_sy', 'inc_jy', 'inc_fs', 'inc_qt'].map((row) => ({ row, col: 'inc' })),
        },
        {
          id: 'expense-total',
          says: ['本年支出合计', '各功能分类支出之和'] as [string, string],
          total: { row: 'exp_total', col: 'exp' },
          plus: [{ classRows: 'expense', col: 'exp' }],
        },
        {
          id: 'income-grand',
          says: ['收入总计', '本年收入合计 + 使用非财政拨款结余 + 年初结转和结余'] as [string, string],
          total: { row: 'inc_grand', col: 'inc' },
          plus: ['inc_total', 'inc_fcz', 'inc_begin'].map((row) => ({ row, col: 'inc' })),
        },
        {
          id: 'expense-grand',
          says: ['支出总计', '本年支出合计 + 结余分配 + 年末结转和结余'] as [string, string],
          total: { row: 'exp_grand', col: 'exp' },
          plus: ['exp_total', 'exp_jyfp', 'exp_end'].map((row) => ({ row, col: 'exp' })),
        },
        {
          id: 'balance',
          says: ['收入总计', '支出总计'] as [string, string],
          total: { row: 'inc_grand', col: 'inc' },
          plus: [{ row: 'exp_grand', col: 'exp' }],
        },
      ],
      note: '注：本表反映部门（或单位）本年度的总收支和年末结转结余情况。',
    },
    {
      id: 'gk02',
      kind: 'coded',
      code: '公开02',
      title: '收入决算表',
      titles: ['收入决算表'],
      columns: [
        c('total', '本年收入合计', [['本年收入合计']]),
        c('czbk', '财政拨款收入', [['财政拨款收入']]),
        c('sjbz', '上级补助收入', [['上级补助收入']]),
        c('sy', '事业收入', [['事业收入']]),
        c('jy', '经营收入', [['经营收入']]),
        c('fs', '附属单位上缴收入', [['附属单位上缴收入']]),
        c('qt', '其他收入', [['其他收入']]),
      ],
      rowSums: [{ id: 'income-sources', desc: '本年收入合计 = 各项来源之和', total: 'total', plus: ['czbk', 'sjbz', 'sy', 'jy', 'fs', 'qt'] }],
      hierarchy: ['total', 'czbk', 'sjbz', 'sy', 'jy', 'fs', 'qt'],
      note: '注：本表反映部门（或单位）本年度取得的各项收入情况。',
    },
    {
      id: 'gk03',
      kind: 'coded',
      code: '公开03',
      title: '支出决算表',
      titles: ['支出决算表'],
      columns: [
        c('total', '本年支出合计', [['本年支出合计']]),
        c('jb', '基本支出', [['基本支出']]),
        c('xm', '项目支出', [['项目支出']]),
        c('sjjs', '上缴上级支出', [['上缴上级支出']]),
        c('jyzc', '经营支出', [['经营支出']]),
        c('fsbz', '对附属单位补助支出', [['对附属单位补助支出']]),
      ],
      rowSums: [{ id: 'expense-kinds', desc: '本年支出合计 = 各类支出之和', total: 'total', plus: ['jb', 'xm', 'sjjs', 'jyzc', 'fsbz'] }],
      hierarchy: ['total', 'jb', 'xm', 'sjjs', 'jyzc', 'fsbz'],
      note: '注：本表反映部门（或单位）本年度各项支出情况。',
    },
    {
      id: 'gk04',
      kind: 'sides',
      code: '公开04',
      title: '财政拨款收入支出决算总表',
      titles: ['财政拨款收入支出决算总表'],
      classRowsSide: 'expense',
      columns: [
        c('inc', '收入·金额', [['金额'], ['决算数']], { side: 'income' }),
        c('exp_total', '支出·合计', [['合计']], { side: 'expense', none: ['财政拨款'] }),
        c('exp_gyys', '一般公共预算财政拨款', [['一般公共预算']], { side: 'expense' }),
        c('exp_zfjj', '政府性基金预算财政拨款', [['政府性基金']], { side: 'expense' }),
        c('exp_gyzb', '国有资本经营预算财政拨款', [['国有资本经营']], { side: 'expense' }),
      ],
      rows: [
        { key: 'inc_gyys', name: '一般公共预算财政拨款', side: 'income', labels: ['一般公共预算财政拨款', '一般公共预算财政拨款收入'], before: 'inc_total' },
        {
          key: 'inc_zfjj',
          name: '政府性基金预算财政拨款',
          side: 'income',
          labels: ['政府性基金预算财政拨款', '政府性基金预算财政拨款收入'],
          before: 'inc_total',
        },
        {
          key: 'inc_gyzb',
          name: '国有资本经营预算财政拨款',
          side: 'income',
          labels: ['国有资本经营财政拨款', '国有资本经营预算财政拨款', '国有资本经营预算财政拨款收入'],
          before: 'inc_total',
        },
        { key: 'inc_total', name: '本年收入合计', side: 'income', labels: ['本年收入合计'], required: true },
        { key: 'inc_begin', name: '年初财政拨款结转和结余', side: 'income', labels: ['年初财政拨款结转和结余'], required: true },
        { key: 'inc_begin_gyys', name: '年初·一般公共预算财政拨款', side: 'income', labels: ['一般公共预算财政拨款'], after: 'inc_begin' },
        { key: 'inc_begin_zfjj', name: '年初·政府性基金预算财政拨款', side: 'income', labels: ['政府性基金预算财政拨款'], after: 'inc_begin' },
        {
          key: 'inc_begin_gyzb',
          name: '年初·国有资本经营预算财政拨款',
          side: 'income',
          labels: ['国有资本经营财政拨款', '国有资本经营预算财政拨款'],
          after: 'inc_begin',
        },
        { key: 'inc_grand', name: '收入总计', side: 'income', labels: ['总计'], required: true },
        { key: 'exp_total', name: '本年支出合计', side: 'expense', labels: ['本年支出合计'], required: true },
        { key: 'exp_end', name: '年末财政拨款结转和结余', side: 'expense', labels: ['年末财政拨款结转和结余'], required: true },
        { key: 'exp_grand', name: '支出总计', side: 'expense', labels: ['总计'], required: true },
      ],
      rowSums: [
        {
          id: 'fiscal-kinds',
          desc: '合计 = 一般公共预算 + 政府性基金 + 国有资本经营',
          side: 'expense',
          total: 'exp_total',
          plus: ['exp_gyys', 'exp_zfjj', 'exp_gyzb'],
        },
      ],
      sums: [
        {
          id: 'income-total',
          says: ['本年收入合计', '三类财政拨款之和'] as [string, string],
          total: { row: 'inc_total', col: 'inc' },
          plus: ['inc_gyys', 'inc_zfjj', 'inc_gyzb'].map((row) => ({ row, col: 'inc' })),
        },
        ...['exp_total', 'exp_gyys', 'exp_zfjj', 'exp_gyzb'].map((col) => ({
          id: `expense-total-${col}`,
          says: ['本年支出合计', '各功能分类支出之和'] as [string, string],
          total: { row: 'exp_total', col },
          plus: [{ classRows: 'expense' as const, col }],
        })),
        {
          id: 'begin-kinds',
          says: ['年初财政拨款结转和结余', '三类之和'] as [string, string],
          total: { row: 'inc_begin', col: 'inc' },
          plus: ['inc_begin_gyys', 'inc_begin_zfjj', 'inc_begin_gyzb'].map((row) => ({ row, col: 'inc' })),
        },
        {
          id: 'income-grand',
          says: ['收入总计', '本年收入合计 + 年初财政拨款结转和结余'] as [string, string],
          total: { row: 'inc_grand', col: 'inc' },
          plus: ['inc_total', 'inc_begin'].map((row) => ({ row, col: 'inc' })),
        },
        ...['exp_total', 'exp_gyys', 'exp_zfjj', 'exp_gyzb'].map((col) => ({
          id: `expense-grand-${col}`,
          says: ['支出总计', '本年支出合计 + 年末财政拨款结转和结余'] as [string, string],
          total: { row: 'exp_grand', col },
          plus: [
            { row: 'exp_total', col },
            { row: 'exp_end', col },
          ],
        })),
        {
          id: 'balance',
          says: ['收入总计', '支出总计'] as [string, string],
          total: { row: 'inc_grand', col: 'inc' },
          plus: [{ row: 'exp_grand', col: 'exp_total' }],
        },
      ],
      note: '注：本表反映部门（或单位）本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。',
    },
    {
      id: 'gk05',
      kind: 'coded',
      code: '公开05',
      title: '一般公共预算财政拨款支出决算表',
      titles: ['一般公共预算财政拨款支出决算表'],
      columns: [c('xj', '小计', [['小计'], ['合计']]), c('jb', '基本支出', [['基本支出']]), c('xm', '项目支出', [['项目支出']])],
      rowSums: [{ id: 'basic-project', desc: '小计 = 基本支出 + 项目支出', total: 'xj', plus: ['jb', 'xm'] }],
      hierarchy: ['xj', 'jb', 'xm'],
      note: '注：本表反映部门（或单位）本年度一般公共预算财政拨款实际支出情况。',
    },
    {
      id: 'gk06',
      kind: 'econ',
      code: '公开06',
      title: '一般公共预算财政拨款基本支出决算明细表',
      titles: ['一般公共预算财政拨款基本支出决算明细表', '一般公共预算财政拨款基本支出决算表'],
      columns: [c('amount', '决算数', [['决算数'], ['金额']])],
      totals: [
        { key: 'ryjf', name: '人员经费合计', labels: ['人员经费合计'] },
        { key: 'gyjf', name: '公用经费合计', labels: ['公用经费合计'] },
      ],
      sums: [
        {
          id: 'personnel',
          says: ['人员经费合计', '301 + 303'] as [string, string],
          total: { total: 'ryjf', col: 'amount' },
          plus: [{ codes: ['301', '303'], col: 'amount' }],
        },
        {
          id: 'public',
          says: ['公用经费合计', '302 + 307 + 310 + 312 + 399'] as [string, string],
          total: { total: 'gyjf', col: 'amount' },
          plus: [{ codes: ['302', '307', '310', '312', '399'], col: 'amount' }],
        },
      ],
      note: '注：本表反映部门（或单位）本年度一般公共预算财政拨款基本支出明细情况。',
    },
    {
      id: 'gk07',
      kind: 'coded',
      code: '公开07',
      title: '政府性基金预算财政拨款收入支出决算表',
      titles: ['政府性基金预算财政拨款收入支出决算表'],
      columns: [
        c('nc', '年初结转和结余', [['年初']]),
        c('sr', '本年收入', [['本年收入']]),
        // A centred 本年支出 over 合计/基本支出/项目支出 may not reach its 合计 column.
        c('zc', '本年支出·小计', [['本年支出', '小计'], ['本年支出', '合计'], ['合计']]),
        c('jb', '本年支出·基本支出', [['基本支出']]),
        c('xm', '本年支出·项目支出', [['项目支出']]),
        c('nm', '年末结转和结余', [['年末']]),
      ],
      rowSums: [
        { id: 'basic-project', desc: '本年支出小计 = 基本支出 + 项目支出', total: 'zc', plus: ['jb', 'xm'] },
        { id: 'carry-over', desc: '年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出', total: 'nm', plus: ['nc', 'sr'], minus: ['zc'] },
      ],
      hierarchy: ['nc', 'sr', 'zc', 'jb', 'xm', 'nm'],
      note: '注：本表反映部门（或单位）本年度政府性基金预算财政拨款收入、支出及结转和结余情况。',
    },
    {
      id: 'gk08',
      kind: 'coded',
      code: '公开08',
      title: '国有资本经营预算财政拨款支出决算表',
      titles: ['国有资本经营预算财政拨款支出决算表'],
      columns: [c('hj', '合计', [['合计'], ['小计']]), c('jb', '基本支出', [['基本支出']]), c('xm', '项目支出', [['项目支出']])],
      rowSums: [{ id: 'basic-project', desc: '合计 = 基本支出 + 项目支出', total: 'hj', plus: ['jb', 'xm'] }],
      hierarchy: ['hj', 'jb', 'xm'],
      note: '注：本表反映部门（或单位）本年度国有资本经营预算财政拨款支出情况。',
    },
    {
      id: 'gk09',
      kind: 'matrix',
      code: '公开09',
      title: '财政拨款“三公”经费支出决算表',
      titles: ['财政拨款三公经费支出决算表'],
      columns: sangongColumns,
      rowSums: (['ys', 'js'] as const).flatMap((p) => {
        const g = p === 'ys' ? '预算数' : '决算数';
        return [
          {
            id: `${p}-total`,
            desc: `${g}：合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费`,
            total: `${p}_hj`,
            plus: [`${p}_cg`, `${p}_gc`, `${p}_jd`],
          },
          { id: `${p}-car`, desc: `${g}：公务用车购置及运行费 = 购置费 + 运行费`, total: `${p}_gc`, plus: [`${p}_gz`, `${p}_yx`] },
        ];
      }),
      note: '注：本表反映部门本年度“三公”经费支出预决算情况。',
    },
  ],
  cross: [
    { kind: 'eq', id: '01-02-income', desc: '公开01 本年收入合计 = 公开02 合计', a: [g01('inc_total')], b: [{ table: 'gk02', col: 'total', total: true }] },
    {
      kind: 'eq',
      id: '01-02-fiscal',
      desc: '公开01 三类财政拨款收入之和 = 公开02 财政拨款收入',
      a: [g01('inc_gyys'), g01('inc_zfjj'), g01('inc_gyzb')],
      b: [{ table: 'gk02', col: 'czbk', total: true }],
    },
    ...(
      [
        ['inc_sjbz', 'sjbz', '上级补助收入'],
        ['inc_sy', 'sy', '事业收入'],
        ['inc_jy', 'jy', '经营收入'],
        ['inc_fs', 'fs', '附属单位上缴收入'],
        ['inc_qt', 'qt', '其他收入'],
      ] as const
    ).map(([row, col, name]) => ({
      kind: 'eq' as const,
      id: `01-02-${col}`,
      desc: `公开01 ${name} = 公开02 合计·${name}`,
      a: [g01(row)],
      b: [{ table: 'gk02', col, total: true as const }],
    })),
    {
      kind: 'eq',
      id: '01-03-expense',
      desc: '公开01 本年支出合计 = 公开03 合计',
      a: [g01('exp_total', 'exp')],
      b: [{ table: 'gk03', col: 'total', total: true }],
    },
    {
      kind: 'eqByClass',
      id: '01-03-class',
      desc: '公开01 各功能分类支出 = 公开03 对应类',
      a: { table: 'gk01', col: 'exp' },
      b: { table: 'gk03', col: 'total' },
    },
    ...(
      [
        ['inc_gyys', '一般公共预算财政拨款'],
        ['inc_zfjj', '政府性基金预算财政拨款'],
        ['inc_gyzb', '国有资本经营预算财政拨款'],
      ] as const
    ).map(([row, name]) => ({
      kind: 'eq' as const,
      id: `04-01-${row}`,
      desc: `公开04 ${name}收入 = 公开01 ${name}收入`,
      a: [{ table: 'gk04', row, col: 'inc' }],
      b: [g01(row)],
    })),
    {
      kind: 'eqByClass',
      id: '04-05-class',
      desc: '公开04 一般公共预算财政拨款支出（各类）= 公开05 小计',
      a: { table: 'gk04', col: 'exp_gyys' },
      b: { table: 'gk05', col: 'xj' },
    },
    {
      kind: 'eqByClass',
      id: '04-07-class',
      desc: '公开04 政府性基金预算财政拨款支出（各类）= 公开07 本年支出',
      a: { table: 'gk04', col: 'exp_zfjj' },
      b: { table: 'gk07', col: 'zc' },
    },
    {
      kind: 'eqByClass',
      id: '04-08-class',
      desc: '公开04 国有资本经营预算财政拨款支出（各类）= 公开08 合计',
      a: { table: 'gk04', col: 'exp_gyzb' },
      b: { table: 'gk08', col: 'hj' },
    },
    {
      kind: 'eq',
      id: '04-05-total',
      desc: '公开04 一般公共预算财政拨款本年支出合计 = 公开05 合计',
      a: [{ table: 'gk04', row: 'exp_total', col: 'exp_gyys' }],
      b: [{ table: 'gk05', col: 'xj', total: true }],
    },
    {
      kind: 'eq',
      id: '04-07-total',
      desc: '公开04 政府性基金预算财政拨款本年支出合计 = 公开07 本年支出合计',
      a: [{ table: 'gk04', row: 'exp_total', col: 'exp_zfjj' }],
      b: [{ table: 'gk07', col: 'zc', total: true }],
    },
    {
      kind: 'eq',
      id: '04-08-total',
      desc: '公开04 国有资本经营预算财政拨款本年支出合计 = 公开08 合计',
      a: [{ table: 'gk04', row: 'exp_total', col: 'exp_gyzb' }],
      b: [{ table: 'gk08', col: 'hj', total: true }],
    },
    {
      kind: 'leByCode',
      id: '05-03-total',
      desc: '公开05 各科目支出 ≤ 公开03 同科目本年支出合计',
      a: { table: 'gk05', col: 'xj' },
      b: { table: 'gk03', col: 'total' },
    },
    {
      kind: 'leByCode',
      id: '05-03-basic',
      desc: '公开05 各科目基本支出 ≤ 公开03 同科目基本支出',
      a: { table: 'gk05', col: 'jb' },
      b: { table: 'gk03', col: 'jb' },
    },
    {
      kind: 'leByCode',
      id: '05-03-project',
      desc: '公开05 各科目项目支出 ≤ 公开03 同科目项目支出',
      a: { table: 'gk05', col: 'xm' },
      b: { table: 'gk03', col: 'xm' },
    },
    {
      kind: 'eq',
      id: '05-06-basic',
      desc: '公开05 基本支出合计 = 公开06 人员经费合计 + 公用经费合计',
      a: [{ table: 'gk05', col: 'jb', total: true }],
      b: [
        { table: 'gk06', row: 'ryjf', col: 'amount' },
        { table: 'gk06', row: 'gyjf', col: 'amount' },
      ],
    },
    ...(
      [
        ['30212', 'js_cg', '因公出国（境）费'],
        ['30217', 'js_jd', '公务接待费'],
        ['30231', 'js_yx', '公务用车运行维护费'],
        ['31013', 'js_gz', '公务用车购置费'],
      ] as const
    ).map(([code, col, name]) => ({
      kind: 'le' as const,
      id: `06-09-${code}`,
      desc: `公开06 ${code} ${name} ≤ 公开09 决算数·${name}`,
      a: { table: 'gk06', code, col: 'amount' },
      b: { table: 'gk09', col, data: true as const },
    })),
  ],
};
