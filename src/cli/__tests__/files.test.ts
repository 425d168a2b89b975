import JSZip from 'jszip';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { ROOT, FIXTURES } from '../../../tests/helpers/paths';
import { SAMPLE } from '../../../tests/helpers/grid';

/**
 * Nothing of the user's lost or overwritten, tried as a careless and a hostile user would: an output
 * named as the input (or a link to it, or the same name in other case), an output that exists, a
 * bad file with and without --out, a workbook built to exhaust memory, a worker that dies.
 */

const BIN = path.join(ROOT, 'bin', 'juesuan.js');
const BAD = path.join(FIXTURES, 'bad');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-files-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120000, env: { ...process.env, ...env } });
const t = (name: string) => path.join(tmp, name);
const bytes = (f: string) => fs.readFileSync(f);

let workbook = '';
beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT });
  workbook = t('sample.xlsx');
  expect(run(['import', SAMPLE, '--out', workbook]).status).toBe(0);
});

/** Each command that writes, with its input and the rest of its arguments. */
const WRITERS: [string, (input: string, out: string) => string[]][] = [
  ['check', (i, o) => ['check', i, '--out', o]],
  ['clear', (i, o) => ['clear', i, '--out', o]],
  ['explain', (i, o) => ['explain', i, '--out', o, '--rule', 'narr-unit', '--cell', '情况说明!A1', '--text', '说明']],
  ['draft', (i, o) => ['draft', i, '--out', o]],
  ['forms', (i, o) => ['forms', i, '--out', o]],
];

describe('never over the input', () => {
  test.each(WRITERS)('%s with --out naming its input is refused, the input untouched', (_cmd, args) => {
    const input = t(`${_cmd}-in.xlsx`);
    fs.copyFileSync(workbook, input);
    const before = bytes(input);
    for (const out of [input, `--force`]) {
      const r = run(out === '--force' ? [...args(input, input), '--force'] : args(input, out));
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('就是输入文件');
      expect(bytes(input).equals(before)).toBe(true);
    }
  });

  test('nor through a symbolic link to it, nor by the same name in other case', () => {
    const input = t('linked.xlsx');
    fs.copyFileSync(workbook, input);
    fs.symlinkSync(input, t('link.xlsx'));
    const before = bytes(input);
    for (const out of [t('link.xlsx'), t('LINKED.XLSX'), path.join(tmp, '.', 'sub', '..', 'linked.xlsx')]) {
      const r = run(['check', input, '--out', out, '--force']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('就是输入文件');
    }
    expect(bytes(input).equals(before)).toBe(true);
  });

  test('import onto the text it reads, and a PDF’s report onto its input, are refused', () => {
    const text = t('doc.txt');
    fs.copyFileSync(SAMPLE, text);
    expect(run(['import', text, '--out', text, '--force']).stderr).toContain('就是输入文件');
    expect(bytes(text).equals(bytes(SAMPLE))).toBe(true);
  });
});

describe('never over an existing file without --force', () => {
  test.each(WRITERS.filter(([c]) => c !== 'explain'))('%s: an existing output is kept unless --force', (cmd, args) => {
    const out = t(`${cmd}-existing.xlsx`);
    fs.writeFileSync(out, 'the user’s own file');
    const r = run(args(workbook, out));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/已存在.*--force/);
    expect(fs.readFileSync(out, 'utf8')).toBe('the user’s own file');
    const forced = run([...args(workbook, out), '--force']);
    expect([0, 1]).toContain(forced.status);
    expect(bytes(out).subarray(0, 2).toString()).toBe('PK');
  });

  test('import too', () => {
    const out = t('import-existing.xlsx');
    fs.writeFileSync(out, 'mine');
    expect(run(['import', SAMPLE, '--out', out]).status).toBe(2);
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
  });
});

