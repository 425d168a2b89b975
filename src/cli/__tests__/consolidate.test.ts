import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { ROOT, FIXTURES } from '../../../tests/helpers/paths';
import { unitXlsx, UnitSpec } from '../../bench/units';
import { readXlsx } from '../../hosts/xlsx/xlsx';
import { cellText, Workbook } from '../../core/grid';
import { checkWorkbook } from '../../check';

/** juesuan consolidate as a department runs it: a folder of its units' files and its names list. */

const BIN = path.join(ROOT, 'bin', 'juesuan.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-consolidate-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120000 });
const t = (...p: string[]) => path.join(tmp, ...p);

const UNITS: UnitSpec[] = [
  { name: '东湖区水务局本级', seed: 101, toChildren: 50, fromChildren: 8 },
  { name: '东湖区水文站', seed: 102, fromParent: 30, toParent: 8 },
  { name: '东湖区水利所', seed: 103, fromParent: 20 },
];
const LIST = '单位名称\t上级单位\n东湖区水务局本级\n东湖区水文站\t东湖区水务局本级\n东湖区水利所\t东湖区水务局本级\n东湖区排涝站\t东湖区水务局本级\n';

const rows = (wb: Workbook, name: string) => wb.sheets.find((s) => s.name === name)!.rows.map((r) => (r ?? []).map((c) => cellText(c)));

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT });
  fs.mkdirSync(t('units'));
  for (const u of UNITS) fs.writeFileSync(t('units', u.name + '.xlsx'), await unitXlsx(u));
  // Among the units' files: one of last year, and one that is no workbook at all.
  fs.writeFileSync(t('units', '东湖区河道所.xlsx'), await unitXlsx({ name: '东湖区河道所', seed: 104, year: 2023 }));
  fs.writeFileSync(t('units', '说明.txt'), '请各单位于三月底前报送。\n');
  fs.writeFileSync(t('units', '名单.txt'), LIST);
});

