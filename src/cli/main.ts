import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { Worker } from 'worker_threads';
import type { BatchEntry } from '../check/batch';
import {
  checkFile,
  narrativeCopyName,
  clearFile,
  importFile,
  scaffoldFile,
  draftFile,
  formsFile,
  explainFile,
  debugPdfPages,
  claimOutput,
  writeWhole,
  consolidateFiles,
  templateRecordOf,
  InputError,
} from '../app';
import { parseCodeList } from '../scaffold/codesFrom';
import { Finding, summarize } from '../core/findings';
import { findingsTable, summaryLine, table } from './format';
import { submitLine, verdictWord, Verdict } from '../check';
import { ruleIdOf, blocksSubmission } from '../check/registry';
import { EDITIONS, editionByChoice, editionChoice } from '../editions';
import { TEMPLATE_HINT } from '../core/layout';
import { defaultYear } from '../core/year';
import { consolidatedLines } from '../consolidate/summary';

const USAGE = `决算公开助手 juesuan —— 部门决算公开表格与情况说明核对工具

用法：
  juesuan check <文件.xlsx|文件.docx|文件.pdf|文件.txt|文件夹> [--json] [--out 输出.xlsx|输出.pdf|输出.docx] [--prior 上年公开文件] [--debug-pdf 文件夹] [--report 检查表.xlsx] [--template 模板.xlsx] [--narrative 情况说明.docx]
        核对公开表的合计、表内与表间关系；--out 写出在单元格上标记问题并附“审核报告”的副本；
        --debug-pdf <文件夹>（PDF）把每页的文字、线条和识别出的表格及其行列画成 第N页.svg，便于查看读错的表；
        --report <检查表.xlsx>（文件夹）每个文件一行：单位、结论、强制问题、各级别数量、各部分问题数、主要问题和标记副本的链接；
        核对文件夹时 --out <文件夹> 把每个文件的标记副本写入该文件夹（文本写为 .xlsx）；
        --template <模板.xlsx> 按主管部门当前的模板核对“模板改动”（来自其他版本的模板时指出来自哪一版及不同之处）；
        PDF 写出 .pdf（问题处高亮并附批注），Word 文档写出 .docx（问题处加 Word 批注），审核报告另存为旁边的 .审核报告.xlsx；
        --narrative <情况说明.docx|.txt> 情况说明另成文档时，与工作簿中的公开表一起核对；同时 --out 时另写出加批注的情况说明副本
  juesuan import <文档.txt|文档.pdf|文档.docx> --out <工作簿.xlsx> [--prior 上年公开文件]
        把公开文本、PDF 或 Word 文档整理为工作簿：每张表一个工作表，另有部门概况、情况说明、绩效自评表
  juesuan scaffold --unit <单位名称> --out <模板.xlsx> [--tables 全国通用|上海市] [--year 年度] [--codes 2010301,2080505] [--codes-from 上年公开.txt|xlsx] [--template-id 编号] [--template-version 版本] [--force]
        生成空白模板（默认全国通用公开01—09表；--tables 上海市 为表一至表九，年度不决定表格式）：所有合计、类款合计、总计及表间取数均为公式，金额格式 #,##0.00；
        模板的表格式、年度、编号、版本和结构指纹写入工作簿的自定义属性（--template-id、--template-version 由主管部门指定）
  juesuan draft <工作簿.xlsx|文档.txt> --out <输出.xlsx> [--prior 上年公开.txt|xlsx]
        按公开表起草情况说明（一至五、七、十部分）：金额、占比、结构自动计算，原因等留【请填写…】待补
  juesuan forms <工作簿.xlsx> --out <输出.xlsx> [--stacked] [--year 年度]
        按“项目清单”为每个项目生成项目支出绩效自评表（每表一个工作表，或 --stacked 全部放在“绩效自评表”中）；
        已有的自评表原样保留；工作簿没有项目清单时先添加一张空白清单
  juesuan explain <已审核.xlsx> --out <输出.xlsx> [--rule 规则名称 --cell 工作表!A1 --text 说明]
        记录出错说明：读取“审核报告”中“说明”列填写的内容（或用参数直接给出），保存在工作簿中；
        再次核对时该问题显示为“已说明”，单元格内容改动后自动重新打开
  juesuan clear <已标记.xlsx> --out <输出.xlsx>
        清除全部标记，恢复单元格原有的填充色和批注
  juesuan consolidate <文件夹|文件…> --out <部门汇总.xlsx> [--units 单位名单.txt|.xlsx] [--department 部门名称] [--force]
        汇总各单位的公开表：按科目编码合并各表，金额为各单位之和，合计为公式并附计算结果；另有“单位清单”（各单位结论、
        未纳入汇总的原因、名单上未报送的单位）、“明细”（每个金额各单位的数）、“调整表”（名单第二列给出上级单位时，
        抵消上级补助收入与对附属单位补助支出、上缴上级支出与附属单位上缴收入）；汇总表随后按公开表核对
  juesuan demo
        导入并核对随附的示例公开文本，输出 demo-output/checked.xlsx
  --force                  输出文件已存在时覆盖它（任何命令都不会覆盖输入文件）
  --year                   模板、自评表和起草的年度，不写时为上一年（${defaultYear()} 年度）
  juesuan --help | -h      显示本说明
  juesuan --version | -v   显示版本

退出码：0 可提交（没有未解决的强制问题）；1 不可提交、未填写、未找到公开表或仅有情况说明；2 输入无法使用`;

