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
  [
    'a row added to a table that grows by no row (公开06, an 经济分类 of the unit’s own)',
    (wb: Workbook) => {
      const s = sheet(wb, '公开06');
      const r = s.rows.findIndex((row) => rowLabel(row).includes('基本工资'));
      expect(r).toBeGreaterThan(0);
      s.rows.splice(r + 1, 0, [{ value: '30199' }, { value: '自定义费用' }, { value: 3 }]);
    },
    /^公开06 第\d+行「30199 自定义费用」是模板中没有的行/,
  ],
  [
    'a 科目 moved under another 类: said on its row, with the 类 it belongs to',
    (wb: Workbook) => {
      const s = sheet(wb, '公开03');
      const r = s.rows.findIndex((row) => rowLabel(row).startsWith('2080505'));
      const [row] = s.rows.splice(r, 1);
      const last = s.rows.findIndex((x) => rowLabel(x).startsWith('2210201'));
      s.rows.splice(last + 1, 0, row);
    },
    /^公开03 第\d+行「2080505 .+」被移到「221 .+」类下：应在「208 .+」类下/,
  ],
  [
    'a named row deleted (公开01 事业收入): said once, by its name',
    (wb: Workbook) => {
      const s = sheet(wb, '公开01');
      s.rows.splice(
        s.rows.findIndex((row) => rowLabel(row).endsWith('事业收入')),
        1,
      );
    },
    /^公开01 模板中的「[^」]*事业收入」行已被删除/,
  ],
  [
    'a named row renamed: one finding, the old name and the new, not a deletion and an addition',
    (wb: Workbook) => {
      const s = sheet(wb, '公开01');
      const row = s.rows.find((r) => rowLabel(r).endsWith('其他收入'))!;
      const cell = row.find((c) => String(c?.value ?? '').endsWith('其他收入'))!;
      cell.value = `${String(cell.value)}（利息）`;
    },
    /^公开01 第\d+行「[^」]*其他收入」被改为「[^」]*其他收入（利息）」/,
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

test('a 科目 row a unit adds to a coded table is where the template grows: nothing said', () => {
  const wb = copy();
  const s = sheet(wb, '公开03');
  const r = s.rows.findIndex((row) => rowLabel(row).startsWith('2010301'));
  s.rows.splice(r + 1, 0, [{ value: '2010302' }, { value: '一般行政管理事务' }, { value: 5 }, { value: 5 }]);
  expect(drift(wb)).toEqual([]);
});

test.each([
  [
    'a copy of version 1 told against version 2',
    ['决算模板结构', '全国通用-2025', '1', 'x'],
    /^本工作簿来自模板「全国通用-2025」第1版，核对所用的模板是「全国通用-2025」第2版/,
  ],
  ['a workbook of no template told against one', [], /^本工作簿不是由模板「全国通用-2025」第2版生成的/],
])('%s: said first, then what differs', (_, own, message) => {
  const wb = copy();
  wb.templateRecord![0] = [...wb.templateRecord![0].slice(0, 2), '2', ...wb.templateRecord![0].slice(3)];
  wb.templateCopyOf = own;
  const s = sheet(wb, '公开02');
  s.rows.flat().find((c) => c?.value === '项目')!.value = '科目';
  const found = drift(wb);
  expect(found.map((f) => f.message)).toEqual([expect.stringMatching(message), expect.stringMatching(/表头“项目”被改为“科目”/)]);
  // The same version told against itself: nothing but the change.
  wb.templateCopyOf = [...wb.templateRecord![0]];
  expect(drift(wb)).toHaveLength(1);
});

test('a 科目 row a unit leaves out (it has no such spending) is no drift: a coded table lists the 科目 a unit has', () => {
  const wb = copy();
  const s = sheet(wb, '公开03');
  s.rows.splice(
    s.rows.findIndex((row) => rowLabel(row).startsWith('2210201')),
    1,
  );
  expect(drift(wb)).toEqual([]);
});