describe('juesuan check --template: a unit’s copy told against the department’s current template', () => {
  test('a copy of version 1 told against version 2: which it came from, then what differs; a file of no template refused', async () => {
    const v2 = t('模板v2.xlsx');
    expect(run(['scaffold', '--unit', '东湖区水务局', '--year', '2024', '--template-version', '2', '--out', v2]).status).toBe(0);
    const r = run(['check', t('units', '东湖区水文站.xlsx'), '--template', v2]);
    expect(r.stdout).toContain('本工作簿来自模板「全国通用-2024」第1版，核对所用的模板是「全国通用-2024」第2版');
    const bad = run(['check', t('units', '东湖区水文站.xlsx'), '--template', t('units', '说明.txt')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('模板“说明.txt”：');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('表').getCell('A1').value = '自制表格';
    await book.xlsx.writeFile(t('自制.xlsx'));
    const plain = run(['check', t('units', '东湖区水文站.xlsx'), '--template', t('自制.xlsx')]);
    expect(plain.stderr).toContain('不是决算公开助手生成的模板（没有模板记录）');
  });
});

describe('juesuan consolidate', () => {
  test('a folder of units and the names list: the 汇总 written, checked clean, every unit accounted for', () => {
    const out = t('部门汇总.xlsx');
    const r = run(['consolidate', t('units'), '--units', t('units', '名单.txt'), '--out', out]);
    expect(r.stderr).not.toMatch(/Error|at .*\.js/);
    expect(r.stdout).toContain('东湖区水务局 2024年度部门决算汇总');
    expect(r.stdout).toContain('纳入 3 个单位');
    expect(r.stdout).toMatch(/未纳入：东湖区河道所\.xlsx（东湖区河道所）——年度为 2023/);
    expect(r.stdout).toMatch(/未纳入：说明\.txt/);
    expect(r.stdout).toContain('名单上未报送：东湖区排涝站');
    expect(r.stdout).toContain('可提交');
    expect(r.status).toBe(0);
    return readXlsx(fs.readFileSync(out), '部门汇总.xlsx').then((wb) => {
      // What the file says, read back as any workbook is: the nine tables, checked clean.
      const checked = checkWorkbook(wb);
      expect(checked.recognition.tables).toHaveLength(9);
      expect(checked.verdict).toBe('可提交');
      const list = rows(wb, '单位清单');
      // Units as read (by file name), then those not included, then those with no file.
      expect(list.slice(3).map((x) => [x[1], x[5]])).toEqual([
        ['东湖区水利所', '可提交'],
        ['东湖区水务局本级', '可提交'],
        ['东湖区水文站', '可提交'],
        ['说明', '未纳入汇总'],
        ['东湖区河道所', '未纳入汇总'],
        ['东湖区排涝站', '未报送'],
      ]);
      // The template each came from, read from its own file.
      expect(list[3][4]).toBe('全国通用-2024 第1版');
      const adjust = rows(wb, '调整表');
      expect(adjust.filter((x) => x[2] === '合计').map((x) => x[7].slice(0, 3))).toEqual(['已抵消', '已抵消']);
    });
  });

  test('the names list as a workbook (单位名称 and 上级单位 columns, anywhere): the same netting', async () => {
    const list = new ExcelJS.Workbook();
    const ws = list.addWorksheet('名单');
    ws.addRows([
      ['东湖区水务局所属单位'],
      ['序号', '上级单位', '单位名称'],
      [1, '', '东湖区水务局本级'],
      [2, '东湖区水务局本级', '东湖区水文站'],
      [3, '东湖区水务局本级', '东湖区水利所'],
    ]);
    await list.xlsx.writeFile(t('名单.xlsx'));
    const out = t('部门汇总-名单工作簿.xlsx');
    const r = run(['consolidate', ...UNITS.map((u) => t('units', u.name + '.xlsx')), '--units', t('名单.xlsx'), '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('往来抵消：东湖区水务局本级 上级补助收入 — 对附属单位补助支出 已抵消；东湖区水务局本级 上缴上级支出 — 附属单位上缴收入 已抵消');
  });

  test('the 汇总 is a disclosure like any other: draft writes its narrative', () => {
    const out = t('部门汇总-2.xlsx');
    expect(run(['consolidate', ...UNITS.map((u) => t('units', u.name + '.xlsx')), '--out', out]).status).toBe(0);
    const d = run(['draft', out, '--out', t('汇总-情况说明.xlsx')]);
    expect(d.stderr).toBe('');
    expect(d.status).toBe(0);
    expect(d.stdout).toMatch(/已起草/);
  });

  test('two published PDFs of one table set (the corpus, with their own mistakes): both in, their year, the 汇总 free of errors', async () => {
    const out = t('两单位汇总.xlsx');
    const pdfs = ['ghzy-2024.pdf', 'shgzb-2024.pdf'].map((n) => path.join(FIXTURES, 'corpus', n));
    const r = run(['consolidate', ...pdfs, '--out', out]);
    expect(r.stdout).toMatch(/2024年度部门决算汇总（上海市（表一—表九））：纳入 2 个单位/);
    // Their own mistakes are theirs (单位清单); their rounding is no difference of the 汇总's.
    expect(r.stdout).toMatch(/其中 2 个单位有未解决的强制问题/);
    expect(r.stdout).not.toContain('汇总核对');
    expect(r.stdout).toMatch(/汇总表核对：错误 0 项/);
    const wb = await readXlsx(fs.readFileSync(out), 'x.xlsx');
    expect(checkWorkbook(wb).recognition.tables).toHaveLength(9);
  });

  test('a unit that reports in Word: its .docx counted like its workbook would be', async () => {
    const { docxOfText } = await import('../../bench/docx');
    const grid = await readXlsx(fs.readFileSync(t('units', '东湖区水文站.xlsx')), 'x.xlsx');
    // The unit's nine tables as Word tables, its title lines as paragraphs.
    const text = grid.sheets.map((s) => s.rows.map((r) => (r ?? []).map((c) => cellText(c)).join('\t')).join('\n')).join('\n');
    fs.writeFileSync(t('东湖区水文站.docx'), await docxOfText(text));
    const asWord = run(['consolidate', t('units', '东湖区水务局本级.xlsx'), t('东湖区水文站.docx'), '--out', t('含Word.xlsx')]);
    const asBook = run(['consolidate', t('units', '东湖区水务局本级.xlsx'), t('units', '东湖区水文站.xlsx'), '--out', t('含工作簿.xlsx')]);
    expect(asWord.status).toBe(asBook.status);
    expect(asWord.stdout).toMatch(/纳入 2 个单位/);
    const figures = async (f: string) =>
      rows(await readXlsx(fs.readFileSync(f), 'x.xlsx'), '公开01')
        .flat()
        .filter((v) => /^-?[\d,]+\.\d\d$/.test(v));
    const fromBook = await figures(t('含工作簿.xlsx'));
    expect(fromBook.length).toBeGreaterThan(10);
    expect(await figures(t('含Word.xlsx'))).toEqual(fromBook);
  });

  test('never over an existing file without --force; no units, one clear message', () => {
    const out = t('已有.xlsx');
    fs.writeFileSync(out, 'keep');
    const r = run(['consolidate', t('units'), '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/已存在/);
    expect(fs.readFileSync(out, 'utf8')).toBe('keep');
    fs.mkdirSync(t('empty'));
    fs.writeFileSync(t('empty', 'a.txt'), '通知\n');
    const e = run(['consolidate', t('empty'), '--out', t('none.xlsx')]);
    expect(e.status).toBe(2);
    expect(e.stderr).toContain('没有可以汇总的单位');
    expect(fs.existsSync(t('none.xlsx'))).toBe(false);
  });
});
