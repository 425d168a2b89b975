import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync, spawnSync } from 'child_process';
import { scaffold } from '../../../scaffold/build';
import { recognize, RecognizedTable } from '../../../recognize';
import { EDITIONS } from '../../../editions';
import { GONGNENG_2023 } from '../../../editions/national2023/kemuGongneng';
import { gridToExcel } from '../../xlsx/xlsxWrite';
import { readXlsx } from '../../xlsx/xlsx';
import { setCell, cellAt, Workbook } from '../../../core/grid';
import { readAmount } from '../../../core/amount';
import { engineDifferences } from '../../../../tests/helpers/engines';

/**
 * Round trip: both table sets scaffolded, filled with figures of our own (some cells left empty, the
 * long wrapped 科目 names, 表三 running over a page), printed to PDF by LibreOffice, then read back
 * from the PDF's pages: every amount of every recognized row equals the workbook's.
 */

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const office = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => fs.existsSync(p));
// Without a Chinese font LibreOffice prints every Chinese character as the same missing glyph.
const chineseFont = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.trim();
if (office && !chineseFont) console.warn('跳过 PDF 往返测试：本机没有中文字体（CI 安装 fonts-wqy-zenhei）');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-pdf-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

// Enough 项 to run 表三 over a page, long names among them.
const CODES = GONGNENG_2023.filter((k) => k.code.length === 7 && /^(201|208|210|221)/.test(k.code))
  .slice(0, 45)
  .map((k) => ({ code: k.code }));

function convert(input: string, to: 'pdf' | 'xlsx', dir: string): string {
  const out = path.join(dir, to);
  execFileSync(office!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', to, '--outdir', out, input], {
    stdio: 'pipe',
    timeout: 110000,
  });
  return path.join(out, path.basename(input).replace(/\.xlsx$/, `.${to}`));
}

/** A PDF as the grid model, read by the built code in Node (pdfjs is an ES module jest does not load). */
function readPdf(file: string): Workbook {
  const script = `require(${JSON.stringify(path.join(ROOT, 'dist', 'hosts', 'files.js'))}).readDisclosure(${JSON.stringify(file)}).then((r) => process.stdout.write(JSON.stringify(r.workbook)))`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 110000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

/** Every row's amounts, by table, row (科目编码 or key) and column: "" for an empty cell. */
function amounts(tables: RecognizedTable[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of tables)
    for (const it of t.items) {
      const row = it.code ?? it.key ?? it.classCode ?? it.label;
      for (const col in it.cols) {
        const a = readAmount(cellAt(t.sheet, it.row, it.cols[col]));
        out.set(`${t.spec.code}|${it.side ?? ''}|${row}|${col}`, a.kind === 'num' ? a.value.toFixed(2) : a.kind === 'blank' ? '' : `文字:${a.text}`);
      }
    }
  return out;
}

(office && chineseFont && fs.existsSync(path.join(ROOT, 'dist', 'hosts', 'files.js')) ? describe : describe.skip)(
  'a template printed to PDF and read back',
  () => {
    jest.setTimeout(300000);
    test.each(EDITIONS.map((e) => [e.name, e] as const))('%s: every amount read from the PDF equals the workbook’s', async (_n, edition) => {
      const built = scaffold({ unit: '某某局', edition: edition.id, codes: CODES });
      const wb = built.workbook;
      let seed = 11;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
      // Typed cells (not formulas) of every recognized row get a figure; every seventh stays empty.
      for (const t of recognize(wb, edition.tables).tables)
        for (const it of t.items)
          for (const col in it.cols) {
            const c = it.cols[col];
            if (cellAt(t.sheet, it.row, c)?.formula || next() % 7 === 0) continue;
            setCell(t.sheet, it.row, c, { value: (next() % 900000) / 100, numFmt: '#,##0.00' });
          }
      const dir = fs.mkdtempSync(path.join(base, `${edition.id}-`));
      const input = path.join(dir, 'filled.xlsx');
      await gridToExcel(wb, built.layouts).xlsx.writeFile(input);
      const recalculated = await readXlsx(fs.readFileSync(convert(input, 'xlsx', dir)), 'filled.xlsx');
      const pdf = convert(input, 'pdf', dir);
      const printed = readPdf(pdf);
      // PDFium (the reader here) and pdfjs read the printed template alike.
      expect(engineDifferences([pdf])[0].differ).toEqual([]);

      const want = amounts(recognize(recalculated, edition.tables).tables);
      const got = amounts(recognize(printed, edition.tables).tables);
      expect(new Set(recognize(printed, edition.tables).tables.map((t) => t.spec.code))).toEqual(
        new Set(recognize(recalculated, edition.tables).tables.map((t) => t.spec.code)),
      );
      const differ = [...want].filter(([k, v]) => got.get(k) !== v).map(([k, v]) => `${k}: 工作簿 ${v}，PDF ${got.get(k)}`);
      expect(differ).toEqual([]);
      expect(want.size).toBeGreaterThan(200);
    });
  },
);
