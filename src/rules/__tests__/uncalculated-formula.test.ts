import ExcelJS from 'exceljs';
import { scaffold } from '../../scaffold/build';
import { gridToExcel } from '../../hosts/xlsx/xlsxWrite';
import { readXlsx } from '../../hosts/xlsx/xlsx';
import { recognize, cellPos } from '../../recognize';
import { tableSet } from '../../editions';
import { checkWorkbook, submitLine } from '../../check';
import { setCell, Workbook } from '../../core/grid';

/**
 * A template whose formulas were never calculated (written by a program that does not calculate,
 * filled in, saved without opening in Excel): totals are unknown, never 0 — one warning says so,
 * and no arithmetic error is made of them. A template with nothing filled in is 未填写.
 */

async function saved(wb: Workbook): Promise<Workbook> {
  // exceljs writes formulas without results, as such a program would.
  const buf = await gridToExcel(wb).xlsx.writeBuffer();
  const check = new ExcelJS.Workbook();
  await check.xlsx.load(buf as ArrayBuffer);
  return readXlsx(new Uint8Array(buf as ArrayBuffer));
}

test('a blank template is 未填写: no finding, not submittable', async () => {
  const r = checkWorkbook(await saved(scaffold({ unit: '某某局', year: 2023 }).workbook));
  expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  expect(r.verdict).toBe('未填写');
  expect(r.submittable).toBe(false);
  expect(submitLine(r)).toBe('未填写：公开表中还没有填写任何金额');
});

test('a filled template whose totals were never calculated: one warning, no false error', async () => {
  const built = scaffold({ unit: '某某局', year: 2023 });
  const set = tableSet(2023);
  const t03 = recognize(built.workbook, set).tables.find((t) => t.spec.id === 'gk03')!;
  const leaf = t03.items.find((i) => i.code?.length === 7)!;
  const sheet = built.workbook.sheets.find((s) => s.name === '公开03')!;
  setCell(sheet, leaf.row, cellPos(leaf, 'jb')!.c, { value: 120.5, numFmt: '#,##0.00' });
  const r = checkWorkbook(await saved(built.workbook));
  expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
  const warn = r.findings.filter((f) => f.rule === 'uncalculated-formula');
  expect(warn).toHaveLength(1);
  expect(warn[0].message).toMatch(/^工作簿中有 \d+ 个公式尚未计算出结果（如 .+!\w+\d+），涉及这些单元格的核对未执行/);
  expect(r.verdict).toBe('不可提交');
});
