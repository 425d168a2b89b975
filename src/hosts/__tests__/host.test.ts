import ExcelJS from 'exceljs';
import { FakeBook, FakeCell } from '../../../tests/helpers/fakeExcel';
import { OFFICE_TO_FILE_PATTERN, officePatternOf } from '../../core/flagStore';
import { themePalette, visibleColor } from '../xlsx/themeColor';
import { importDocument } from '../../importDoc';
import { sampleWorkbook } from '../../../tests/helpers/grid';
import { gridToExcel } from '../xlsx/xlsxWrite';
import { XlsxHost } from '../xlsx/xlsxHost';
import { OfficeHost } from '../office/officeHost';
import { Host } from '../host';
import { findingKey } from '../../core/findings';
import { excelToGrid } from '../xlsx/xlsx';
import * as usecases from '../../usecases';

/**
 * One host contract, the use cases written once: the same workbook as a file (xlsx host) and open
 * in Excel (Office host, simulated) gives the same findings, the same flagged cells, the same draft
 * and the same kept explanation; a workbook flagged by one host is cleared by the other.
 */

const grid = () => importDocument(sampleWorkbook());

async function hosts(): Promise<{ xlsx: XlsxHost; office: OfficeHost; book: FakeBook }> {
  const g = grid();
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.load((await gridToExcel(g).xlsx.writeBuffer()) as ArrayBuffer);
  const book = FakeBook.fromGrid(g);
  const office = new OfficeHost((work) => work(book.context() as unknown as Excel.RequestContext), { notes: 'notes' });
  return { xlsx: new XlsxHost(excel, 'sample.xlsx'), office, book };
}

/** The flagged cells of either host, as sheet!cell=colour. */
function xlsxFills(x: XlsxHost): string[] {
  const out: string[] = [];
  x.excel.eachSheet((ws) => {
    if (ws.name.startsWith('_juesuan') || ws.name === '审核报告') return;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const argb = (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
        if (argb) out.push(`${ws.name}!${c.address}=#${argb.slice(2)}`);
      }),
    );
  });
  return out.sort();
}
function officeFills(book: FakeBook): string[] {
  const out: string[] = [];
  for (const s of book.sheets)
    if (!s.name.startsWith('_juesuan') && s.name !== '审核报告') for (const [a, c] of s.cells) if (c.fill) out.push(`${s.name}!${a}=${c.fill}`);
  return out.sort();
}

test('check through either host: the same findings and the same flagged cells', async () => {
  const { xlsx, office, book } = await hosts();
  const a = await usecases.check(xlsx, { flag: true });
  const b = await usecases.check(office, { flag: true });
  expect(a.result.findings.map(findingKey)).toEqual(b.result.findings.map(findingKey));
  expect(a.flagged!.flaggedCells).toBe(b.flagged!.flaggedCells);
  expect(xlsxFills(xlsx)).toEqual(officeFills(book));
  expect(xlsxFills(xlsx).length).toBeGreaterThan(20);
});

test('an explanation kept by either host is read back by the same use case', async () => {
  const { xlsx, office } = await hosts();
  for (const host of [xlsx, office] as Host[]) {
    const f = (await usecases.check(host)).result.findings.find((x) => x.severity === 'warning' && x.cell)!;
    const r = await usecases.explain(host, [{ rule: f.rule, sheet: f.sheet, cell: f.cell, text: '已核实' }]);
    expect(r.explained).toBe(1);
    expect((await host.read()).explanations!.map((e) => e.text)).toEqual(['已核实']);
    // A blank entry removes it; a blank entry with nothing on file is skipped.
    await usecases.explain(host, [{ rule: f.rule, sheet: f.sheet, cell: f.cell, text: '' }]);
    expect((await host.read()).explanations ?? []).toEqual([]);
  }
});

