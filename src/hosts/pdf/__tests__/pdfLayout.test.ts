import { pagesToWorkbook, PdfPage, PdfRule, PdfText } from '../pdfLayout';

/**
 * Reading tables from the page geometry: pages drawn here by hand, in points from the top-left,
 * as a PDF places text runs and ruling lines.
 */

const H = 10;
const text = (s: string, x: number, y: number, w = s.length * H): PdfText => ({ s, x, y, w, h: H });
/** A ruled grid: horizontal rulings at ys across xs, vertical rulings at xs down ys (each drawn whole). */
function grid(xs: number[], ys: number[]): PdfRule[] {
  const hs = ys.map((y) => ({ x0: xs[0], y0: y - 0.25, x1: xs[xs.length - 1], y1: y + 0.25 }));
  const vs = xs.map((x) => ({ x0: x - 0.25, y0: ys[0], x1: x + 0.25, y1: ys[ys.length - 1] }));
  return [...hs, ...vs];
}
const page = (texts: PdfText[], rules: PdfRule[] = []): PdfPage => ({ width: 595, height: 842, texts, rules });
const values = (p: PdfPage[]) => pagesToWorkbook(p, '测试').sheets[0].rows.map((row) => Array.from(row, (c) => (c?.value ?? '') as string));

const XS = [50, 110, 250, 330, 410];
const YS = [100, 120, 140, 160];

describe('tables from the page geometry', () => {
  test('cells between rulings, empty cells kept empty, a title above as its own line', () => {
    const p = page(
      [
        text('支出决算表', 200, 80),
        text('合计', 60, 105),
        text('12.00', 260, 105, 30),
        text('12.00', 340, 105, 30),
        text('201', 60, 125, 20),
        text('一般公共服务支出', 120, 125),
        text('12.00', 260, 125, 30),
      ],
      grid(XS, YS),
    );
    expect(values([p])).toEqual([['支出决算表'], ['合计', '', '12.00', '12.00'], ['201', '一般公共服务支出', '12.00'], []]);
  });

  test('a name wrapped over two lines inside one cell is one name', () => {
    const p = page(
      [text('2080505', 55, 103, 40), text('机关事业单位基本养老保', 115, 101, 130), text('险缴费支出', 115, 111, 60), text('446.11', 260, 105, 30)],
      grid(XS, [100, 124]),
    );
    expect(values([p])).toEqual([['2080505', '机关事业单位基本养老保险缴费支出', '446.11']]);
  });

  test('a figure the PDF split into pieces ("307" "." "82") is one figure', () => {
    const p = page([text('307', 260, 105, 15), text('.', 275, 105, 3), text('82', 278, 105, 10)], grid(XS, [100, 120]));
    expect(values([p])[0][2]).toBe('307.82');
  });

  test('a header cell spanning columns stands in its first column, with the merge', () => {
    const rules = [
      ...grid([50, 110, 250], [100, 140]),
      ...grid([250, 330, 410], [120, 140]),
      { x0: 250, y0: 99.75, x1: 410, y1: 100.25 },
      { x0: 409.75, y0: 100, x1: 410.25, y1: 120 },
    ];
    const wb = pagesToWorkbook(
      [page([text('项目', 60, 105), text('本年支出', 300, 105, 40), text('基本支出', 260, 125, 40), text('项目支出', 340, 125, 40)], rules)],
      '测试',
    );
    expect(wb.sheets[0].rows.map((r) => Array.from(r, (c) => c?.value ?? ''))).toEqual([
      ['项目', '', '本年支出'],
      ['', '', '基本支出', '项目支出'],
    ]);
    expect(wb.sheets[0].merges).toContainEqual({ top: 0, left: 2, bottom: 0, right: 3 });
  });

  test('a table run on to the next page drops its repeated header; page numbers are dropped', () => {
    const head = [text('科目编码', 55, 105, 40), text('决算数', 260, 105, 30)];
    const p1 = page([...head, text('201', 55, 125, 20), text('1.00', 260, 125, 20), text('- 3 -', 290, 820, 20)], grid([50, 250, 330], [100, 120, 140]));
    const p2 = page([...head, text('202', 55, 125, 20), text('2.00', 260, 125, 20), text('4', 295, 820, 5)], grid([50, 250, 330], [100, 120, 140]));
    expect(values([p1, p2])).toEqual([
      ['科目编码', '决算数'],
      ['201', '1.00'],
      ['202', '2.00'],
    ]);
  });

  test('a table printed over two pages with its titles repeated (print titles) is one table', () => {
    const titles = [text('收入决算表', 200, 50), text('部门：某某局', 50, 70, 60), text('公开02表', 400, 70, 40)];
    const head = [text('科目编码', 55, 105, 40), text('决算数', 260, 105, 30)];
    const p1 = page([...titles, ...head, text('201', 55, 125, 20), text('1.00', 260, 125, 20)], grid([50, 250, 330], [100, 120, 140]));
    const p2 = page([...titles, ...head, text('202', 55, 125, 20), text('2.00', 260, 125, 20)], grid([50, 250, 330], [100, 120, 140]));
    expect(values([p1, p2])).toEqual([['收入决算表'], ['部门：某某局', '公开02表'], ['科目编码', '决算数'], ['201', '1.00'], ['202', '2.00']]);
  });

  test('another table with the same header under its own title is a table of its own', () => {
    const head = [text('科目编码', 55, 105, 40), text('决算数', 260, 105, 30)];
    const p1 = page([text('政府性基金预算财政拨款收入支出决算表', 100, 80), ...head], grid([50, 250, 330], [100, 120, 140]));
    const p2 = page([text('国有资本经营预算财政拨款收入支出决算表', 100, 80), ...head], grid([50, 250, 330], [100, 120, 140]));
    expect(values([p1, p2]).filter((r) => r[0] === '科目编码')).toHaveLength(2);
  });

  test('a running header and footer on every page are dropped; the same words in the body are kept', () => {
    const pages = [1, 2, 3, 4].map((n) =>
      page([
        text('某某局2024年度部门决算', 200, 20, 120),
        text(`第 ${n} 段正文。`, 50, 300, 80),
        text('某某局2024年度部门决算', 50, 400, 120),
        text('内部资料', 270, 800, 40),
      ]),
    );
    const rows = values(pages).map((r) => r[0]);
    expect(rows.filter((t) => t === '某某局2024年度部门决算')).toHaveLength(4);
    expect(rows.filter((t) => t === '内部资料')).toHaveLength(0);
    expect(rows.filter((t) => t.startsWith('第'))).toHaveLength(4);
  });

  test('text around the tables: one row per line, its pieces joined', () => {
    const p = page([text('本年收入合计', 50, 200, 60), text('9746.50', 112, 200, 35), text('万', 150, 200, 10), text('元。', 160, 200, 20)]);
    expect(values([p])).toEqual([['本年收入合计9746.50万元。']]);
  });

  test('every cell keeps its page and box', () => {
    const p = page([text('合计', 60, 105), text('12.00', 260, 105, 30)], grid(XS, [100, 120]));
    const wb = pagesToWorkbook([page([text('封面', 50, 50)]), p], '测试');
    const cell = wb.sheets[0].rows[1][2] as { box?: unknown };
    expect(cell.box).toEqual({ page: 2, x: 260, y: 105, w: 30, h: H });
  });
});
