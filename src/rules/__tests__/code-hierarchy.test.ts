import { workbookFromTsv } from '../../../tests/helpers/grid';
import { table03, table06 } from '../../../tests/helpers/tables';
import { checkWorkbook } from '../../check';
import { codeHierarchy, childrenByCode } from '../code-hierarchy';
import { Item } from '../../recognize/model';

const run = (tsv: string) =>
  checkWorkbook(workbookFromTsv(tsv), { rules: [codeHierarchy] }).findings.filter((f) => f.cell.startsWith('C') || f.table === '公开06');

const rows = (total: string, cls: string, kuan: string, xiang: string[]) => [
  ['合计', '', total],
  ['201', '一般公共服务支出', cls],
  ['20103', '政府办公厅（室）及相关机构事务', kuan],
  ...xiang.map((v, i) => [`201030${i + 1}`, `项${i + 1}`, v]),
];

describe('code-hierarchy: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项', () => {
  test.each([
    ['a consistent hierarchy', rows('100.00', '100.00', '100.00', ['60.00', '40.00']), []],
    ['项 do not add up to their 款 (by 1.00)', rows('100.00', '100.00', '100.00', ['60.00', '41.00']), [['error', 'C10', '款 20103']]],
    [
      // One wrong figure (201's 101.00) breaks 合计 = Σ 类 and 类 = Σ 款: one finding on it.
      '类 differs from its only 款: one finding on the 类, 合计 its consequence',
      rows('100.00', '101.00', '100.00', ['60.00', '40.00']),
      [['error', 'C9', '类 201']],
    ],
    ['a 0.01 rounding gap is only a hint', rows('100.00', '100.00', '100.00', ['60.00', '40.01']), [['info', 'C10', '款 20103']]],
  ])('%s', (_n, r, expected) => {
    const fs = run(table03(r));
    expect(fs.map((f) => [f.severity, f.cell, (f.message.match(/(合计|类 \d+|款 \d+)/) ?? [])[1]])).toEqual(expected);
  });

  test('the message says which 类 and by how much', () => {
    const [f] = run(
      table03([
        ['合计', '', '1,248.32'],
        ['201', '一般公共服务支出', '1,248.32'],
        ['20103', '政府办公厅', '1,224.87'],
        ['20113', '商贸事务', '59.45'],
      ]),
    );
    expect(f.message).toBe('公开03 类 201 一般公共服务支出「本年支出合计」 1,248.32 ≠ 所属款之和 1,284.32，差 -36.00');
  });

  test('a table cut off mid-way is not checked on its open chain', () => {
    const wb = workbookFromTsv(table03(rows('100.00', '100.00', '100.00', ['60.00']), false));
    const r = checkWorkbook(wb, { rules: [codeHierarchy] });
    expect(r.findings).toEqual([]);
    expect(r.recognition.tables[0].truncated?.openCodes).toEqual(['20103']);
  });

  test.each([
    ['cents', rows('100.00', '100.00', '100.00', ['60.00']), ['20103']],
    ['three decimals (read in Decimal, not in cents)', rows('100.000', '100.000', '100.000', ['60.005']), ['20103']],
    ['a text amount in the chain: cannot tell, not truncated', rows('100.00', '100.00', '100.00', ['六十']), undefined],
    ['a 项 in excess of its 款 is an error, not a cut', rows('100.00', '100.00', '100.00', ['160.00']), undefined],
  ])('cut-off detection with amounts in %s', (_n, r, open) => {
    const wb = workbookFromTsv(table03(r, false));
    expect(checkWorkbook(wb, { rules: [] }).recognition.tables[0].truncated?.openCodes).toEqual(open);
  });

  test('公开06: 经济分类 类 = Σ 款', () => {
    const ok = table06(
      [
        ['301', '工资福利支出', '10.00'],
        ['30101', '基本工资', '6.00'],
        ['30102', '津贴补贴', '4.00'],
      ],
      [
        ['302', '商品和服务支出', '1.00'],
        ['30201', '办公费', '1.00'],
      ],
      ['10.00', '1.00'],
    );
    expect(run(ok)).toEqual([]);
    const bad = table06(
      [
        ['301', '工资福利支出', '10.00'],
        ['30101', '基本工资', '6.00'],
        ['30102', '津贴补贴', '5.00'],
      ],
      [
        ['302', '商品和服务支出', '1.00'],
        ['30201', '办公费', '1.00'],
      ],
      ['10.00', '1.00'],
    );
    expect(run(bad).map((f) => [f.severity, f.cell])).toEqual([['error', 'C5']]);
  });
});

describe('childrenByCode: each row under its nearest listed ancestor, in any row order', () => {
  const item = (code: string | undefined, label = ''): Item => (code ? { code, label, row: 0, cols: {} } : { isTotal: true, label: '合计', row: 0, cols: {} });
  const tree = (codes: (string | undefined)[]) => {
    const items = codes.map((c) => item(c));
    const kids = childrenByCode(items);
    return [...kids].map(([p, cs]) => [p.code ?? '合计', cs.map((c) => c.code)]);
  };
  test.each([
    [
      'the usual order',
      [undefined, '201', '20101', '2010101', '2010102', '205', '20502'],
      [
        ['合计', ['201', '205']],
        ['201', ['20101']],
        ['20101', ['2010101', '2010102']],
        ['205', ['20502']],
      ],
    ],
    [
      'a 款 listed after another class',
      [undefined, '201', '20101', '205', '2010101', '20502'],
      [
        ['合计', ['201', '205']],
        ['201', ['20101']],
        ['20101', ['2010101']],
        ['205', ['20502']],
      ],
    ],
    [
      'a 项 whose 款 is not listed goes under its 类',
      [undefined, '208', '20805', '2080101'],
      [
        ['合计', ['208']],
        ['208', ['20805', '2080101']],
      ],
    ],
    [
      'children listed before their parent',
      ['2010101', '20101', '201', undefined],
      [
        ['20101', ['2010101']],
        ['201', ['20101']],
        ['合计', ['201']],
      ],
    ],
    [
      'a code listed twice: children go to its first row',
      [undefined, '201', '20101', '201', '20102'],
      [
        ['合计', ['201', '201']],
        ['201', ['20101', '20102']],
      ],
    ],
  ])('%s', (_n, codes, expected) => {
    expect(tree(codes as (string | undefined)[])).toEqual(expected);
  });
});
