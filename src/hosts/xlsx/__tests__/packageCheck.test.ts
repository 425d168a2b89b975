import JSZip from 'jszip';
import { rangeCells, packageProblem, PACKAGE_BUDGET, packageInventory, copyLacksMessage } from '../packageCheck';

/** The package looked at before exceljs loads it: merges and inflated size against a budget. */

describe('cells a merge covers', () => {
  test.each([
    ['A1:C3', 9],
    ['B2:B2', 1],
    ['A1:A1048576', 1048576],
    ['A2:XFD1048576', 16384 * 1048575],
    ['A:B', 2 * 1048576],
    ['3:4', 2 * 16384],
    ['$A$1:$D$2', 8],
  ])('%s → %i', (ref, n) => expect(rangeCells(ref)).toBe(n));
});

async function pkg(sheetXml: string, extra: Record<string, Uint8Array> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="公开03" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>');
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  for (const [n, b] of Object.entries(extra)) zip.file(n, b);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const sheet = (merges: string[]) =>
  `<worksheet><sheetData/><mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells></worksheet>`;

describe('a package against the budget', () => {
  test.each([
    ['a title merged over a table, labels over their rows', ['A1:H1', 'A2:A3', 'B2:D2'], undefined],
    ['a whole column merged', ['A1:A1048576'], /工作表“公开03”中的合并区域 A1:A1048576 覆盖 1,048,576 个单元格/],
    ['many merges that together cover too much', Array.from({ length: 12 }, (_, i) => `A${i * 100000 + 1}:A${i * 100000 + 90000}`), /合并区域共覆盖/],
  ])('%s', async (_n, merges, problem) => {
    const got = await packageProblem(await pkg(sheet(merges)));
    if (problem) expect(got).toMatch(problem);
    else expect(got).toBeUndefined();
  });

  test('a merge cut between two inflated chunks is still read', async () => {
    // Enough cells before it that the merge element falls past the first chunk.
    const filler = '<row r="1">' + '<c r="A1"><v>1</v></c>'.repeat(40000) + '</row>';
    const xml = `<worksheet><sheetData>${filler}</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1"/><mergeCell ref="B1:B1048576"/></mergeCells></worksheet>`;
    expect(await packageProblem(await pkg(xml))).toMatch(/B1:B1048576/);
  });

  test('inflated size past the budget, whatever the parts declare', async () => {
    const big = new Uint8Array(3 * 1024 * 1024).fill(0x20);
    const got = await packageProblem(await pkg(sheet([]), { 'xl/media/a.bin': big }), { ...PACKAGE_BUDGET, inflated: 2 * 1024 * 1024 });
    expect(got).toMatch(/工作簿解压后超过 2 MB/);
  });

  test('not a zip: left to the loader to say', async () => {
    expect(await packageProblem(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});

describe('what a copy written through exceljs lacks, by the parts that hold it', () => {
  test.each([
    ['xl/charts/chart1.xml', '图表 1 个'],
    ['xl/chartsheets/sheet1.xml', '图表工作表 1 个'],
    ['xl/threadedComments/threadedComment1.xml', '新版批注（线程批注、@提及）'],
    ['xl/vbaProject.bin', '宏（VBA 代码）'],
    ['xl/pivotTables/pivotTable1.xml', '数据透视表 1 个'],
    ['xl/slicers/slicer1.xml', '切片器'],
    ['xl/timelines/timeline1.xml', '日程表'],
    ['xl/embeddings/oleObject1.bin', '嵌入的对象（如 Word 文档、附件） 1 个'],
    ['xl/ctrlProps/ctrlProp1.xml', '表单控件或 ActiveX 控件'],
    ['xl/externalLinks/externalLink1.xml', '外部链接 1 个'],
    ['xl/connections.xml', '数据连接'],
  ])('%s → %s', async (part, said) => {
    const inv = await packageInventory(await pkg(sheet([]), { [part]: new Uint8Array([60, 97, 47, 62]) }));
    expect(inv.uncarried).toEqual([said]);
    expect(inv.macros).toBe(part.endsWith('vbaProject.bin'));
  });

  test('cells, styles, notes and pictures are carried: nothing said', async () => {
    const inv = await packageInventory(
      await pkg(sheet([]), { 'xl/comments1.xml': new Uint8Array([1]), 'xl/media/image1.png': new Uint8Array([1]), 'xl/styles.xml': new Uint8Array([1]) }),
    );
    expect(inv.uncarried).toEqual([]);
    expect(copyLacksMessage(inv.uncarried, { pictures: 0, shapes: 0 })).toBeUndefined();
  });

  test('the drawings left out to read a workbook are said by what they held', () => {
    expect(copyLacksMessage(['图表 1 个'], { pictures: 2, shapes: 1 })).toMatch(/^写出的副本不含原工作簿中的图表 1 个、图片 2 张、形状 1 个：/);
  });
});
