import { evaluateEqual, evaluateLe, Term } from '../evaluate';
import { resolveRowSum, resolveChildren, resolveCrossEqual } from '../resolve';
import { equalityFinding, excessFinding } from '../describe';
import { RecognizedTable, Item } from '../../recognize/model';
import { tableSet } from '../../editions';
import { Sheet, Cell } from '../../core/grid';

/**
 * One relation evaluator: a relation of the spec resolved to cells, evaluated (exact in cents,
 * else interval arithmetic), worded in one place. In the accountant's terms: a total against its
 * parts, a 款 against its 项, a cell of one table against another's.
 */

/** A table whose cells are one column of values (A1, A2, …). */
function column(values: (Cell['value'] | undefined)[], name = '表3'): RecognizedTable {
  const sheet: Sheet = {
    name,
    merges: [],
    rows: values.map((v) => [v === undefined ? undefined : { value: v, numFmt: typeof v === 'number' ? '#,##0.00' : undefined }]),
  };
  return {
    spec: tableSet(2023).tables[2],
    sheet,
    scope: 'workbook',
    titleAt: { r: 0, c: 0 },
    headerTop: 0,
    dataStart: 0,
    dataEnd: values.length - 1,
    columns: { v: 0 },
    items: [],
    missing: [],
  };
}
const terms = (t: RecognizedTable, rows: number[]): Term[] => rows.map((r) => ({ t, r, c: 0 }));

describe('evaluateEqual: total = Σ parts − Σ minus, within the rounding of printed figures', () => {
  test.each([
    ['balanced', [30, 20, 10], [], undefined],
    ['blank parts are zero', [20, 20, undefined], [], undefined],
    ['two cents off over two parts: broken', [30.02, 20, 10], [], 'error'],
    ['a cent off: within rounding (±0.015)', [30.01, 20, 10], [], 'info'],
    ['a cent off over many rounded parts: within rounding', [30.01, 10, 10, 10], [], 'info'],
    ['with a part subtracted (年末 = 年初 + 收入 − 支出)', [5, 10, 20, 25], [3], undefined],
    ['written as text', ['1,920.38', '1,000.00', '920.37'], [], 'info'],
    ['three decimals: interval arithmetic', ['30.005', '20.000', '10.004'], [], 'info'],
    ['three decimals, broken', ['30.105', '20.000', '10.004'], [], 'error'],
    ['a text amount: left to numeric-cell', ['见说明', 20, 10], [], undefined],
  ])('%s', (_n, values, minusRows, severity) => {
    const t = column(values as Cell['value'][]);
    const rows = values.map((_, r) => r).filter((r) => r > 0 && !(minusRows as number[]).includes(r));
    const eq = { left: terms(t, [0]), right: terms(t, rows), minus: terms(t, minusRows as number[]) };
    const v = evaluateEqual(eq);
    const f = v && equalityFinding('x', eq, v, '合计', '各项之和');
    expect(f?.severity).toBe(severity);
    if (f) {
      expect(f.cell).toBe('A1');
      expect(f.related.map((r) => r.cell)).toEqual([...rows, ...(minusRows as number[])].map((r) => `A${r + 1}`));
    }
  });

  test('a broken relation says both sides and the gap; a rounding gap says the tolerance', () => {
    const broken = column([30.02, 20, 10]);
    const eq = { left: terms(broken, [0]), right: terms(broken, [1, 2]), minus: [] };
    expect(equalityFinding('x', eq, evaluateEqual(eq)!, '公开03 合计', '所属类之和').message).toBe('公开03 合计 30.02 ≠ 所属类之和 30.00，差 0.02');
    const gap = column([30.01, 20, 10]);
    const eq2 = { left: terms(gap, [0]), right: terms(gap, [1, 2]), minus: [] };
    expect(equalityFinding('x', eq2, evaluateEqual(eq2)!, '公开03 合计', '所属类之和').message).toBe(
      '公开03 合计 30.01 与所属类之和 30.00 相差 0.01，在四舍五入尾差范围（±0.015）内',
    );
  });
});

describe('evaluateLe: a part not above its whole', () => {
  test.each([
    ['below', 5, 10, undefined],
    ['equal', 10, 10, undefined],
    ['a cent above: within rounding', 10.01, 10, undefined],
    ['above', 12.5, 10, '2.50'],
    ['text against a number: interval arithmetic', '12.50', 10, '2.50'],
  ])('%s', (_n, a, b, over) => {
    const t = column([a as Cell['value'], b as Cell['value']]);
    const v = evaluateLe({ t, r: 0, c: 0 }, { t, r: 1, c: 0 });
    expect(v?.over).toBe(over);
    if (v)
      expect(excessFinding('x', { t, r: 0, c: 0 }, { t, r: 1, c: 0 }, v, '公开05「合计」', '公开03 同科目').message).toBe(
        `公开05「合计」 ${v.a} 大于 公开03 同科目 ${v.b}，超出 ${over}`,
      );
  });
});

