import ExcelJS from 'exceljs';
import { ROOT, FIXTURES } from '../../../tests/helpers/paths';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { checkParagraph } from '../../customFunctions/core';
import { SAMPLE, sampleTablesText } from '../../../tests/helpers/grid';

/** The command line as a user runs it: exit codes, one JSON object, one-line messages, no stack traces. */
const BIN = path.join(ROOT, 'bin', 'juesuan.js');
const BAD = path.join(FIXTURES, 'bad');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120000 });

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT });
});

describe('juesuan check', () => {
  test('--json prints exactly one JSON object with findings and summary', () => {
    const r = run('check', SAMPLE, '--json');
    // The sample's narrative has real mistakes (元 for 万元, scores that differ from the forms).
    expect(r.status).toBe(1);
    const obj = JSON.parse(r.stdout);
    expect(Object.keys(obj).sort()).toEqual(['findings', 'summary']);
    expect(obj.summary.error).toBeGreaterThan(0);
    expect(obj.findings.every((f: { table: string; severity: string }) => f.severity !== 'error' || !f.table.startsWith('公开'))).toBe(true);
    expect(obj.findings.length).toBe(obj.summary.error + obj.summary.warning + obj.summary.info);
  });

  test('--json of a large check piped to another program arrives whole (more than a pipe holds at once)', () => {
    const f = path.join(tmp, 'forty-units.txt');
    fs.writeFileSync(f, Array(40).fill(fs.readFileSync(SAMPLE, 'utf8')).join('\n'));
    const r = run('check', f, '--json');
    expect(Buffer.byteLength(r.stdout)).toBeGreaterThan(512 * 1024);
    expect(JSON.parse(r.stdout).summary.error).toBeGreaterThan(0);
  });

  test('a disclosure with an error exits 1', () => {
    const broken = fs.readFileSync(SAMPLE, 'utf8').replace('30101\t基本工资\t270.45', '30101\t基本工资\t271.45');
    const f = path.join(tmp, 'broken.txt');
    fs.writeFileSync(f, broken);
    const r = run('check', f, '--json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings.some((x: { table: string; severity: string }) => x.table === '公开06' && x.severity === 'error')).toBe(true);
  });

  test('one paragraph in a .txt is checked as narrative, with the same findings as CHECKTEXT', () => {
    const text = '本年支出合计820.00万元，其中：基本支出600.00万元，占73.2%；项目支出220.00万元，占26.8%。与2022年度决算相比，支出增加40.00万元，增长6.1%。';
    const f = path.join(tmp, 'paragraph.txt');
    fs.writeFileSync(f, text + '\n');
    const r = run('check', f, '--json');
    expect(r.status).toBe(1);
    const messages = JSON.parse(r.stdout).findings.map((x: { message: string }) => x.message);
    expect(messages).toEqual([expect.stringContaining('应为 5.1%')]);
    expect(checkParagraph(text)).toEqual(messages);
  });

  test('a published PDF checked into a marked copy: a highlight with the message on each finding, the 审核报告 beside it', async () => {
    const pdf = path.join(ROOT, 'tests', 'fixtures', 'corpus', 'shgzb-2024.pdf');
    const outPdf = path.join(tmp, 'checked.pdf');
    const r = run('check', pdf, '--out', outPdf, '--json');
    expect(r.status).toBe(1);
    const findings: { message: string; page?: number; boxes?: { page: number }[] }[] = JSON.parse(r.stdout).findings;
    expect(findings.every((f) => f.page && f.page > 0)).toBe(true);
    const { PDFDocument, PDFName, PDFArray } = await import('pdf-lib');
    const doc = await PDFDocument.load(fs.readFileSync(outPdf));
    const notes: { text: string; quads: number }[] = [];
    doc.getPages().forEach((p) => {
      const annots = p.node.lookup(PDFName.of('Annots'));
      if (annots instanceof PDFArray)
        for (const a of annots.asArray()) {
          const d = doc.context.lookup(a) as import('pdf-lib').PDFDict;
          if (d.get(PDFName.of('Subtype'))?.toString() === '/Highlight')
            notes.push({
              text: (d.get(PDFName.of('Contents')) as import('pdf-lib').PDFHexString).decodeText(),
              quads: (d.get(PDFName.of('QuadPoints')) as PDFArray).size() / 8,
            });
        }
    });
    // One highlight per finding and page it stands on; a fragment wrapped onto the next line is
    // marked on both lines (增长 | 100.00% on page 17).
    expect(notes).toHaveLength(findings.reduce((n, f) => n + new Set((f.boxes ?? [{ page: f.page! }]).map((b) => b.page)).size, 0));
    for (const f of findings) expect(notes.some((n) => n.text.includes(f.message))).toBe(true);
    const wrapped = findings.filter((f) => f.boxes && f.boxes.length > 1);
    expect(wrapped.length).toBeGreaterThan(0);
    for (const f of wrapped) expect(notes.find((n) => n.text.includes(f.message))!.quads).toBeGreaterThan(1);
    expect(doc.getPageCount()).toBe((await PDFDocument.load(fs.readFileSync(pdf))).getPageCount());
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(path.join(tmp, 'checked.审核报告.xlsx'));
    // The report alone: no hidden store to print as a blank page.
    expect(report.worksheets.map((w) => [w.name, w.state])).toEqual([['审核报告', 'visible']]);
    const sheet = report.getWorksheet('审核报告')!;
    // Each finding at its page and place (the narrative's section and paragraph), never the grid the
    // PDF was read into; in reading order within a table (第2页 before 第13页).
    const rows: { page: number; table: string; where: string; severity: string }[] = [];
    sheet.eachRow((row) => {
      const where = row.getCell(4).value;
      if (typeof where === 'string' && /^第\d+页/.test(where))
        rows.push({ page: Number(/^第(\d+)页/.exec(where)![1]), table: String(row.getCell(3).value), where, severity: String(row.getCell(2).value) });
    });
    expect(rows).toHaveLength(findings.length);
    expect(rows.some((r) => r.where.includes('情况说明「'))).toBe(true);
    expect(rows.every((r) => !/![A-Z]+\d+/.test(r.where))).toBe(true);
    for (let i = 1; i < rows.length; i++)
      if (rows[i].table === rows[i - 1].table && rows[i].severity === rows[i - 1].severity) expect(rows[i].page).toBeGreaterThanOrEqual(rows[i - 1].page);
    // The command's table says the same places.
    const table = run('check', pdf);
    expect(table.stdout).not.toMatch(/第\d+页 \S+![A-Z]+\d+/);
    expect(table.stdout).toMatch(/第\d+页 情况说明「/);
  });

  test('--debug-pdf draws each page as the reader saw it (第N页.svg); a workbook is told it takes a PDF', () => {
    const pdf = path.join(ROOT, 'tests', 'fixtures', 'corpus', 'shgzb-2024.pdf');
    const dir = path.join(tmp, 'debug-pages');
    const r = run('check', pdf, '--json', '--debug-pdf', dir);
    expect(r.status).toBe(1);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    const files = fs.readdirSync(dir);
    expect(files.length).toBeGreaterThan(10);
    expect(files).toContain('第1页.svg');
    const tables = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).filter((svg) => svg.includes('有线表') || svg.includes('按对齐读取'));
    expect(tables.length).toBeGreaterThanOrEqual(9);
    expect(r.stderr).toContain(`已写出 ${files.length} 页的识别图`);
    // Drawn again: the pictures there are not replaced without --force.
    expect(run('check', pdf, '--debug-pdf', dir).stderr).toContain('已存在');
    const w = run('check', SAMPLE, '--debug-pdf', path.join(tmp, 'debug-txt'));
    expect(w.stderr).toContain('--debug-pdf 只适用于 PDF 文件');
  });

  test.each(['word.docx', 'word-named.xlsx'])(
    'a Word document (%s, whatever it is called) is read as a document: one that is no disclosure is told as any other text',
    (file) => {
      const r = run('check', path.join(BAD, file));
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('仅核对了情况说明（未提供公开表，不能作为决算公开提交）');
    },
  );

  const expected: Record<string, string> = JSON.parse(fs.readFileSync(path.join(BAD, 'expected.json'), 'utf8'));
  test.each(Object.entries(expected))('unusable input %s exits 2 with “%s”, no stack trace', (file, message) => {
    const r = run('check', path.join(BAD, file));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n').length).toBe(1);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:/);
  });

  test('a folder with --report: a 检查表 of one row per file — verdict, counts, parts, main causes — a bad file under its own name', async () => {
    const dir = path.join(tmp, 'batch');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(SAMPLE, path.join(dir, 'a.txt'));
    fs.copyFileSync(path.join(BAD, 'empty.txt'), path.join(dir, 'b.txt'));
    fs.writeFileSync(path.join(dir, 'c.txt'), sampleTablesText());
    const report = path.join(tmp, '检查表.xlsx');
    const copies = path.join(tmp, '已标记');
    const r = run('check', dir, '--json', '--report', report, '--out', copies);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as { files: { file: string; summary: { error: number; warning: number; info: number } | null; error: string | null }[] };
    expect(r.stderr).toContain('已写出检查表');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const ws = wb.getWorksheet('检查表')!;
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '单位', '文件', '结论', '强制问题', '错误', '警告', '提示', '各部分问题', '主要问题', '标记副本']);
    const rows = [4, 5, 6].map((n) => ws.getRow(n));
    expect(rows.map((row) => row.getCell(3).value)).toEqual(json.files.map((f) => f.file));
    for (const [k, f] of json.files.entries()) {
      const row = rows[k];
      if (f.error) {
        expect(row.getCell(4).value).toBe(f.error);
        continue;
      }
      expect([row.getCell(6).value, row.getCell(7).value, row.getCell(8).value]).toEqual([f.summary!.error, f.summary!.warning, f.summary!.info]);
      expect(String(row.getCell(4).value)).toMatch(/可提交|不可提交|未填写|未找到/);
    }
    const sample = rows[json.files.findIndex((f) => f.file === 'a.txt')];
    // The unit as the document names itself; its flagged copy linked, beside the 检查表, and there.
    expect(String(sample.getCell(2).value)).toMatch(/\S/);
    expect(sample.getCell(11).value).toEqual({ text: path.join('已标记', 'a.xlsx'), hyperlink: '%E5%B7%B2%E6%A0%87%E8%AE%B0/a.xlsx' });
    expect(fs.existsSync(path.join(copies, 'a.xlsx'))).toBe(true);
    expect(String(sample.getCell(9).value)).toMatch(/情况说明 \d+/);
    expect(String(sample.getCell(10).value).split('、')).toHaveLength(3);
    expect(rows[json.files.findIndex((f) => f.file === 'b.txt')].getCell(4).value).toMatch(/文件为空/);
    expect(rows[json.files.findIndex((f) => f.file === 'b.txt')].getCell(11).value ?? '').toBe('');
    // Never over an existing file without --force; the copies never into the folder checked.
    expect(run('check', dir, '--report', report).stderr).toContain('已存在');
    expect(run('check', dir, '--out', copies).stderr).toContain('已存在');
    expect(run('check', dir, '--out', dir).stderr).toContain('不能写入被核对的文件夹本身');
  });

  test('a folder is checked file by file with a summary table', () => {
    const dir = path.join(tmp, 'folder');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(SAMPLE, path.join(dir, 'a.txt'));
    fs.copyFileSync(path.join(BAD, 'empty.txt'), path.join(dir, 'b.txt'));
    fs.writeFileSync(path.join(dir, 'c.txt'), sampleTablesText());
    const r = run('check', dir);
    expect(r.status).toBe(1);
    // Each file's verdict: the sample has 强制 problems; the tables alone only the 公开04/05 warnings
    // of a truncated table (强制 too: the relations they would check are not checked).
    expect(r.stdout).toMatch(/a\.txt\s+[1-9]\d*\s+\d+\s+\d+\s+不可提交（\d+ 项强制问题）/);
    expect(r.stdout).toMatch(/c\.txt\s+0\s+2\s+\d+\s+不可提交（2 项强制问题）/);
    expect(r.stdout).toMatch(/2 个不可提交/);
    expect(r.stdout).toMatch(/b\.txt.*文件为空/);
    expect(r.stderr).toContain('核对中');
  });

  test('a file with no table in it is never 可提交: the same verdict with and without --out, alone and in a folder', () => {
    const dir = path.join(tmp, 'no-tables');
    fs.mkdirSync(dir, { recursive: true });
    const minutes = path.join(dir, 'minutes.txt');
    fs.writeFileSync(minutes, '会议纪要\n议题\t负责人\n预算执行\t张三\n资产清查\t李四\n');
    const prose = path.join(dir, 'prose.txt');
    fs.writeFileSync(prose, '第三部分\n六、机关运行经费支出说明\n机关运行经费支出 63.94 万元，较上年增加 9.74 万元，增长 18.0%。\n');
    for (const [file, verdict] of [
      [minutes, /未找到公开表：文件中没有识别到任何一张公开表/],
      [prose, /仅核对了情况说明（未提供公开表，不能作为决算公开提交）/],
    ] as const) {
      const plain = run('check', file);
      const withOut = run('check', file, '--out', path.join(tmp, `${path.basename(file)}.xlsx`));
      expect([plain.status, withOut.status]).toEqual([1, 1]);
      expect(plain.stdout).toMatch(verdict);
      expect(withOut.stdout).toMatch(verdict);
    }
    const folder = run('check', dir);
    expect(folder.status).toBe(1);
    expect(folder.stdout).toMatch(/minutes\.txt.*未找到公开表/);
    expect(folder.stdout).toMatch(/prose\.txt.*仅核对情况说明/);
    expect(folder.stdout).toMatch(/2 个不可提交/);
  });

  test.each([['--help'], ['-h'], ['help']])('%s prints the usage and exits 0', (flag) => {
    const r = run(flag);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('用法');
    expect(r.stdout).toContain('退出码：0 可提交');
  });

  test('--version and -v print the version', () => {
    for (const flag of ['--version', '-v']) {
      const r = run(flag);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^决算公开助手 juesuan \d+\.\d+\.\d+/);
    }
  });

  test('wrong usage exits 2 with a Chinese hint', () => {
    const r = run('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('未知命令');
  });
});

