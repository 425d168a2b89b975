import JSZip from 'jszip';
import { readDocx } from '../docxRead';
import { cellText, Workbook } from '../../../core/grid';

/** A Word document read as a reader sees it: list numbers drawn, tables with merged cells, no table of contents. */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

async function docx(body: string, numbering?: string, styles?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  if (styles) zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${styles}</w:styles>`);
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  if (numbering) zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${numbering}</w:numbering>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const p = (text: string, props = '') => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const listed = (text: string, ilvl: number) => p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="3"/></w:numPr>`);
const rows = (wb: Workbook) => wb.sheets[0].rows.map((r) => Array.from(r ?? [], (c) => cellText(c)));

const NUMBERING = `
<w:abstractNum w:abstractNumId="7">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>`;

test('automatic list numbers are drawn as the reader sees them: 一、 （一） 1., deeper levels starting again', async () => {
  const body = [
    listed('收入支出决算总体情况说明', 0),
    listed('财政拨款支出决算情况', 0),
    listed('一般公共服务支出', 1),
    listed('行政运行', 2),
    listed('一般行政管理事务', 2),
    listed('教育支出', 1),
    listed('行政运行', 2),
  ].join('');
  const wb = await readDocx(await docx(body, NUMBERING), '公开.docx');
  expect(rows(wb).map((r) => r[0])).toEqual([
    '一、收入支出决算总体情况说明',
    '二、财政拨款支出决算情况',
    '（一）一般公共服务支出',
    '1.行政运行',
    '2.一般行政管理事务',
    '（二）教育支出',
    '1.行政运行',
  ]);
});

test('a table: cells across merged (gridSpan), cells down merged (vMerge), a wrapped name one text', async () => {
  const tc = (text: string, props = '') =>
    `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${text
      .split('|')
      .map((t) => p(t))
      .join('')}</w:tc>`;
  const table = `<w:tbl>
    <w:tr>${tc('项目', '<w:vMerge w:val="restart"/>')}${tc('决算数', '<w:gridSpan w:val="2"/>')}</w:tr>
    <w:tr>${tc('', '<w:vMerge/>')}${tc('基本支出')}${tc('项目支出')}</w:tr>
    <w:tr>${tc('一般公共服务|支出')}${tc('12.50')}${tc('3.00')}</w:tr>
  </w:tbl>`;
  const wb = await readDocx(await docx(p('支出决算表') + table + p('注：本表反映…')), '公开.docx');
  expect(rows(wb)).toEqual([['支出决算表'], ['项目', '决算数'], ['', '基本支出', '项目支出'], ['一般公共服务支出', '12.50', '3.00'], ['注：本表反映…']]);
  expect(wb.sheets[0].merges).toEqual(
    expect.arrayContaining([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 1, left: 0, bottom: 2, right: 0 },
    ]),
  );
});

test('a table of contents is left out; tabs and line breaks inside a paragraph kept as spaces and tabs', async () => {
  const toc = `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>${p('第一部分 部门概况\t3')}${p('第二部分 决算表\t5')}</w:sdtContent></w:sdt>`;
  const body = toc + p('目录之外', '<w:pStyle w:val="TOC1"/>') + `<w:p><w:r><w:t>金额</w:t><w:tab/><w:t>万元</w:t><w:br/><w:t>续行</w:t></w:r></w:p>`;
  const wb = await readDocx(await docx(body), '公开.docx');
  expect(rows(wb)).toEqual([['金额\t万元 续行']]);
});

test.each([
  ['not a zip', new Uint8Array([1, 2, 3])],
  ['a zip without a body', new Uint8Array(0)],
])('%s: one Chinese message', async (_what, bytes) => {
  const buf = bytes.length ? bytes : await new JSZip().file('x.txt', 'x').generateAsync({ type: 'uint8array' });
  await expect(readDocx(buf, 'x.docx')).rejects.toThrow(/Word 文档/);
});

