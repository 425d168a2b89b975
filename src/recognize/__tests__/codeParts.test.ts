import { workbookFromTsv } from '../../../tests/helpers/grid';
import { recognize } from '..';
import { EDITIONS } from '../../editions';
import { checkWorkbook } from '../../check';
import { Workbook } from '../../core/grid';

/**
 * 科目编码 split over 类 | 款 | 项, as many published tables print it: every row's code comes out
 * whole (201, 20103, 2010301) whether each row shows all its parts, leaves its parents' parts blank,
 * or shows its own part only; header words (类 款 项) are never codes or amounts.
 */

const head = (partsRow: boolean) => [
  '支出决算表',
  '公开03表',
  '金额单位：万元',
  '项目\t\t\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出',
  '功能分类科目编码\t\t\t科目名称',
  ...(partsRow ? ['类\t款\t项'] : []),
  '栏次\t\t\t\t1\t2\t3\t4\t5\t6',
];

/** The seed's 201 block, its code parts printed three ways. */
const ROWS: [string[], string[], string[], string, string[]][] = [
  // all parts          类 blank on 款/项     own part only        name              本年 基本 项目
  [['201', '', ''], ['201', '', ''], ['201', '', ''], '一般公共服务支出', ['1248.32', '745.91', '502.41']],
  [['201', '03', ''], ['', '03', ''], ['', '03', ''], '政府办公厅（室）及相关机构事务', ['1224.87', '745.91', '478.96']],
  [['201', '03', '01'], ['', '03', '01'], ['', '', '01'], '行政运行', ['355.81', '355.81', '']],
  [['201', '03', '50'], ['', '03', '50'], ['', '', '50'], '事业运行', ['390.10', '390.10', '']],
  [['201', '03', '99'], ['', '03', '99'], ['', '', '99'], '其他政府办公厅（室）及相关机构事务支出', ['479.96', '', '478.96']],
  [['201', '13', ''], ['', '13', ''], ['', '13', ''], '商贸事务', ['23.45', '', '23.45']],
  [['201', '13', '08'], ['', '13', '08'], ['', '', '08'], '招商引资', ['23.45', '', '23.45']],
];

function table(variant: 0 | 1 | 2, partsRow = true): Workbook {
  const lines = [
    ...head(partsRow),
    '合计\t\t\t\t1248.32\t745.91\t502.41',
    ...ROWS.map((row) => [...row[variant], row[3], ...row[4]].join('\t')),
    '注：本表反映部门本年度各项支出情况。',
  ];
  return workbookFromTsv(lines.join('\n'));
}

const codesOf = (wb: Workbook) =>
  recognize(wb, EDITIONS[0].tables)
    .tables.find((t) => t.spec.id === 'gk03')!
    .items.map((it) => (it.isTotal ? '合计' : `${it.code} ${it.label}`));

const WANT = ['合计', ...ROWS.map((r) => `${r[0].join('')} ${r[3].replace('（', '(').replace('）', ')')}`)];

describe('科目编码 in three columns 类 | 款 | 项', () => {
  test.each([
    ['every row shows all its parts (201 | 03 | 01)', 0],
    ['the 类 column left blank on 款 and 项 rows', 1],
    ['each row shows its own part only', 2],
  ] as const)('%s: codes come out whole', (_, variant) => {
    expect(codesOf(table(variant))).toEqual(WANT);
  });

  test.each([
    ['all parts', 0],
    ['类 blank', 1],
  ] as const)('no 类 款 项 row under the heading (%s): the parts are told from the two-digit figures', (_, variant) => {
    expect(codesOf(table(variant, false))).toEqual(WANT);
  });

  test('the header words are neither codes nor amounts, and the arithmetic is that of the codes', () => {
    const r = checkWorkbook(table(1));
    const gk03 = r.findings.filter((f) => f.table === '公开03' && f.severity === 'error');
    // 2010399 carries one error planted on purpose (479.96, not 0 + 478.96): one finding on it, its 款's sum a consequence.
    expect(gk03.map((f) => f.message)).toEqual([expect.stringMatching(/2010399.*479\.96.*同一数字还导致：.*20103.*1,225\.87/)]);
    expect(r.findings.some((f) => /[类款项]”|“[类款项]/.test(f.message))).toBe(false);
  });

  test('a blank 类 with no 类 above it gives no code (never a code made of a part alone)', () => {
    const lines = [...head(true), '合计\t\t\t\t1\t1\t', '\t03\t01\t行政运行\t1\t1\t', '注：本表反映部门本年度各项支出情况。'];
    expect(codesOf(workbookFromTsv(lines.join('\n')))).toEqual(['合计']);
  });
});

describe('经济分类科目编码 in two columns 类 | 款 (公开06)', () => {
  test('each group reads its own codes, 类 blank on 款 rows', () => {
    const lines = [
      '一般公共预算财政拨款基本支出决算明细表',
      '公开06表',
      '人员经费\t\t\t\t公用经费',
      '科目编码\t\t科目名称\t决算数\t科目编码\t\t科目名称\t决算数',
      '类\t款\t\t\t类\t款',
      '301\t\t工资福利支出\t406.08\t302\t\t商品和服务支出\t9.02',
      '\t01\t基本工资\t270.45\t\t01\t办公费\t6.89',
      '\t02\t津贴补贴\t135.63\t\t07\t邮电费\t2.13',
      '303\t\t对个人和家庭的补助\t23.12\t\t',
      '\t04\t抚恤金\t23.12\t\t',
      '人员经费合计\t\t\t429.20\t公用经费合计\t\t\t9.02',
      '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。',
    ];
    const t = recognize(workbookFromTsv(lines.join('\n')), EDITIONS[0].tables).tables.find((x) => x.spec.id === 'gk06')!;
    expect(t.items.filter((i) => i.code).map((i) => i.code)).toEqual(['301', '302', '30101', '30201', '30102', '30207', '303', '30304']);
    expect(t.items.filter((i) => i.key).map((i) => i.key)).toEqual(['ryjf', 'gyjf']);
  });
});
