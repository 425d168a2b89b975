import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * A 200-page PDF is read page by page: each page's objects are released before the next is read,
 * so the reader runs in a small heap (96 MB here) and every page's table comes out.
 */

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const NODE_PDF = path.join(ROOT, 'dist', 'hosts', 'pdf', 'nodePdf.js');

(fs.existsSync(NODE_PDF) ? test : test.skip)(
  '200 pages, each with a ruled table, read in a 96 MB heap',
  async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let n = 1; n <= 200; n++) {
      const page = doc.addPage([595, 842]);
      page.drawText(`Table ${n}`, { x: 250, y: 780, size: 14, font });
      // A 3 × 4 ruled table: rows 20 pt high, columns 120 pt wide.
      for (let r = 0; r <= 4; r++) page.drawLine({ start: { x: 50, y: 740 - r * 20 }, end: { x: 410, y: 740 - r * 20 }, thickness: 0.5 });
      for (let c = 0; c <= 3; c++) page.drawLine({ start: { x: 50 + c * 120, y: 740 }, end: { x: 50 + c * 120, y: 660 }, thickness: 0.5 });
      for (let r = 0; r < 4; r++) for (let c = 0; c < 3; c++) page.drawText(`${n}.${r}${c}`, { x: 60 + c * 120, y: 726 - r * 20, size: 10, font });
      page.drawText(String(n), { x: 295, y: 30, size: 9, font });
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-pages-')), 'many.pdf');
    fs.writeFileSync(file, await doc.save());
    const script = `require(${JSON.stringify(NODE_PDF)}).readPdfNode(new Uint8Array(require('fs').readFileSync(${JSON.stringify(file)})), 'many').then((wb) => {
    const rows = wb.sheets[0].rows;
    const cells = rows.filter((r) => r.filter(Boolean).length === 3);
    process.stdout.write(JSON.stringify({ rows: rows.length, tableRows: cells.length, last: cells[cells.length - 1].map((c) => c.value), page: cells[cells.length - 1][0].box.page }));
  })`;
    const r = spawnSync(process.execPath, ['--max-old-space-size=96', '-e', script], { encoding: 'utf8', timeout: 170000 });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.tableRows).toBe(800);
    expect(out.last).toEqual(['200.30', '200.31', '200.32']);
    expect(out.page).toBe(200);
    // The page numbers at the foot are not rows.
    expect(out.rows).toBe(1000);
  },
  180000,
);
