import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { unitWorkbook, UnitSpec } from '../../bench/units';
import { unitFigures } from '../unit';
import { consolidate } from '../build';
import { namesFromText } from '../names';
import { checkWorkbook } from '../../check';
import { gridToExcel } from '../../hosts/xlsx/xlsxWrite';
import { readXlsx } from '../../hosts/xlsx/xlsx';
import { recalculatingProfile } from '../../../tests/helpers/libreoffice';
import { OFFICE } from '../../../tests/helpers/layoutRun';

/**
 * A real spreadsheet recalculates the 汇总: every formula's value is what the file already carried
 * (the core's worked-out values are a spreadsheet's), and the recalculated workbook checks clean.
 */

const SPECS: UnitSpec[] = [
  { name: '东湖区水务局本级', seed: 201, toChildren: 45.5, fromChildren: 12 },
  { name: '东湖区水文站', seed: 202, fromParent: 30, toParent: 12 },
  { name: '东湖区水利所', seed: 203, fromParent: 15.5 },
  { name: '东湖区排涝站', seed: 204, codes: ['2130101', '2210201'] },
];

test('LibreOffice recalculates the 汇总 to the values it carries, and it checks clean', async () => {
  expect(OFFICE).toBeDefined();
  const units = SPECS.map((s) => unitFigures(unitWorkbook(s), checkWorkbook(unitWorkbook(s)), s.name + '.xlsx'));
  const names = namesFromText(SPECS.map((s, i) => (i ? `${s.name}\t${SPECS[0].name}` : s.name)).join('\n'));
  const result = consolidate(units, { names });
  expect(result.netting.filter((x) => x.child === '合计').map((x) => x.how.slice(0, 3))).toEqual(['已抵消', '已抵消']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-consolidate-lo-'));
  try {
    const input = path.join(dir, '汇总.xlsx');
    await gridToExcel(result.workbook, result.layouts).xlsx.writeFile(input);
    const outDir = path.join(dir, 'out');
    execFileSync(OFFICE!, ['--headless', '--norestore', recalculatingProfile(path.join(dir, 'recalc')), '--convert-to', 'xlsx', '--outdir', outDir, input], {
      stdio: 'pipe',
      timeout: 100000,
    });
    const recalculated = await readXlsx(fs.readFileSync(path.join(outDir, '汇总.xlsx')), '汇总.xlsx');
    let formulas = 0;
    for (const sheet of result.workbook.sheets) {
      const again = recalculated.sheets.find((s) => s.name === sheet.name)!;
      sheet.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell?.formula) return;
          formulas++;
          const v = again.rows[r]?.[c]?.value;
          expect([sheet.name, r, c, typeof v === 'number' ? Math.round(v * 100) / 100 : v]).toEqual([sheet.name, r, c, cell.value]);
        }),
      );
    }
    expect(formulas).toBeGreaterThan(300);
    const checked = checkWorkbook(recalculated);
    expect(checked.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(checked.verdict).toBe('可提交');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 180000);
