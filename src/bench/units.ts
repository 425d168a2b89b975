import Decimal from 'decimal.js';
import { Workbook, Sheet, Cell } from '../core/grid';
import { evaluateFormulas } from '../core/formula';
import { recognize } from '../recognize';
import { editionByChoice } from '../editions';
import { scaffold, ScaffoldResult, withInputsZeroed } from '../scaffold/build';
import { Item, RecognizedTable } from '../recognize/model';
import { XlsxHost } from '../hosts/xlsx/xlsxHost';
import { gridToExcel } from '../hosts/xlsx/xlsxWrite';
import { identityProperties, TEMPLATE_SHEET } from '../scaffold/identity';

/**
 * Units of a department as the tests and the bench need them: the department's template
 * (scaffold), filled by each unit with figures of its own that agree everywhere a check looks —
 * within each table, between tables, 收入总计 = 支出总计 — so that their 汇总 must check clean too.
 * Built, not sampled: every relation is made to hold by construction, each from its own side.
 */

export interface UnitSpec {
  name: string;
  seed: number;
  year?: number;
  /** 科目 (项) the unit lists; a parent's 类/款 rows are added. */
  codes?: string[];
  /** 上级补助收入 the unit receives (on its first 科目); 0 by default. */
  fromParent?: number;
  /** 对附属单位补助支出 it pays (on its first 科目); 0 by default. */
  toChildren?: number;
  /** 上缴上级支出 it pays and 附属单位上缴收入 it receives. */
  toParent?: number;
  fromChildren?: number;
}

export const UNIT_CODES = ['2010101', '2010102', '2010301', '2010350', '2050101', '2080501', '2080505', '2101101', '2210201', '2130101'];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** A unit's workbook, filled and with its formulas' values: what it would send its department. */
export function unitWorkbook(spec: UnitSpec): Workbook {
  return filledUnit(spec).workbook;
}

