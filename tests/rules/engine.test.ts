import { rowColumns, rowBalancesAt, childrenBalance, equalExactly, notAboveExactly, compareCells, compareEqual, Operand } from '../../src/rules/engine';
import { RecognizedTable } from '../../src/recognize/model';
import { tableSet } from '../../src/editions';
import { Sheet, Cell } from '../../src/core/grid';
import { Item } from '../../src/recognize/model';

/** One row of cells (column keys a, b, c, d at columns 0..3), as a table item sees them. */
function row(values: (Cell['value'] | undefined)[], numFmt = '#,##0.00'): { sheet: Sheet; item: Item } {
  const cells = values.map((v) => (v === undefined ? undefined : { value: v, numFmt: typeof v === 'number' ? numFmt : undefined }));
  const sheet: Sheet = { name: 't', rows: [cells], merges: [] };
  const item: Item = { label: 'x', row: 0, cols: { a: 0, b: 1, c: 2, d: 3 } };
  return { sheet, item };
}

/** An item's total = Σ plus − Σ minus, as row-sum tests it: undefined when the table lacks a column. */
function rowBalances(sheet: Sheet, item: Item, total: string, plus: string[], minus: string[]): boolean | undefined {
  const rc = rowColumns(item.cols, total, plus, minus);
  return rc && rowBalancesAt(sheet, item.row, rc);
}

describe('rowColumns + rowBalancesAt: total = Σ plus − Σ minus, in cents, or left to compareEqual', () => {
  test.each([
    ['balanced', [30.5, 20, 10.5, undefined], true],
    ['blank parts are zero', [20, 20, undefined, undefined], true],
    ['a cent off', [30.51, 20, 10.5, undefined], false],
    ['numbers written as text', ['1,920.38', '1,000.00', '920.38', undefined], true],
    ['a text amount: not decided here (compareEqual leaves it to numeric-cell)', ['见说明', 20, 10, undefined], false],
    ['three decimals: not decided in cents', ['30.005', '20.000', '10.005', undefined], false],
  ])('%s', (_n, values, expected) => {
    const { sheet, item } = row(values as Cell['value'][]);
    expect(rowBalances(sheet, item, 'a', ['b', 'c'], [])).toBe(expected);
  });

  test('with a minus column: 年末 = 年初 + 收入 − 支出', () => {
    const { sheet, item } = row([5, 10, 20, 25]);
    expect(rowBalances(sheet, item, 'a', ['b', 'c'], ['d'])).toBe(true);
    expect(rowBalances(sheet, item, 'a', ['b', 'c'], [])).toBe(false);
  });

  test('a column the table lacks: nothing to compare', () => {
    const { sheet, item } = row([30, 20, 10, undefined]);
    expect(rowBalances(sheet, item, 'a', ['b', 'zz'], [])).toBeUndefined();
    expect(rowBalances(sheet, item, 'zz', ['b'], [])).toBeUndefined();
  });
});

describe('childrenBalance: a row = Σ its children, column by column', () => {
  const sheet: Sheet = {
    name: 't',
    merges: [],
    rows: [[{ value: 100, numFmt: '0.00' }], [{ value: 60, numFmt: '0.00' }], [{ value: 40, numFmt: '0.00' }], [{ value: 39.99, numFmt: '0.00' }]],
  };
  const item = (r: number): Item => ({ label: '', row: r, cols: { v: 0 } });
  test.each([
    ['balanced', [1, 2], true],
    ['short by a cent', [1, 3], false],
    ['no children listed: the parent alone against zero', [], false],
  ])('%s', (_n, children, expected) => {
    expect(childrenBalance(sheet, item(0), (children as number[]).map(item), 'v')).toBe(expected);
  });
  test.each([
    ['one column map shared by the rows (a table)', [1, 2], true],
    ['one column map shared, short by a cent', [1, 3], false],
  ])('%s', (_n, children, expected) => {
    const cols = { v: 0 };
    const shared = (r: number): Item => ({ label: '', row: r, cols });
    expect(childrenBalance(sheet, shared(0), (children as number[]).map(shared), 'v')).toBe(expected);
  });
  test('children in another column group (公开06) are read in their own column', () => {
    const wide: Sheet = { name: 'w', merges: [], rows: [[{ value: 100, numFmt: '0.00' }, { value: 1, numFmt: '0.00' }], [{ value: 1, numFmt: '0.00' }, { value: 60, numFmt: '0.00' }], [{ value: 2, numFmt: '0.00' }, { value: 40, numFmt: '0.00' }]] };
    const left = { v: 0 };
    const right = { v: 1 };
    expect(childrenBalance(wide, { label: '', row: 0, cols: left }, [1, 2].map((r) => ({ label: '', row: r, cols: right })), 'v')).toBe(true);
    expect(childrenBalance(wide, { label: '', row: 0, cols: left }, [1, 2].map((r) => ({ label: '', row: r, cols: left })), 'v')).toBe(false);
  });
  test('a child without the column: nothing to compare', () => {
    expect(childrenBalance(sheet, item(0), [item(1), { label: '', row: 2, cols: {} }], 'v')).toBeUndefined();
  });
});

