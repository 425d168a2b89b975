import { scaffold, chineseNumeral } from '../build';
import { codesOfWorkbook, parseCodeList } from '../codesFrom';
import { recognize, RecognizedTable } from '../../recognize';
import { tableSet } from '../../editions';
import { checkWorkbook } from '../../check';
import { cellAt, Workbook } from '../../core/grid';
import { sampleWorkbook } from '../../../tests/helpers/grid';
import { TableSetSpec } from '../../specs/types';

/** The template: official layout, formulas for every total, recognized by our own checker. */

const set = tableSet(2023);
const CODES = ['2010301', '2010302', '2011308', '2080505', '2080506', '2101101', '2101103', '2210201'].map((code) => ({ code }));

function tables(wb: Workbook, of: TableSetSpec = set): Map<string, RecognizedTable> {
  return new Map(recognize(wb, of).tables.map((t) => [t.spec.id, t]));
}

describe('scaffold: structure', () => {
  const built = scaffold({ unit: '某某局', year: 2023, codes: CODES });
  const t = tables(built.workbook);

  test('writes the nine tables, each recognized by the checker, none incomplete', () => {
    expect(built.workbook.sheets.map((s) => s.name)).toEqual(set.tables.map((s) => s.code));
    for (const spec of set.tables) {
      const r = t.get(spec.id);
      expect(r).toBeDefined();
      expect(r!.missing).toEqual([]);
      expect(r!.truncated).toBeUndefined();
    }
  });

  test('adds the 类 and 款 of every 项 given, named from the 科目 table', () => {
    const gk03 = t.get('gk03')!;
    const codes = gk03.items.filter((i) => i.code).map((i) => i.code);
    expect(codes).toEqual([
      '201',
      '20103',
      '2010301',
      '2010302',
      '20113',
      '2011308',
      '208',
      '20805',
      '2080505',
      '2080506',
      '210',
      '21011',
      '2101101',
      '2101103',
      '221',
      '22102',
      '2210201',
    ]);
    expect(gk03.items.find((i) => i.code === '20805')!.label).toBe('行政事业单位养老支出');
  });

  test('every total is a formula, every leaf amount an input, all formatted #,##0.00', () => {
    const sheet = built.workbook.sheets.find((s) => s.name === '公开03')!;
    const gk03 = t.get('gk03')!;
    for (const it of gk03.items) {
      const leaf = it.code?.length === 7;
      for (const [key, c] of Object.entries(it.cols)) {
        const cell = cellAt(sheet, it.row, c)!;
        expect(cell.numFmt).toBe('#,##0.00');
        const isRowTotal = key === 'total';
        expect(!!cell.formula).toBe(!leaf || isRowTotal);
      }
    }
    // 公开01 takes its class rows from 公开03 and its income sources from 公开02.
    const gk01 = t.get('gk01')!;
    const s01 = built.workbook.sheets.find((s) => s.name === '公开01')!;
    const cls = gk01.items.find((i) => i.classCode === '208')!;
    expect(cellAt(s01, cls.row, cls.cols.exp)!.formula).toMatch(/^SUMIF\('公开03'!/);
    const sy = gk01.items.find((i) => i.key === 'inc_sy')!;
    expect(cellAt(s01, sy.row, sy.cols.inc)!.formula).toMatch(/^'公开02'!/);
  });

  test('unit, year and 表号 are printed; print setup is A4 landscape with frozen headers', () => {
    const s = built.workbook.sheets[0];
    const texts = s.rows
      .slice(0, 3)
      .flatMap((r) => (r ?? []).map((c) => c?.value))
      .filter(Boolean);
    expect(texts).toEqual(expect.arrayContaining(['部门：某某局', '2023年度', '公开01表', '金额单位：万元']));
    const lay = built.layouts['公开01'];
    expect(lay.landscape).toBe(true);
    expect(lay.freezeRows).toBeGreaterThan(3);
  });

  test('an empty template checks clean (blank is zero)', () => {
    const r = checkWorkbook(built.workbook);
    expect(r.summary).toEqual({ error: 0, warning: 0, info: 0 });
  });

  test("codes can come from last year's disclosure or a typed list", () => {
    const fromSeed = codesOfWorkbook(sampleWorkbook());
    expect(fromSeed.length).toBeGreaterThan(5);
    expect(fromSeed.every((c) => /^\d{3}(\d{2}){0,2}$/.test(c.code) && c.name)).toBe(true);
    const again = tables(scaffold({ unit: 'x', codes: fromSeed }).workbook).get('gk03')!;
    expect(
      again.items
        .filter((i) => i.code)
        .map((i) => i.code)
        .sort(),
    ).toEqual(fromSeed.map((c) => c.code).sort());
    expect(parseCodeList('2010301，2080505、 22102 abc 12')).toEqual({
      codes: [{ code: '2010301' }, { code: '2080505' }, { code: '22102' }],
      bad: ['abc', '12'],
    });
  });

  test.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [26, '二十六'],
  ])('numbering %i → %s', (n, s) => expect(chineseNumeral(n)).toBe(s));
});

describe('scaffold: the cells the unit types in', () => {
  test('are shaded and take numbers only in the written workbook; the totals (formulas) are neither', async () => {
    const { gridToExcel } = await import('../../hosts/xlsx/xlsxWrite');
    const built = scaffold({ unit: '某某局' });
    const excel = gridToExcel(built.workbook, built.layouts);
    const ws = excel.getWorksheet('公开03')!;
    const inputs = built.inputs['公开03'];
    expect(inputs.length).toBeGreaterThan(10);
    for (const p of inputs) {
      const cell = ws.getCell(p.r + 1, p.c + 1);
      expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFF2CC');
      expect(cell.dataValidation).toMatchObject({ type: 'decimal', allowBlank: true, showErrorMessage: true });
    }
    const formulas = built.formulas['公开03'];
    expect(formulas.length).toBeGreaterThan(10);
    for (const p of formulas) expect(ws.getCell(p.r + 1, p.c + 1).dataValidation?.type).toBeUndefined();
  });

  test('the totals are locked by sheet protection without a password; every other cell stays open', async () => {
    const { gridToExcel } = await import('../../hosts/xlsx/xlsxWrite');
    const ExcelJS = (await import('exceljs')).default;
    const built = scaffold({ unit: '某某局' });
    // Written and read back: what Excel will see in the file.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await gridToExcel(built.workbook, built.layouts).xlsx.writeBuffer()) as ArrayBuffer);
    for (const sheet of built.workbook.sheets) {
      const ws = back.getWorksheet(sheet.name)!;
      expect([sheet.name, ws.sheetProtection]).toMatchObject([sheet.name, { sheet: true, formatCells: true, insertRows: true }]);
      // No password: 审阅 → 撤销工作表保护 lifts it.
      expect(ws.sheetProtection.hashValue).toBeUndefined();
      const locked = (r: number, c: number) => ws.getCell(r + 1, c + 1).protection?.locked !== false;
      expect(built.formulas[sheet.name].every((p) => locked(p.r, p.c))).toBe(true);
      expect(built.inputs[sheet.name].every((p) => !locked(p.r, p.c))).toBe(true);
    }
    // A label cell and a row below the table (one the unit adds) are open to typing.
    const ws = back.getWorksheet('公开03')!;
    expect(ws.getCell('A1').protection?.locked).toBe(false);
    expect(ws.getColumn(2).protection?.locked).toBe(false);
  });
});
