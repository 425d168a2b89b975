import { FakeBook, isLocked } from '../../../../tests/helpers/fakeExcel';
import { readWorkbook, applyFlags, clearFlags, writeSheets } from '../officeExcel';
import { scaffold } from '../../../scaffold/build';
import { checkWorkbook } from '../../../check';
import { newSheet, a1, parseA1 } from '../../../core/grid';
import { TEMPLATE_PROTECTION } from '../../../core/layout';
import { REPORT_HEADER } from '../../../core/flagPlan';

/**
 * A template written into Excel keeps its totals: formula cells locked by sheet protection
 * (no password), every other cell open; the checker still flags it and clears it exactly; the
 * template and 审核报告 print A4 landscape, one page wide, where Excel has pageLayout (1.9).
 */

const ctxOf = (b: FakeBook) => b.context() as unknown as Excel.RequestContext;

async function template(support = { notes: 'notes' as const, pageLayout: true }) {
  const book = FakeBook.fromGrid({ sheets: [newSheet('Sheet1')] });
  const built = scaffold({ unit: '某某局', year: 2024 });
  await writeSheets(ctxOf(book), built.workbook, built.layouts, {}, support);
  return { book, built };
}

/** The user types a value through Excel (what the protection lets through, or AccessDenied). */
async function type(book: FakeBook, sheet: string, cell: string, value: unknown) {
  const ctx = book.context();
  ctx.workbook.worksheets.getItem(sheet).getRange(cell).values = [[value]];
  await ctx.sync();
}

describe('生成模板 in Excel: the totals locked, the rest open', () => {
  test('every table sheet protected without a password, allowing what the unit and the flags need', async () => {
    const { book, built } = await template();
    for (const s of built.workbook.sheets) {
      const sheet = book.sheet(s.name)!;
      expect([s.name, sheet.protected]).toEqual([s.name, true]);
      expect(sheet.allow).toEqual(TEMPLATE_PROTECTION);
    }
  });

  test('formula cells are locked, input and label cells are not', async () => {
    const { book, built } = await template();
    const s = book.sheet('公开03')!;
    const formulas = [...s.cells.entries()].filter(([, c]) => c.formula).map(([k]) => parseA1(k)!);
    expect(formulas.length).toBeGreaterThan(10);
    expect(formulas.every((p) => isLocked(s, p.r, p.c))).toBe(true);
    const inputs = built.inputs['公开03'];
    expect(inputs.every((p) => !isLocked(s, p.r, p.c))).toBe(true);
    // A label, and a cell far below the table (a row the unit adds), are open to typing.
    const label = [...s.cells.entries()].find(([, c]) => typeof c.value === 'string' && !c.formula)![0];
    expect(isLocked(s, parseA1(label)!.r, parseA1(label)!.c)).toBe(false);
    expect(isLocked(s, 500, 3)).toBe(false);
  });

  test('typing into an amount cell works; typing over a total is refused by Excel', async () => {
    const { book, built } = await template();
    const p = built.inputs['公开03'][0];
    await type(book, '公开03', a1(p.r, p.c), 12.5);
    expect(book.sheet('公开03')!.cells.get(a1(p.r, p.c))!.value).toBe(12.5);
    const total = [...book.sheet('公开03')!.cells.entries()].find(([, c]) => c.formula)![0];
    await expect(type(book, '公开03', total, 1)).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(book.sheet('公开03')!.cells.get(total)!.formula).toBeTruthy();
  });

  test('the template sheets print A4 landscape, one page wide, their header rows on every page', async () => {
    const { book, built } = await template();
    const s = book.sheet('公开01')!;
    expect(s.page).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1 } });
    const freeze = built.layouts['公开01'].freezeRows;
    if (freeze) expect(s.page!.printTitleRows).toBe(`$1:$${freeze}`);
  });

  test('an Excel without pageLayout (before ExcelApi 1.9): the template is written, no print settings', async () => {
    const book = FakeBook.fromGrid({ sheets: [newSheet('Sheet1')] });
    book.apiMinor = 8;
    const built = scaffold({ unit: '某某局', year: 2024 });
    const r = await writeSheets(ctxOf(book), built.workbook, built.layouts, {}, { notes: 'none', pageLayout: false });
    expect(r.written).toHaveLength(built.workbook.sheets.length);
    expect(book.sheets.every((s) => s.page === undefined)).toBe(true);
  });
});

