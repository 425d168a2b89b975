import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import Decimal from 'decimal.js';
import { scaffold, ScaffoldResult, chineseNumeral } from '../src/scaffold/build';
import { codesOfWorkbook, parseCodeList } from '../src/scaffold/codesFrom';
import { recognize, RecognizedTable, cellPos } from '../src/recognize';
import { tableSet } from '../src/editions';
import { checkWorkbook } from '../src/check';
import { gridToExcel } from '../src/hosts/xlsx/xlsxWrite';
import { readXlsx } from '../src/hosts/xlsx/xlsx';
import { setCell, cellAt, Workbook } from '../src/core/grid';
import { readAmount } from '../src/core/amount';
import { sampleWorkbook } from './helpers/grid';
import { EDITIONS, Edition } from '../src/editions';
import { TableSetSpec } from '../src/specs/types';

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

describe('scaffold: structure', () => {
  const built = scaffold({ unit: '某某局', year: 2023, codes: CODES });
  const t = tables(built.workbook);

  test('writes the nine tables, each recognized by the checker, none incomplete', () => {
    expect(built.workbook.sheets.map((s) => s.name)).toEqual(set.tables.map((s) => s.code));
    for (const spec of set.tables) {
      const r = t.get(spec.id);
      expect(r).toBeDefined();
      expect(r!.missing).toEqual([]);
      expect(r!.truncated).toBeUndefined();
    }
  });

  test('adds the 类 and 款 of every 项 given, named from the 科目 table', () => {
    const gk03 = t.get('gk03')!;
    const codes = gk03.items.filter((i) => i.code).map((i) => i.code);
    expect(codes).toEqual(['201', '20103', '2010301', '2010302', '20113', '2011308', '208', '20805', '2080505', '2080506', '210', '21011', '2101101', '2101103', '221', '22102', '2210201']);
    expect(gk03.items.find((i) => i.code === '20805')!.label).toBe('行政事业单位养老支出');
  });

  test('every total is a formula, every leaf amount an input, all formatted #,##0.00', () => {
    const sheet = built.workbook.sheets.find((s) => s.name === '公开03')!;
    const gk03 = t.get('gk03')!;
    for (const it of gk03.items) {
      const leaf = it.code?.length === 7;
      for (const [key, c] of Object.entries(it.cols)) {
        const cell = cellAt(sheet, it.row, c)!;
        expect(cell.numFmt).toBe('#,##0.00');
        const isRowTotal = key === 'total';
        expect(!!cell.formula).toBe(!leaf || isRowTotal);
      }
    }
    // 公开01 takes its class rows from 公开03 and its income sources from 公开02.
    const gk01 = t.get('gk01')!;
    const s01 = built.workbook.sheets.find((s) => s.name === '公开01')!;
    const cls = gk01.items.find((i) => i.classCode === '208')!;
    expect(cellAt(s01, cls.row, cls.cols.exp)!.formula).toMatch(/^SUMIF\('公开03'!/);
    const sy = gk01.items.find((i) => i.key === 'inc_sy')!;
    expect(cellAt(s01, sy.row, sy.cols.inc)!.formula).toMatch(/^'公开02'!/);
  });

  test('unit, year and 表号 are printed; print setup is A4 landscape with frozen headers', () => {
    const s = built.workbook.sheets[0];
    const texts = s.rows.slice(0, 3).flatMap((r) => (r ?? []).map((c) => c?.value)).filter(Boolean);
    expect(texts).toEqual(expect.arrayContaining(['部门：某某局', '2023年度', '公开01表', '金额单位：万元']));
    const lay = built.layouts['公开01'];
    expect(lay.landscape).toBe(true);
    expect(lay.freezeRows).toBeGreaterThan(3);
  });

  test('an empty template checks clean (blank is zero)', () => {
    const r = checkWorkbook(built.workbook);
    expect(r.summary).toEqual({ error: 0, warning: 0, info: 0 });
  });

  test('codes can come from last year\'s disclosure or a typed list', () => {
    const fromSeed = codesOfWorkbook(sampleWorkbook());
    expect(fromSeed.length).toBeGreaterThan(5);
    expect(fromSeed.every((c) => /^\d{3}(\d{2}){0,2}$/.test(c.code) && c.name)).toBe(true);
    const again = tables(scaffold({ unit: 'x', codes: fromSeed }).workbook).get('gk03')!;
    expect(again.items.filter((i) => i.code).map((i) => i.code).sort()).toEqual(fromSeed.map((c) => c.code).sort());
    expect(parseCodeList('2010301，2080505、 22102 abc 12')).toEqual({ codes: [{ code: '2010301' }, { code: '2080505' }, { code: '22102' }], bad: ['abc', '12'] });
  });

  test.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [26, '二十六'],
  ])('numbering %i → %s', (n, s) => expect(chineseNumeral(n)).toBe(s));
});

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
  put('gk06', cellPos(e06.find((i) => i.code === '30101')!, 'amount')!, basic.minus(pub));
  put('gk06', cellPos(e06.find((i) => i.code === '30201')!, 'amount')!, pub);
  // 公开01/04: the fiscal income; carry-overs zero.
  const g01 = t.get('gk01')!.items.find((i) => i.key === 'inc_gyys')!;
  put('gk01', cellPos(g01, 'inc')!, all);
  // 公开09: 预算 and 决算 parts.
  // (its only row is blank in the template, so it is found through the template's own layout)
  const row09 = built.inputs[sheetOf('gk09').name][0].r;
  const col09 = Object.fromEntries(Object.entries(edition.layout.sangongHeader.cols).map(([c, k]) => [k, Number(c)]));
  for (const [k, v] of [['ys_cg', 3], ['ys_gz', 0], ['ys_yx', 2.5], ['ys_jd', 1.25], ['js_cg', 2], ['js_gz', 0], ['js_yx', 2.4], ['js_jd', 1]] as const)
    put('gk09', { r: row09, c: col09[k] }, new Decimal(v));
  const expected: Record<string, Decimal> = { all, basic, project: all.minus(basic), sangong: new Decimal(5.4) };
  for (const [k, v] of byClass) expected['class' + k] = v;
  return { expected };
}

const office = soffice();