test('a body that inflates beyond the budget is one message, read no further', async () => {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  // 70 MB of white space inside the body compresses to a few hundred kilobytes.
  zip.file('word/document.xml', `<w:document ${W}><w:body>${' '.repeat(70 * 1024 * 1024)}</w:body></w:document>`);
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  expect(bytes.length).toBeLessThan(1024 * 1024);
  await expect(readDocx(bytes, '大.docx')).rejects.toThrow(/Word 文档解压后超过 64 MB/);
});

describe('what the printed document shows, and only that', () => {
  const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

  test('a tracked move: the text where it was moved to, not where it was', async () => {
    const body =
      `<w:p><w:moveTo w:id="1">${r('本年支出 12.00 万元。')}</w:moveTo>${r('其中基本支出 8.00 万元。')}` +
      `<w:moveFrom w:id="2">${r('本年支出 12.00 万元。')}</w:moveFrom></w:p>` +
      `<w:p><w:pPr><w:rPr><w:moveFrom w:id="3"/></w:rPr></w:pPr><w:moveFrom w:id="4">${r('旧的一段')}</w:moveFrom></w:p>` +
      `<w:p><w:del w:id="5"><w:r><w:delText>删去的字</w:delText></w:r></w:del>${r('留下的字')}</w:p>`;
    expect(rows(await readDocx(await docx(body), 'x.docx'))).toEqual([['本年支出 12.00 万元。其中基本支出 8.00 万元。'], ['留下的字']]);
  });

  test('a text box once (Word writes it again as a fallback for older readers)', async () => {
    const box = (t: string) => `<w:txbxContent><w:p>${r(t)}</w:p></w:txbxContent>`;
    const body = `<w:p>${r('正文')}<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing>${box('框内 5.00 万元')}</w:drawing></mc:Choice><mc:Fallback><w:pict>${box('框内 5.00 万元')}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const got = rows(await readDocx(await docx(body), 'x.docx')).flat();
    expect(got.filter((t) => t.includes('框内'))).toEqual(['框内 5.00 万元']);
    expect(got).toContain('正文');
  });

  test('a row that starts past the grid’s first column (gridBefore), cells merged the old way (hMerge)', async () => {
    const tc = (t: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}<w:p>${t ? r(t) : ''}</w:p></w:tc>`;
    const table = `<w:tbl>
      <w:tr>${tc('项目')}${tc('决算数', '<w:hMerge w:val="restart"/>')}${tc('', '<w:hMerge/>')}</w:tr>
      <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('基本支出')}${tc('项目支出')}</w:tr>
      <w:tr>${tc('合计')}${tc('12.00')}${tc('3.00')}</w:tr></w:tbl>`;
    const wb = await readDocx(await docx(table), 'x.docx');
    expect(rows(wb)).toEqual([
      ['项目', '决算数'],
      ['', '基本支出', '项目支出'],
      ['合计', '12.00', '3.00'],
    ]);
    expect(wb.sheets[0].merges).toContainEqual({ top: 0, left: 1, bottom: 0, right: 2 });
  });
});

describe('numbers Word draws through a paragraph’s style', () => {
  // 标题 1 numbered 一、 by its style (level 0 linked to it), 标题 2 （一） based on a style of level 1.
  const STYLES = `
    <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="base2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="base2"/></w:style>
    <w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>`;
  const LINKED = NUMBERING.replace('<w:lvl w:ilvl="0"><w:start w:val="1"/>', '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:pStyle w:val="1"/>');

  test('a heading numbered by its style, a level by the style it is based on; numId 0 takes the number away', async () => {
    const style = (id: string) => `<w:pStyle w:val="${id}"/>`;
    const body = [
      p('收入支出决算总体情况说明', style('1')),
      p('财政拨款支出决算情况', style('1')),
      p('一般公共服务支出', style('2')),
      p('正文一段', style('a')),
      p('不编号的标题', `${style('1')}<w:numPr><w:numId w:val="0"/></w:numPr>`),
      p('教育支出', style('2')),
    ].join('');
    expect(rows(await readDocx(await docx(body, LINKED, STYLES), 'x.docx')).map((r) => r[0])).toEqual([
      '一、收入支出决算总体情况说明',
      '二、财政拨款支出决算情况',
      '（一）一般公共服务支出',
      '正文一段',
      '不编号的标题',
      '（二）教育支出',
    ]);
  });

  test('properties of a tracked formatting change are the old ones, not read', async () => {
    const body = p(
      '行政运行',
      '<w:numPr><w:ilvl w:val="2"/><w:numId w:val="3"/></w:numPr><w:pPrChange w:id="9"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:pPrChange>',
    );
    expect(rows(await readDocx(await docx(body, NUMBERING), 'x.docx'))).toEqual([['1.行政运行']]);
  });
});

