import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { readDocxSource } from '../docxRead';
import { commentDocx, COMMENT_AUTHOR } from '../docxComments';
import { DocxHost } from '../docxHost';
import { Finding } from '../../../core/findings';
import { cellText, parseA1, cellAt } from '../../../core/grid';

/**
 * A Word document handed back the way a reviewer does: a comment in the margin on the exact
 * figure or phrase of each finding, its text and formatting unchanged, its own comments kept.
 */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

async function docx(body: string, parts: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', TYPES);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  for (const [k, v] of Object.entries(parts)) zip.file(k, v);
  return zip.generateAsync({ type: 'uint8array' });
}

const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const cell = (text: string) => `<w:tc><w:p>${text ? run(text) : '<w:pPr><w:jc w:val="right"/></w:pPr>'}</w:p></w:tc>`;

/** The copy as Word reads it: all its text, each comment's anchored text and words, its parts. */
async function opened(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const open = new Set<string>();
  const anchored = new Map<string, string>();
  let text = '';
  let inT = false;
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    const id = (t.attributes as Record<string, string>)['w:id'];
    if (t.name === 'w:commentRangeStart') {
      open.add(id);
      anchored.set(id, '');
    }
    if (t.name === 'w:commentRangeEnd') open.delete(id);
    if (t.name === 'w:t') inT = true;
    if (t.name === 'w:tab') {
      text += '\t';
      for (const id of open) anchored.set(id, anchored.get(id)! + '\t');
    }
  });
  p.on('closetag', (t) => {
    if (t.name === 'w:t') inT = false;
  });
  p.on('text', (s) => {
    if (!inT) return;
    text += s;
    for (const id of open) anchored.set(id, anchored.get(id)! + s);
  });
  p.write(xml).close();
  const comments = await zip.file('word/comments.xml')?.async('string');
  const words = new Map<string, string>();
  for (const m of (comments ?? '').matchAll(/<w:comment w:id="(\d+)" w:author="([^"]*)"[^>]*>(.*?)<\/w:comment>/g))
    words.set(
      m[1],
      m[3]
        .replace(/<\/w:p>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .trim(),
    );
  return { xml, text, anchored, words, comments, zip, open };
}

const finding = (cell: string, message: string, text?: { fragment: string; offset: number }, extra: Partial<Finding> = {}): Finding => ({
  rule: 'r',
  severity: 'error',
  table: '',
  sheet: '说明',
  cell,
  related: [],
  message,
  text: text && { ...text, length: text.fragment.length },
  ...extra,
});

/** A fragment found in the read cell (its offset as the narrative checker gives it). */
async function at(bytes: Uint8Array, addr: string, fragment: string) {
  const { workbook } = await readDocxSource(bytes, '说明.docx');
  const { r, c } = parseA1(addr)!;
  const t = cellText(cellAt(workbook.sheets[0], r, c));
  expect(t.indexOf(fragment)).toBeGreaterThanOrEqual(0);
  return { fragment, offset: t.indexOf(fragment) };
}

async function commented(bytes: Uint8Array, findings: (b: Uint8Array) => Promise<Finding[]>) {
  const { source } = await readDocxSource(bytes, '说明.docx');
  const out = await commentDocx(bytes, source, await findings(bytes));
  return { ...(await opened(out.bytes)), count: out.comments, before: await opened(bytes) };
}

