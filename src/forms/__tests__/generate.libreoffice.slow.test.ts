import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { formsFile } from '../../app';
import { listWorkbook } from '../../../tests/helpers/projectList';
import { readXlsx } from '../../hosts/xlsx/xlsx';
import { recognizeForms } from '../model';
import { checkWorkbook } from '../../check';
import { FORM_RULES } from '../../check/registry';
import { recalculatingProfile } from '../../../tests/helpers/libreoffice';

/** 项目清单 → forms with formulas; regeneration keeps what the user typed; LibreOffice recalculates. */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-forms-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function soffice(): string | undefined {
  return ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => fs.existsSync(p));
}

const office = soffice();
(office ? describe : describe.skip)('generated forms recalculated by LibreOffice', () => {
  jest.setTimeout(120000);
  test('progress, 预算执行率得分 and 自评总分 come out as the rules expect', async () => {
    const src = path.join(dir, 'lo-list.xlsx');
    await listWorkbook(src, [
      ['甲项目', 10, 0, 10, 8],
      ['乙项目', 5, 1, 6, 6],
    ]);
    const gen = path.join(dir, 'lo-forms.xlsx');
    await formsFile(src, gen, { year: 2023, stacked: true });
    // Fill every indicator as an accountant would: name, sign, target, actual, status, score.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(gen);
    const ws = wb.getWorksheet('绩效自评表')!;
    const scores: number[] = [];
    ws.eachRow((row, rn) => {
      const w = row.getCell(6).value;
      if (typeof w === 'number' && String(row.getCell(2).value ?? '') !== '预算执行率') {
        row.getCell(4).value = `指标${rn}`;
        row.getCell(7).value = '≥';
        row.getCell(8).value = 90;
        row.getCell(9).value = '%';
        row.getCell(10).value = '95%';
        row.getCell(11).value = '完成';
        row.getCell(12).value = w;
        scores.push(w);
      }
    });
    ws.getCell('B' + (ws.rowCount - 1)).value = '无';
    const filled = path.join(dir, 'lo-filled.xlsx');
    await wb.xlsx.writeFile(filled);
    const outDir = path.join(dir, 'lo-out');
    // Typed through exceljs, which computes nothing: LibreOffice recalculates on opening, as a
    // spreadsheet program recalculates while a person types.
    execFileSync(office!, ['--headless', '--norestore', recalculatingProfile(path.join(dir, 'recalc')), '--convert-to', 'xlsx', '--outdir', outDir, filled], {
      stdio: 'pipe',
      timeout: 100000,
    });
    const g = await readXlsx(fs.readFileSync(path.join(outDir, 'lo-filled.xlsx')));
    const forms = recognizeForms(g);
    expect(forms).toHaveLength(2);
    const [a, b] = forms;
    expect(a.budget.total!.value!.toNumber()).toBe(10);
    expect(a.executed.total!.value!.toNumber()).toBe(8);
    expect(a.progress!.value!.toNumber()).toBe(80);
    expect(a.rate!.score!.value!.toNumber()).toBe(8);
    expect(a.total!.value!.toNumber()).toBe(90 + 8);
    expect(b.budget.total!.value!.toNumber()).toBe(6);
    expect(b.rate!.score!.value!.toNumber()).toBe(10);
    expect(b.total!.value!.toNumber()).toBe(100);
    const r = checkWorkbook(g, { rules: FORM_RULES });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('forms as generated, untouched: not wrong before recalculation nor after, one 未填写 each', async () => {
    const src = path.join(dir, 'lo-list2.xlsx');
    await listWorkbook(src, [
      ['丙项目', 10, 0, 10, 8],
      ['丁项目', 5, 1, 6, 6],
    ]);
    const gen = path.join(dir, 'lo-fresh.xlsx');
    await formsFile(src, gen, { year: 2023 });
    const outDir = path.join(dir, 'lo-fresh-out');
    execFileSync(office!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', outDir, gen], {
      stdio: 'pipe',
      timeout: 100000,
    });
    for (const file of [gen, path.join(outDir, 'lo-fresh.xlsx')]) {
      const r = checkWorkbook(await readXlsx(fs.readFileSync(file)), { rules: FORM_RULES });
      expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([
        ['form-blank', 'warning'],
        ['form-blank', 'warning'],
      ]);
    }
  });
});