class UsageError extends Error {}

interface Args {
  cmd: string;
  positional: string[];
  flags: Record<string, string | boolean>;
}

function parseArgs(argv: string[]): Args {
  const [cmd = '', ...rest] = argv;
  const positional: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--json' || a === '--help' || a === '-h' || a === '--force' || a === '--stacked') flags[a.replace(/^-+/, '')] = true;
    else if (a.startsWith('--')) {
      const v = rest[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`参数 ${a} 需要一个值`);
      flags[a.slice(2)] = v;
      i++;
    } else positional.push(a);
  }
  return { cmd, positional, flags };
}

/** A flag's text value (a flag given bare, like --json, has none). */
function textFlag(args: Args, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

/** --year: a four-digit year, or undefined when not given. */
function yearFlag(args: Args): number | undefined {
  const v = args.flags.year;
  if (v === undefined) return undefined;
  const y = Number(v);
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new UsageError(`年度“${String(v)}”无效，应为四位年份，如 2023`);
  return y;
}

function version(): string {
  try {
    return String((JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string }).version ?? '');
  } catch {
    return '';
  }
}

/** --force, and what a copy will lack said on stderr before it is written (stdout may be --json). */
function writeOptions(args: Args): { force: boolean; notice: (m: string) => void } {
  return { force: !!args.flags.force, notice: (m) => process.stderr.write(`注意：${m}\n`) };
}

function out(s: string) {
  process.stdout.write(s + '\n');
}

async function cmdCheck(args: Args): Promise<number> {
  const target = args.positional[0];
  if (!target) throw new UsageError('请指定要核对的文件或文件夹');
  const json = !!args.flags.json;
  const outFile = textFlag(args, 'out');
  const templateFile = textFlag(args, 'template');
  const template = templateFile ? await templateRecordOf(templateFile) : undefined;
  if (fs.existsSync(target) && fs.statSync(target).isDirectory())
    return checkDirectory(target, json, textFlag(args, 'report'), { ...writeOptions(args), out: outFile, template });
  const prior = textFlag(args, 'prior');
  const debug = textFlag(args, 'debug-pdf');
  const r = await checkFile(target, outFile, prior, { ...writeOptions(args), template, narrative: textFlag(args, 'narrative') });
  // Each page as the reader saw it, to look into a table read wrong (on stderr: --json stays one object).
  if (debug)
    process.stderr.write(`已写出 ${await debugPdfPages(target, debug, writeOptions(args))} 页的识别图（文字、线条、识别出的表格及其行列）：${debug}\n`);
  if (json) out(JSON.stringify({ findings: r.findings, summary: r.summary }));
  else {
    out(findingsTable(r.findings));
    out('');
    out(`识别到 ${r.recognition.tables.length} 张表；${summaryLine(r.summary)}；${submitLine(r)}`);
    const narrative = textFlag(args, 'narrative');
    if (outFile && /\.pdf$/i.test(outFile))
      out(`已写出标注后的 PDF：${outFile}（每个问题处有高亮和批注）；审核报告：${outFile.replace(/\.pdf$/i, '.审核报告.xlsx')}`);
    else if (outFile && /\.docx$/i.test(outFile))
      out(`已写出加批注的 Word 文档：${outFile}（每个问题处有批注，作者“决算公开助手”）；审核报告：${outFile.replace(/\.docx$/i, '.审核报告.xlsx')}`);
    else if (outFile && narrative) out(`已写出标记后的工作簿：${outFile}；情况说明的批注副本：${narrativeCopyName(outFile, narrative)}`);
    else if (outFile) out(`已写出标记后的工作簿：${outFile}`);
  }
  return r.submittable ? 0 : 1;
}