test('the draft is placed the same way by either host; an earlier draft is a conflict unless replaced', async () => {
  const { xlsx, office, book } = await hosts();
  const a = await usecases.draftInto(xlsx);
  const b = await usecases.draftInto(office);
  expect([a.sheet, a.written]).toEqual([b.sheet, b.written]);
  expect(a.paragraphs).toEqual(b.paragraphs);
  // The sample has a 情况说明 of its own: the draft goes beside it.
  expect(a.sheet).toBe('情况说明（草稿）');
  expect((await usecases.draftInto(office)).conflicts).toEqual(['情况说明（草稿）']);
  expect((await usecases.draftInto(office, { overwrite: true })).written).toEqual(['情况说明（草稿）']);
  const draftX = excelToGrid(xlsx.excel).sheets.find((s) => s.name === a.sheet)!;
  const draftO = book.sheet(b.sheet)!;
  expect(draftX.rows.length).toBe(a.paragraphs.length + 1);
  expect(draftO.cells.get('A2')!.value).toBe(a.paragraphs[0]);
});

/**
 * A file's fill as Excel shows it: a solid fill's colour is its foreground; a pattern's cell colour
 * is its background, the pattern drawn in its foreground colour.
 */
function officeFillOf(f: ExcelJS.FillPattern | undefined, palette: string[]): Pick<FakeCell, 'fill' | 'fillStyle'> | undefined {
  if (f?.type !== 'pattern' || !f.pattern || f.pattern === 'none') return undefined;
  // A theme or indexed colour as Excel draws it.
  const hex = (c?: Partial<ExcelJS.Color>) => visibleColor(c as Parameters<typeof visibleColor>[0], palette);
  if (f.pattern === 'solid') return hex(f.fgColor) ? { fill: hex(f.fgColor) } : undefined;
  const pattern = officePatternOf(f.pattern)!;
  return { fill: hex(f.bgColor) ?? '#FFFFFF', fillStyle: { pattern, patternColor: hex(f.fgColor) ?? null } };
}
function fileFillOf(c: FakeCell): ExcelJS.Fill {
  const pattern = c.fillStyle?.pattern;
  if (!pattern || pattern === 'Solid') return { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + c.fill!.slice(1) } };
  return {
    type: 'pattern',
    pattern: OFFICE_TO_FILE_PATTERN[pattern] as ExcelJS.FillPatterns,
    fgColor: { argb: 'FF' + (c.fillStyle?.patternColor ?? '#000000').slice(1) },
    bgColor: { argb: 'FF' + c.fill!.slice(1) },
  };
}

/** A workbook file as Excel opens it: every sheet (hidden ones too), values, fills, notes. */
function bookFromExcel(excel: ExcelJS.Workbook): FakeBook {
  const book = new FakeBook();
  const palette = themePalette((excel as unknown as { _themes?: Record<string, string> })._themes?.theme1);
  excel.eachSheet((ws) => {
    const sheet = {
      name: ws.name,
      visibility: ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible',
      cells: new Map(),
      notes: new Map(),
      merges: [] as string[],
    };
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const v = c.value;
        const value =
          v === null || v === undefined ? null : typeof v === 'object' ? String((v as { text?: string }).text ?? '') : (v as string | number | boolean);
        const fill = officeFillOf(c.fill as ExcelJS.FillPattern | undefined, palette);
        if (value !== null || fill) sheet.cells.set(c.address, { value, ...fill });
        if (c.note) sheet.notes.set(c.address, typeof c.note === 'string' ? c.note : c.note.texts.map((t) => t.text).join(''));
      }),
    );
    book.sheets.push(sheet);
  });
  return book;
}

/** The workbook open in Excel saved as a file: every sheet, values, fills, notes, visibility. */
function excelFromBook(book: FakeBook): ExcelJS.Workbook {
  const excel = new ExcelJS.Workbook();
  for (const s of book.sheets) {
    const ws = excel.addWorksheet(s.name, { state: s.visibility === 'VeryHidden' ? 'veryHidden' : s.visibility === 'Hidden' ? 'hidden' : 'visible' });
    for (const [a, c] of s.cells) {
      if (c.value !== null) ws.getCell(a).value = c.value;
      if (c.fill) ws.getCell(a).fill = fileFillOf(c);
    }
    for (const [a, n] of s.notes) ws.getCell(a).note = n;
  }
  return excel;
}

