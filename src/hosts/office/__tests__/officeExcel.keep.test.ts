import { FakeBook } from '../../../../tests/helpers/fakeExcel';
import { applyFlags, clearFlags, saveExplanations, writeSheets } from '../officeExcel';
import { importDocument } from '../../../importDoc';
import { sampleWorkbook } from '../../../../tests/helpers/grid';
import { checkWorkbook } from '../../../check';
import { Finding } from '../../../core/findings';
import { FLAGS_SHEET } from '../../../core/flagPlan';
import { newSheet } from '../../../core/grid';

/**
 * Nothing of the user's lost: what a cell of theirs holds besides its value (a fill's pattern and
 * tints, a note or a modern comment) is the same after 清除标记 as before 一键审核; what Excel
 * refuses (a protected workbook structure, a text over 32,767 characters, a note beside a comment)
 * never leaves a workbook half-written.
 */

const ctxOf = (b: FakeBook) => b.context() as unknown as Excel.RequestContext;
const grid = () => importDocument(sampleWorkbook());
const full = { notes: 'notes' as const, pageLayout: true };

function flaggedCell(findings: Finding[]) {
  return findings.find((f) => f.severity === 'error' && f.cell)!;
}

describe('a fill of the user’s own comes back whole', () => {
  const fills: [string, { fill: string; pattern: string; patternColor: string | null; patternTintAndShade: number; tintAndShade: number }][] = [
    ['a pattern with its colour', { fill: '#FFFF00', pattern: 'Gray50', patternColor: '#FF0000', patternTintAndShade: 0, tintAndShade: 0 }],
    ['a tinted colour (a theme colour lightened 40%)', { fill: '#4472C4', pattern: 'Solid', patternColor: null, patternTintAndShade: 0, tintAndShade: 0.4 }],
    [
      'a crosshatch with a shaded pattern colour',
      { fill: '#FFFFFF', pattern: 'CrissCross', patternColor: '#00B050', patternTintAndShade: -0.25, tintAndShade: 0 },
    ],
  ];
  test.each(fills)('%s: flagged in plain colour, restored exactly', async (_, own) => {
    const g = grid();
    const book = FakeBook.fromGrid(g);
    const findings = checkWorkbook(g).findings;
    const target = flaggedCell(findings);
    const cell = book.sheet(target.sheet)!.cells.get(target.cell)!;
    const { fill, ...style } = own;
    cell.fill = fill;
    cell.fillStyle = style;
    const before = book.snapshot();
    await applyFlags(ctxOf(book), findings, full);
    const flagged = (book.snapshot() as { name: string; cells: [string, { fill?: string; fillStyle?: unknown }][] }[])
      .find((s) => s.name === target.sheet)!
      .cells.find(([a]) => a === target.cell)![1];
    // While flagged the cell reads as every other flagged cell: the flag's colour, solid, untinted.
    expect(flagged.fill).toBe('#FFC7CE');
    expect(flagged.fillStyle).toEqual({ pattern: 'Solid', patternColor: own.patternColor, patternTintAndShade: 0, tintAndShade: 0 });
    await clearFlags(ctxOf(book), full);
    expect(book.snapshot()).toEqual(before);
  });

  test('an Excel older than ExcelApi 1.9 is never asked for a pattern (it would refuse the whole request)', async () => {
    const g = grid();
    const book = FakeBook.fromGrid(g);
    book.apiMinor = 8;
    const findings = checkWorkbook(g).findings;
    const target = flaggedCell(findings);
    book.sheet(target.sheet)!.cells.get(target.cell)!.fill = '#00B0F0';
    const before = book.snapshot();
    await applyFlags(ctxOf(book), findings, { notes: 'none' });
    await clearFlags(ctxOf(book), { notes: 'none' });
    expect(book.snapshot()).toEqual(before);
  });
});