/** One file of a folder as its worker checked it (the batch's entry, check/batch.ts). */
type FileResult = BatchEntry;

function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(xlsx|xlsm|docx|txt|pdf)$/i.test(e.name) && !e.name.startsWith('~$')) files.push(p);
    }
  };
  walk(dir);
  return files;
}

/** Check every .xlsx/.txt/.pdf file of a folder on worker threads, with progress on stderr. */
/** Where a document's flagged copy goes in the --out folder: its place under the folder checked, a text as a workbook. */
function copyPath(dir: string, outDir: string, file: string): string {
  const rel = path.relative(dir, file);
  return path.join(outDir, /\.txt$/i.test(rel) ? rel.replace(/\.txt$/i, '.xlsx') : rel);
}

/** Workers for a batch: one per core, as many as memory allows (a worker may take up to JUESUAN_WORKER_MEMORY_MB). */
function batchWorkers(files: number, memoryMb: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const byMemory = Math.floor(os.totalmem() / 1024 / 1024 / Math.min(memoryMb, 2048));
  return Math.max(1, Math.min(files, Number(process.env.JUESUAN_WORKERS) || cores, byMemory));
}

async function checkDirectory(
  dir: string,
  json: boolean,
  report?: string,
  opts: { force: boolean; out?: string; template?: string[][] } = { force: false },
): Promise<number> {
  const files = listFiles(dir);
  if (files.length === 0) throw new InputError(`文件夹“${dir}”中没有 .xlsx、.docx、.pdf 或 .txt 文件`);
  // The 检查表 and the copies' folder are claimed before any work: never over a file without --force.
  if (report) claimOutput(report, files, opts);
  const outDir = opts.out;
  if (outDir) {
    if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory())
      throw new InputError(`核对文件夹时 --out 应为一个文件夹（放各文件的标记副本），“${outDir}”是一个文件`);
    if (path.resolve(outDir) === path.resolve(dir)) throw new InputError('标记副本不能写入被核对的文件夹本身，请另指定一个文件夹');
    for (const f of files) claimOutput(copyPath(dir, outDir, f), files, opts);
  }
  const results: FileResult[] = new Array(files.length);
  // Each worker has a memory of its own: a file too large for it ends that worker, not the run.
  const memoryMb = Number(process.env.JUESUAN_WORKER_MEMORY_MB) || 4096;
  const workerCount = batchWorkers(files.length, memoryMb);
  let next = 0;
  let done = 0;
  const progress = () => {
    if (!process.stderr.isTTY && done !== files.length && done % 10 !== 0) return;
    const w = 30;
    const filled = Math.round((done / files.length) * w);
    process.stderr.write(`\r核对中 [${'#'.repeat(filled)}${'.'.repeat(w - filled)}] ${done}/${files.length}` + (done === files.length ? '\n' : ''));
  };
  progress();
  const record = (i: number, r: FileResult) => {
    if (results[i]) return;
    // The copy as the 检查表 links to it: relative to the 检查表's folder.
    const copy = r.copy && !r.error ? path.relative(path.dirname(path.resolve(report ?? path.join(dir, 'x'))), r.copy) : undefined;
    results[i] = { ...r, copy, file: path.relative(dir, files[i]) || files[i] };
    done++;
    progress();
  };
  // A worker checks one file at a time and knows which: whatever ends it is that file's line, and
  // a fresh worker goes on with the rest.
  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(path.join(__dirname, 'worker.js'), { resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
      let current = -1;
      let ended = false;
      const end = (why?: string) => {
        if (ended) return;
        ended = true;
        if (why !== undefined && current >= 0) {
          record(current, { file: files[current], error: why });
          resolve(runWorker());
        } else resolve();
      };
      const feed = () => {
        if (next >= files.length) {
          ended = true;
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage({
          file: path.resolve(files[current]),
          out: outDir ? path.resolve(copyPath(dir, outDir, files[current])) : undefined,
          force: opts.force,
          template: opts.template,
        });
      };
      worker.on('message', (m: FileResult) => {
        record(current, m);
        feed();
      });
      worker.on('error', (e: Error & { code?: string }) =>
        end(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? '文件过大，核对时内存不足：请拆分后再核对' : `无法处理：${e.message}`),
      );
      worker.on('exit', (code) => end(code === 0 ? undefined : `无法处理：核对进程意外退出（${code}）`));
      feed();
    });
  await Promise.all(Array.from({ length: workerCount }, () => runWorker()));
  files.forEach((f, i) => record(i, { file: f, error: '未能核对（核对进程中断）' }));
  const all: Finding[] = [];
  for (const r of results) for (const f of r?.findings ?? []) all.push({ ...f, sheet: `${r.file}:${f.sheet}` });
  const summary = summarize(all, blocksSubmission);
  const unusable = results.filter((r) => r?.error).length;
  if (json) out(JSON.stringify({ findings: all, summary, files: results.map((r) => ({ file: r.file, summary: r.summary ?? null, error: r.error ?? null })) }));
  else {
    out(
      table(
        ['文件', '错误', '警告', '提示', '状态'],
        results.map((r) => [
          r.file,
          String(r.summary?.error ?? '—'),
          String(r.summary?.warning ?? '—'),
          String(r.summary?.info ?? '—'),
          r.error ?? verdictWord(r as { submittable: boolean; blocking: number; verdict?: Verdict }),
        ]),
      ),
    );
    out('');
    const blocked = results.filter((r) => r && !r.error && !r.submittable).length;
    out(
      `共 ${files.length} 个文件；${summaryLine(summary)}；${blocked ? `${blocked} 个不可提交` : '全部可提交'}${unusable ? `；${unusable} 个文件无法读取` : ''}`,
    );
  }
  if (report) {
    const { batchReportWorkbook } = await import('../hosts/xlsx/batchReport');
    const wb = batchReportWorkbook(results, `决算公开批量检查表：${path.basename(path.resolve(dir))}（共 ${files.length} 个文件）`);
    writeWhole(report, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    // On stderr with --json: stdout stays one object.
    (json ? (m: string) => process.stderr.write(m + '\n') : out)(`已写出检查表：${report}`);
  }
  // The verdict of every file: 1 when one cannot be submitted, 2 when none could be read.
  if (unusable === files.length) return 2;
  return results.some((r) => r && !r.error && !r.submittable) ? 1 : 0;
}

async function cmdImport(args: Args): Promise<number> {
  const file = args.positional[0];
  const outFile = args.flags.out;
  if (!file || typeof outFile !== 'string') throw new UsageError('用法：juesuan import <文档.txt|文档.pdf|文档.docx> --out <工作簿.xlsx>');
  const grid = await importFile(file, outFile, textFlag(args, 'prior'), writeOptions(args));
  out(`已导入 ${grid.sheets.length} 个工作表：${grid.sheets.map((s) => s.name).join('、')}`);
  out(`已写出：${outFile}`);
  return 0;
}

async function cmdClear(args: Args): Promise<number> {
  const file = args.positional[0];
  const outFile = args.flags.out;
  if (!file || typeof outFile !== 'string') throw new UsageError('用法：juesuan clear <已标记.xlsx> --out <输出.xlsx>');
  const had = await clearFile(file, outFile, writeOptions(args));
  out(had ? `已清除全部标记并恢复原样：${outFile}` : `该工作簿没有标记，已原样写出：${outFile}`);
  return 0;
}

async function cmdScaffold(args: Args): Promise<number> {
  const { unit, out: outFile, codes } = args.flags;
  if (typeof unit !== 'string' || !unit.trim() || typeof outFile !== 'string')
    throw new UsageError(
      '用法：juesuan scaffold --unit <单位名称> --out <模板.xlsx> [--tables 全国通用|上海市] [--year 年度] [--codes 科目编码,…] [--codes-from 上年公开文件]',
    );
  const y = yearFlag(args);
  const tables = textFlag(args, 'tables');
  if (tables !== undefined && !editionByChoice(tables))
    throw new UsageError(`未知的表格式“${tables}”；--tables 可选：${EDITIONS.map(editionChoice).join('、')}`);
  let list;
  if (typeof codes === 'string') {
    const parsed = parseCodeList(codes);
    if (parsed.bad.length) throw new UsageError(`科目编码无效：${parsed.bad.join('、')}（应为 3、5 或 7 位数字）`);
    list = parsed.codes;
  }
  const r = await scaffoldFile(outFile, {
    unit: unit.trim(),
    year: y,
    edition: tables,
    codes: list,
    codesFrom: textFlag(args, 'codes-from'),
    templateId: textFlag(args, 'template-id'),
    templateVersion: textFlag(args, 'template-version'),
    force: !!args.flags.force,
  });
  out(`已生成模板：${outFile}`);
  if (r.identity) out(`模板标识：编号 ${r.identity.id}，版本 ${r.identity.version}，结构指纹 ${r.identity.fingerprint}（保存在工作簿的自定义属性中）`);
  out(`工作表：${r.sheets.join('、')}；列出支出功能分类科目 ${r.codes} 个（含上级类、款）。合计、类款合计、总计和表间取数均为公式，只需填写明细金额。`);
  out(TEMPLATE_HINT);
  return 0;
}

async function cmdDraft(args: Args): Promise<number> {
  const file = args.positional[0];
  const outFile = args.flags.out;
  if (!file || typeof outFile !== 'string') throw new UsageError('用法：juesuan draft <工作簿.xlsx|文档.txt> --out <输出.xlsx> [--prior 上年公开文件]');
  const r = await draftFile(file, outFile, { prior: textFlag(args, 'prior'), ...writeOptions(args) });
  const blanks = r.paragraphs.join('').match(/【请填写[^】]*】/g)?.length ?? 0;
  out(`已起草情况说明 ${r.paragraphs.length} 段，写入工作表“${r.sheet}”：${outFile}`);
  out(`其中 ${blanks} 处【请填写…】需补充（原因、年初预算、政府采购等公开表中没有的内容）。`);
  return 0;
}

async function cmdForms(args: Args): Promise<number> {
  const file = args.positional[0];
  const outFile = args.flags.out;
  if (!file || typeof outFile !== 'string') throw new UsageError('用法：juesuan forms <工作簿.xlsx> --out <输出.xlsx> [--stacked] [--year 年度]');
  const r = await formsFile(file, outFile, { stacked: !!args.flags.stacked, year: yearFlag(args), ...writeOptions(args) });
  if (r.listAdded) {
    out(`工作簿中没有“项目清单”，已添加一张空白清单：${outFile}`);
    out('请在清单中填写项目名称、实施单位和预算数、到位数、执行数（财政资金/其他）后再运行本命令。');
    return 0;
  }
  for (const p of r.problems) out(`注意：${p}`);
  out(`已生成 ${r.added.length} 张绩效自评表${r.kept ? `，保留已有的 ${r.kept} 张` : ''}：${outFile}`);
  if (r.added.length) out(`工作表：${r.added.join('、')}`);
  return 0;
}

async function cmdExplain(args: Args): Promise<number> {
  const file = args.positional[0];
  const { out: outFile, rule, cell, text } = args.flags;
  if (!file || typeof outFile !== 'string')
    throw new UsageError('用法：juesuan explain <已审核.xlsx> --out <输出.xlsx> [--rule 规则名称 --cell 工作表!A1 --text 说明]');
  let one;
  if (rule !== undefined || cell !== undefined || text !== undefined) {
    const m = typeof cell === 'string' ? /^(.+)!([A-Z]+\d+)$/.exec(cell) : null;
    if (typeof rule !== 'string' || !m || typeof text !== 'string') throw new UsageError('直接给出说明时需同时指定 --rule、--cell（如 公开03!C7）和 --text');
    one = { rule: ruleIdOf(rule), sheet: m[1], cell: m[2], text };
  }
  const r = await explainFile(file, outFile, one, writeOptions(args));
  out(`已说明 ${r.explained} 项；${summaryLine(r.result.summary)}；${submitLine(r.result)}`);
  out(`已写出：${outFile}`);
  return r.result.submittable ? 0 : 1;
}

async function cmdConsolidate(args: Args): Promise<number> {
  const outFile = textFlag(args, 'out');
  if (!args.positional.length || !outFile) throw new UsageError('用法：juesuan consolidate <文件夹|文件…> --out <部门汇总.xlsx> [--units 单位名单.txt|.xlsx]');
  const files: string[] = [];
  for (const p of args.positional) {
    if (!fs.existsSync(p)) throw new InputError(`找不到“${p}”`);
    if (fs.statSync(p).isDirectory()) files.push(...listFiles(p));
    else files.push(p);
  }
  // The list and an earlier 汇总 in the same folder are no units.
  const skip = new Set([textFlag(args, 'units'), outFile].filter((x): x is string => !!x).map((x) => path.resolve(x)));
  const units = files.filter((f) => !skip.has(path.resolve(f)));
  if (!units.length) throw new InputError('没有要汇总的单位文件（.xlsx、.docx、.pdf 或 .txt）');
  const r = await consolidateFiles(units, outFile, {
    ...writeOptions(args),
    units: textFlag(args, 'units'),
    department: textFlag(args, 'department'),
    progress: (done, total) => {
      if (process.stderr.isTTY || done === total || done % 10 === 0) process.stderr.write(`\r读取单位 ${done}/${total}` + (done === total ? '\n' : ''));
    },
  });
  for (const line of consolidatedLines(r.consolidated)) out(line);
  out(`汇总表核对：${summaryLine(r.checked.summary)}；${submitLine(r.checked)}`);
  out(`已写出：${outFile}`);
  return r.checked.submittable ? 0 : 1;
}

async function cmdDemo(): Promise<number> {
  const root = path.resolve(__dirname, '..', '..');
  const sample = path.join(root, 'samples', 'seed-2023.txt');
  const outDir = path.join(root, 'demo-output');
  fs.mkdirSync(outDir, { recursive: true });
  out(`示例：${path.relative(process.cwd(), sample) || sample}`);
  const grid = await importFile(sample, path.join(outDir, 'imported.xlsx'), undefined, { force: true });
  out(`1. 导入：识别出 ${grid.sheets.map((s) => s.name).join('、')}，写出 demo-output/imported.xlsx`);
  const r = await checkFile(sample, path.join(outDir, 'checked.xlsx'), undefined, { force: true });
  out(`2. 核对：${summaryLine(r.summary)}，写出 demo-output/checked.xlsx（问题单元格已标色并附批注，另有“审核报告”工作表）`);
  out('');
  out(findingsTable(r.findings));
  out('');
  out(`结论：${submitLine(r)}`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
    if (['--version', '-v', 'version'].includes(args.cmd)) {
      out(`决算公开助手 juesuan ${version()}`);
      return 0;
    }
    if (!args.cmd || args.flags.help || ['help', '--help', '-h'].includes(args.cmd)) {
      out(USAGE);
      return args.cmd ? 0 : 2;
    }
    switch (args.cmd) {
      case 'check':
        return await cmdCheck(args);
      case 'import':
        return await cmdImport(args);
      case 'clear':
        return await cmdClear(args);
      case 'scaffold':
        return await cmdScaffold(args);
      case 'draft':
        return await cmdDraft(args);
      case 'forms':
        return await cmdForms(args);
      case 'explain':
        return await cmdExplain(args);
      case 'consolidate':
        return await cmdConsolidate(args);
      case 'demo':
        return await cmdDemo();
      default:
        throw new UsageError(`未知命令“${args.cmd}”`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      process.stderr.write(`错误：${e.message}\n`);
      if (e instanceof UsageError) process.stderr.write('运行 juesuan --help 查看用法。\n');
      return 2;
    }
    process.stderr.write(`错误：处理失败（${(e as Error).message}）\n`);
    return 2;
  }
}

if (require.main === module) {
  // Exit once what was written has left: a large --json piped to another program is not cut off.
  void main(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code))));
}
