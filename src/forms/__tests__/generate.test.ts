import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { formsFile } from '../../app';
import { listWorkbook } from '../../../tests/helpers/projectList';
import { readXlsx } from '../../hosts/xlsx/xlsx';
import { recognizeForms } from '../model';
import { formSheetName } from '../generate';

/** 项目清单 → forms with formulas; regeneration keeps what the user typed; LibreOffice recalculates. */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-forms-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('generating forms from 项目清单', () => {
  test('one sheet per project, named within 31 characters, recognized as forms', async () => {
    const src = path.join(dir, 'list.xlsx');
    await listWorkbook(src, [
      ['办公楼维修改造工程（一期）：屋面防水及外立面修缮项目', 20, 5, 25, 24],
      ['培训费', 1, 0, 1, 1],
    ]);
    const out = path.join(dir, 'forms.xlsx');
    const r = await formsFile(src, out, { year: 2023 });
    expect(r.added).toHaveLength(2);
    expect(r.added.every((n) => n.length <= 31 && !/[\[\]:*?/\\]/.test(n))).toBe(true);
    const fresh = recognizeForms(await readXlsx(fs.readFileSync(out)));
    expect(fresh.map((f) => f.name)).toEqual(['办公楼维修改造工程（一期）：屋面防水及外立面修缮项目', '培训费']);
    // Untouched, a form is one not filled in yet (its blanks are not errors).
    expect(fresh.map((f) => f.unfilled)).toEqual([true, true]);
    // One score typed in: every part of it is read.
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(out);
    const ws = excel.getWorksheet(r.added[0])!;
    let scoreCell: ExcelJS.Cell | undefined;
    ws.eachRow((row) => {
      if (!scoreCell && /指标$/.test(String(row.getCell(3).value ?? '')) && typeof row.getCell(6).value === 'number') scoreCell = row.getCell(12);
    });
    scoreCell!.value = 18;
    const typed = path.join(dir, 'typed.xlsx');
    await excel.xlsx.writeFile(typed);
    const forms = recognizeForms(await readXlsx(fs.readFileSync(typed)));
    expect(forms[0].unfilled).toBeUndefined();
    expect(forms[0].indicators.map((i) => i.level2)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '服务对象满意度指标']);
    expect(forms[0].indicators.reduce((a, i) => a + i.weight.value!.toNumber(), 0)).toBe(90);
    expect(forms[0].rate).toBeDefined();
    expect(forms[0].total).not.toBeUndefined();
  });

  test('sheet names stay unique and legal', () => {
    const taken = new Set<string>();
    const a = formSheetName(1, '网络/系统*安全[防护]服务费'.repeat(3), taken);
    const b = formSheetName(1, '网络/系统*安全[防护]服务费'.repeat(3), taken);
    expect(a).not.toBe(b);
    for (const n of [a, b]) expect(n.length).toBeLessThanOrEqual(31);
    expect(a).not.toMatch(/[\[\]:*?/\\]/);
  });

  test('a workbook without a list gets an empty 项目清单 to fill in', async () => {
    const src = path.join(dir, 'empty.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('公开01');
    await wb.xlsx.writeFile(src);
    const r = await formsFile(src, path.join(dir, 'empty-out.xlsx'));
    expect(r.listAdded).toBe(true);
    const g = await readXlsx(fs.readFileSync(path.join(dir, 'empty-out.xlsx')));
    expect(g.sheets.map((s) => s.name)).toEqual(['公开01', '项目清单']);
  });

  test('regenerating keeps the forms the user already filled in and adds the new projects', async () => {
    const src = path.join(dir, 'list2.xlsx');
    await listWorkbook(src, [['培训费', 1, 0, 1, 1]]);
    const first = path.join(dir, 'first.xlsx');
    await formsFile(src, first, { year: 2023 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const formSheet = wb.worksheets.find((w) => w.name !== '项目清单')!;
    formSheet.getCell('L13').value = 18; // a score the user typed
    wb.getWorksheet('项目清单')!.addRow(['裸纤租用费', '某某局', 14.8, 0, 14.8, 0, 14.8, 0, '']);
    const edited = path.join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const again = path.join(dir, 'again.xlsx');
    const r = await formsFile(edited, again, { year: 2023 });
    expect(r.kept).toBe(1);
    expect(r.added).toHaveLength(1);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(again);
    expect(back.getWorksheet(formSheet.name)!.getCell('L13').value).toBe(18);
    expect(recognizeForms(await readXlsx(fs.readFileSync(again))).map((f) => f.name)).toEqual(['培训费', '裸纤租用费']);
  });

  test('stacked: all forms in one sheet, each recognized', async () => {
    const src = path.join(dir, 'list3.xlsx');
    await listWorkbook(src, [
      ['甲项目', 10, 0, 10, 8],
      ['乙项目', 5, 1, 6, 6],
      ['丙项目', 3, 0, 3, 3],
    ]);
    const out = path.join(dir, 'stacked.xlsx');
    await formsFile(src, out, { year: 2023, stacked: true });
    const g = await readXlsx(fs.readFileSync(out));
    expect(g.sheets.map((s) => s.name)).toEqual(['项目清单', '绩效自评表']);
    expect(recognizeForms(g).map((f) => f.name)).toEqual(['甲项目', '乙项目', '丙项目']);
  });
});
