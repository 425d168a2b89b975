import { pagesToWorkbook, PdfPage, PdfRule, PdfText } from '../pdfLayout';
import { checkWorkbook } from '../../../check';

/**
 * Tables that draw no rulings between their columns — rules across only, an outer frame, nothing at
 * all — read from their text's alignment: pages drawn here by hand (points from the top-left), the
 * way a spreadsheet printed without borders, or a Word table with horizontal borders only, places
 * its words.
 */

const H = 9;
/** A word's width: a CJK character a full em, a digit or sign about half. */
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? H : H * 0.55), 0);
/** A word left-aligned at x, right-aligned at x (align 'r': x is its right edge), or centred on x ('c'). */
function word(s: string, x: number, y: number, align: 'l' | 'r' | 'c' = 'l'): PdfText {
  const w = width(s);
  return { s, x: align === 'l' ? x : align === 'r' ? x - w : x - w / 2, y, w, h: H };
}
const page = (texts: PdfText[], rules: PdfRule[] = []): PdfPage => ({ width: 842, height: 595, texts, rules });
const across = (y: number, x0 = 40, x1 = 560): PdfRule => ({ x0, y0: y - 0.25, x1, y1: y + 0.25 });
const down = (x: number, y0: number, y1: number): PdfRule => ({ x0: x - 0.25, y0, x1: x + 0.25, y1 });
const rows = (pages: PdfPage[]) => pagesToWorkbook(pages, '测试').sheets[0].rows.map((r) => Array.from(r, (c) => String(c?.value ?? '')));
/** The rows holding a text, as read. */
const rowOf = (pages: PdfPage[], first: string) => rows(pages).find((r) => r.includes(first));

/**
 * 公开03 in miniature: 科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出, columns at 40–100–250–350–450–560,
 * codes and names left-aligned, figures right-aligned, headings centred, 项目 over code and name.
 */
const COLS = [40, 100, 250, 350, 450, 560];
const centre = (i: number) => (COLS[i] + COLS[i + 1]) / 2;
function table03(y0: number, body: [string, string, string, string, string][], opts: { lineH?: number } = {}): PdfText[] {
  const lh = opts.lineH ?? 14;
  const out = [
    word('项目', (COLS[0] + COLS[2]) / 2, y0, 'c'),
    word('本年支出合计', centre(2), y0 + lh / 2, 'c'),
    word('基本支出', centre(3), y0 + lh / 2, 'c'),
    word('项目支出', centre(4), y0 + lh / 2, 'c'),
    word('科目编码', centre(0), y0 + lh, 'c'),
    word('科目名称', centre(1), y0 + lh, 'c'),
  ];
  body.forEach(([code, name, ...figs], k) => {
    const y = y0 + lh * (k + 2);
    if (code) out.push(word(code, COLS[0] + 2, y));
    if (name) out.push(word(name, COLS[1] + 2, y));
    figs.forEach((f, i) => f && out.push(word(f, COLS[i + 3] - 2, y, 'r')));
  });
  return out;
}

const BODY: [string, string, string, string, string][] = [
  ['合计', '', '1,920.38', '1,320.27', '600.11'],
  ['201', '一般公共服务支出', '1,248.32', '745.91', '502.41'],
  ['20103', '政府办公厅（室）及相关机构事务', '1,224.87', '745.91', '478.96'],
  ['2010301', '行政运行', '355.81', '355.81', ''],
  ['2010302', '一般行政管理事务', '53.94', '', '53.94'],
];
const WANT = [
  ['合计', '', '1,920.38', '1,320.27', '600.11'],
  ['201', '一般公共服务支出', '1,248.32', '745.91', '502.41'],
  ['20103', '政府办公厅（室）及相关机构事务', '1,224.87', '745.91', '478.96'],
  ['2010301', '行政运行', '355.81', '355.81'],
  ['2010302', '一般行政管理事务', '53.94', '', '53.94'],
];