export function filledUnit(spec: UnitSpec): ScaffoldResult {
  const rand = rng(spec.seed);
  const cents = (max: number) => new Decimal(Math.round(rand() * max * 100)).div(100);
  const pick = spec.codes ?? UNIT_CODES.filter(() => rand() < 0.5);
  const codes = (pick.length ? pick : [UNIT_CODES[0]]).map((code) => ({ code }));
  const built = scaffold({ unit: spec.name, year: spec.year ?? 2024, codes });
  const ed = editionByChoice('全国通用')!;
  const wb = built.workbook;
  const rec = recognize(withInputsZeroed(wb), ed.tables);
  const table = (id: string) => rec.tables.find((t) => t.spec.id === id)!;
  const sheetOf = (t: RecognizedTable): Sheet => wb.sheets.find((s) => s.name === t.sheet.name)!;
  const set = (t: RecognizedTable, it: Item, col: string, v: Decimal) => {
    const cell = sheetOf(t).rows[it.row][it.cols[col]] as Cell;
    if (cell.formula) throw new Error(`${t.spec.code} ${it.label} ${col} 是公式`);
    cell.value = Number(v.toFixed(2));
  };
  const leaves = (t: RecognizedTable) => t.items.filter((it) => it.code && !t.items.some((o) => o.code && o.code !== it.code && o.code.startsWith(it.code!)));
  const sum = (xs: Decimal[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0));

  // 公开05 一般公共预算财政拨款支出 by 项; 公开03 at least as much, with the other kinds of spending.
  const gk05 = table('gk05');
  const gk03 = table('gk03');
  const gk02 = table('gk02');
  const jb05: Decimal[] = [];
  let slack = new Decimal(0);
  leaves(gk05).forEach((it, i) => {
    const jb = cents(500);
    const xm = cents(300);
    jb05.push(jb);
    set(gk05, it, 'jb', jb);
    set(gk05, it, 'xm', xm);
    const on03 = gk03.items.find((x) => x.code === it.code)!;
    set(gk03, on03, 'jb', jb.plus(cents(50)));
    set(gk03, on03, 'xm', xm.plus(cents(50)));
    set(gk03, on03, 'jyzc', i % 3 === 0 ? cents(20) : new Decimal(0));
    set(gk03, on03, 'sjjs', i === 0 ? new Decimal(spec.toParent ?? 0) : new Decimal(0));
    set(gk03, on03, 'fsbz', i === 0 ? new Decimal(spec.toChildren ?? 0) : new Decimal(0));
    // 公开02: the 财政拨款 covering 公开05's spending (and a little carried over), other income beside it.
    const on02 = gk02.items.find((x) => x.code === it.code)!;
    const extra = cents(30);
    slack = slack.plus(extra);
    set(gk02, on02, 'czbk', jb.plus(xm).plus(extra));
    set(gk02, on02, 'sjbz', i === 0 ? new Decimal(spec.fromParent ?? 0) : new Decimal(0));
    set(gk02, on02, 'sy', cents(80));
    set(gk02, on02, 'jy', i % 3 === 0 ? cents(20) : new Decimal(0));
    set(gk02, on02, 'fs', i === 0 ? new Decimal(spec.fromChildren ?? 0) : new Decimal(0));
    set(gk02, on02, 'qt', cents(10));
  });
  const czbk = sum(leaves(gk02).map((it) => new Decimal(sheetOf(gk02).rows[it.row][it.cols.czbk]!.value as number)));

  // 公开01 / 公开04: 一般公共预算财政拨款收入 as 公开02 gives it; what is not spent is carried over.
  const gk01 = table('gk01');
  const gk04 = table('gk04');
  const row = (t: RecognizedTable, key: string) => t.items.find((x) => x.key === key)!;
  set(gk01, row(gk01, 'inc_gyys'), 'inc', czbk);
  set(gk01, row(gk01, 'inc_zfjj'), 'inc', new Decimal(0));
  set(gk01, row(gk01, 'inc_gyzb'), 'inc', new Decimal(0));
  const begin = cents(200);
  set(gk04, row(gk04, 'inc_begin_gyys'), 'inc', begin);
  set(gk04, row(gk04, 'exp_end'), 'exp_gyys', begin.plus(slack));

  // 公开06: 公开05's 基本支出 spread over a few 经济分类 rows, to the cent.
  const gk06 = table('gk06');
  const open = gk06.items.filter(
    (it) => it.code && it.code.length === 5 && !['30212', '30217', '30231', '31013'].includes(it.code) && !sheetOf(gk06).rows[it.row][it.cols.amount]?.formula,
  );
  const chosen = open.filter((_, i) => i % 4 === spec.seed % 4).slice(0, 8);
  let left = sum(jb05);
  chosen.forEach((it, i) => {
    const v = i === chosen.length - 1 ? left : Decimal.min(left, left.times(rand() * 0.5).toDecimalPlaces(2, Decimal.ROUND_DOWN));
    left = left.minus(v);
    set(gk06, it, 'amount', v);
  });

  // 公开09: the 三公 budget and spending (公开06 books none of them: nothing to exceed).
  const gk09 = table('gk09');
  const data = gk09.items[0];
  for (const col of ['ys_cg', 'ys_gz', 'ys_yx', 'ys_jd', 'js_cg', 'js_gz', 'js_yx', 'js_jd'])
    if (data.cols[col] !== undefined && !sheetOf(gk09).rows[data.row][data.cols[col]]?.formula) set(gk09, data, col, cents(5));

  // 公开01's balance: what is left at the year's end, once every total is known.
  evaluateFormulas(wb);
  const value = (t: RecognizedTable, key: string, col: string) => new Decimal((sheetOf(t).rows[row(t, key).row][row(t, key).cols[col]]!.value as number) ?? 0);
  const begin01 = cents(300).plus(value(gk01, 'exp_total', 'exp'));
  set(gk01, row(gk01, 'inc_begin'), 'inc', begin01);
  evaluateFormulas(wb);
  set(gk01, row(gk01, 'exp_end'), 'exp', value(gk01, 'inc_grand', 'inc').minus(value(gk01, 'exp_total', 'exp')));
  evaluateFormulas(wb);
  // As a host reads it back from the file: the template's record beside the grid.
  wb.templateRecord = built.record.rows.map((r) => r.map((c) => String(c?.value ?? '')));
  return built;
}

/**
 * The unit's workbook as the file it sends: written the way 生成模板 writes a template (the tables,
 * the template's record very hidden, its identity in the file's properties), then filled.
 */
export async function unitXlsx(spec: UnitSpec): Promise<Uint8Array> {
  const built = filledUnit(spec);
  const host = new XlsxHost(gridToExcel({ sheets: [] }), spec.name + '.xlsx');
  await host.writeSheets({ sheets: [...built.workbook.sheets, built.record] }, { ...built.layouts, [TEMPLATE_SHEET]: { veryHidden: true } });
  await host.setProperties(identityProperties(built.identity));
  return host.bytes();
}
