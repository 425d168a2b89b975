import { evaluateFormulas, parseFormula, FormulaError } from '../formula';
import { Workbook, Sheet, newSheet, setCell, parseA1 } from '../grid';

/** A workbook from { sheet: { A1: value or '=formula' } }. */
function book(spec: Record<string, Record<string, string | number>>): Workbook {
  const sheets: Sheet[] = [];
  for (const [name, cells] of Object.entries(spec)) {
    const s = newSheet(name);
    for (const [addr, v] of Object.entries(cells)) {
      const { r, c } = parseA1(addr)!;
      if (typeof v === 'string' && v.startsWith('=')) setCell(s, r, c, { value: null, formula: v.slice(1) });
      else setCell(s, r, c, { value: v });
    }
    sheets.push(s);
  }
  return { sheets };
}

const valueAt = (wb: Workbook, sheet: string, addr: string) => {
  const { r, c } = parseA1(addr)!;
  return wb.sheets.find((s) => s.name === sheet)!.rows[r]?.[c]?.value;
};

describe('the values of the formulas a template holds, worked out before any spreadsheet recalculates them', () => {
  test.each([
    ['a row total: 合计 = 基本支出 + 项目支出', { A1: 12.5, B1: 7.25, C1: '=A1+B1' }, 'C1', 19.75],
    ['amounts in cents add exactly (no 0.30000000000000004)', { A1: 0.1, A2: 0.2, A3: '=A1+A2' }, 'A3', 0.3],
    ['a difference: 年末 = 年初 + 收入 − 支出', { A1: 10, B1: 5, C1: 3, D1: '=A1+B1-C1' }, 'D1', 12],
    ['a column sum over a range, blanks and texts as 0', { A1: 1, A2: '无', A4: 2.5, A5: '=SUM(A1:A4)' }, 'A5', 3.5],
    [
      'a total over the 类 rows only: SUMPRODUCT((LEN(codes)=3)*amounts)',
      { A1: '201', B1: 10, A2: '20101', B2: 4, A3: '205', B3: 6, B4: '=SUMPRODUCT((LEN($A$1:$A$3)=3)*$B$1:$B$3)' },
      'B4',
      16,
    ],
    [
      'a 类 taken by its code: SUMIF(codes,"205",amounts)',
      { A1: '201', B1: 10, A2: '205', B2: 6, A3: '205', B3: 1, C1: '=SUMIF($A$1:$A$3,"205",$B$1:$B$3)' },
      'C1',
      7,
    ],
    ['a formula of formulas, in any order', { A1: '=B1*2', B1: '=C1+1', C1: 4 }, 'A1', 10],
    ['a negative amount and parentheses', { A1: 3, B1: '=-(A1+1)*2' }, 'B1', -8],
  ])('%s', (_what, cells, at, expected) => {
    const wb = book({ 公开03: cells as Record<string, string | number> });
    const { failed } = evaluateFormulas(wb);
    expect(failed).toEqual([]);
    expect(valueAt(wb, '公开03', at)).toBe(expected);
  });

  test('a reference to another sheet, quoted or not', () => {
    const wb = book({ 公开02: { E7: 120.3 }, "Q'1": { A1: 1 }, 公开01: { C5: "='公开02'!$E$7+公开02!E7", C6: "='Q''1'!A1" } });
    expect(evaluateFormulas(wb).failed).toEqual([]);
    expect(valueAt(wb, '公开01', 'C5')).toBe(240.6);
    expect(valueAt(wb, '公开01', 'C6')).toBe(1);
  });

  test.each([
    ['a function the template never writes', '=VLOOKUP(A1,B1:C2,2)', '不支持的函数 VLOOKUP'],
    ['a sheet that is not there', "='公开99'!A1", '工作表“公开99”不存在'],
    ['a cycle', '=B1', '循环引用'],
    ['a SUMIF with a comparison', '=SUMIF(A1:A2,">5",A1:A2)', '只支持等于'],
    ['a formula cut short', '=A1+', '不完整'],
  ])('%s is refused by name and its value left as it was', (_what, formula, why) => {
    const wb = book({ 表: { A1: 1, B1: '=C1', C1: formula.includes('B1') ? '=B1' : 2, D1: formula } });
    wb.sheets[0].rows[0][3]!.value = 'kept';
    const { failed } = evaluateFormulas(wb);
    expect(failed.map((f) => f.why).join('；')).toContain(why);
    if (!formula.includes('B1')) expect(valueAt(wb, '表', 'D1')).toBe('kept');
  });

  test('a cell on a failed formula fails too, and says why', () => {
    const wb = book({ 表: { A1: '=FOO(1)', A2: '=A1+1', A3: '=1+1' } });
    const { failed, evaluated } = evaluateFormulas(wb);
    expect(failed.map((f) => f.cell)).toEqual(['A1', 'A2']);
    expect(evaluated).toBe(1);
  });

  test('LOG10( is read as a function, not as the cell LOG10', () => {
    expect(() => parseFormula('LOG10(100)', '表')).not.toThrow();
    expect(parseFormula('LOG10(100)', '表')).toMatchObject({ k: 'call', name: 'LOG10' });
    expect(() => parseFormula('A1 B1', '表')).toThrow(FormulaError);
  });
});