describe('juesuan import, check --out and clear', () => {
  test('import of a published 2024 PDF: 表一…表九 in order, each part of the text under its own sheet', async () => {
    const out = path.join(tmp, 'pdf-import.xlsx');
    const r = run('import', path.join(ROOT, 'tests', 'fixtures', 'corpus', 'ghzy-2024.pdf'), '--out', out);
    expect(r.status).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '封面',
      '部门概况',
      '表一',
      '表二',
      '表三',
      '表四',
      '表五',
      '表六',
      '表七',
      '表八',
      '表九',
      '情况说明',
      '名词解释',
    ]);
    const first = (name: string) => String(wb.getWorksheet(name)!.getCell('A1').value).replace(/\s+/g, '');
    expect(first('情况说明')).toMatch(/^第三部分/);
    expect(first('名词解释')).toMatch(/^第四部分/);
    expect(wb.getWorksheet('情况说明')!.rowCount).toBeGreaterThan(100);
  });

  test('import writes one sheet per table plus the document’s parts', async () => {
    const out = path.join(tmp, 'wb.xlsx');
    const r = run('import', SAMPLE, '--out', out);
    expect(r.status).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual([
      '封面',
      '部门概况',
      '公开01',
      '公开02',
      '公开03',
      '公开04',
      '公开05',
      '公开06',
      '公开07',
      '公开08',
      '公开09',
      '情况说明',
      '绩效自评表',
      '名词解释',
    ]);
    const ws = wb.getWorksheet('公开03')!;
    let totalRow = 0;
    ws.eachRow((row, rn) => {
      if (row.getCell(1).value === '合计' && !totalRow) totalRow = rn;
    });
    expect(ws.getCell(totalRow, 3).value).toBe(1920.38);
    expect(ws.getCell(totalRow, 3).numFmt).toBe('#,##0.00');
    expect(wb.getWorksheet('绩效自评表')!.rowCount).toBeGreaterThan(29 * 15);
  });
});

