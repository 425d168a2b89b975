import { FIXTURES } from '../../tests/helpers/paths';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkFileBytes, flaggedWorkbookBytes } from '../browserHost';
import { readDisclosure } from '../hosts/files';
import { checkWorkbook } from '../check';
import { SAMPLE } from '../../tests/helpers/grid';

/** The pane's browser mode reads a chosen file as the command line reads one from disk. */

const BAD = path.join(FIXTURES, 'bad');
const expected: Record<string, string> = JSON.parse(fs.readFileSync(path.join(BAD, 'expected.json'), 'utf8'));
// PDFs are read by pdfjs in the page: the Chromium test chooses them (App.chromium.slow.test.ts).
const unusable = Object.entries(expected).filter(([file]) => fs.existsSync(path.join(BAD, file)) && !file.endsWith('.pdf'));

test.each(unusable)('a chosen %s is refused with the command line’s message “%s”', async (file, message) => {
  await expect(checkFileBytes(file, new Uint8Array(fs.readFileSync(path.join(BAD, file))))).rejects.toThrow(message);
});

test('the sample chosen in the pane gives the findings the command line gives', async () => {
  const checked = await checkFileBytes(path.basename(SAMPLE), new Uint8Array(fs.readFileSync(SAMPLE)));
  const cli = checkWorkbook((await readDisclosure(SAMPLE)).workbook);
  expect(checked.kind).toBe('text');
  expect(checked.result.findings.map((f) => f.message)).toEqual(cli.findings.map((f) => f.message));
  expect(checked.result.summary.error).toBeGreaterThan(0);
});

test('a text document downloaded flagged is laid out as an imported one (paragraph sheets wide, tables framed)', async () => {
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
  const checked = await checkFileBytes('sample.txt', bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await flaggedWorkbookBytes(checked)) as unknown as ArrayBuffer);
  expect(wb.getWorksheet('情况说明')!.getColumn(1).width).toBe(120);
  expect(wb.getWorksheet('公开01')!.getColumn(1).width).toBe(34);
  // The report names the file the unit chose and gives the verdict of the downloaded workbook.
  const report = wb.getWorksheet('审核报告')!;
  expect(report.getCell('A1').value).toBe('决算公开审核报告');
  expect(String(report.getCell('A2').value)).toMatch(/^结论：(可提交|不可提交|未填写)/);
  expect(String(report.getCell('A4').value)).toMatch(/^工作簿：sample\.txt　　核对时间：/);
});

test('an explanation typed in the pane for a text document is in the downloaded workbook', async () => {
  const { explainChecked } = await import('../browserHost');
  const { readXlsx } = await import('../hosts/xlsx/xlsx');
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
  let checked = await checkFileBytes('sample.txt', bytes);
  // A narrative finding the imported workbook has too (same rule, same message).
  const f = checked.result.findings.find((x) => x.table === '情况说明' && x.severity === 'error')!;
  checked = await explainChecked(checked, f, '笔误，正式文本已更正');
  expect(checked.result.findings.find((x) => x.rule === f.rule && x.message === f.message)!.explained).toBe('笔误，正式文本已更正');
  const out = await flaggedWorkbookBytes(checked);
  const back = await readXlsx(out);
  expect(back.explanations!.map((e) => e.text)).toEqual(['笔误，正式文本已更正']);
  // Re-checked, the workbook shows the finding as explained, and its report says 已说明.
  const again = checkWorkbook(back);
  expect(again.findings.filter((x) => x.explained).map((x) => x.message)).toEqual([f.message]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out as unknown as ArrayBuffer);
  const report: string[] = [];
  wb.getWorksheet('审核报告')!.eachRow((row) => report.push(row.values!.toString()));
  expect(report.some((r) => r.includes('已说明') && r.includes('笔误，正式文本已更正'))).toBe(true);
});

