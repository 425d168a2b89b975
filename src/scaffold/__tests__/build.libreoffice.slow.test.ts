import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import Decimal from 'decimal.js';
import { scaffold, ScaffoldResult } from '../build';
import { recognize, RecognizedTable, cellPos } from '../../recognize';
import { tableSet } from '../../editions';
import { checkWorkbook } from '../../check';
import { gridToExcel } from '../../hosts/xlsx/xlsxWrite';
import { readXlsx } from '../../hosts/xlsx/xlsx';
import { setCell, cellAt, Workbook } from '../../core/grid';
import { readAmount } from '../../core/amount';
import { EDITIONS, Edition } from '../../editions';
import { TableSetSpec } from '../../specs/types';

/** The template: official layout, formulas for every total, recognized by our own checker. */

const set = tableSet(2023);
const CODES = ['2010301', '2010302', '2011308', '2080505', '2080506', '2101101', '2101103', '2210201'].map((code) => ({ code }));

function tables(wb: Workbook, of: TableSetSpec = set): Map<string, RecognizedTable> {
  return new Map(recognize(wb, of).tables.map((t) => [t.spec.id, t]));
}

function soffice(): string | undefined {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) if (fs.existsSync(p)) return p;
  return undefined;
}

/**
 * Fill every leaf the way a consistent disclosure would (each 项 row split into 基本/项目, the
 * same amounts in 02, 03 and 05, 公开06 carrying the basic total), recalculate in LibreOffice
 * and compare every total with sums computed here.
 */
function fillConsistent(built: ScaffoldResult, edition: Edition): { expected: Record<string, Decimal> } {
  const wb = built.workbook;
  const set = edition.tables;
  const t = tables(wb, set);
  const sheetOf = (id: string) => wb.sheets.find((s) => s.name === set.tables.find((x) => x.id === id)!.code)!;
  const put = (id: string, pos: { r: number; c: number }, v: Decimal) => setCell(sheetOf(id), pos.r, pos.c, { value: v.toNumber(), numFmt: '#,##0.00' });
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return new Decimal(seed % 50000).div(100).plus(1);
  };
  let basic = new Decimal(0);
  let all = new Decimal(0);
  const byClass = new Map<string, Decimal>();
  const leaves = t.get('gk03')!.items.filter((i) => i.code?.length === 7);
  for (const leaf of leaves) {
    const jb = rnd();
    const xm = leaf.code!.startsWith('201') ? rnd() : new Decimal(0);
    basic = basic.plus(jb);
    all = all.plus(jb).plus(xm);
    byClass.set(leaf.code!.slice(0, 3), (byClass.get(leaf.code!.slice(0, 3)) ?? new Decimal(0)).plus(jb).plus(xm));
    put('gk03', cellPos(leaf, 'jb')!, jb);
    put('gk03', cellPos(leaf, 'xm')!, xm);
    const r02 = t.get('gk02')!.items.find((i) => i.code === leaf.code)!;
    put('gk02', cellPos(r02, 'czbk')!, jb.plus(xm));
    const r05 = t.get('gk05')!.items.find((i) => i.code === leaf.code)!;
    put('gk05', cellPos(r05, 'jb')!, jb);
    put('gk05', cellPos(r05, 'xm')!, xm);
  }
  // 公开06: basic spending split over two 款 (personnel and public).
  const e06 = t.get('gk06')!.items;
  const pub = basic.div(10).toDecimalPlaces(2);
  put(
    'gk06',
    cellPos(
      e06.find((i) => i.code === '30101')!,
      'amount',
    )!,
    basic.minus(pub),
  );
  put(
    'gk06',
    cellPos(
      e06.find((i) => i.code === '30201')!,
      'amount',
    )!,
    pub,
  );
  // 公开01/04: the fiscal income; carry-overs zero.
  const g01 = t.get('gk01')!.items.find((i) => i.key === 'inc_gyys')!;
  put('gk01', cellPos(g01, 'inc')!, all);
  // 公开09: 预算 and 决算 parts.
  // (its only row is blank in the template, so it is found through the template's own layout)
  const row09 = built.inputs[sheetOf('gk09').name][0].r;
  const col09 = Object.fromEntries(Object.entries(edition.layout.sangongHeader.cols).map(([c, k]) => [k, Number(c)]));
  for (const [k, v] of [
    ['ys_cg', 3],
    ['ys_gz', 0],
    ['ys_yx', 2.5],
    ['ys_jd', 1.25],
    ['js_cg', 2],
    ['js_gz', 0],
    ['js_yx', 2.4],
    ['js_jd', 1],
  ] as const)
    put('gk09', { r: row09, c: col09[k] }, new Decimal(v));
  const expected: Record<string, Decimal> = { all, basic, project: all.minus(basic), sangong: new Decimal(5.4) };
  for (const [k, v] of byClass) expected['class' + k] = v;
  return { expected };
}

