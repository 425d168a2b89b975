import { pageSvg } from '../debugSvg';
import { pagesToWorkbook, PdfPage, PageReading } from '../pdfLayout';

/** A page drawn as the reader saw it: every text in its box, every ruling, each table with its columns and rows. */

const ruledPage = (): PdfPage => {
  const xs = [50, 200, 300];
  const ys = [100, 120, 140, 160];
  const rules = [...ys.map((y) => ({ x0: 50, y0: y - 0.25, x1: 300, y1: y + 0.25 })), ...xs.map((x) => ({ x0: x - 0.25, y0: 100, x1: x + 0.25, y1: 160 }))];
  const texts = [
    { s: '收入支出决算总表', x: 100, y: 70, w: 120, h: 12 },
    { s: '项目 <合计>', x: 55, y: 104, w: 60, h: 12 },
    { s: '金额', x: 210, y: 104, w: 30, h: 12 },
    { s: '一般公共服务支出', x: 55, y: 124, w: 100, h: 12 },
    { s: '264.87', x: 250, y: 124, w: 40, h: 12 },
    { s: '合计', x: 55, y: 144, w: 30, h: 12 },
    { s: '264.87', x: 250, y: 144, w: 40, h: 12 },
  ];
  return { width: 595, height: 842, texts, rules };
};

test('a ruled table: its frame, its 3 column lines and 4 row lines, every text and ruling; text escaped', () => {
  const page = ruledPage();
  const readings: PageReading[] = [];
  pagesToWorkbook([page], '表', readings);
  expect(readings[0].tables).toHaveLength(1);
  const svg = pageSvg(page, readings[0], 1);
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="595" height="842"/);
  expect(svg).toContain('<title>第1页');
  expect(svg).toContain('表1（有线表，3 条列线，4 条行线）');
  expect((svg.match(/stroke-dasharray/g) ?? []).length).toBe(3 + 4);
  expect((svg.match(/fill="#1f6feb"/g) ?? []).length).toBe(page.rules.length);
  expect((svg.match(/stroke="#999"/g) ?? []).length).toBe(page.texts.length);
  expect(svg).toContain('项目 &lt;合计&gt;');
  expect(svg).not.toContain('<合计>');
});

test('a page without tables: its texts alone', () => {
  const page: PdfPage = { width: 595, height: 842, texts: [{ s: '情况说明', x: 50, y: 50, w: 48, h: 12 }], rules: [] };
  const svg = pageSvg(page, { page: 1, tables: [] }, 1);
  expect(svg).toContain('情况说明');
  expect(svg).not.toContain('stroke-dasharray');
});