describe('a table without rulings between its columns', () => {
  test.each([
    ['no rulings at all', [] as PdfRule[]],
    ['an outer frame only', [across(95), across(196), down(40, 95, 196), down(560, 95, 196)]],
    [
      'rules across only, one under each row (none across a heading merged down)',
      [across(111.5, 40, 250), ...[95, 125, 139, 153, 167, 181, 196].map((y) => across(y))],
    ],
    ['a 三线表: a rule above, one under the header, one below', [across(95), across(125), across(196)]],
  ])('%s: every figure in its column, every name whole', (_, rules) => {
    const got = rows([page(table03(100, BODY), rules)]);
    for (const want of WANT) expect(got).toContainEqual(want);
    // The heading: 项目 over code and name (a group), each column's own heading over it.
    const wb = pagesToWorkbook([page(table03(100, BODY), rules)], '测试');
    expect(got.some((r) => r[2] === '本年支出合计' && r[3] === '基本支出' && r[4] === '项目支出')).toBe(true);
    expect(got.some((r) => r[0] === '科目编码' && r[1] === '科目名称')).toBe(true);
    const head = wb.sheets[0].rows.findIndex((r) => r.some((c) => c?.value === '项目'));
    expect(wb.sheets[0].merges).toContainEqual({ top: head, left: 0, bottom: head, right: 1 });
  });

  test('a right-aligned figure touching the next column’s name (no gap but the cell’s padding) is two cells', () => {
    // 公开01: 金额 of the income side ends at 300, the expense side's 项目 starts at 301.5.
    const texts = [
      word('项目', 40, 100),
      word('金额', 298, 100, 'r'),
      word('项目', 301.5, 100),
      word('金额', 500, 100, 'r'),
      word('一、一般公共预算财政拨款收入', 40, 114),
      word('1,920.38', 300, 114, 'r'),
      word('一、一般公共服务支出', 301.5, 114),
      word('1,248.32', 500, 114, 'r'),
      word('本年收入合计', 40, 128),
      word('1,920.38', 300, 128, 'r'),
      word('本年支出合计', 301.5, 128),
      word('1,920.38', 500, 128, 'r'),
    ];
    expect(rows([page(texts)])).toEqual([
      ['项目', '金额', '项目', '金额'],
      ['一、一般公共预算财政拨款收入', '1,920.38', '一、一般公共服务支出', '1,248.32'],
      ['本年收入合计', '1,920.38', '本年支出合计', '1,920.38'],
    ]);
  });

  test('a dash for zero touching the next column’s code is two cells', () => {
    const texts = [word('科目编码', 40, 100), word('决算数', 200, 100, 'r'), word('科目编码', 202, 100), word('决算数', 400, 100, 'r')];
    texts.push(word('30106', 40, 114), word('-', 200, 114, 'r'), word('30204', 201.6, 114), word('-', 400, 114, 'r'));
    texts.push(word('30107', 40, 128), word('195.81', 200, 128, 'r'), word('30205', 201.6, 128), word('-', 400, 128, 'r'));
    expect(rowOf([page(texts)], '30106')).toEqual(['30106', '-', '30204', '-']);
  });

  test('a heading left-aligned over right-aligned figures is that column’s heading', () => {
    const texts = [word('项目', 40, 100), word('行次', 200, 100), word('金额', 260, 100)];
    for (const [k, [l, n, f]] of [
      ['本年收入合计', '27', '1,920.38'],
      ['总计', '31', '1,920.38'],
      ['年初结转和结余', '29', ''],
    ].entries()) {
      texts.push(word(l, 40, 114 + k * 14), word(n, 200, 114 + k * 14));
      if (f) texts.push(word(f, 340, 114 + k * 14, 'r'));
    }
    expect(rows([page(texts)])).toEqual([
      ['项目', '行次', '金额'],
      ['本年收入合计', '27', '1,920.38'],
      ['总计', '31', '1,920.38'],
      ['年初结转和结余', '29'],
    ]);
  });

  test('an empty column keeps its heading: figures never slide into it', () => {
    const texts = [word('科目编码', 40, 100), word('本年收入合计', 200, 100, 'c'), word('上级补助收入', 300, 100, 'c'), word('事业收入', 400, 100, 'c')];
    texts.push(word('201', 40, 114), word('23.45', 240, 114, 'r'), word('1.00', 440, 114, 'r'));
    texts.push(word('20113', 40, 128), word('23.45', 240, 128, 'r'));
    expect(rows([page(texts)])).toEqual([
      ['科目编码', '本年收入合计', '上级补助收入', '事业收入'],
      ['201', '23.45', '', '1.00'],
      ['20113', '23.45'],
    ]);
  });

  test('headings: a group centred over its columns spans them; a heading merged down beside it is its sibling', () => {
    // 三公: 预算数 over six columns; 公务用车购置及运行费 over 小计/购置费/运行费; 合计 and 因公出国（境）费 merged down, centred lower.
    const xs = [40, 130, 220, 310, 400, 490, 580];
    const c = (i: number) => (xs[i] + xs[i + 1]) / 2;
    const texts = [
      word('预算数', 310, 100, 'c'),
      word('公务用车购置及运行费', c(3), 112, 'c'),
      word('合计', c(0), 118, 'c'),
      word('因公出国（境）费', c(1), 118, 'c'),
      word('公务接待费', c(5), 118, 'c'),
      word('小计', c(2), 124, 'c'),
      word('购置费', c(3), 124, 'c'),
      word('运行费', c(4), 124, 'c'),
      ...['26.03', '23.45', '2.58', '', '2.58', ''].map((f, i) => f && word(f, xs[i + 1] - 2, 140, 'r')).filter((w): w is PdfText => !!w),
    ];
    const wb = pagesToWorkbook([page(texts)], '测试');
    const got = wb.sheets[0].rows.map((r) => Array.from(r, (x) => String(x?.value ?? '')));
    expect(got[got.length - 1]).toEqual(['26.03', '23.45', '2.58', '', '2.58']);
    const at = (s: string) => {
      const r = got.findIndex((row) => row.includes(s));
      return { r, c: got[r].indexOf(s) };
    };
    expect(wb.sheets[0].merges).toContainEqual({ top: at('预算数').r, left: 0, bottom: at('预算数').r, right: 5 });
    expect(wb.sheets[0].merges).toContainEqual({ top: at('公务用车购置及运行费').r, left: 2, bottom: at('公务用车购置及运行费').r, right: 4 });
    expect([at('合计').c, at('因公出国（境）费').c, at('小计').c, at('购置费').c, at('运行费').c, at('公务接待费').c]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('no rulings, a name wrapped over two lines with the row’s figures centred between them: one row', () => {
    const texts = [word('科目编码', 40, 100), word('科目名称', 100, 100), word('决算数', 300, 100, 'r')];
    texts.push(word('2080505', 40, 121), word('机关事业单位基本养老', 100, 116), word('保险缴费支出', 100, 126), word('89.13', 300, 121, 'r'));
    texts.push(word('2080506', 40, 145), word('机关事业单位职业年金', 100, 140), word('缴费支出', 100, 150), word('65.74', 300, 145, 'r'));
    texts.push(word('2080599', 40, 166), word('其他', 100, 166), word('0.88', 300, 166, 'r'));
    expect(rows([page(texts)])).toEqual([
      ['科目编码', '科目名称', '决算数'],
      ['2080505', '机关事业单位基本养老保险缴费支出', '89.13'],
      ['2080506', '机关事业单位职业年金缴费支出', '65.74'],
      ['2080599', '其他', '0.88'],
    ]);
  });

  test('rules across only, a wrapped name set at the top of its row: one row', () => {
    const texts = [word('科目编码', 40, 100), word('科目名称', 100, 100), word('决算数', 300, 100, 'r')];
    texts.push(word('2080505', 40, 116), word('机关事业单位基本养老', 100, 116), word('保险缴费支出', 100, 126), word('89.13', 300, 116, 'r'));
    texts.push(word('2080599', 40, 142), word('其他', 100, 142), word('0.88', 300, 142, 'r'));
    const rules = [95, 112, 138, 155].map((y) => across(y, 40, 310));
    expect(rows([page(texts, rules)])).toEqual([
      ['科目编码', '科目名称', '决算数'],
      ['2080505', '机关事业单位基本养老保险缴费支出', '89.13'],
      ['2080599', '其他', '0.88'],
    ]);
  });

  test('a table run on to the next page with no header there keeps its columns (a column empty on that page too)', () => {
    const head = [word('科目编码', 40, 100), word('本年收入合计', 200, 100, 'c'), word('上级补助收入', 300, 100, 'c'), word('其他收入', 400, 100, 'c')];
    const line = (y: number, code: string, a: string, b: string) => [word(code, 40, y), word(a, 240, y, 'r'), ...(b ? [word(b, 440, y, 'r')] : [])];
    const p1 = page([...head, ...line(114, '201', '10.00', '1.00'), ...line(128, '20101', '10.00', '1.00'), ...line(142, '2010101', '10.00', '1.00')]);
    const p2 = page([...line(60, '2010102', '5.00', ''), ...line(74, '208', '5.00', '')]);
    expect(rows([p1, p2]).slice(-2)).toEqual([
      ['2010102', '5.00'],
      ['208', '5.00'],
    ]);
  });

  test('prose is never read as a table; a table’s lines with it are', () => {
    const texts = [
      word('本部门2023年度收入合计1920.38万元，比上年增加477.57万元，增长33.1%。', 40, 60),
      word('主要原因是本年度人员调资。', 40, 74),
      ...table03(100, BODY),
      word('注：本表反映部门本年度各项支出情况。', 40, 200),
    ];
    const got = rows([page(texts)]);
    expect(got[0]).toEqual(['本部门2023年度收入合计1920.38万元，比上年增加477.57万元，增长33.1%。']);
    expect(got[got.length - 1]).toEqual(['注：本表反映部门本年度各项支出情况。']);
    for (const want of WANT) expect(got).toContainEqual(want);
  });

  test('a figure beside a name at the foot of the page is the table’s; a number alone there is the page number', () => {
    const texts = [
      ...table03(100, BODY.slice(0, 3)),
      word('208', 40, 545),
      word('社会保障和就业支出', 102, 545),
      word('410.00', 348, 545, 'r'),
      word('12', 300, 575),
    ];
    const got = rows([page(texts)]);
    expect(got).toContainEqual(['208', '社会保障和就业支出', '410.00']);
    expect(got.flat()).not.toContain('12');
  });
});

describe('a spreadsheet printed as it is typed: no borders, no merges, names clipped by the next cell', () => {
  test('a name clipped by its cell runs on under the next cell in the PDF’s text: the number there is still its own cell', () => {
    // 公开01's expense side: a label longer than its column, the 行次 right after it overlapping its text box.
    const texts = [word('项目', 40, 100), word('行次', 118, 100), word('金额', 230, 100, 'r')];
    const rowsIn = [
      ['一、一般公共服务支出', '32', '1,248.32'],
      ['七、文化旅游体育与传媒支出', '38', ''],
      ['八、社会保障和就业支出', '39', '410.00'],
      ['九、卫生健康支出', '40', '90.59'],
    ];
    rowsIn.forEach(([l, n, f], k) => {
      texts.push(word(l, 40, 114 + k * 14), word(n, 118, 114 + k * 14));
      if (f) texts.push(word(f, 230, 114 + k * 14, 'r'));
    });
    expect(rows([page(texts)])).toEqual([['项目', '行次', '金额'], ...rowsIn.map((r) => (r[2] ? r : r.slice(0, 2)))]);
  });

  test('a heading with a space in it read as two words: the 栏次 line numbers each column once', () => {
    const xs = [40, 100, 180, 240];
    const texts = [
      word('合计', 42, 100),
      word('因公出国', 102, 100),
      word('(境)费', 102 + width('因公出国') + 3, 100),
      word('公务接待费', 182, 100),
      ...['1', '2', '3'].map((n, i) => word(n, xs[i] + 2, 114)),
      word('26.03', 98, 128, 'r'),
      word('23.45', 178, 128, 'r'),
      word('2.58', 238, 128, 'r'),
    ];
    expect(rows([page(texts)])).toEqual([
      ['合计', '因公出国(境)费', '公务接待费'],
      ['1', '2', '3'],
      ['26.03', '23.45', '2.58'],
    ]);
  });
});

describe('a narrative’s text in reading order, however the PDF orders its runs', () => {
  const line = (y: number, parts: [string, number][]) => parts.map(([s, x]) => word(s, x, y));
  test('runs given out of order, a figure set a point low, a share at the end of a line: one sentence, as a reader reads it', () => {
    const texts = [
      ...line(100, [
        ['住房保障支出（类）', 40],
        ['29.42', 40 + width('住房保障支出（类）')],
        ['万元，占一般公共预算财政拨款支出的', 40 + width('住房保障支出（类）29.42')],
      ]),
      word('9.55%', 40, 115),
      word('。', 40 + width('9.55%'), 114),
    ];
    // The runs arrive backwards, the figure 1.2 points below its line.
    const shuffled = [...texts].reverse().map((t) => (t.s === '29.42' ? { ...t, y: t.y + 1.2 } : t));
    const got = rows([page(shuffled)]).map((r) => r.join(''));
    expect(got).toEqual(['住房保障支出（类）29.42万元，占一般公共预算财政拨款支出的', '9.55%。']);
  });

  test('…and the share is checked in its sentence: 29.42 ÷ 307.82 is 9.56%, not 9.55%', () => {
    const texts = [
      word('第三部分 2024年度部门决算情况说明', 40, 40),
      word('五、一般公共预算财政拨款支出决算情况说明', 40, 60),
      word('一般公共预算财政拨款支出307.82万元，主要用于以下方面：', 40, 80),
      word('住房保障支出（类）29.42万元，占一般公共预算财政拨款支出的', 40, 100),
      word('9.55%。', 40, 115),
    ];
    const found = checkWorkbook(pagesToWorkbook([page([...texts].reverse())], '测试')).findings.filter((f) => f.table === '情况说明' && f.severity === 'error');
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(/占比不符：“占一般公共预算财政拨款支出的\s*9\.55%”.*9\.56%/)]);
  });
});
