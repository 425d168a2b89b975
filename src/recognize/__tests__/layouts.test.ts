import ExcelJS from 'exceljs';
import { sampleWorkbook, workbookFromTsv } from '../../../tests/helpers/grid';
import { table01 } from '../../../tests/helpers/tables';
import { asExported } from '../../../tests/helpers/exported';
import { checkWorkbook } from '../../check';
import { importDocument } from '../../importDoc';
import { gridToExcel } from '../../hosts/xlsx/xlsxWrite';
import { readXlsx } from '../../hosts/xlsx/xlsx';
import { Finding } from '../../core/findings';

/** The same disclosure in three layouts gives the same findings, table by table. */
/** A finding as compared across layouts: row numbers aside, and a row not found worded alike (a text says 未能完整读取, a workbook 表不完整). */
const shape = (fs: Finding[]) =>
  fs
    .map(
      (f) =>
        `${f.severity}|${f.rule}|${f.table}|${f.message
          .replace(/第 \d+ 行/g, '第 N 行')
          .replace(/(公开\d\d)未能完整读取：未读到(.*)，涉及的核对未执行（请核对原表是否列出）/, '$1表不完整：缺少$2，涉及的核对未执行')}`,
    )
    .sort();
const codes = (r: ReturnType<typeof checkWorkbook>) => r.recognition.tables.map((t) => t.spec.code).sort();
const ALL = ['公开01', '公开02', '公开03', '公开04', '公开05', '公开06', '公开07', '公开08', '公开09'];

async function viaXlsx(wb: ReturnType<typeof sampleWorkbook>) {
  const buf = await gridToExcel(wb).xlsx.writeBuffer();
  return readXlsx(Buffer.from(buf as ArrayBuffer));
}

describe('recognition in any layout', () => {
  const seed = checkWorkbook(sampleWorkbook());

  test('(b) the text layout: all tables in one grid, one after another, two truncated', () => {
    expect(codes(seed)).toEqual(ALL);
  });

  test('(a) our own workbook layout (one sheet per table, amounts as numbers), through an xlsx file', async () => {
    const wb = await viaXlsx(importDocument(sampleWorkbook()));
    const r = checkWorkbook(wb);
    expect(codes(r)).toEqual(ALL);
    expect(r.summary).toEqual(seed.summary);
    expect(r.findings.map((f) => f.sheet)).toEqual(r.findings.map((f) => f.table));
  });

  test('(c) an export from other software: merged titles, spacer rows and columns, extra header rows, reordered columns, numbered labels', async () => {
    const exported = asExported(importDocument(sampleWorkbook()));
    const wb = await viaXlsx(exported);
    expect(wb.sheets.find((s) => s.name === '公开03')!.merges.length).toBe(1);
    const r = checkWorkbook(wb);
    expect(codes(r)).toEqual(ALL);
    expect(r.summary).toEqual(seed.summary);
    expect(shape(r.findings).map((s) => s.replace(/\(\d+\)/g, ''))).toEqual(shape(seed.findings));
  });

  test('(c) an error planted in the reordered layout is found on the right cell', async () => {
    const exported = asExported(importDocument(sampleWorkbook()));
    const s03 = exported.sheets.find((s) => s.name === '公开03')!;
    // Find the 201 row and its 项目支出 value 502.41 wherever the columns went.
    let hit: { r: number; c: number } | undefined;
    s03.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell && cell.value === 502.41) hit = { r, c };
      }),
    );
    s03.rows[hit!.r][hit!.c] = { value: 503.41, numFmt: '#,##0.00' };
    const r = checkWorkbook(await viaXlsx(exported));
    const errs = r.findings.filter((f) => f.severity === 'error' && f.table.startsWith('公开'));
    expect(errs.length).toBeGreaterThan(0);
    expect(errs.every((f) => f.table === '公开03')).toBe(true);
    const { a1 } = await import('../../core/grid');
    expect(errs.some((f) => f.cell === a1(hit!.r, hit!.c))).toBe(true);
    void ExcelJS;
  });
});

describe('a label wrapped onto a second line (PDF text, narrow columns)', () => {
  const income = { 一般公共预算财政拨款收入: '30.00', 本年收入合计: '30.00', 总计: '30.00' };
  const expense = { 一般公共服务支出: '10.00', 社会保障和就业支出: '20.00', 本年支出合计: '30.00', 总计: '30.00' };
  const wrap = (tsv: string, at: string, rest: string) =>
    tsv
      .split('\n')
      .flatMap((l) => (l.includes(at + rest) ? [l.replace(at + rest, at), l.replace(/[^\t]+/g, '').replace(/^(\t*)/, (t) => t.slice(0, 3)) + rest] : [l]))
      .join('\n');
  const classes = (tsv: string) =>
    checkWorkbook(workbookFromTsv(tsv))
      .recognition.tables[0].items.filter((i) => i.classCode)
      .map((i) => `${i.classCode} ${i.label}`);

  test('read joined, and the table checks clean', () => {
    const tsv = wrap(table01(income, expense), '八、社会保障和就', '业支出');
    expect(tsv).toContain('\t\t\t业支出');
    expect(classes(tsv)).toContain('208 社会保障和就业支出');
    expect(checkWorkbook(workbookFromTsv(tsv)).findings.filter((f) => f.severity === 'error' && f.table === '公开01')).toEqual([]);
  });

  test('a label cut short with nothing below it (clipped by the next cell) is the one row it begins', () => {
    const clipped = table01(income, expense).replace('八、社会保障和就业支出', '八、社会保障和就');
    expect(classes(clipped)).toContain('208 社会保障和就');
    expect(checkWorkbook(workbookFromTsv(clipped)).findings.filter((f) => f.severity === 'error' && f.table === '公开01')).toEqual([]);
  });

  test('a piece too short, or the beginning of two rows, names no row', () => {
    expect(classes(table01(income, expense).replace('八、社会保障和就业支出', '八、社会保'))).not.toContainEqual(expect.stringMatching(/^208/));
    // 一般公共 begins 一般公共服务支出 alone among classes, but 一般 would begin more than one name.
    const rows = (tsv: string) => checkWorkbook(workbookFromTsv(tsv)).recognition.tables[0].items.map((i) => i.key ?? i.classCode);
    expect(rows(table01(income, expense).replace('一、一般公共预算财政拨款收入', '一、一般公共预算财政'))).toContain('inc_gyys');
    expect(rows(table01(income, expense).replace('一、一般公共预算财政拨款收入', '一、一般'))).not.toContain('inc_gyys');
  });
});