test('flagged as a file, cleared in Excel; flagged in Excel, cleared as a file: each restores every cell', async () => {
  // A cell with a fill and a note of the user's own, that a finding flags.
  const { xlsx } = await hosts();
  const target = (await usecases.check(xlsx)).result.findings.find((f) => f.severity === 'error' && f.cell)!;
  const cell = xlsx.excel.getWorksheet(target.sheet)!.getCell(target.cell);
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
  cell.note = '用户的批注';
  // Another flagged cell with a pattern: its pattern and both its colours come back in either host.
  const second = (await usecases.check(xlsx)).result.findings.find((f) => f.severity === 'error' && f.cell && f.cell !== target.cell)!;
  xlsx.excel.getWorksheet(second.sheet)!.getCell(second.cell).fill = {
    type: 'pattern',
    pattern: 'darkTrellis',
    fgColor: { argb: 'FFFF0000' },
    bgColor: { argb: 'FFFFFF00' },
  };
  const original = bookFromExcel(xlsx.excel).snapshot();
  expect(JSON.stringify(original)).toContain('SemiGray75');

  // Flagged as a file, opened and cleared in Excel.
  await usecases.check(xlsx, { flag: true });
  const inExcel = bookFromExcel(xlsx.excel);
  expect(inExcel.sheet(target.sheet)!.cells.get(target.cell)!.fill).toBe('#FFC7CE');
  const office = new OfficeHost((work) => work(inExcel.context() as unknown as Excel.RequestContext), { notes: 'notes', pageLayout: true });
  expect((await usecases.clear(office)).cleared).toBe(true);
  expect(inExcel.snapshot()).toEqual(original);

  // Flagged in Excel, saved, cleared as a file.
  await usecases.check(office, { flag: true });
  expect(inExcel.sheet(target.sheet)!.cells.get(target.cell)!.fill).toBe('#FFC7CE');
  expect(inExcel.sheet(target.sheet)!.notes.get(target.cell)).toBe('用户的批注');
  const file = new XlsxHost(excelFromBook(inExcel), 'saved-from-excel.xlsx');
  expect((await usecases.clear(file)).cleared).toBe(true);
  expect(bookFromExcel(file.excel).snapshot()).toEqual(original);
});

test('a theme colour (Excel’s palette offers those first) flagged as a file comes back in Excel as the colour it showed', async () => {
  const { xlsx } = await hosts();
  const findings = (await usecases.check(xlsx)).result.findings.filter((f) => f.severity === 'error' && f.cell);
  const [a, b] = [findings[0], findings.find((f) => f.cell !== findings[0].cell || f.sheet !== findings[0].sheet)!];
  // 蓝色，个性色 1，淡色 40%; and an indexed yellow, as older programs write it.
  xlsx.excel.getWorksheet(a.sheet)!.getCell(a.cell).fill = {
    type: 'pattern',
    pattern: 'solid',
    fgColor: { theme: 4, tint: 0.3999755851924192 } as ExcelJS.Color,
  };
  xlsx.excel.getWorksheet(b.sheet)!.getCell(b.cell).fill = { type: 'pattern', pattern: 'solid', fgColor: { indexed: 13 } as unknown as ExcelJS.Color };
  const original = bookFromExcel(xlsx.excel).snapshot();
  // exceljs writes the Office 2007 theme (accent 1 is #4F81BD): lightened 40%, #95B3D7.
  expect(JSON.stringify(original)).toContain('"#95B3D7"');
  await usecases.check(xlsx, { flag: true });
  const inExcel = bookFromExcel(xlsx.excel);
  const office = new OfficeHost((work) => work(inExcel.context() as unknown as Excel.RequestContext), { notes: 'notes', pageLayout: true });
  await usecases.clear(office);
  expect(inExcel.snapshot()).toEqual(original);
  // Cleared as a file instead, the theme colour itself comes back.
  const again = (await hosts()).xlsx;
  again.excel.getWorksheet(a.sheet)!.getCell(a.cell).fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.4 } as ExcelJS.Color };
  await usecases.check(again, { flag: true });
  await usecases.clear(again);
  expect(again.excel.getWorksheet(a.sheet)!.getCell(a.cell).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.4 } });
});

