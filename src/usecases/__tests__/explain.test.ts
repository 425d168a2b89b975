import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkFile, explainFile, clearFile } from '../../app';
import { readXlsx } from '../../hosts/xlsx/xlsx';
import { checkWorkbook } from '../../check';
import { SAMPLE, sampleWorkbook } from '../../../tests/helpers/grid';
import { importDocument } from '../../importDoc';
import { FakeBook } from '../../../tests/helpers/fakeExcel';
import { readWorkbook } from '../../hosts/office/officeExcel';
import { OfficeHost } from '../../hosts/office/officeHost';
import * as usecases from '..';
import { ruleName } from '../../check/registry';
import { REPORT_COL, REPORT_HEADER } from '../../core/flagPlan';

const STATUS = REPORT_HEADER.indexOf('状态');

/** 出错说明: written in 审核报告 or given directly, kept in the workbook, reopened when the cell changes. */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-explain-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const f = (n: string) => path.join(dir, n);

async function reportRow(file: string, pred: (values: string[]) => boolean) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('审核报告')!;
  let found: { wb: ExcelJS.Workbook; row: ExcelJS.Row } | undefined;
  ws.eachRow((row, rn) => {
    if (rn === 1 || found) return;
    const values = (row.values as unknown[])
      .slice(1)
      .map((v) => (typeof v === 'object' && v && 'text' in (v as object) ? String((v as { text: string }).text) : String(v ?? '')));
    if (pred(values)) found = { wb, row };
  });
  return found!;
}

describe('出错说明 in a workbook file', () => {
  test('an explained 提示 finding leaves the open count; the verdict’s count does not change', async () => {
    await checkFile(SAMPLE, f('c-hint.xlsx'));
    const target = await reportRow(f('c-hint.xlsx'), (v) => v[REPORT_COL.rule] === ruleName('form-indicator') && v[1] === '警告');
    target.row.getCell(REPORT_COL.explanation + 1).value = '实际完成值按比例填写，已核对无误。';
    await target.wb.xlsx.writeFile(f('a-hint.xlsx'));
    const before = await checkFile(f('a-hint.xlsx'));
    const r = await explainFile(f('a-hint.xlsx'), f('e-hint.xlsx'));
    expect(r.result.summary.explained).toBe(1);
    expect(r.result.summary.warning).toBe(before.summary.warning - 1);
    expect(r.result.blocking).toBe(before.blocking);
  });

  test('written in 审核报告’s 说明 column, it marks the finding 已说明, side by side in the report; it survives re-check and reopening; a changed cell reopens it', async () => {
    await checkFile(SAMPLE, f('checked.xlsx'));
    // The unit answers the repeated-word-free 提示 finding … here: the OA/0A name warning.
    const target = await reportRow(f('checked.xlsx'), (v) => v[REPORT_COL.rule] === ruleName('narr-project') && v[1] === '警告');
    target.row.getCell(REPORT_COL.explanation + 1).value = '自评表与正文名称写法不同，实为同一项目（OA 平台）。';
    await target.wb.xlsx.writeFile(f('answered.xlsx'));

    const before = await checkFile(f('answered.xlsx'));
    const r = await explainFile(f('answered.xlsx'), f('explained.xlsx'));
    expect(r.explained).toBe(1);
    // narr-project is 强制: explained, it still blocks, and the open count says so.
    expect(r.result.summary.explained).toBeUndefined();
    expect(r.result.summary.warning).toBe(before.summary.warning);
    expect(r.result.blocking).toBe(before.blocking);

    const row = await reportRow(f('explained.xlsx'), (v) => v[REPORT_COL.rule] === ruleName('narr-project') && v[STATUS] === '已说明');
    expect(row).toBeDefined();
    expect(String(row.row.getCell(REPORT_COL.explanation + 1).value)).toContain('实为同一项目');

    // Re-check the saved file (as after reopening): still explained.
    const again = await checkFile(f('explained.xlsx'), f('rechecked.xlsx'));
    expect(again.findings.filter((x) => x.explained)).toHaveLength(1);
    expect((await checkWorkbook(await readXlsx(fs.readFileSync(f('rechecked.xlsx'))))).findings.filter((x) => x.explained)).toHaveLength(1);

    // Change the explained cell: the finding is open again.
    const exp = again.findings.find((x) => x.explained)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f('rechecked.xlsx'));
    const cell = wb.getWorksheet(exp.sheet)!.getCell(exp.cell);
    cell.value = String(cell.value) + '（已修改）';
    await wb.xlsx.writeFile(f('changed.xlsx'));
    const reopened = checkWorkbook(await readXlsx(fs.readFileSync(f('changed.xlsx'))));
    expect(reopened.findings.filter((x) => x.explained)).toHaveLength(0);
  });

  test('an explanation answers a 提示 finding; a 强制 one still blocks submission', async () => {
    await checkFile(SAMPLE, f('c2.xlsx'));
    const forced = (await checkFile(SAMPLE)).findings.find((x) => x.rule === 'narr-unit')!;
    const r = await explainFile(f('c2.xlsx'), f('e2.xlsx'), {
      rule: forced.rule,
      sheet: '情况说明',
      cell: (await checkFile(f('c2.xlsx'))).findings.find((x) => x.rule === 'narr-unit')!.cell,
      text: '笔误，已知',
    });
    expect(r.explained).toBe(1);
    const before = checkWorkbook(await readXlsx(fs.readFileSync(f('c2.xlsx'))));
    expect(r.result.blocking).toBe(before.blocking);
    expect(r.result.submittable).toBe(false);
  });

  test('clearing the flags keeps the explanations', async () => {
    await clearFile(f('explained.xlsx'), f('cleared.xlsx'));
    const grid = await readXlsx(fs.readFileSync(f('cleared.xlsx')));
    expect(grid.explanations).toHaveLength(1);
    expect(grid.sheets.some((s) => s.name === '审核报告')).toBe(false);
  });

  test('a workbook never checked has no report to read explanations from: a clear message', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('公开01').getCell('A1').value = '收入支出决算总表';
    await wb.xlsx.writeFile(f('plain.xlsx'));
    await expect(explainFile(f('plain.xlsx'), f('plain-out.xlsx'))).rejects.toThrow(/审核报告/);
  });
});

describe('出错说明 in the open workbook (Office.js)', () => {
  test('saved with the use case (read, store, re-check, flag: six syncs), read back with the workbook, shown as 已说明', async () => {
    const grid = importDocument(sampleWorkbook());
    const book = FakeBook.fromGrid(grid);
    const finding = checkWorkbook(grid).findings.find((x) => x.rule === 'narr-project' && x.severity === 'warning')!;
    book.syncs = 0;
    const host = new OfficeHost((work) => work(book.context() as unknown as Excel.RequestContext), { notes: 'notes' });
    const r = await usecases.explain(host, [{ rule: finding.rule, sheet: finding.sheet, cell: finding.cell, text: '实为同一项目' }]);
    expect(book.syncs).toBe(6);
    expect(r.result.findings.filter((x) => x.explained).map((x) => x.explained)).toEqual(['实为同一项目']);
    expect(book.sheet('_juesuan_explanations')!.visibility).toBe('VeryHidden');
    const read = await readWorkbook(book.context() as unknown as Excel.RequestContext);
    expect(
      checkWorkbook(read)
        .findings.filter((x) => x.explained)
        .map((x) => x.explained),
    ).toEqual(['实为同一项目']);
    expect(book.sheet(finding.sheet)!.cells.get(finding.cell)!.fill).toBe('#E2EFDA');
  });
});