const office = soffice();
(office ? describe : describe.skip)('scaffold: recalculated by LibreOffice', () => {
  jest.setTimeout(120000);
  let base: string;
  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-lo-'));
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  test.each(EDITIONS.map((e) => [e.name, e] as const))(
    '%s: every total the template computes matches the sums of the typed leaves; the checker finds nothing',
    async (_name, edition) => {
      const built = scaffold({ unit: '某某局', set: edition.tables, codes: CODES });
      const { expected } = fillConsistent(built, edition);
      const dir = fs.mkdtempSync(path.join(base, `${edition.id}-`));
      const input = path.join(dir, 'filled.xlsx');
      await gridToExcel(built.workbook, built.layouts).xlsx.writeFile(input);
      const outDir = path.join(dir, 'out');
      execFileSync(office!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', outDir, input], {
        stdio: 'pipe',
        timeout: 100000,
      });
      const recalculated = await readXlsx(fs.readFileSync(path.join(outDir, 'filled.xlsx')), 'filled.xlsx');

      // No formula ended in an error value.
      for (const s of recalculated.sheets) for (const row of s.rows) for (const c of row ?? []) if (c?.formula) expect(String(c.value)).not.toMatch(/^#|^Err:/);

      const t = tables(recalculated, edition.tables);
      const val = (id: string, pick: (i: RecognizedTable['items'][number]) => boolean, col: string) => {
        const tb = t.get(id)!;
        const it = tb.items.find(pick)!;
        const p = cellPos(it, col)!;
        const a = readAmount(cellAt(tb.sheet, p.r, p.c));
        return a.kind === 'num' ? a.value : new Decimal(0);
      };
      const total = (i: { isTotal?: boolean }) => !!i.isTotal;
      expect(val('gk03', total, 'total').toFixed(2)).toBe(expected.all.toFixed(2));
      expect(val('gk03', total, 'jb').toFixed(2)).toBe(expected.basic.toFixed(2));
      expect(val('gk02', total, 'total').toFixed(2)).toBe(expected.all.toFixed(2));
      expect(val('gk05', total, 'xm').toFixed(2)).toBe(expected.project.toFixed(2));
      for (const cls of ['201', '208', '210', '221']) {
        expect(val('gk03', (i) => i.code === cls, 'total').toFixed(2)).toBe(expected['class' + cls].toFixed(2));
        expect(val('gk01', (i) => i.classCode === cls, 'exp').toFixed(2)).toBe(expected['class' + cls].toFixed(2));
        expect(val('gk04', (i) => i.classCode === cls, 'exp_gyys').toFixed(2)).toBe(expected['class' + cls].toFixed(2));
      }
      expect(val('gk01', (i) => i.key === 'inc_grand', 'inc').toFixed(2)).toBe(expected.all.toFixed(2));
      expect(val('gk01', (i) => i.key === 'exp_grand', 'exp').toFixed(2)).toBe(expected.all.toFixed(2));
      expect(val('gk04', (i) => i.key === 'inc_grand', 'inc').toFixed(2)).toBe(expected.all.toFixed(2));
      expect(val('gk04', (i) => i.key === 'exp_grand', 'exp_total').toFixed(2)).toBe(expected.all.toFixed(2));
      expect(
        val('gk06', (i) => i.key === 'ryjf', 'amount')
          .plus(val('gk06', (i) => i.key === 'gyjf', 'amount'))
          .toFixed(2),
      ).toBe(expected.basic.toFixed(2));
      expect(val('gk09', () => true, 'js_hj').toFixed(2)).toBe(expected.sangong.toFixed(2));

      // Every relation the checker knows holds in the recalculated template, read as this edition.
      const r = checkWorkbook(recalculated);
      expect(r.recognition.tables.length).toBe(9);
      expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    },
  );

  test('the template’s identity survives a save in LibreOffice (custom document properties)', async () => {
    const { scaffoldFile } = await import('../../app');
    const { readCustomProperties } = await import('../../hosts/xlsx/customProps');
    const { identityOf } = await import('../identity');
    const dir = fs.mkdtempSync(path.join(base, 'identity-'));
    const input = path.join(dir, 'template.xlsx');
    const made = await scaffoldFile(input, { unit: '某某局', year: 2025, templateId: '市财政局决算模板', templateVersion: '3' });
    const outDir = path.join(dir, 'out');
    execFileSync(office!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', outDir, input], {
      stdio: 'pipe',
      timeout: 100000,
    });
    const saved = identityOf(await readCustomProperties(fs.readFileSync(path.join(outDir, 'template.xlsx'))));
    expect(saved).toEqual(made.identity);
    expect(saved?.id).toBe('市财政局决算模板');
    // Its record of itself too: saved by LibreOffice, the template has not drifted from itself.
    const grid = await readXlsx(fs.readFileSync(path.join(outDir, 'template.xlsx')), 'template.xlsx');
    expect(grid.templateRecord?.length).toBeGreaterThan(50);
    expect(checkWorkbook(grid).findings.filter((f) => f.rule === 'template-drift')).toEqual([]);
  });
});