test('forms from 项目清单 through either host: the same sheets, recognized; stacked forms go below the ones there', async () => {
  const { newSheet, setCell } = await import('../../core/grid');
  const { recognizeForms } = await import('../../forms/model');
  const list = newSheet('项目清单');
  const rows = [
    ['项目名称', '实施单位', '预算数', '', '到位数', '', '执行数', '', '默认指标'],
    ['', '', '财政资金', '其他', '财政资金', '其他', '财政资金', '其他', ''],
    ['培训费', '某某局', 1, 0, 1, 0, 1, 0, ''],
    ['印刷费', '某某局', 2, 0, 2, 0, 1.5, 0, ''],
  ];
  rows.forEach((r, i) => r.forEach((v, c) => v !== '' && setCell(list, i, c, { value: v })));
  const grid = { sheets: [list] };
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.load((await gridToExcel(grid).xlsx.writeBuffer()) as ArrayBuffer);
  const xlsx = new XlsxHost(excel, 'list.xlsx');
  const book = FakeBook.fromGrid(grid);
  const office = new OfficeHost((work) => work(book.context() as unknown as Excel.RequestContext), { notes: 'notes' });
  const a = await usecases.formsInto(xlsx, { year: 2023 });
  const b = await usecases.formsInto(office, { year: 2023 });
  expect(a).toEqual(b);
  expect(a.added).toEqual(['01 培训费', '02 印刷费']);
  expect(recognizeForms(await office.read()).map((f) => f.name)).toEqual(['培训费', '印刷费']);
  // Run again: both kept, nothing added.
  expect((await usecases.formsInto(office, { year: 2023 })).kept).toBe(2);

  // Stacked: a third project goes below the forms already in 绩效自评表.
  const stackedBook = FakeBook.fromGrid(grid);
  const stacked = new OfficeHost((work) => work(stackedBook.context() as unknown as Excel.RequestContext), { notes: 'notes' });
  await usecases.formsInto(stacked, { year: 2023, stacked: true });
  const sheet = stackedBook.sheet('绩效自评表')!;
  const before = new Map(sheet.cells);
  setCell(list, 4, 0, { value: '会议费' });
  [1, 0, 1, 0, 1, 0].forEach((v, i) => setCell(list, 4, 2 + i, { value: v }));
  stackedBook.sheet('项目清单')!.cells.set('A5', { value: '会议费' });
  for (const [i, col] of ['C', 'D', 'E', 'F', 'G', 'H'].entries()) stackedBook.sheet('项目清单')!.cells.set(`${col}5`, { value: [1, 0, 1, 0, 1, 0][i] });
  const third = await usecases.formsInto(stacked, { year: 2023, stacked: true });
  expect(third).toEqual({ added: ['会议费'], kept: 2, problems: [] });
  // The forms there are untouched; the new one is recognized below them.
  for (const [addr, cell] of before) expect(sheet.cells.get(addr)).toEqual(cell);
  expect(recognizeForms(await stacked.read()).map((f) => f.name)).toEqual(['培训费', '印刷费', '会议费']);
});