describe('checking a protected template', () => {
  /** The template filled with figures that disagree with its totals' neighbours: findings to flag. */
  async function filled() {
    const { book, built } = await template();
    for (const [sheet, cells] of Object.entries(built.inputs)) for (const [i, p] of cells.entries()) await type(book, sheet, a1(p.r, p.c), (i % 7) + 1);
    return book;
  }

  test.each(['notes', 'comments', 'none'] as const)('its cells are flagged (%s), nothing reported as protected, and cleared exactly', async (notes) => {
    const book = await filled();
    const before = book.snapshot();
    const findings = checkWorkbook(await readWorkbook(ctxOf(book))).findings.filter((f) => f.sheet.startsWith('公开'));
    expect(findings.length).toBeGreaterThan(0);
    const out = await applyFlags(ctxOf(book), findings, { notes, pageLayout: true });
    expect(out.protectedSheets).toEqual([]);
    expect(out.flaggedCells).toBeGreaterThan(0);
    const f = findings.find((x) => x.severity === 'error') ?? findings[0];
    expect(book.sheet(f.sheet)!.cells.get(f.cell)!.fill).toBeDefined();
    await clearFlags(ctxOf(book), { notes, pageLayout: true });
    expect(book.snapshot()).toEqual(before);
  });

  test('a sheet the unit protected tighter (no formatting allowed) is left alone and said so', async () => {
    const book = await filled();
    const target = book.sheet('公开01')!;
    target.allow = { ...TEMPLATE_PROTECTION, allowFormatCells: false };
    const findings = checkWorkbook(await readWorkbook(ctxOf(book))).findings.filter((f) => f.sheet === '公开01');
    if (!findings.length) findings.push({ rule: 'row-sum', severity: 'error', table: '公开01', sheet: '公开01', cell: 'B8', related: [], message: '示例' });
    const out = await applyFlags(ctxOf(book), findings, { notes: 'notes' });
    expect(out.protectedSheets).toEqual(['公开01']);
  });

  test('审核报告 prints A4 landscape, one page wide, its header row on every page', async () => {
    const book = await filled();
    const findings = checkWorkbook(await readWorkbook(ctxOf(book))).findings;
    const heading = ['决算公开审核报告', '结论：不可提交'];
    const out = await applyFlags(ctxOf(book), findings, { notes: 'notes', pageLayout: true }, undefined, heading);
    const report = book.sheet(out.reportSheet)!;
    const header = [...report.cells.entries()].find(([, c]) => c.value === REPORT_HEADER[0])![0];
    const row = parseA1(header)!.r + 1;
    expect(report.page).toEqual({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1 }, printTitleRows: `$${row}:$${row}` });
  });
});

describe('the simulated Excel refuses what Excel refuses on a protected sheet', () => {
  async function run(book: FakeBook, f: (ws: Excel.Worksheet) => void) {
    const ctx = ctxOf(book);
    f(ctx.workbook.worksheets.getItem('表'));
    await ctx.sync();
  }
  const protectedBook = () => {
    const book = FakeBook.fromGrid({ sheets: [newSheet('表')] });
    Object.assign(book.sheet('表')!, { protected: true, allow: { allowFormatCells: true } });
    return book;
  };
  test.each([
    ['protecting it again (office-js #6784)', (ws: Excel.Worksheet) => ws.protection.protect({})],
    ['unlocking a cell', (ws: Excel.Worksheet) => (ws.getRange('A1').format.protection.locked = false)],
    ['typing into a locked cell', (ws: Excel.Worksheet) => (ws.getRange('A1').values = [[1]])],
    ['a note, objects not allowed', (ws: Excel.Worksheet) => ws.notes.add('A1', '说明')],
    ['a column width, columns not allowed', (ws: Excel.Worksheet) => (ws.getRange('A1').format.columnWidth = 40)],
  ])('%s: AccessDenied', async (_n, f) => {
    await expect(run(protectedBook(), f)).rejects.toMatchObject({ code: 'AccessDenied' });
  });
  test('a fill (formats allowed) and selecting a cell go through', async () => {
    const book = protectedBook();
    await run(book, (ws: Excel.Worksheet) => {
      ws.getRange('A1').format.fill.color = '#FFC7CE';
      ws.getRange('A1').select();
    });
    expect(book.sheet('表')!.cells.get('A1')!.fill).toBe('#FFC7CE');
  });
  test('pageLayout on an Excel before ExcelApi 1.9: ApiNotFound', async () => {
    const book = FakeBook.fromGrid({ sheets: [newSheet('表')] });
    book.apiMinor = 8;
    await expect(run(book, (ws: Excel.Worksheet) => (ws.pageLayout.orientation = 'Landscape'))).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
