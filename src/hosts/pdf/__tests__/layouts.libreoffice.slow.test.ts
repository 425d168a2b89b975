import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { LAYOUTS } from '../../../../tests/helpers/layouts';
import { runLayouts, OFFICE, LayoutResult } from '../../../../tests/helpers/layoutRun';
import { ROOT } from '../../../../tests/helpers/paths';

/**
 * The sample's nine tables in every layout published disclosures print them in (both table sets),
 * written as workbooks, printed by LibreOffice and read back from the PDF: every amount, code and
 * name equal to the workbook's, the workbook's equal to the plain grid's (its figures in 万元 where
 * a table is in 元), and the checker's findings on each PDF equal to its findings on the workbook.
 */

const chineseFont = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.trim();
const built = fs.existsSync(path.join(ROOT, 'dist', 'hosts', 'files.js'));
if (!OFFICE || !chineseFont) console.warn('跳过版式往返测试：本机没有 LibreOffice 或中文字体（CI 安装 libreoffice-calc、fonts-wqy-zenhei）');

(OFFICE && chineseFont && built ? describe : describe.skip)('the sample’s tables in every layout, printed to PDF and read back', () => {
  jest.setTimeout(900000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-layouts-'));
  let results: LayoutResult[] = [];
  beforeAll(async () => {
    results = await runLayouts(LAYOUTS, dir);
    fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
    const summary = results.map((r) => ({
      layout: r.layout,
      edition: r.edition,
      tables: `${r.tablesPdf.length}/${r.tablesXlsx.length}`,
      amountsEqual: `${r.compared - r.differ.length}/${r.compared}`,
      errorsWorkbook: r.errorsXlsx,
      errorsPdf: r.errorsPdf,
      findingsOnlyInPdf: r.onlyPdf.length,
      findingsOnlyInWorkbook: r.onlyXlsx.length,
    }));
    fs.writeFileSync(path.join(ROOT, 'test-output', 'layouts.json'), JSON.stringify(summary, null, 1));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('at least twelve layouts, both table sets', () => {
    expect(LAYOUTS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(results.map((r) => r.edition)).size).toBe(2);
  });

  test.each(LAYOUTS.map((l) => [l.id]))('%s: every table, every amount, code and name read from the PDF as the workbook holds it', (id) => {
    for (const r of results.filter((x) => x.layout === id)) {
      expect(r.tablesPdf).toEqual(r.tablesXlsx);
      expect(r.tablesPdf).toHaveLength(9);
      // (As typed, names clipped by the next cell are not compared: figures and codes are.)
      expect(r.compared).toBeGreaterThan(700);
      expect(r.differ).toEqual([]);
    }
  });

  test.each(LAYOUTS.filter((l) => !l.negatives).map((l) => [l.id]))('%s: the workbook holds the plain grid’s figures (in 万元)', (id) => {
    for (const r of results.filter((x) => x.layout === id)) expect(r.differTruth).toEqual([]);
  });

  test.each(LAYOUTS.map((l) => [l.id]))('%s: the checker finds on the PDF what it finds on the workbook', (id) => {
    for (const r of results.filter((x) => x.layout === id)) {
      expect(r.onlyPdf).toEqual([]);
      expect(r.onlyXlsx).toEqual([]);
      expect(r.errorsXlsx).toBeGreaterThan(0);
    }
  });

  test.each(LAYOUTS.map((l) => [l.id]))('%s: PDFium reads the PDF as pdfjs does (grid, tables, findings; places to 0.01 pt)', (id) => {
    for (const r of results.filter((x) => x.layout === id)) expect(r.engines).toEqual([]);
  });

  test('the same errors in every layout that keeps the sample’s figures', () => {
    const plain = results.filter((r) => r.layout === 'grid');
    for (const r of results.filter((x) => !LAYOUTS.find((l) => l.id === x.layout)!.negatives)) {
      expect([r.layout, r.errorsPdf]).toEqual([r.layout, plain.find((p) => p.edition === r.edition)!.errorsXlsx]);
    }
  });
});
