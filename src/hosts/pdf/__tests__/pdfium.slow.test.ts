import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { spawnSync } from 'child_process';
import { rawPdf, textOp } from '../../../../tests/helpers/rawPdf';
import { ROOT, FIXTURES } from '../../../../tests/helpers/paths';
import { engineDifferences } from '../../../../tests/helpers/engines';

/**
 * PDFium under the reader's contract: the same findings as pdfjs on every corpus PDF (their boxes
 * within a hundredth of a point), and bounded work on hostile PDFs — a page of a million segments,
 * a path of 500,000 points, a stream that inflates to gigabytes, 3,000 pages.
 */

const BIN = path.join(ROOT, 'bin', 'juesuan.js');
const NODE_PDF = path.join(ROOT, 'dist', 'hosts', 'pdf', 'nodePdf.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-pdfium-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

beforeAll(() => {
  if (!fs.existsSync(NODE_PDF)) spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT });
});

/** Read a PDF in a fresh Node (its heap as small as given), returning what the reader made of it and how long it took. */
function read(file: string, heapMb = 512) {
  const check = JSON.stringify(path.join(ROOT, 'dist', 'check', 'index.js'));
  const script = `const t = Date.now(); require(${JSON.stringify(NODE_PDF)}).readPdfNode(new Uint8Array(require('fs').readFileSync(${JSON.stringify(file)})), 'x').then(
    (wb) => process.stdout.write(JSON.stringify({ ms: Date.now() - t, rows: wb.sheets[0].rows.length, limits: wb.readingLimits ?? [], first: String(wb.sheets[0].rows[0]?.[0]?.value ?? ''), last: String(wb.sheets[0].rows.at(-1)?.[0]?.value ?? ''),
      said: require(${check}).checkWorkbook(wb).findings.filter((f) => f.rule === 'reading-limits').map((f) => f.message) })),
    (e) => process.stdout.write(JSON.stringify({ error: e.message })))`;
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '-e', script], { encoding: 'utf8', timeout: 170000 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as {
    ms: number;
    rows: number;
    limits: { page: number; why: string }[];
    first: string;
    last: string;
    said: string[];
    error?: string;
  };
}

test('every corpus PDF: PDFium reads what pdfjs reads — the grid, the tables, the findings; places to the hundredth of a point', () => {
  const names = ['ghzy-2024.pdf', 'shgzb-2024.pdf', 'template-2024.pdf'];
  const got = engineDifferences(names.map((n) => path.join(FIXTURES, 'corpus', n)));
  expect(got.map((g) => [g.file, g.differ])).toEqual(names.map((n) => [n, []]));
  // (Not two empty readings: the sample's errors and the template's checks are there.)
  expect(got.map((g) => g.findings > 5)).toEqual([true, true, true]);
});

test('a page of a million segments is read in bounded time, said in one 警告; the page after it read as usual', () => {
  const ops: string[] = [textOp(100, 800, 'Table 1')];
  for (let i = 0; i < 1_000_000; i++) {
    const x = 50 + (i % 500);
    const y = 100 + (Math.floor(i / 500) % 600);
    ops.push(`${x} ${y} m ${x + 0.5} ${y} l S`);
  }
  const file = path.join(tmp, 'million.pdf');
  fs.writeFileSync(file, rawPdf([{ content: Buffer.from(ops.join('\n'), 'latin1') }, { content: Buffer.from(textOp(100, 800, 'Page two'), 'latin1') }]));
  const r = read(file);
  expect(r.error).toBeUndefined();
  expect(r.limits).toEqual([{ page: 1, why: expect.stringContaining('线条或对象过多') }]);
  expect(r.last).toBe('Page two');
  expect(r.ms).toBeLessThan(30000);
  expect(r.said).toEqual([expect.stringMatching(/^未能可靠读取第1页：线条或对象过多/)]);
});

test('a path of 500,000 points is a valid PDF, not a damaged one', () => {
  const ops = ['100 100 m'];
  for (let i = 0; i < 500_000; i++) ops.push(`${100 + (i % 300)} ${100 + (i % 400)} l`);
  ops.push('f');
  const file = path.join(tmp, 'longpath.pdf');
  fs.writeFileSync(file, rawPdf([{ content: Buffer.from(textOp(100, 800, 'Path') + ops.join('\n'), 'latin1') }]));
  const r = read(file);
  expect(r.error).toBeUndefined();
  expect(r.first).toBe('Path');
});

test('a stream that inflates to gigabytes is refused with a message, no stack trace, nothing on stderr', async () => {
  // 3 GB of spaces, deflated to about 3 MB.
  const deflate = zlib.createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((r) => deflate.on('end', r));
  const chunk = Buffer.alloc(64 << 20, 0x20);
  for (let i = 0; i < 48; i++) if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  const file = path.join(tmp, 'bomb.pdf');
  fs.writeFileSync(file, rawPdf([{ content: Buffer.from(textOp(100, 800, 'Bomb'), 'latin1') }, { content: Buffer.concat(parts), deflated: true }]));
  const c = spawnSync(process.execPath, [BIN, 'check', file], { encoding: 'utf8', timeout: 120000 });
  expect(c.status).toBe(2);
  expect(c.stderr).toBe('错误：PDF 文件过大或已损坏（解压后的内容超出可处理的范围），无法读取\n');
}, 150000);

test('3,000 pages are read page by page in a small heap', () => {
  const pages = Array.from({ length: 3000 }, (_, i) => ({ content: Buffer.from(textOp(100, 800, `Page ${i + 1}`) + textOp(100, 780, `2024 ${i}`), 'latin1') }));
  const file = path.join(tmp, 'pages.pdf');
  fs.writeFileSync(file, rawPdf(pages));
  const r = read(file, 128);
  expect(r.error).toBeUndefined();
  expect(r.first).toBe('Page 1');
  expect(r.last).toBe('2024 2999');
}, 170000);
