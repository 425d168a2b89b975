import { checkWorkbook } from '../../../check';
import { textToWorkbook } from '../../../hosts/text/textDocument';
import { importDocument } from '../../../importDoc';
import { recognize, PRIOR_PREFIX } from '../../../recognize';
import { buildContext } from '../../../rules/engine';
import { tableValue } from '../../../recognize/query';
import { tableSet } from '../../../editions';
import { CellSel } from '../../../specs/types';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sampleText, SAMPLE } from '../../../../tests/helpers/grid';
import { checkFile, importFile } from '../../../app';
import { Workbook, setCell } from '../../../core/grid';

/** 比上年 sentences against last year's tables (sheets 上年…). */

const set = tableSet(2023);

/** Last year as the sample's tables with the figures its narrative implies for last year. */
function lastYear(overrides: [CellSel, number][]): Workbook {
  const wb = importDocument(textToWorkbook(sampleText(), 'last'));
  const ctx = buildContext(set, recognize(wb, set), wb);
  for (const [sel, v] of overrides) {
    const tv = tableValue(ctx.scopes[0].tables, sel, ctx.edition)!;
    setCell(tv.table.sheet, tv.r, tv.c, { value: v, numFmt: '#,##0.00' });
  }
  const tables = new Set(set.tables.map((t) => t.code));
  return { sheets: wb.sheets.filter((s) => tables.has(s.name)).map((s) => ({ ...s, name: PRIOR_PREFIX + s.name })) };
}

const IMPLIED: [CellSel, number][] = [
  [{ table: 'gk01', row: 'inc_grand', col: 'inc' }, 1442.81],
  [{ table: 'gk04', row: 'inc_total', col: 'inc' }, 1442.81],
  [{ table: 'gk04', row: 'inc_gyys', col: 'inc' }, 1442.81],
  [{ table: 'gk04', row: 'exp_total', col: 'exp_total' }, 1442.81],
  [{ table: 'gk04', row: 'exp_total', col: 'exp_gyys' }, 1442.81],
  [{ table: 'gk09', col: 'js_hj', data: true }, 1.22],
  [{ table: 'gk09', col: 'js_cg', data: true }, 0],
  [{ table: 'gk09', col: 'js_gc', data: true }, 1.22],
  [{ table: 'gk09', col: 'js_yx', data: true }, 1.22],
];

function check(prior: Workbook) {
  const wb = textToWorkbook(sampleText(), 'seed');
  wb.sheets.push(...prior.sheets);
  return checkWorkbook(wb).findings.filter((f) => f.rule === 'narr-prior');
}

describe('against last year', () => {
  test('increases that match last year’s tables are not flagged; last year’s tables are not checked', () => {
    const wb = textToWorkbook(sampleText(), 'seed');
    const prior = lastYear(IMPLIED);
    wb.sheets.push(...prior.sheets);
    const all = checkWorkbook(wb).findings;
    expect(all.filter((f) => f.rule === 'narr-prior')).toEqual([]);
    expect(all.some((f) => f.sheet.startsWith(PRIOR_PREFIX) && f.rule !== 'narr-prior')).toBe(false);
  });

  test('an increase that does not match last year is an error with the right figure', () => {
    const fs = check(lastYear([...IMPLIED.slice(1), [{ table: 'gk01', row: 'inc_grand', col: 'inc' }, 1400]]));
    expect(fs).toHaveLength(1);
    expect(fs[0].text).toMatchObject({ fragment: '477.57万元', suggestion: '增加520.38万元' });
  });

  test('与上年持平 is checked too', () => {
    const fs = check(lastYear([...IMPLIED, [{ table: 'gk09', col: 'js_jd', data: true }, 3]]));
    expect(fs.map((f) => f.text?.fragment)).toEqual(['与上年持平']);
    expect(fs[0].message).toContain('减少 3.00');
  });

  test('without last year, only internal consistency: nothing from this rule', () => {
    expect(check({ sheets: [] })).toEqual([]);
  });
});

describe('last year given as a file (check --prior)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-prior-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  // Last year written as this year: every 比上年增加/减少 of the text is then wrong.
  const priorFile = SAMPLE;

  test('a workbook checked with --out is checked against last year as without it; last year is not written into it', async () => {
    const wb = path.join(tmp, 'this-year.xlsx');
    await importFile(SAMPLE, wb);
    const key = (r: Awaited<ReturnType<typeof checkFile>>) => r.findings.filter((f) => f.rule === 'narr-prior').map((f) => `${f.sheet}!${f.cell} ${f.message}`);
    const plain = await checkFile(wb, undefined, priorFile);
    const out = path.join(tmp, 'checked.xlsx');
    const flagged = await checkFile(wb, out, priorFile);
    expect(key(plain).length).toBeGreaterThan(0);
    expect(key(flagged)).toEqual(key(plain));
    const ExcelJS = (await import('exceljs')).default;
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    expect(written.worksheets.some((w) => w.name.startsWith(PRIOR_PREFIX))).toBe(false);
  });
});
