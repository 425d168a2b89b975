import ExcelJS from 'exceljs';
import { scaffold } from '../../scaffold/build';
import { checkWorkbook } from '../../check';
import { templateDrift } from '../template-drift';
import { TEMPLATE_SHEET, rowLabel } from '../../core/templateRecord';
import { Workbook, Sheet } from '../../core/grid';
import { gridToExcel } from '../../hosts/xlsx/xlsxWrite';
import { excelToGrid } from '../../hosts/xlsx/xlsx';
import { FakeBook } from '../../../tests/helpers/fakeExcel';
import { readWorkbook } from '../../hosts/office/officeExcel';

/** A unit's copy told against the template it came from: what it deleted or typed over, and nothing it may change. */

const CODES = ['2010301', '2080505', '2210201'].map((code) => ({ code }));

/** The template as a unit's workbook reads back (the record beside the grid, as both hosts give it). */
function copy(): Workbook {
  const built = scaffold({ unit: '某某局', year: 2025, codes: CODES });
  return {
    sheets: built.workbook.sheets,
    templateRecord: built.record.rows.map((row) => (row ?? []).map((c) => String(c?.value ?? ''))),
  };
}
const drift = (wb: Workbook) => checkWorkbook(wb, { rules: [templateDrift] }).findings;
const sheet = (wb: Workbook, name: string) => wb.sheets.find((s) => s.name === name)!;
const formulaRow = (s: Sheet) => s.rows.findIndex((row) => (row ?? []).some((c) => c?.formula) && rowLabel(row).includes('合计'));

test('as written: nothing drifted; amounts typed in the input cells change nothing', () => {
  const wb = copy();
  expect(drift(wb)).toEqual([]);
  // An amount typed beside the formulas.
  const s = sheet(wb, '公开05');
  const r = s.rows.findIndex((row) => rowLabel(row).startsWith('2010301'));
  // The first amount column without a formula (the unit's to type in).
  const c = s.rows[r].findIndex((x, k) => k > 0 && !x?.formula && typeof x?.value !== 'string');
  expect(c).toBeGreaterThan(0);
  s.rows[r][c] = { value: 12.5 };
  expect(drift(wb)).toEqual([]);
});

test.each([
  [
    'a total typed over with a number: said on its cell, with its table, row and the figure',
    (wb: Workbook) => {
      const s = sheet(wb, '公开05');
      const r = formulaRow(s);
      const c = s.rows[r].findIndex((x) => x?.formula);
      s.rows[r][c] = { value: 1234 };
    },
    /^公开05 第\d+行「.*合计.*」的公式被改为数值 1,234\.00/,
  ],
  [
    'a table’s sheet deleted: once, by its name',
    (wb: Workbook) => void wb.sheets.splice(wb.sheets.indexOf(sheet(wb, '公开07')), 1),
    /工作表“公开07”已被删除或改名/,
  ],
  [
    'a header changed',
    (wb: Workbook) => {
      const s = sheet(wb, '公开02');
      const cell = s.rows.flat().find((c) => c?.value === '项目')!;
      cell.value = '科目';
    },
    /公开02 表头“项目”被改为“科目”/,
  ],
])('%s', (_, change, message) => {
  const wb = copy();
  change(wb);
  const found = drift(wb);
  expect(found).toHaveLength(1);
  expect(found[0].message).toMatch(message);
  expect([found[0].severity, found[0].rule]).toEqual(['warning', 'template-drift']);
});

test('rows inserted above a total move nothing: its formula is found in its row by its label', () => {
  const wb = copy();
  const s = sheet(wb, '公开05');
  const r = formulaRow(s);
  s.rows.splice(r, 0, [], []);
  expect(drift(wb)).toEqual([]);
});

test('a workbook that is no copy of a template is not told against anything', () => {
  const wb = copy();
  delete wb.templateRecord;
  sheet(wb, '公开05').rows[formulaRow(sheet(wb, '公开05'))] = [];
  expect(drift(wb)).toEqual([]);
});

test('both hosts read the record beside the grid, not as a sheet to check', async () => {
  const built = scaffold({ unit: '某某局', year: 2025, codes: CODES });
  const withRecord = { sheets: [...built.workbook.sheets, built.record] };
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.load((await gridToExcel(withRecord, { ...built.layouts, [TEMPLATE_SHEET]: { veryHidden: true } }).xlsx.writeBuffer()) as ArrayBuffer);
  expect(excel.getWorksheet(TEMPLATE_SHEET)!.state).toBe('veryHidden');
  const fromFile = excelToGrid(excel, 't.xlsx');
  expect(fromFile.sheets.map((s) => s.name)).not.toContain(TEMPLATE_SHEET);
  expect(fromFile.templateRecord!.length).toBeGreaterThan(50);
  const book = FakeBook.fromGrid(withRecord);
  const fromExcel = await readWorkbook(book.context() as unknown as Excel.RequestContext);
  expect(fromExcel.sheets.map((s) => s.name)).not.toContain(TEMPLATE_SHEET);
  expect(fromExcel.templateRecord).toEqual(fromFile.templateRecord);
  expect(checkWorkbook(fromFile).findings.filter((f) => f.rule === 'template-drift')).toEqual([]);
});
