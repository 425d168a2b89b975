import { parseA1, parseRange, quoteSheet, a1 } from '../grid';
import { sortFindings, cellOrder, Finding } from '../findings';

/** Cell and range addresses as Excel, exceljs and our own findings write them. */

describe('addresses', () => {
  test.each([
    ['A1', { r: 0, c: 0 }],
    ['$C$7', { r: 6, c: 2 }],
    ['aa10', { r: 9, c: 26 }],
    ['1A', undefined],
    ['', undefined],
  ])('cell %s', (address, expected) => {
    expect(parseA1(address)).toEqual(expected);
  });

  test.each([
    ['A1:C1', { top: 0, left: 0, bottom: 0, right: 2 }],
    ['$B$2:$D$4', { top: 1, left: 1, bottom: 3, right: 3 }],
    ["'公开01'!A3:B4", { top: 2, left: 0, bottom: 3, right: 1 }],
    ["'it''s'!E5", { top: 4, left: 4, bottom: 4, right: 4 }],
    ['A1:', undefined],
    ['公开01', undefined],
  ])('range %s', (address, expected) => {
    expect(parseRange(address)).toEqual(expected);
  });

  test.each([
    [0, 0, 'A1'],
    [11, 2, 'C12'],
    [4095, 63, 'BL4096'],
    [4096, 63, 'BL4097'],
    [4095, 64, 'BM4096'],
    [9, 25, 'Z10'],
    [9, 26, 'AA10'],
    [999999, 16383, 'XFD1000000'],
  ])('row %i column %i is %s, the same whether written before or not', (r, c, expected) => {
    expect(a1(r, c)).toBe(expected);
    expect(a1(r, c)).toBe(expected);
    expect(parseA1(a1(r, c))).toEqual({ r, c });
  });

  test('addresses written in any order', () => {
    const order = [
      [300, 5],
      [2, 5],
      [4000, 5],
      [2, 6],
      [0, 0],
    ];
    expect(order.map(([r, c]) => a1(r, c))).toEqual(['F301', 'F3', 'F4001', 'G3', 'A1']);
  });

  test.each([
    ['公开01', "'公开01'"],
    ["Bob's", "'Bob''s'"],
  ])('sheet name %s quoted for formulas and links', (name, quoted) => {
    expect(quoteSheet(name)).toBe(quoted);
  });
});

test('findings sort by row, then column (Z before AA), those without a cell first', () => {
  const at = (cell: string): Finding => ({ rule: 'r', severity: 'error', table: 'T', sheet: 'S', cell, related: [], message: cell });
  const cells = [a1(1, 26), a1(1, 25), a1(0, 3), '', a1(10, 0)];
  expect(sortFindings(cells.map(at)).map((f) => f.cell)).toEqual(['', 'D1', 'Z2', 'AA2', 'A11']);
});

test('findings sort by severity, then table, sheet (in string order), cell and rule', () => {
  const f = (severity: Finding['severity'], table: string, sheet: string, cell: string, rule: string): Finding => ({
    rule,
    severity,
    table,
    sheet,
    cell,
    related: [],
    message: `${severity} ${table} ${sheet} ${cell} ${rule}`,
  });
  const given = [
    f('info', '公开01', '单位001', 'A1', 'r'),
    f('error', '公开05', '单位010', 'B2', 'row-sum'),
    f('error', '公开05', '单位002', 'B2', 'code-hierarchy'),
    f('error', '公开05', '单位002', 'B2', 'cross-equal'),
    f('error', '公开03', '单位100', 'Z9', 'r'),
    f('warning', '', '情况说明', 'A3', 'r'),
    f('error', '公开05', '单位002', 'A2', 'r'),
    f('error', '公开05', 'Sheet1', 'A1', 'r'),
  ];
  const order = sortFindings(given).map((x) => x.message);
  expect(order).toEqual([
    'error 公开03 单位100 Z9 r',
    'error 公开05 Sheet1 A1 r',
    'error 公开05 单位002 A2 r',
    'error 公开05 单位002 B2 code-hierarchy',
    'error 公开05 单位002 B2 cross-equal',
    'error 公开05 单位010 B2 row-sum',
    'warning  情况说明 A3 r',
    'info 公开01 单位001 A1 r',
  ]);
  // The order does not depend on the order given.
  expect(sortFindings([...given].reverse()).map((x) => x.message)).toEqual(order);
});

test.each([
  ['A1', 0],
  ['B1', 1],
  ['A2', 20000],
  ['AA10', 9 * 20000 + 26],
  ['XFD1048576', 1048575 * 20000 + 16383],
  ['$C$3', 2 * 20000 + 2],
  ['c3', 2 * 20000 + 2],
  ['', -1],
  ['不是地址', -1],
])('cellOrder(%s): row then column as one number', (cell, order) => {
  expect(cellOrder(cell)).toBe(order);
});
