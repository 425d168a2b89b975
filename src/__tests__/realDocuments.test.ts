import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { REAL_DOCUMENTS, REAL_PDFS, RealDocument, differences, listedErrors, reportedLines } from '../bench/realDocuments';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'dist', 'bench', 'realDocuments.js');

/** What the built script prints about a PDF, as JSON (pdfjs is an ES module jest does not load: read in Node). */
function fromScript<T>(...args: string[]): T {
  if (!fs.existsSync(SCRIPT)) spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT });
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) throw new Error(r.stderr || `exit ${r.status}`);
  return JSON.parse(r.stdout);
}
const linesOfDoc = (doc: RealDocument) => (doc.file.endsWith('.pdf') ? fromScript<string[]>('--lines', doc.name) : reportedLines(doc));

/**
 * Real published disclosures (the sample and the corpus in tests/fixtures/corpus): every 错误 and
 * 警告 reported stands on a reviewed list, nothing new appears unreviewed, and every error a
 * reviewer found is reported where the list says so. To change a list: npm run corpus, read each
 * difference against the document, then npm run corpus -- --write.
 */

describe.each([...REAL_DOCUMENTS, ...REAL_PDFS])('$name', (doc) => {
  test('every 错误 and 警告 is on the reviewed list, and every listed one is still reported', () => {
    const { added, gone } = differences(doc, linesOfDoc(doc));
    expect({ added, gone }).toEqual({ added: [], gone: [] });
  });
});

describe('the errors reviewers found in the corpus', () => {
  const listed = listedErrors();
  test('the list covers every corpus document', () => {
    expect(new Set(listed.map((l) => l.doc))).toEqual(new Set([...REAL_DOCUMENTS, ...REAL_PDFS].filter((d) => d.name !== 'seed-2023').map((d) => d.name)));
  });
  // Those not reported yet (未报出) stand in the list for the closing notes; the reported ones are held here.
  const reported = listed.filter((l) => l.status === '报出');
  const linesOf = new Map<string, string[]>();
  test.each(reported.map((l) => [`${l.doc} ${l.n}：${l.what}`, l] as const))('%s', (_n, l) => {
    const doc = [...REAL_DOCUMENTS, ...REAL_PDFS].find((d) => d.name === l.doc)!;
    if (!linesOf.has(doc.name)) linesOf.set(doc.name, linesOfDoc(doc));
    // As a 错误; the 科目-purpose one the README allows as a 提示-level 警告.
    const level = l.rule === 'narr-kemu-purpose' ? '警告' : '错误';
    const found = linesOf.get(doc.name)!.filter((x) => x.startsWith(level));
    for (const cell of l.cell.split(' ')) expect(found.some((x) => x.split('\t')[1] === cell && x.split('\t')[2] === l.rule)).toBe(true);
  });
});

/**
 * Tables read off the page images (pdftoppm, then read by eye — not from the reader's output):
 * what the PDF's pages give must be exactly these rows, cell for cell, empty cells empty.
 */
const PAGE_GRIDS: { doc: string; page: number; rows: string[][]; first?: boolean }[] = [
  {
    // 表六, two sides, a name wrapped inside its cell (30108); its first rows.
    doc: 'ghzy-2024.pdf',
    page: 16,
    first: true,
    rows: [
      ['一般公共预算财政拨款基本支出决算表'],
      ['单位：万元'],
      ['经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数'],
      ['301', '工资福利支出', '4816.14', '302', '商品和服务支出', '440.90'],
      ['30101', '基本工资', '537.64', '30201', '办公费', '84.62'],
      ['30102', '津贴补贴', '987.86', '30202', '印刷费', '0.00'],
      ['30103', '奖金', '0.00', '30203', '咨询费', '0.00'],
      ['30106', '伙食补助费', '0.00', '30204', '手续费', '0.08'],
      ['30107', '绩效工资', '1594.02', '30205', '水费', '0.92'],
      ['30108', '机关事业单位基本养老保险缴费', '446.11', '30206', '电费', '18.86'],
      ['30109', '职业年金缴费', '225.12', '30207', '邮电费', '8.05'],
    ],
  },
  {
    doc: 'shgzb-2024.pdf',
    page: 8,
    rows: [
      ['支出决算表'],
      ['单位：万元'],
      ['项目', '', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
      ['功能分类科目编码', '科目名称'],
      ['合计', '', '307.82', '105.58', '202.24'],
      ['201', '一般公共服务支出', '264.87', '62.63', '202.24'],
      ['20139', '社会工作事务', '264.87', '62.63', '202.24'],
      ['2013901', '行政运行', '51.32', '51.32'],
      ['2013950', '事业运行', '11.31', '11.31'],
      ['2013999', '其他社会工作事务支出', '202.24', '', '202.24'],
      ['208', '社会保障和就业支出', '10.82', '10.82'],
      ['20805', '行政事业单位养老支出', '10.82', '10.82'],
      ['2080505', '机关事业单位基本养老保险缴费支出', '6.18', '6.18'],
      ['2080506', '机关事业单位职业年金缴费支出', '4.64', '4.64'],
      ['210', '卫生健康支出', '2.71', '2.71'],
      ['21011', '行政事业单位医疗', '2.71', '2.71'],
    ],
  },
  {
    doc: 'ghzy-2024.pdf',
    page: 17,
    rows: [
      ['财政拨款“三公”经费支出决算表'],
      ['单位：万元'],
      ['财政拨款“三公”经费'],
      ['合计', '', '因公出国（境）费', '', '公务用车购置及运行维护费', '', '', '', '', '', '公务接待费'],
      ['', '', '', '', '小计', '', '公务用车购置费', '', '公务用车运行维护费'],
      ['预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数'],
      ['2.85', '0.39', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '2.85', '0.39'],
      ['注：本表反映部门本年度“三公”经费支出预决算情况。'],
    ],
  },
];

test.each(PAGE_GRIDS.map((g) => [`${g.doc} 第${g.page}页`, g] as const))('%s reads exactly as printed', (_n, g) => {
  const rows = fromScript<string[][]>('--page', g.doc, String(g.page));
  expect(g.first ? rows.slice(0, g.rows.length) : rows).toEqual(g.rows);
});