describe('the engine the pane talks to (in its worker, or in the page)', () => {
  test('what crosses to the page is plain data: each table finding named by its row, the verdict, the tables', async () => {
    const { localEngine } = await import('../browserHost');
    const progress: number[] = [];
    const view = await localEngine().check('sample.txt', new Uint8Array(fs.readFileSync(SAMPLE)), { progress: (p) => progress.push(p.fraction) });
    expect(structuredClone(view)).toEqual(view);
    const cli = checkWorkbook((await readDisclosure(SAMPLE)).workbook);
    expect(view.findings.map((f) => f.message)).toEqual(cli.findings.map((f) => f.message));
    expect(view.tables).toEqual(cli.recognition.tables.map((t) => t.spec.code));
    expect(view.line).toMatch(new RegExp(`^不可提交：${cli.blocking} 项强制问题未解决`));
    expect(view.disclosure).toBe(true);
    const onRow = view.findings.find((f) => /^公开0\d$/.test(f.table) && f.where);
    expect(onRow?.where).toMatch(/^公开0\d「.+」$/);
    // A narrative finding comes with the sentence it quotes: the words around its fragment.
    const quoted = view.findings.filter((f) => f.text && f.table === '情况说明');
    expect(quoted.length).toBeGreaterThan(0);
    for (const f of quoted) {
      expect(f.sentence).toBeDefined();
      const whole = f.sentence!.before + f.text!.fragment + f.sentence!.after;
      expect(whole.length).toBeGreaterThan(f.text!.fragment.length);
      expect(whole.replace(/…/g, '')).not.toMatch(/[。！？；]./);
    }
    // Progress only moves forward, from reading to the last rule.
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);
  });

  test('an explanation saved through the engine (the finding as the page holds it) is in the downloaded workbook', async () => {
    const { localEngine } = await import('../browserHost');
    const { readXlsx } = await import('../hosts/xlsx/xlsx');
    const engine = localEngine();
    const view = await engine.check('sample.txt', new Uint8Array(fs.readFileSync(SAMPLE)));
    const f = structuredClone(view.findings.find((x) => x.table === '情况说明' && x.severity === 'error')!);
    const after = await engine.explain(f, '笔误，正式文本已更正');
    expect(after.findings.find((x) => x.message === f.message)!.explained).toBe('笔误，正式文本已更正');
    const back = await readXlsx((await engine.download())!);
    expect(back.explanations!.map((e) => e.text)).toEqual(['笔误，正式文本已更正']);
  });

  test('before a check there is nothing to explain or download; a finding not in the check is said so', async () => {
    const { localEngine } = await import('../browserHost');
    const engine = localEngine();
    expect(await engine.download()).toBeUndefined();
    await expect(engine.explain({ rule: 'x', sheet: 's', cell: 'A1', message: 'm' }, 't')).rejects.toThrow('请先审核');
    await engine.check('sample.txt', new Uint8Array(fs.readFileSync(SAMPLE)));
    await expect(engine.explain({ rule: 'x', sheet: 's', cell: 'A1', message: 'm' }, 't')).rejects.toThrow('找不到这一问题');
  });
});

test('a workbook with a chart chosen in the pane: read without the drawing exceljs cannot read, and the pane says what the download will lack', async () => {
  const file = path.join(FIXTURES, 'parts', 'chart-libreoffice.xlsx');
  const { localEngine } = await import('../browserHost');
  const engine = localEngine();
  const view = await engine.check('chart.xlsx', new Uint8Array(fs.readFileSync(file)));
  expect(view.copyLacks).toMatch(/^写出的副本不含原工作簿中的图表 1 个/);
  const bytes = await engine.download();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.worksheets.length).toBeGreaterThan(0);
  // Nothing said of a workbook whose copy lacks nothing.
  const plain = await localEngine().check('sample.txt', new Uint8Array(fs.readFileSync(SAMPLE)));
  expect(plain.copyLacks).toBeUndefined();
});
