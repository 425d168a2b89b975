import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { checkFile } from '../../../app';
import { SAMPLE } from '../../../../tests/helpers/grid';
import { REPORT_HEADER } from '../../../core/flagPlan';

/** 审核报告 printed as a unit signs it: every page one page wide, the header row on each page. */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-report-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const office = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => fs.existsSync(p));
(office && fs.existsSync('/usr/bin/pdftotext') ? describe : describe.skip)('审核报告 printed through LibreOffice', () => {
  jest.setTimeout(120000);
  test('A4 landscape, all eleven columns on each page, the header repeated, every finding printed', async () => {
    const checked = path.join(dir, 'checked.xlsx');
    const result = await checkFile(SAMPLE, checked);
    // Print the report alone (the disclosure's own sheets have their own print settings).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(checked);
    for (const ws of [...wb.worksheets]) if (ws.name !== '审核报告') wb.removeWorksheet(ws.id);
    const report = path.join(dir, 'report.xlsx');
    await wb.xlsx.writeFile(report);
    execFileSync(office!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, report], {
      stdio: 'ignore',
      timeout: 110000,
    });
    const pdf = path.join(dir, 'report.pdf');
    const info = execFileSync('pdfinfo', [pdf]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
    expect(w).toBeGreaterThan(h); // landscape
    expect(Math.round(w)).toBe(842); // A4
    expect(pages).toBeGreaterThan(1);
    const numbers = new Set<number>();
    for (let p = 1; p <= pages; p++) {
      const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-']).toString();
      // The header row, whole, on every page: no column spilled onto a page of its own.
      const header = text.split('\n').find((l) => l.trim().startsWith('序号'));
      expect(header?.trim().split(/\s+/)).toEqual(REPORT_HEADER);
      for (const m of text.matchAll(/^\s*(\d+)\s+(错误|警告|提示|已说明)\s/gm)) numbers.add(Number(m[1]));
    }
    expect(numbers.size).toBe(result.findings.length);
    // Every message printed whole (a wrapped cell prints at the row height the file gives: without
    // one, LibreOffice and WPS cut it after its first line). pdftotext -raw keeps a cell's lines together.
    const raw = execFileSync('pdftotext', ['-raw', pdf, '-']).toString().replace(/\s+/g, '');
    const long = result.findings.filter((f) => f.message.length > 45);
    expect(long.length).toBeGreaterThan(10);
    const cut = long.filter((f) => !raw.includes(f.message.replace(/\s+/g, '')));
    expect(cut.map((f) => f.message)).toEqual([]);
  });
});