describe('resolving relations to cells', () => {
  const t = column([30, 20, 10, 5]);
  const item: Item = { label: 'x', row: 0, cols: { a: 0, b: 1, c: 2 } };

  test('a row sum needs every column it names; a column the table lacks: nothing to compare', () => {
    const rs = { id: 'r', desc: 'a = b + c', total: 'a', plus: ['b', 'c'] };
    expect(resolveRowSum(t, item, rs)).toEqual({
      left: [{ t, r: 0, c: 0 }],
      right: [
        { t, r: 0, c: 1 },
        { t, r: 0, c: 2 },
      ],
      minus: [],
    });
    expect(resolveRowSum(t, item, { ...rs, plus: ['b', 'z'] })).toBeUndefined();
    expect(resolveRowSum(t, item, { ...rs, minus: ['c'] })!.minus).toEqual([{ t, r: 0, c: 2 }]);
  });

  test('a parent and its children, column by column; a child without the column: nothing to compare', () => {
    const parent: Item = { label: '款', code: '20103', row: 0, cols: { v: 0 } };
    const kids: Item[] = [1, 2].map((r) => ({ label: '项', code: `201030${r}`, row: r, cols: { v: 0 } }));
    expect(resolveChildren(t, parent, kids, 'v')!.right).toHaveLength(2);
    expect(resolveChildren(t, parent, [...kids, { label: '项', code: '2010399', row: 3, cols: {} }], 'v')).toBeUndefined();
  });

  test('between tables: a 科目 row a complete table does not list is zero; a missing table, nothing to compare', () => {
    const t5 = { ...column([100]), items: [{ label: '合计', row: 0, cols: { xm: 0 }, isTotal: true }] } as RecognizedTable;
    const tables = new Map([['gk05', t5]]);
    const eq = resolveCrossEqual(tables, [{ table: 'gk05', col: 'xm', total: true }], [{ table: 'gk05', col: 'xm', code: '2010301' }]);
    expect(eq).toEqual({ left: [{ t: t5, r: 0, c: 0 }], right: [], minus: [] });
    expect(resolveCrossEqual(tables, [{ table: 'gk05', col: 'xm', total: true }], [{ table: 'gk03', col: 'xm', total: true }])).toBeUndefined();
    // Truncated, the table's silence proves nothing.
    const cut = new Map([['gk05', { ...t5, truncated: { openCodes: [] } } as unknown as RecognizedTable]]);
    expect(resolveCrossEqual(cut, [{ table: 'gk05', col: 'xm', total: true }], [{ table: 'gk05', col: 'xm', code: '2010301' }])).toBeUndefined();
  });
});

describe('findings carry the relation of the edition they are about', () => {
  const { checkWorkbook } = require('../../check') as typeof import('../../check');
  const { sampleWorkbook } = require('../../../tests/helpers/grid') as typeof import('../../../tests/helpers/grid');
  const { NATIONAL_2023 } = require('../../editions/national2023') as typeof import('../../editions/national2023');

  test('every finding of a relation rule names a relation the edition has', () => {
    const wb = sampleWorkbook();
    // 公开01's first 1,920.38 (一般公共预算财政拨款收入) → 1,930.38: its sums and the relations to 02 and 04 break.
    const s = wb.sheets[0];
    const first = s.rows.flatMap((row) => row ?? []).find((cell) => cell && cell.value === '1,920.38')!;
    first.value = '1,930.38';
    const findings = checkWorkbook(wb).findings.filter((f) => ['row-sum', 'table-sum', 'code-hierarchy', 'cross-equal', 'cross-le'].includes(f.rule));
    expect(findings.length).toBeGreaterThan(5);
    const known = new Set<string>([...NATIONAL_2023.tables.cross.map((x) => x.id)]);
    for (const t of NATIONAL_2023.tables.tables) {
      for (const r of [...(t.rowSums ?? []), ...(t.sums ?? [])]) known.add(`${t.id}/${r.id}`);
      known.add(`${t.id}/hierarchy`);
    }
    const unknown = findings.filter((f) => !known.has(f.relation ?? '')).map((f) => `${f.rule} ${f.relation}`);
    expect(unknown).toEqual([]);
    expect(findings.some((f) => f.relation && /^\d\d-\d\d/.test(f.relation))).toBe(true);
  });
});

describe('a finding names rows and columns as the table prints them, never by an internal key', () => {
  const { checkWorkbook } = require('../../check') as typeof import('../../check');
  const { textToWorkbook } = require('../../hosts/text/textDocument') as typeof import('../../hosts/text/textDocument');
  const { sampleText } = require('../../../tests/helpers/grid') as typeof import('../../../tests/helpers/grid');

  test.each([
    [
      '公开09 决算数合计 (the 三公 table has one data row, no label)',
      '26.03\t23.45\t2.58\t\t2.58\t\t26.03',
      '26.03\t23.45\t2.58\t\t2.58\t\t27.03',
      '公开09「决算数·合计」',
    ],
    ['公开03 合计 (the first of two such rows)', '合计\t\t1,920.38\t1,320.27\t600.11', '合计\t\t1,920.38\t1,320.27\t600.12', '公开03「合计」本年支出合计'],
  ])('%s', (_n, from, to, named) => {
    const text = sampleText();
    expect(text).toContain(from);
    const findings = checkWorkbook(textToWorkbook(text.replace(from, to), 's')).findings.filter(
      (f) => f.rule === 'row-sum' || f.rule === 'table-sum' || f.rule === 'cross-equal',
    );
    expect(findings.some((f) => f.message.includes(named))).toBe(true);
    expect(findings.filter((f) => /[a-z_]{3,}/.test(f.message)).map((f) => f.message)).toEqual([]);
  });
});