describe('a cell of the user’s with a note or a modern comment', () => {
  test('a modern comment in an Excel with notes: kept, the cell flagged by its fill; three syncs only because there are comments', async () => {
    const g = grid();
    const book = FakeBook.fromGrid(g);
    const findings = checkWorkbook(g).findings;
    const target = flaggedCell(findings);
    // Excel refuses a note on a cell holding a modern comment: adding one would fail the whole flagging.
    book.sheet(target.sheet)!.comments = new Map([[target.cell, '@张三 请核对此数']]);
    const before = book.snapshot();
    book.syncs = 0;
    const out = await applyFlags(ctxOf(book), findings, full);
    expect(out.refused).toBeUndefined();
    expect(book.syncs).toBe(3);
    expect(book.sheet(target.sheet)!.cells.get(target.cell)!.fill).toBe('#FFC7CE');
    expect(book.sheet(target.sheet)!.notes.has(target.cell)).toBe(false);
    expect(book.sheet(target.sheet)!.comments!.get(target.cell)).toBe('@张三 请核对此数');
    // Its message is in 审核报告 like every other.
    const report = [...book.sheet('审核报告')!.cells.values()].map((c) => String(c.value ?? ''));
    expect(report).toContain(target.message);
    await clearFlags(ctxOf(book), full);
    expect(book.snapshot()).toEqual(before);
  });

  test('without any comment in the workbook, flagging stays at two syncs', async () => {
    const g = grid();
    const book = FakeBook.fromGrid(g);
    book.syncs = 0;
    await applyFlags(ctxOf(book), checkWorkbook(g).findings, full);
    expect(book.syncs).toBe(2);
  });

  test('the simulated Excel refuses a note beside a modern comment, as Excel does', async () => {
    const book = FakeBook.fromGrid({ sheets: [newSheet('表')] });
    book.sheet('表')!.comments = new Map([['A1', '批注']]);
    const ctx = ctxOf(book);
    ctx.workbook.worksheets.getItem('表').notes.add('A1', '注释');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('a workbook whose structure is protected (审阅 → 保护工作簿)', () => {
  test('一键审核 writes nothing and says why; 清除标记 likewise; nothing of the workbook changes', async () => {
    const g = grid();
    const book = FakeBook.fromGrid(g);
    const findings = checkWorkbook(g).findings;
    await applyFlags(ctxOf(book), findings, full);
    const flagged = book.snapshot();
    book.structureProtected = true;
    const again = await applyFlags(ctxOf(book), findings, full);
    expect(again.refused).toMatch(/工作簿结构受保护.*未写入任何标记/);
    expect(book.snapshot()).toEqual(flagged);
    const cleared = await clearFlags(ctxOf(book), full);
    expect(cleared.refused).toMatch(/工作簿结构受保护.*未能清除/);
    expect(book.snapshot()).toEqual(flagged);
    book.structureProtected = false;
    expect((await clearFlags(ctxOf(book), full)).cleared).toBe(true);
  });

  test('a fresh workbook: no report sheet added, no store', async () => {
    const g = grid();
    const book = FakeBook.fromGrid(g);
    book.structureProtected = true;
    const before = book.snapshot();
    const out = await applyFlags(ctxOf(book), checkWorkbook(g).findings, full);
    expect(out.flaggedCells).toBe(0);
    expect(book.snapshot()).toEqual(before);
    expect(book.sheet(FLAGS_SHEET)).toBeUndefined();
  });

  test('saving an explanation or writing a template is refused with the reason, nothing written', async () => {
    const { scaffold } = await import('../../../scaffold/build');
    const book = FakeBook.fromGrid({ sheets: [newSheet('Sheet1')] });
    book.structureProtected = true;
    const before = book.snapshot();
    await expect(saveExplanations(ctxOf(book), [{ rule: 'x', sheet: 'Sheet1', cell: 'A1', fingerprint: 'f', text: '说明' }])).rejects.toThrow(
      /工作簿结构受保护.*出错说明未能保存/,
    );
    const built = scaffold({ unit: '某某局', year: 2023 });
    await expect(writeSheets(ctxOf(book), built.workbook, built.layouts)).rejects.toThrow(/工作簿结构受保护.*未写入任何工作表/);
    expect(book.snapshot()).toEqual(before);
  });
});

describe('texts longer than a cell holds (32,767 characters)', () => {
  test('a finding with a very long message is flagged, its note and report row cut with a mark', async () => {
    const g = grid();
    const book = FakeBook.fromGrid(g);
    const findings = checkWorkbook(g).findings;
    const target = flaggedCell(findings);
    const long: Finding = { ...target, message: '附注：' + '很长的说明'.repeat(8000) };
    const out = await applyFlags(ctxOf(book), [long], full);
    expect(out.flaggedCells).toBe(1);
    const note = book.sheet(target.sheet)!.notes.get(target.cell)!;
    expect(note.length).toBeLessThanOrEqual(32767);
    expect(note).toMatch(/已截断）$/);
    const cells = [...book.sheet('审核报告')!.cells.values()].map((c) => String(c.value ?? ''));
    expect(cells.some((v) => v.startsWith('附注：很长的说明') && v.endsWith('已截断）'))).toBe(true);
  });

  test('the simulated Excel refuses a longer value, as Excel does', async () => {
    const book = FakeBook.fromGrid({ sheets: [newSheet('表')] });
    const ctx = ctxOf(book);
    ctx.workbook.worksheets.getItem('表').getRange('A1').values = [['字'.repeat(32768)]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('a damaged flag store never makes 清除标记 fail', () => {
  test('a row that cannot be read restores what it can; every other cell comes back', async () => {
    const g = grid();
    const book = FakeBook.fromGrid(g);
    const findings = checkWorkbook(g).findings;
    const target = flaggedCell(findings);
    book.sheet(target.sheet)!.cells.get(target.cell)!.fill = '#00B0F0';
    book.sheet(target.sheet)!.cells.get(target.cell)!.fillStyle = { pattern: 'Gray25', patternColor: '#FF0000' };
    const before = book.snapshot();
    await applyFlags(ctxOf(book), findings, full);
    // Someone edited the hidden store: the pattern of one row is no longer JSON.
    const store = book.sheet(FLAGS_SHEET)!;
    const row = [...store.cells.entries()].find(([a, c]) => a.startsWith('B') && c.value === target.cell)![0].slice(1);
    store.cells.set(`E${row}`, { value: '{"office":{"pattern":' });
    const out = await clearFlags(ctxOf(book), full);
    expect(out.cleared).toBe(true);
    const after = book.snapshot() as { name: string; cells: [string, { fill?: string }][] }[];
    // That cell gets its colour back (its pattern could not be read); all the rest is as before.
    const got = after.find((s) => s.name === target.sheet)!.cells.find(([a]) => a === target.cell)![1];
    expect(got.fill).toBe('#00B0F0');
    const strip = (snap: unknown) =>
      (snap as { name: string; cells: [string, unknown][] }[]).map((s) => ({
        ...s,
        cells: s.cells.filter(([a]) => !(s.name === target.sheet && a === target.cell)),
      }));
    expect(strip(after)).toEqual(strip(before));
  });

  test('a store written in pieces (values longer than a cell) is read whole', async () => {
    const { storeValues, readStoreValues } = await import('../../../core/flagStore');
    const longRaw = JSON.stringify({ office: { pattern: 'Gray50', patternColor: '#FF0000', pad: 'x'.repeat(70000) } });
    const rows = [
      { sheet: '表一', cell: 'B3', fill: '#FFFF00', note: '', raw: longRaw },
      { sheet: '表一', cell: 'B4', fill: '', note: '"短"', raw: '' },
    ];
    const values = storeValues('审核报告', rows);
    expect(values.every((r) => r.every((v) => v.length <= 32767))).toBe(true);
    expect(values.length).toBe(1 + 3 + 1);
    expect(readStoreValues(values).rows).toEqual(rows);
  });
});
