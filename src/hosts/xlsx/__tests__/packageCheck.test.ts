import JSZip from 'jszip';
import { rangeCells, packageProblem, PACKAGE_BUDGET } from '../packageCheck';

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
