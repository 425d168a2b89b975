import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { ROOT } from '../../../tests/helpers/paths';
import { SAMPLE } from '../../../tests/helpers/grid';

/** check tables.xlsx --narrative 情况说明.docx: the 情况说明 a unit writes in Word, checked against the workbook's tables. */

const BIN = path.join(ROOT, 'bin', 'juesuan.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-narrative-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120000, maxBuffer: 64 << 20 });
const t = (n: string) => path.join(tmp, n);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Word document of paragraphs, as Word writes one (the parts a reader needs). */
async function wordOf(paragraphs: string[]): Promise<Buffer> {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT });
});

test('the sample’s tables in a workbook and its 情况说明 in a Word document give the sample’s findings', async () => {
  expect(run('import', SAMPLE, '--out', t('whole.xlsx')).status).toBe(0);
  // The workbook without its 情况说明 sheet; that sheet's paragraphs as a Word document.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(t('whole.xlsx'));
  const sheet = wb.getWorksheet('情况说明')!;
  const paragraphs: string[] = [];
  sheet.eachRow((row) => {
    const v = row.getCell(1).value;
    if (typeof v === 'string' && v.trim()) paragraphs.push(v);
  });
  expect(paragraphs.length).toBeGreaterThan(20);
  wb.removeWorksheet(sheet.id);
  await wb.xlsx.writeFile(t('tables.xlsx'));
  fs.writeFileSync(t('情况说明.docx'), await wordOf(paragraphs));
  const messages = (r: ReturnType<typeof run>) => (JSON.parse(r.stdout) as { findings: { message: string }[] }).findings.map((f) => f.message).sort();
  const whole = run('check', t('whole.xlsx'), '--json');
  const apart = run('check', t('tables.xlsx'), '--narrative', t('情况说明.docx'), '--json');
  expect(apart.stderr).toBe('');
  expect(messages(apart)).toEqual(messages(whole));
  // Without the Word document, the narrative's findings are not there: it is what was checked.
  expect(messages(run('check', t('tables.xlsx'), '--json')).length).toBeLessThan(messages(whole).length);
});

test('with --out, --narrative says it writes no flagged copy yet, and writes nothing', () => {
  const r = run('check', t('tables.xlsx'), '--narrative', t('情况说明.docx'), '--out', t('x.xlsx'));
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('--narrative 目前只用于核对');
  expect(fs.existsSync(t('x.xlsx'))).toBe(false);
});
