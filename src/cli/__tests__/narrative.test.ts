import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { ROOT } from '../../../tests/helpers/paths';
import { SAMPLE } from '../../../tests/helpers/grid';
import { docxOfSheets } from '../../../tests/helpers/word';

/** check tables.xlsx --narrative 情况说明.docx: the 情况说明 a unit writes in Word, checked against the workbook's tables. */

const BIN = path.join(ROOT, 'bin', 'juesuan.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-narrative-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120000, maxBuffer: 64 << 20 });
const t = (n: string) => path.join(tmp, n);
/** A Word document of paragraphs, as Word writes one (the parts a reader needs). */
const wordOf = async (paragraphs: string[]) => docxOfSheets({ sheets: [{ name: '情况说明', rows: paragraphs.map((value) => [{ value }]), merges: [] }] });

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

/** The comments of a Word copy: each one's words, and how many ranges the body anchors. */
async function commentsOf(file: string): Promise<{ words: string[]; anchors: number }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const comments = (await zip.file('word/comments.xml')?.async('string')) ?? '';
  const body = await zip.file('word/document.xml')!.async('string');
  return {
    words: [...comments.matchAll(/<w:comment [^>]*w:author="决算公开助手"[^>]*>(.*?)<\/w:comment>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')),
    anchors: body.match(/<w:commentRangeStart /g)?.length ?? 0,
  };
}

test('with --out, the workbook is flagged and the Word 情况说明 comes back commented beside it', async () => {
  const r = run('check', t('tables.xlsx'), '--narrative', t('情况说明.docx'), '--out', t('x.xlsx'));
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
  expect(r.stdout).toContain(`情况说明的批注副本：${t('x.情况说明.docx')}`);
  const json = JSON.parse(run('check', t('tables.xlsx'), '--narrative', t('情况说明.docx'), '--json').stdout) as {
    findings: { sheet: string; message: string }[];
  };
  const narrative = json.findings.filter((f) => f.sheet === '情况说明（文档）');
  expect(narrative.length).toBeGreaterThan(3);
  const got = await commentsOf(t('x.情况说明.docx'));
  expect(got.anchors).toBe(got.words.length);
  for (const f of narrative) expect(got.words.some((w) => w.includes(f.message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))).toBe(true);
  // The workbook's report lists the narrative's findings too, by paragraph.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(t('x.xlsx'));
  const places: string[] = [];
  wb.getWorksheet('审核报告')!.eachRow((row) => places.push(String(row.getCell(4).text)));
  expect(places.some((p) => /^情况说明「.+」第 \d+ (段|项)$/.test(p))).toBe(true);
  // The unit's Word document itself is untouched.
  expect((await commentsOf(t('情况说明.docx'))).anchors).toBe(0);
});

test.each([
  ['a text 情况说明 with --out', ['--narrative', 'n.txt', '--out', 'y.xlsx'], '情况说明须是 Word 文档'],
  ['--out a PDF with --narrative', ['--narrative', '情况说明.docx', '--out', 'y.pdf'], '--out 是表格工作簿的副本'],
])('%s: refused, nothing written', (_, args, said) => {
  fs.writeFileSync(t('n.txt'), '本年支出合计 12.00 万元。');
  const r = run('check', t('tables.xlsx'), ...args.map((a) => (/\./.test(a) ? t(a) : a)));
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(said);
  expect(fs.existsSync(t('y.xlsx')) || fs.existsSync(t('y.pdf'))).toBe(false);
});

test('a commented copy already there is not overwritten without --force, and nothing else is written either', () => {
  fs.writeFileSync(t('z.情况说明.docx'), 'theirs');
  const r = run('check', t('tables.xlsx'), '--narrative', t('情况说明.docx'), '--out', t('z.xlsx'));
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('已存在');
  expect(fs.existsSync(t('z.xlsx'))).toBe(false);
  expect(fs.readFileSync(t('z.情况说明.docx'), 'utf8')).toBe('theirs');
});

test('a Word disclosure checked into a commented copy, its 审核报告 beside it; each copy only from its own kind', async () => {
  const r = run('check', t('情况说明.docx'), '--out', t('checked.docx'));
  expect(r.stderr).toBe('');
  expect(r.stdout).toContain('已写出加批注的 Word 文档');
  expect(fs.existsSync(t('checked.审核报告.xlsx'))).toBe(true);
  const got = await commentsOf(t('checked.docx'));
  expect(got.words.length).toBeGreaterThan(0);
  expect(got.anchors).toBe(got.words.length);
  const pdf = run('check', t('情况说明.docx'), '--out', t('checked3.pdf'));
  expect([pdf.status, pdf.stderr.trim()]).toEqual([2, expect.stringContaining('写出 .pdf 只适用于 PDF 文件')]);
  const word = run('check', t('tables.xlsx'), '--out', t('checked2.docx'));
  expect([word.status, word.stderr.trim()]).toEqual([2, expect.stringContaining('写出 .docx 只适用于 Word 文档')]);
  expect(fs.existsSync(t('checked2.docx')) || fs.existsSync(t('checked2.审核报告.xlsx')) || fs.existsSync(t('checked3.pdf'))).toBe(false);
});

test('a Word disclosure imported as a workbook: one sheet a table, the 情况说明 its own', async () => {
  const { docxOfText } = await import('../../bench/docx');
  fs.writeFileSync(t('公开.docx'), await docxOfText(fs.readFileSync(SAMPLE, 'utf8'), { styledHeadings: true }));
  const r = run('import', t('公开.docx'), '--out', t('公开.xlsx'));
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/已导入 \d+ 个工作表：.*公开01.*公开09.*情况说明/);
  expect(run('import', SAMPLE, '--out', t('样例导入.xlsx')).status).toBe(0);
  const whole = JSON.parse(run('check', t('样例导入.xlsx'), '--json').stdout) as { findings: { message: string }[] };
  const imported = JSON.parse(run('check', t('公开.xlsx'), '--json').stdout) as { findings: { message: string }[] };
  // (A row number is the imported sheet's own: a Word document has no blank lines between paragraphs.)
  const said = (fs: { message: string }[]) => fs.map((f) => f.message.replace(/第 ?\d+(–\d+)? ?行/g, '第N行')).sort();
  expect(said(imported.findings)).toEqual(said(whole.findings));
});