describe('a bad file: the same message with and without --out, and nothing left behind', () => {
  const expected: Record<string, string> = JSON.parse(fs.readFileSync(path.join(BAD, 'expected.json'), 'utf8'));
  const cases = Object.entries({ ...expected, 'pdf-named.xlsx': '不是部门决算公开文本' }).filter(([f]) => fs.existsSync(path.join(BAD, f)));

  test.each(cases)('%s: “%s”', (file, message) => {
    const plain = run(['check', path.join(BAD, file)]);
    const out = t(`out-${file}.xlsx`);
    const copied = run(['check', path.join(BAD, file), '--out', out]);
    expect([plain.status, copied.status]).toEqual([2, 2]);
    expect(plain.stderr).toContain(message);
    expect(copied.stderr).toBe(plain.stderr);
    expect(copied.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:|undefined/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(tmp).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test.each([
    ['clear', '清除标记只适用于 Excel 工作簿'],
    ['forms', '生成绩效自评表只适用于 Excel 工作簿'],
  ])('%s of a document says it takes a workbook', (cmd, message) => {
    const r = run([cmd, SAMPLE, '--out', t(`${cmd}-doc.xlsx`)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('a copy through exceljs: what it will lack is said before it is written, and it is so', () => {
  const PARTS = path.join(FIXTURES, 'parts');

  test.each([
    ['a chart written by LibreOffice (exceljs fails on its drawing: read without it)', 'chart-libreoffice.xlsx'],
    ['a chart written by openpyxl', 'chart-openpyxl.xlsx'],
  ])('%s', async (_n, file) => {
    const out = t(`copy-${file}`);
    const r = run(['check', path.join(PARTS, file), '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^注意：写出的副本不含原工作簿中的图表 1 个：.*原文件未改动/);
    const parts = Object.keys((await JSZip.loadAsync(bytes(out))).files);
    expect(parts.filter((p) => /chart/i.test(p))).toEqual([]);
    expect(parts).toContain('xl/worksheets/sheet1.xml');
  });

  test('macros, modern comments, a pivot table and an external link: each named, none in the copy', async () => {
    const zip = await JSZip.loadAsync(bytes(workbook));
    const added = [
      'xl/vbaProject.bin',
      'xl/threadedComments/threadedComment1.xml',
      'xl/persons/person.xml',
      'xl/pivotTables/pivotTable1.xml',
      'xl/externalLinks/externalLink1.xml',
    ];
    for (const p of added) zip.file(p, '<x/>');
    const input = t('parts.xlsm');
    fs.writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const out = t('parts-copy.xlsx');
    const r = run(['check', input, '--out', out, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).summary).toBeDefined();
    for (const said of ['宏（VBA 代码）', '新版批注（线程批注、@提及）', '数据透视表 1 个', '外部链接 1 个']) expect(r.stderr).toContain(said);
    const copy = await JSZip.loadAsync(bytes(out));
    for (const p of added) expect(copy.file(p)).toBeNull();
    // An .xlsx by its content type, as its name says: Excel opens it.
    expect(await copy.file('[Content_Types].xml')!.async('string')).toContain('spreadsheetml.sheet.main+xml');
  });

  test('never an .xlsm Excel cannot open: a copy named .xlsm is refused', () => {
    const r = run(['check', workbook, '--out', t('copy.xlsm')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('请用 .xlsx 扩展名');
    expect(fs.existsSync(t('copy.xlsm'))).toBe(false);
  });

  test('a workbook that lacks nothing in its copy: not a word said', () => {
    const r = run(['check', workbook, '--out', t('plain-copy.xlsx')]);
    expect(r.stderr).toBe('');
  });
});

describe('a workbook built to exhaust memory is refused before it is loaded', () => {
  test('parts that inflate past the budget (340 MB of blanks in a file of a few MB)', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(workbook));
    for (const n of [1, 2]) zip.file(`xl/media/blank${n}.bin`, Buffer.alloc(170 * 1024 * 1024, 0x20));
    const bomb = t('bomb.xlsx');
    fs.writeFileSync(bomb, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } }));
    expect(fs.statSync(bomb).size).toBeLessThan(8 * 1024 * 1024);
    const r = run(['check', bomb]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('工作簿解压后超过 300 MB');
  });
});

describe('folder mode: each file its own line, whatever happens to a worker', () => {
  test('a file too large for a worker’s memory is reported against itself; the files after it are all checked', () => {
    const dir = t('folder');
    fs.mkdirSync(dir);
    const text = fs.readFileSync(SAMPLE, 'utf8');
    fs.writeFileSync(path.join(dir, 'a.txt'), text);
    fs.writeFileSync(path.join(dir, 'b-huge.txt'), Array(150).fill(text).join('\n'));
    for (const n of ['c.txt', 'd.txt', 'e.txt']) fs.writeFileSync(path.join(dir, n), text);
    const r = run(['check', dir], { JUESUAN_WORKER_MEMORY_MB: '64' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/b-huge\.txt.*内存不足/);
    for (const n of ['a', 'c', 'd', 'e']) expect(r.stdout).toMatch(new RegExp(`${n}\\.txt\\s+\\d+\\s+\\d+\\s+\\d+\\s+不可提交`));
    expect(r.stdout).toMatch(/共 5 个文件.*1 个文件无法读取/);
  });
});

describe('counts that agree with the verdict', () => {
  test('the table marks each finding 强制 or 提示, and the verdict’s count is the 强制 ones', () => {
    const r = run(['check', SAMPLE]);
    const rows = r.stdout.split('\n').filter((l) => /^(错误|警告|提示)/.test(l));
    const forced = rows.filter((l) => /^(错误|警告)\S*\s+强制/.test(l)).length;
    const m = /不可提交：(\d+) 项强制问题未解决（错误 (\d+) 项、强制警告 (\d+) 项）/.exec(r.stdout)!;
    expect(Number(m[1])).toBe(forced);
    expect(Number(m[2]) + Number(m[3])).toBe(forced);
    expect(Number(m[2])).toBe(rows.filter((l) => /^错误/.test(l)).length);
  });
});

describe('a workbook styled by its user: flagged and cleared by the command line, every cell as it was', () => {
  test('patterns, theme and indexed colours, tints, a note with rich text: the same after check --out and clear', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const json = JSON.parse(run(['check', workbook, '--json']).stdout) as { findings: { sheet: string; cell: string }[] };
    const cells = [...new Map(json.findings.filter((f) => f.sheet && f.cell).map((f) => [`${f.sheet}!${f.cell}`, f])).values()].slice(0, 5);
    expect(cells).toHaveLength(5);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(workbook);
    const styles: ExcelJS.Fill[] = [
      { type: 'pattern', pattern: 'darkTrellis', fgColor: { argb: 'FFFF0000' }, bgColor: { argb: 'FFFFFF00' } },
      { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.3999755851924192 } as ExcelJS.Color },
      { type: 'pattern', pattern: 'solid', fgColor: { indexed: 13 } as unknown as ExcelJS.Color },
      {
        type: 'gradient',
        gradient: 'angle',
        degree: 90,
        stops: [
          { position: 0, color: { argb: 'FFFFFFFF' } },
          { position: 1, color: { argb: 'FF4472C4' } },
        ],
      },
      { type: 'pattern', pattern: 'lightGray', fgColor: { argb: 'FF000000' } },
    ];
    cells.forEach((f, i) => (wb.getWorksheet(f.sheet)!.getCell(f.cell).fill = styles[i]));
    wb.getWorksheet(cells[0].sheet)!.getCell(cells[0].cell).note = { texts: [{ text: '已与' }, { font: { bold: true }, text: '财务科' }, { text: '核对' }] };
    const styled = t('styled.xlsx');
    await wb.xlsx.writeFile(styled);
    const checked = t('styled-checked.xlsx');
    const cleared = t('styled-cleared.xlsx');
    expect(run(['check', styled, '--out', checked]).status).toBe(1);
    expect(run(['clear', checked, '--out', cleared]).status).toBe(0);
    const look = async (file: string) => {
      const x = new ExcelJS.Workbook();
      await x.xlsx.readFile(file);
      return cells.map((f) => {
        const c = x.getWorksheet(f.sheet)!.getCell(f.cell);
        return { fill: c.fill, note: c.note };
      });
    };
    const [before, during, after] = [await look(styled), await look(checked), await look(cleared)];
    expect(after).toEqual(before);
    // While flagged: the flag's solid colour on each; the user's note kept as it was.
    expect(during.every((c) => (c.fill as ExcelJS.FillPattern).pattern === 'solid')).toBe(true);
    expect(during[0].note).toEqual(before[0].note);
  });
});