describe('a document and a PDF behind the same contract', () => {
  const { DocumentHost } = require('../text/documentHost') as typeof import('../text/documentHost');
  const { PdfHost } = require('../pdf/pdfHost') as typeof import('../pdf/pdfHost');
  const { textToWorkbook } = require('../text/textDocument') as typeof import('../text/textDocument');
  const { SAMPLE } = require('../../../tests/helpers/grid') as typeof import('../../../tests/helpers/grid');
  const { checkWorkbook } = require('../../check') as typeof import('../../check');
  const document = () => textToWorkbook(require('fs').readFileSync(SAMPLE, 'utf8'), 'seed');

  test('a document: checked as written, its 出错说明 kept; flags and sheets go to the workbook it is imported into', async () => {
    const host = new DocumentHost(document(), 'seed.txt');
    const { result } = await usecases.check(host);
    expect(result.findings.map(findingKey)).toEqual(checkWorkbook(document()).findings.map(findingKey));
    const f = result.findings.find((x) => x.severity === 'warning' && !x.rule.startsWith('form'))!;
    const explained = await usecases.explain(host, [{ rule: f.rule, sheet: f.sheet, cell: f.cell, text: '已核对' }], undefined, { flag: false });
    expect(explained.explained).toBeGreaterThan(0);
    expect((await host.read()).explanations).toHaveLength(1);
    await expect(host.flag()).rejects.toThrow(/文档不能直接标记/);
    await expect(host.writeSheets()).rejects.toThrow(/文档不能写入工作表/);
    expect(await usecases.clear(host)).toEqual({ cleared: false, protectedSheets: [] });
  });

  test('a PDF: read by its reader, flagged as a marked copy (a highlight on each finding’s box) with 审核报告 beside it; never changed itself', async () => {
    const { PDFDocument, PDFName, PDFArray } = await import('pdf-lib');
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]);
    const bytes = await pdf.save();
    // The page reader is the host's to be given: here one that puts every row on page 1.
    const grid = document();
    grid.sheets[0].rows.forEach((row, r) => row.forEach((c) => c && (c.box = { page: 1, x: 40, y: 20 + (r % 40) * 20, w: 300, h: 12 })));
    const host = new PdfHost(bytes, '公开.pdf', async () => grid);
    const { result, flagged } = await usecases.check(host, { flag: true });
    const boxed = result.findings.filter((f) => f.box);
    expect(boxed.length).toBeGreaterThan(20);
    expect(flagged).toEqual({ flaggedCells: boxed.length, reportSheet: '审核报告', protectedSheets: [] });
    const marked = await PDFDocument.load(host.copyBytes()!.bytes);
    const annots = marked.getPage(0).node.lookup(PDFName.of('Annots'));
    expect(annots instanceof PDFArray && annots.size()).toBe(boxed.length);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load((await host.reportBytes())! as unknown as ArrayBuffer);
    expect(report.worksheets.map((w) => w.name)).toEqual(['审核报告']);
    await expect(host.writeSheets()).rejects.toThrow(/PDF 不能写入工作表/);
    expect(await usecases.clear(host)).toEqual({ cleared: false, protectedSheets: [] });
    expect(host.copyBytes()).toBeUndefined();
    // A file that is no PDF, or a PDF that is no disclosure, is told as the command line tells it.
    await expect(new PdfHost(new TextEncoder().encode('%PDF-1.4'), 'x.pdf', async () => ({ sheets: [] })).read()).rejects.toThrow(/PDF 中没有可读的文字/);
  });
});

test('生成模板 through either host stamps the template’s identity into the workbook (custom document properties)', async () => {
  const { identityOf } = await import('../../scaffold/identity');
  const { readCustomProperties } = await import('../xlsx/customProps');
  const file = new XlsxHost(new ExcelJS.Workbook(), 'template.xlsx');
  const a = await usecases.scaffoldInto(file, { unit: '某某局', year: 2025, templateId: '市财政局模板', templateVersion: '2' });
  expect(a.identity).toMatchObject({ id: '市财政局模板', version: '2', year: 2025 });
  expect(identityOf(await readCustomProperties(await file.bytes()))).toEqual(a.identity);
  const book = FakeBook.fromGrid({ sheets: [] });
  const office = new OfficeHost((work) => work(book.context() as unknown as Excel.RequestContext), { notes: 'notes', pageLayout: true });
  const b = await usecases.scaffoldInto(office, { unit: '另一单位', year: 2025, templateId: '市财政局模板', templateVersion: '2' });
  expect(identityOf(Object.fromEntries(book.customProperties))).toEqual(b.identity);
  // The same template for another unit: the same identity.
  expect(b.identity).toEqual(a.identity);
  expect(await office.properties()).toEqual(Object.fromEntries(book.customProperties));
  // Not written over sheets it did not write: a conflict stamps nothing.
  const again = new FakeBook();
  again.sheets = book.sheets.map((s) => ({ ...s, cells: new Map(s.cells) }));
  const other = new OfficeHost((work) => work(again.context() as unknown as Excel.RequestContext), { notes: 'notes' });
  expect((await usecases.scaffoldInto(other, { unit: 'x' })).written).toEqual([]);
  expect(again.customProperties.size).toBe(0);
});

test('a copy written by the command line keeps the workbook’s custom properties (exceljs alone drops them)', async () => {
  const { readCustomProperties, withCustomProperties } = await import('../xlsx/customProps');
  const { xlsx } = await hosts();
  const stamped = await withCustomProperties(await xlsx.bytes(), { 决算模板编号: '市财政局模板' });
  const host = await XlsxHost.fromBytes(stamped, 'unit.xlsx');
  await usecases.check(host, { flag: true });
  expect(await readCustomProperties(await host.bytes())).toEqual({ 决算模板编号: '市财政局模板' });
});