describe('a finding in the narrative: a comment on its figure', () => {
  test.each([
    ['the figure a run of its own', [run('本年支出合计'), run('1,920.38', '<w:b/>'), run('万元。')], '1,920.38'],
    ['the figure inside a longer run (the run split)', [run('本年支出合计1,920.38万元，比上年增长5%。')], '1,920.38'],
    ['the figure over two runs', [run('本年支出合计1,92'), run('0.38万元')], '1,920.38'],
    ['a phrase at the start of the paragraph', [run('上网行为管理年费项目自评得分为95分。')], '上网行为管理年费'],
    ['a phrase at the end', [run('自评得分为'), run('95分')], '95分'],
    ['text with an ampersand', [run('R&amp;D 经费 12.00 万元')], '12.00'],
  ])('%s', async (_, runs, fragment) => {
    const bytes = await docx(para(...runs));
    const got = await commented(bytes, async (b) => [finding('A1', '金额不符', await at(b, 'A1', fragment))]);
    expect(got.count).toBe(1);
    expect([...got.anchored.values()]).toEqual([fragment]);
    // The document's text is as it was: comments add marks, never words.
    expect(got.text).toBe(got.before.text);
    expect([...got.words.values()]).toEqual(['【错误】金额不符']);
  });

  test('a split run keeps its formatting on both halves', async () => {
    const bytes = await docx(para(run('合计1,920.38万元', '<w:b/><w:color w:val="FF0000"/>')));
    const got = await commented(bytes, async (b) => [finding('A1', 'x', await at(b, 'A1', '1,920.38'))]);
    expect(got.xml.match(/<w:r><w:rPr><w:b\/><w:color w:val="FF0000"\/><\/w:rPr>/g)).toHaveLength(3);
  });

  test('after a list number Word draws (一、), the fragment is still found where it is', async () => {
    const numbering = `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
    const bytes = await docx(`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>${run('收入总计 120.00 万元')}</w:p>`, {
      'word/numbering.xml': numbering,
    });
    const got = await commented(bytes, async (b) => [finding('A1', 'x', await at(b, 'A1', '120.00'))]);
    expect([...got.anchored.values()]).toEqual(['120.00']);
  });

  test('a run holding a field is not cut: the comment takes the whole run', async () => {
    const field = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const bytes = await docx(para(run('合计'), `<w:r><w:t>12.00万元</w:t><w:footnoteReference w:id="1"/></w:r>`, field));
    const got = await commented(bytes, async (b) => [finding('A1', 'x', await at(b, 'A1', '12.00'))]);
    expect([...got.anchored.values()]).toEqual(['12.00万元']);
    expect(got.text).toBe(got.before.text);
  });
});

test('any fragment of any paragraph, however Word cut it into runs: anchored on exactly its text, the text unchanged, the XML sound', async () => {
  let seed = 7;
  const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  let withTab = 0;
  let overRuns = 0;
  const words = ['本年支出合计', '1,920.38', '万元', '，比上年增长', '5.6%', '。', ' ', '<', '&', '一般公共预算财政拨款', '（一）', '\t'];
  for (let k = 0; k < 150; k++) {
    const text = Array.from({ length: 3 + next(8) }, () => words[next(words.length)]).join('');
    // Cut into runs at random places; tabs as Word writes them.
    const cuts = [...new Set(Array.from({ length: next(6) }, () => 1 + next(text.length - 1)))].sort((a, b) => a - b);
    const pieces = [0, ...cuts, text.length].slice(0, -1).map((a, i, all) => text.slice(a, [...all, text.length][i + 1]));
    const runsXml = pieces.map(
      (piece) =>
        `<w:r><w:rPr><w:sz w:val="${20 + next(8)}"/></w:rPr>${piece
          .split('\t')
          .map((t) => (t ? `<w:t xml:space="preserve">${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t>` : ''))
          .join('<w:tab/>')}</w:r>`,
    );
    const bytes = await docx(para(...runsXml));
    const { workbook } = await readDocxSource(bytes, '说明.docx');
    const read = cellText(cellAt(workbook.sheets[0], 0, 0));
    if (!read) continue;
    const offset = next(read.length);
    const length = 1 + next(read.length - offset);
    const fragment = read.slice(offset, offset + length);
    if (!fragment.trim()) continue;
    const got = await commented(bytes, async () => [finding('A1', 'x', { fragment, offset })]);
    expect([k, got.count]).toEqual([k, 1]);
    expect([k, got.anchored.get([...got.anchored.keys()][0])]).toEqual([k, fragment]);
    expect(got.text).toBe(got.before.text);
    expect(() => new SaxesParser({ xmlns: true }).write(got.xml).close()).not.toThrow();
    if (fragment.includes('\t')) withTab++;
    if (cuts.some((c) => c > offset && c < offset + length)) overRuns++;
  }
  // (Fragments over tabs and over several runs were among them.)
  expect(withTab).toBeGreaterThan(5);
  expect(overRuns).toBeGreaterThan(20);
});

describe('a finding on a table: a comment on its cell', () => {
  const table = `<w:tbl><w:tr>${cell('项目')}${cell('决算数')}</w:tr><w:tr>${cell('支出合计')}${cell('')}</w:tr><w:tr>${cell('基本支出')}${cell('1,200.00')}</w:tr></w:tbl>`;

  test('a figure’s cell, a cell with nothing in it, one cause on two cells', async () => {
    const bytes = await docx(para(run('表一')) + table);
    const got = await commented(bytes, async () => [
      finding('B4', '合计不符'),
      finding('B3', '支出合计未填写'),
      finding('A4', '名称与科目不符', undefined, { also: [{ sheet: '说明', cell: 'A3' }] }),
    ]);
    expect(got.count).toBe(4);
    expect([...got.anchored.values()].sort()).toEqual(['', '1,200.00', '基本支出', '支出合计'].sort());
    // The empty cell's comment is inside its paragraph, after its properties.
    expect(got.xml).toMatch(/<w:pPr><w:jc w:val="right"\/><\/w:pPr><w:commentRangeStart w:id="\d+"\/><w:commentRangeEnd/);
  });

  test('a finding of no place in the document (another sheet, no cell) gets no comment', async () => {
    const bytes = await docx(para(run('表一')) + table);
    const got = await commented(bytes, async () => [finding('', '未找到公开05表'), { ...finding('B4', 'x'), sheet: '公开01' }]);
    expect(got.count).toBe(0);
    expect(got.anchored.size).toBe(0);
    // Nothing to say: no comments part added, the body as it was.
    expect(got.comments).toBeUndefined();
    expect(got.xml).toBe(got.before.xml);
  });
});

describe('the package', () => {
  test('the unit’s own comments are kept, ours numbered after them, author 决算公开助手', async () => {
    const theirs = `<?xml version="1.0"?><w:comments ${W}><w:comment w:id="7" w:author="张会计"><w:p><w:r><w:t>请核实</w:t></w:r></w:p></w:comment></w:comments>`;
    const body = para(`<w:commentRangeStart w:id="7"/>`, run('合计 12.00'), `<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>`);
    const bytes = await docx(body, {
      'word/comments.xml': theirs,
      'word/_rels/document.xml.rels':
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
    });
    const got = await commented(bytes, async (b) => [finding('A1', '合计不符', await at(b, 'A1', '12.00'))]);
    expect(got.comments).toContain('<w:comment w:id="7" w:author="张会计">');
    expect(got.comments).toContain(`<w:comment w:id="8" w:author="${COMMENT_AUTHOR}"`);
    expect(got.anchored.get('7')).toBe('合计 12.00');
    expect(got.anchored.get('8')).toBe('12.00');
  });

  test('a document without comments gains the part, its relationship and its content type', async () => {
    const bytes = await docx(para(run('合计 12.00')), {
      'word/_rels/document.xml.rels':
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="styles.xml"/></Relationships>',
    });
    const got = await commented(bytes, async (b) => [
      finding('A1', '<合计> & “不符”', await at(b, 'A1', '12.00'), { text: { fragment: '12.00', offset: 3, length: 5, suggestion: '13.00' } }),
    ]);
    const rels = await got.zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toContain('Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"');
    expect(await got.zip.file('[Content_Types].xml')!.async('string')).toContain('PartName="/word/comments.xml"');
    expect([...got.words.values()]).toEqual(['【错误】&lt;合计&gt; &amp; “不符”\n应为：13.00']);
    // Every part still XML.
    for (const part of ['word/document.xml', 'word/comments.xml', '[Content_Types].xml', 'word/_rels/document.xml.rels']) {
      const xml = await got.zip.file(part)!.async('string');
      expect(() => new SaxesParser({ xmlns: true }).write(xml).close()).not.toThrow();
    }
  });

  test('flagged twice, the copy has each comment once; the original bytes untouched', async () => {
    const bytes = await docx(para(run('合计 12.00')));
    const copy = new Uint8Array(bytes);
    const host = new DocxHost(bytes, '说明.docx');
    const wb = await host.read();
    expect(wb.sheets[0].name).toBe('说明');
    const f = [finding('A1', 'x', await at(bytes, 'A1', '12.00'))];
    await host.flag(f);
    const out = await host.flag(f);
    expect(out.flaggedCells).toBe(1);
    expect((await opened(host.copyBytes()!.bytes)).anchored.size).toBe(1);
    expect(bytes).toEqual(copy);
    expect(await host.reportBytes()).toBeDefined();
  });
});