test('the sample as Word writes it — headings numbered by their styles, lists started again, marks between runs — gives the sample’s findings', async () => {
  const { docxOfText } = await import('../../../bench/docx');
  const { sampleText } = await import('../../../../tests/helpers/grid');
  const { checkWorkbook } = await import('../../../check');
  const { textToWorkbook } = await import('../../text/textDocument');
  const bytes = await docxOfText(sampleText(), { styledHeadings: true });
  const body = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  // The numbers are Word's, not typed: no heading's text in the file starts with one.
  expect(body.match(/<w:pStyle w:val="[12]"\/>/g)!.length).toBeGreaterThan(20);
  const key = (f: { severity: string; rule: string; message: string }) => `${f.severity}|${f.rule}|${f.message.replace(/第 ?\d+(–\d+)? ?行/g, '第N行')}`;
  const fromWord = checkWorkbook(await readDocx(bytes, '公开.docx'));
  const fromText = checkWorkbook(textToWorkbook(sampleText(), '公开'));
  expect(fromWord.findings.map(key).sort()).toEqual(fromText.findings.map(key).sort());
  // And the headings read as the reader sees them, numbers drawn.
  const paragraphs = rows(await readDocx(bytes, '公开.docx')).map((r) => r[0]);
  for (const h of sampleText()
    .split('\n')
    .filter((l) => /^[一二三四五六七八九十]{1,3}、\S/.test(l.trim()) && !l.includes('\t'))
    .slice(0, 20))
    expect(paragraphs).toContain(h.trim());
});

test('numbering or styles that are no XML: the text is read without its list numbers, no failure', async () => {
  const bytes = await docx(listed('收入支出决算总体情况说明', 0), '<w:abstractNum><w:lvl', '<w:style');
  expect(rows(await readDocx(bytes, 'x.docx'))).toEqual([['收入支出决算总体情况说明']]);
});

test('a hyphen Word keeps on its line is read (a minus, a range); a soft hyphen is not; a positioned tab is a tab', async () => {
  const body = `<w:p><w:r><w:t>年初结转和结余</w:t><w:noBreakHyphen/><w:t>12.00</w:t><w:softHyphen/><w:t>万元</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>2023</w:t><w:noBreakHyphen/><w:t>2024</w:t></w:r></w:p>`;
  expect(rows(await readDocx(await docx(body), 'x.docx'))).toEqual([['年初结转和结余-12.00万元\t2023-2024']]);
});

test('the sample’s tables pasted from Excel into Word (titles inside each table, spread over its width) give the sample’s findings', async () => {
  const { docxOfSheets } = await import('../../../../tests/helpers/word');
  const { sampleText, sampleWorkbook } = await import('../../../../tests/helpers/grid');
  const { importDocument } = await import('../../../importDoc');
  const { checkWorkbook } = await import('../../../check');
  const { textToWorkbook } = await import('../../text/textDocument');
  const bytes = await docxOfSheets(importDocument(sampleWorkbook()));
  const key = (f: { severity: string; rule: string; message: string }) => `${f.severity}|${f.rule}|${f.message.replace(/第 ?\d+(–\d+)? ?行/g, '第N行')}`;
  const fromWord = checkWorkbook(await readDocx(bytes, '公开.docx'));
  const fromText = checkWorkbook(textToWorkbook(sampleText(), '公开'));
  expect(fromWord.recognition.tables.map((t) => t.spec.id)).toEqual(fromText.recognition.tables.map((t) => t.spec.id));
  expect(fromWord.findings.map(key).sort()).toEqual(fromText.findings.map(key).sort());
});