describe('juesuan scaffold', () => {
  test.each([
    // 2010301 brings its 类 201 and 款 20103.
    ['2023', [], '2010301', '公开01', 3],
    // The year never switches the tables; --tables does.
    ['2024', [], '2010301', '公开01', 3],
    ['2024', ['--tables', '上海市'], '2010301,2080505', '表一', 6],
  ])('--year %s %j --codes %s: the template’s sheets and the number of 科目 it lists', (year, tables, codes, firstSheet, count) => {
    const out = path.join(tmp, `template-${year}-${tables.length}.xlsx`);
    const r = run('scaffold', '--unit', '测试单位', '--year', year, ...tables, '--codes', codes, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`工作表：${firstSheet}、`);
    expect(r.stdout).toContain(`支出功能分类科目 ${count} 个`);
    expect(fs.existsSync(out)).toBe(true);
  });

  test('an unknown --tables is refused with the choices, nothing written', () => {
    const out = path.join(tmp, 'beijing.xlsx');
    const r = run('scaffold', '--unit', '测试单位', '--tables', '北京市', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('未知的表格式“北京市”；--tables 可选：全国通用（公开01—公开09）、上海市（表一—表九）');
    expect(fs.existsSync(out)).toBe(false);
  });

  test('an existing file is not overwritten without --force', () => {
    const out = path.join(tmp, 'taken.xlsx');
    fs.writeFileSync(out, 'mine');
    const r = run('scaffold', '--unit', '测试单位', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('已存在');
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
  });
});