describe('equalExactly: two cells, an absent one is zero', () => {
  test.each([
    ['equal', { value: 12.3, numFmt: '0.00' }, { value: '12.30' }, true],
    ['different', { value: 12.3, numFmt: '0.00' }, { value: 12.31, numFmt: '0.00' }, false],
    ['absent against zero', undefined, { value: 0, numFmt: '0.00' }, true],
    ['absent against an amount', undefined, { value: 1, numFmt: '0.00' }, false],
    ['a percentage is not decided here', { value: 0.5, numFmt: '0%' }, { value: 0.5, numFmt: '0%' }, false],
  ])('%s', (_n, a, b, expected) => {
    expect(equalExactly(a as Cell | undefined, b as Cell)).toBe(expected);
  });
});

describe('notAboveExactly: a ≤ b surely, in cents (else compareLe decides)', () => {
  test.each([
    ['smaller', { value: 10, numFmt: '0.00' }, { value: 20, numFmt: '0.00' }, true],
    ['equal', { value: 20, numFmt: '0.00' }, { value: 20, numFmt: '0.00' }, true],
    ['a cent above: within rounding', { value: 20.01, numFmt: '0.00' }, { value: 20, numFmt: '0.00' }, true],
    ['two cents above', { value: 20.02, numFmt: '0.00' }, { value: 20, numFmt: '0.00' }, false],
    ['text: not decided here', { value: '见说明' }, { value: 20, numFmt: '0.00' }, false],
  ])('%s', (_n, a, b, expected) => {
    expect(notAboveExactly(a as Cell, b as Cell)).toBe(expected);
  });
});

describe('compareCells: cells of one table compared, worded as compareEqual words operands', () => {
  /** A table whose cells are a column of values (A1, A2, …), total first. */
  function column(values: Cell['value'][]): RecognizedTable {
    const sheet: Sheet = { name: '表3', merges: [], rows: values.map((v) => [{ value: v, numFmt: typeof v === 'number' ? '#,##0.00' : undefined }]) };
    return { spec: tableSet(2023).tables[2], sheet, scope: 'workbook', titleAt: { r: 0, c: 0 }, headerTop: 0, dataStart: 0, dataEnd: values.length - 1, columns: { v: 0 }, items: [], missing: [] };
  }
  const flatCells = (rows: number[]) => rows.flatMap((r) => [r, 0]);
  const ops = (t: RecognizedTable, rows: number[]): Operand[] => rows.map((r) => ({ table: t, pos: { r, c: 0 }, name: '' }));
  test.each([
    ['balanced', [30, 20, 10], [], undefined],
    ['two cents off over two parts: broken', [30.02, 20, 10], [], 'error'],
    ['a cent off: within rounding (±0.015)', [30.01, 20, 10], [], 'info'],
    ['a cent off over many rounded parts: within rounding', [30.01, 10, 10, 10], [], 'info'],
    ['with a part subtracted', [5, 10, 20, 25], [3], undefined],
    ['written as text', ['1,920.38', '1,000.00', '920.37'], [], 'info'],
    ['three decimals: interval arithmetic', ['30.005', '20.000', '10.004'], [], 'info'],
    ['three decimals, broken', ['30.105', '20.000', '10.004'], [], 'error'],
    ['a text amount: left to numeric-cell', ['见说明', 20, 10], [], undefined],
  ])('%s', (_n, values, minusRows, severity) => {
    const t = column(values as Cell['value'][]);
    const rows = values.map((_, r) => r).filter((r) => r > 0 && !(minusRows as number[]).includes(r));
    const names = { leftName: '合计', rightName: () => '各项之和' };
    const byCells = compareCells({ rule: 'x', table: t, left: [0, 0], right: flatCells(rows), rightMinus: flatCells(minusRows as number[]), ...names });
    const byOperands = compareEqual({ rule: 'x', table: t, left: ops(t, [0]), right: ops(t, rows), rightMinus: ops(t, minusRows as number[]), ...names });
    expect(byCells?.severity).toBe(severity);
    expect(byCells).toEqual(byOperands);
    if (byCells) expect(byCells.related.map((r) => r.cell)).toEqual([...rows, ...(minusRows as number[])].map((r) => `A${r + 1}`));
  });
});
