import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbook, CheckResult } from './check';
import { readDisclosure, readFileBytes, InputError } from './hosts/files';
import { loadExcel, drawingsLeftOut } from './hosts/xlsx/xlsx';
import { copyLacks } from './hosts/xlsx/packageCheck';
import { readCustomProperties } from './hosts/xlsx/customProps';
import type { TemplateIdentity } from './scaffold/identity';
import { reportExplanations } from './hosts/xlsx/xlsxFlags';
import { isPdf, isDocx, foreignProblem, xlsxProblem } from './hosts/problems';
import { WithNarrative, NARRATIVE_SHEET } from './hosts/narrativeHost';
import { XlsxHost } from './hosts/xlsx/xlsxHost';
import * as usecases from './usecases';
import { gridToExcel } from './hosts/xlsx/xlsxWrite';
import { importDocument } from './importDoc';
import { PRIOR_PREFIX } from './recognize';
import { Workbook } from './core/grid';
import { ScaffoldCode } from './scaffold/build';
import { codesOfWorkbook } from './scaffold/codesFrom';
import { tellAgainst } from './core/templateRecord';
import type { Consolidated } from './consolidate/build';
import { readUnits, namesFromFile, consolidateUnits } from './hosts/department';
import { unitNameOf } from './crossRules/unit-name';

/** File-level operations shared by the CLI and the worker threads. Thin: the core does the work. */

export { InputError };

/**
 * How a command may write its output: `force` replaces an existing file (never the input);
 * `notice` hears, before anything is written, what the copy will lack.
 */
export interface WriteOptions {
  force?: boolean;
  notice?: (message: string) => void;
}

/**
 * What a copy of a workbook will lack, said before it is written: exceljs carries cells, styles,
 * notes, tables, pictures, names and validations; charts, macros, pivot tables, modern comments and
 * the rest of the package are not in the copy (the original is never changed; flagged in Excel
 * through the add-in, nothing is lost).
 */
async function sayWhatTheCopyLacks(file: string, excel: ExcelJS.Workbook, opts: WriteOptions): Promise<void> {
  if (!opts.notice) return;
  const bytes = readFileBytes(file);
  if (xlsxProblem(bytes)) return; // a document imported: nothing of a package to lose
  const said = await copyLacks(bytes, drawingsLeftOut(excel));
  if (said) opts.notice(said);
}

/** A path as the file system knows it: through symlinks, case-folded (Windows and macOS ignore case). */
function realKey(p: string): string {
  const abs = path.resolve(p);
  let real: string;
  try {
    real = fs.realpathSync.native(abs);
  } catch {
    // Not there yet: its folder's real path and its name.
    try {
      real = path.join(fs.realpathSync.native(path.dirname(abs)), path.basename(abs));
    } catch {
      real = abs;
    }
  }
  return real.normalize('NFC').toLowerCase();
}

/**
 * Whether `out` may be written: never over an input (the same file by another name, a symlink, a
 * different case), never over an existing file unless forced. Asked before anything is read, so
 * that a refused run does nothing at all.
 */
export function claimOutput(out: string, inputs: (string | undefined)[], opts: WriteOptions = {}): void {
  const key = realKey(out);
  for (const input of inputs) if (input && realKey(input) === key) throw new InputError(`输出文件“${out}”就是输入文件：为免覆盖原文件，请另取一个文件名`);
  if (fs.existsSync(out) && !opts.force) throw new InputError(`文件“${out}”已存在；为免覆盖，请换一个文件名，或加 --force 覆盖`);
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new InputError(`“${out}”是文件夹，不能作为输出文件`);
  // The copy is an .xlsx: named .xlsm, Excel would refuse to open it.
  if (/\.xlsm$/i.test(out)) throw new InputError(`输出文件“${out}”请用 .xlsx 扩展名：副本不能保留宏，以 .xlsm 命名 Excel 将无法打开`);
}

/**
 * Write a file whole or not at all: the bytes are made first, written beside the target and moved
 * onto it, so that a failure leaves no empty or half-written file behind.
 */
export function writeWhole(out: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const tmp = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new InputError(`无法写出“${out}”（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
}

/** A host's workbook written whole, its custom document properties with it (exceljs keeps none). */
async function writeHost(host: XlsxHost, out: string) {
  writeWhole(out, await host.bytes());
}

/**
 * A disclosure to write a changed copy of, with last year's read beside it: a text document is
 * imported first (last year's sheets join the new workbook); a workbook gets last year's in its
 * grid only, so that the copy holds nothing but the user's sheets and the flags.
 */
async function openForCopy(file: string, prior?: string): Promise<{ host: XlsxHost; prior?: Workbook }> {
  // Read as a check without a copy reads it: the same file gets the same message either way.
  const read = await readDisclosure(file);
  // A document (.txt, or a PDF read from its pages) is imported first, as a workbook to flag.
  if (read.kind === 'text') {
    return { host: (await importRead(read.workbook, path.basename(file), prior)).host };
  }
  const bytes = readFileBytes(file);
  const host = new XlsxHost(read.excel ?? (await loadExcel(bytes)), path.basename(file), undefined, await readCustomProperties(bytes));
  return { host, prior: prior ? await priorSheets(prior) : undefined };
}

/** A workbook to change and write back (clear, explain, forms): an .xlsx, told as a check tells it. */
async function openWorkbook(file: string, what: string): Promise<XlsxHost> {
  const bytes = readFileBytes(file);
  const name = path.basename(file);
  if (isPdf(name, bytes) || /\.txt$/i.test(name)) throw new InputError(`${what}只适用于 Excel 工作簿（.xlsx）；文档请先用 check --out 或 import 生成工作簿`);
  const foreign = foreignProblem(name, bytes);
  if (foreign) throw new InputError(foreign);
  return XlsxHost.fromBytes(bytes, name);
}

/** Last year's disclosure as sheets named 上年…, to sit beside this year's in one workbook. */
export async function priorSheets(file: string): Promise<Workbook> {
  const { workbook, kind } = await readDisclosure(file);
  const grid = kind === 'text' ? importDocument(workbook) : workbook;
  return { sheets: grid.sheets.filter((s) => !s.name.startsWith(PRIOR_PREFIX)).map((s) => ({ ...s, name: (PRIOR_PREFIX + s.name).slice(0, 31) })) };
}

/** A text document laid out as a workbook (one sheet per table …), with last year's beside it. */
export async function importToExcel(file: string, prior?: string): Promise<{ grid: Workbook; host: XlsxHost }> {
  const { workbook, kind } = await readDisclosure(file);
  if (kind !== 'text') throw new InputError('import 只接受文档（.txt 或 .pdf）；工作簿可直接用 check 核对');
  return importRead(workbook, path.basename(file), prior);
}

async function importRead(workbook: Workbook, name: string, prior?: string): Promise<{ grid: Workbook; host: XlsxHost }> {
  const host = new XlsxHost(gridToExcel({ sheets: [] }), name);
  const grid = await usecases.importInto(host, workbook, { prior: prior ? await priorSheets(prior) : undefined });
  return { grid, host };
}

export async function importFile(file: string, out: string, prior?: string, opts: WriteOptions = {}): Promise<Workbook> {
  claimOutput(out, [file, prior], opts);
  const { grid, host } = await importToExcel(file, prior);
  await writeHost(host, out);
  return grid;
}

/**
 * Check a file; with `out`, also write a flagged copy. A text document is checked as text; its
 * flagged copy is the document imported as a workbook (one sheet per table …) and checked there.
 */
/** How a check runs: its writing options, and the template to tell the workbook against (check --template), when given. */
export interface CheckOptions extends WriteOptions {
  template?: string[][];
  /** The 情况说明 as a document of its own (a Word document, a text), read beside the workbook's tables. */
  narrative?: string;
}

/**
 * The 情况说明 written apart from the tables (check --narrative 情况说明.docx): its text read as a
 * document and put beside the workbook's sheets, so that the narrative is checked against the
 * tables as if it were one of them.
 */
async function narrativeSheets(file: string): Promise<Workbook['sheets']> {
  const { workbook } = await readDisclosure(file);
  return workbook.sheets.map((s, i) => ({ ...s, name: (i ? `${NARRATIVE_SHEET.replace('）', `${i + 1}）`)}` : NARRATIVE_SHEET).slice(0, 31) }));
}

/** A template's record of itself (a workbook 生成模板 or scaffold wrote), to tell copies against. */
export async function templateRecordOf(file: string): Promise<string[][]> {
  const bytes = readFileBytes(file);
  const name = path.basename(file);
  const foreign = foreignProblem(name, bytes);
  if (foreign) throw new InputError(`模板“${name}”：${foreign}`);
  let host: XlsxHost;
  try {
    host = await XlsxHost.fromBytes(bytes, name);
  } catch (e) {
    throw e instanceof InputError ? new InputError(`模板“${name}”：${e.message}`) : e;
  }
  const record = (await host.read()).templateRecord;
  if (!record?.length) throw new InputError(`“${name}”不是决算公开助手生成的模板（没有模板记录），无法按它核对`);
  return record;
}

export async function checkFile(file: string, out?: string, prior?: string, opts: CheckOptions = {}): Promise<CheckResult> {
  if (out && opts.narrative) return checkWithNarrativeCopy(file, out, opts.narrative, prior, opts);
  if (out && /\.(pdf|docx)$/i.test(out)) return checkDocumentCopy(file, out, prior, opts);
  if (out) claimOutput(out, [file, prior], opts);
  if (!out) {
    const { workbook } = await readDisclosure(file);
    if (opts.narrative) workbook.sheets.push(...(await narrativeSheets(opts.narrative)));
    if (prior) workbook.sheets.push(...(await priorSheets(prior)).sheets);
    tellAgainst(workbook, opts.template);
    return checkWorkbook(workbook);
  }
  const { host, prior: last } = await openForCopy(file, prior);
  await sayWhatTheCopyLacks(file, host.excel, opts);
  const { result } = await usecases.check(host, { flag: true, prior: last, template: opts.template });
  await writeHost(host, out);
  return result;
}

/**
 * A published document checked into a marked copy of itself, its 审核报告 as a workbook beside it
 * (…审核报告.xlsx): a PDF with a highlight and a note on each finding (hosts/pdf/annotate.ts says
 * why not pages at its end), a Word document with a comment on each (hosts/word/docxHost.ts).
 */
async function checkDocumentCopy(file: string, out: string, prior?: string, opts: CheckOptions = {}): Promise<CheckResult> {
  const word = /\.docx$/i.test(out);
  const reportFile = out.replace(/\.(pdf|docx)$/i, '.审核报告.xlsx');
  claimOutput(out, [file, prior], opts);
  claimOutput(reportFile, [file, prior], opts);
  const bytes = readFileBytes(file);
  const name = path.basename(file);
  if (!(word ? isDocx(name, bytes) : isPdf(name, bytes))) {
    // The same message as a check without a copy, then why no such copy.
    await readDisclosure(file);
    throw new InputError(
      word
        ? '写出 .docx 只适用于 Word 文档（.docx）；工作簿和文本文档请写出 .xlsx，PDF 请写出 .pdf'
        : '写出 .pdf 只适用于 PDF 文件；工作簿和文本文档请写出 .xlsx，Word 文档请写出 .docx',
    );
  }
  const host = word
    ? new (await import('./hosts/word/docxHost')).DocxHost(bytes, name)
    : new (await import('./hosts/pdf/pdfHost')).PdfHost(bytes, name, (await import('./hosts/pdf/nodePdf')).readPdfNode);
  const { result } = await usecases.check(host, { flag: true, prior: prior ? await priorSheets(prior) : undefined, template: opts.template });
  // Both made before either is written: a failure leaves neither behind.
  const marked = host.copyBytes()!.bytes;
  const reportBytes = (await host.reportBytes())!;
  writeWhole(out, marked);
  writeWhole(reportFile, reportBytes);
  return result;
}

/** Where the commented 情况说明 is written beside the workbook's copy: 已核对.xlsx + 情况说明.docx → 已核对.情况说明.docx. */
export const narrativeCopyName = (out: string, narrative: string): string => `${out.replace(/\.xlsx$/i, '')}.${path.basename(narrative)}`;

/**
 * A workbook's tables and its 情况说明 written in Word, checked together into two copies: the
 * workbook flagged as any (its 审核报告 with every finding), and the Word document commented on
 * the narrative's findings (…<out>.<情况说明>.docx beside it).
 */
async function checkWithNarrativeCopy(file: string, out: string, narrative: string, prior?: string, opts: CheckOptions = {}): Promise<CheckResult> {
  const bytes = readFileBytes(narrative);
  if (!isDocx(path.basename(narrative), bytes))
    throw new InputError('--narrative 与 --out 同用时，情况说明须是 Word 文档（.docx）：批注写在它的副本上；文本或 PDF 的情况说明请去掉 --out，只核对');
  if (!/\.xlsx$/i.test(out)) throw new InputError('--narrative 与 --out 同用时，--out 是表格工作簿的副本（.xlsx）；情况说明的批注副本写在它旁边');
  const commentedFile = narrativeCopyName(out, narrative);
  claimOutput(out, [file, prior, narrative], opts);
  claimOutput(commentedFile, [file, prior, narrative], opts);
  const { host, prior: last } = await openForCopy(file, prior);
  await sayWhatTheCopyLacks(file, host.excel, opts);
  const { DocxHost } = await import('./hosts/word/docxHost');
  const doc = new DocxHost(bytes, path.basename(narrative), NARRATIVE_SHEET);
  const { result } = await usecases.check(new WithNarrative(host, doc), { flag: true, prior: last, template: opts.template });
  // Both made before either is written.
  const commented = doc.copyBytes()!.bytes;
  const workbook = await host.bytes();
  writeWhole(out, workbook);
  writeWhole(commentedFile, commented);
  return result;
}

/**
 * Each page of a PDF drawn as the reader saw it (第N页.svg in `folder`): its texts, its rulings and
 * the tables found with their columns and rows, to look into a table read wrong.
 */
export async function debugPdfPages(file: string, folder: string, opts: WriteOptions = {}): Promise<number> {
  const bytes = readFileBytes(file);
  if (!isPdf(path.basename(file), bytes)) throw new InputError('--debug-pdf 只适用于 PDF 文件');
  const { readPdfPagesNode } = await import('./hosts/pdf/nodePdf');
  const { pageSvg } = await import('./hosts/pdf/debugSvg');
  let read: Awaited<ReturnType<typeof readPdfPagesNode>>;
  try {
    read = await readPdfPagesNode(bytes, path.basename(file));
  } catch {
    throw new InputError('PDF 文件已损坏或不是有效的 PDF，无法读取');
  }
  fs.mkdirSync(folder, { recursive: true });
  const outs = read.pages.map((_, i) => path.join(folder, `第${i + 1}页.svg`));
  for (const out of outs) claimOutput(out, [file], opts);
  read.pages.forEach((page, i) => writeWhole(outs[i], new TextEncoder().encode(pageSvg(page, read.readings[i], i + 1))));
  return read.pages.length;
}

/** Remove every flag from a checked workbook, restoring it exactly. */
export async function clearFile(file: string, out: string, opts: WriteOptions = {}): Promise<boolean> {
  claimOutput(out, [file], opts);
  const host = await openWorkbook(file, '清除标记');
  await sayWhatTheCopyLacks(file, host.excel, opts);
  const { cleared } = await usecases.clear(host);
  await writeHost(host, out);
  return cleared;
}

export interface ScaffoldFileOptions {
  unit: string;
  year?: number;
  /** The tables: '全国通用' (default) or '上海市' (editionByChoice). */
  edition?: string;
  codes?: ScaffoldCode[];
  /** A disclosure (usually last year's) whose 科目 the template takes. */
  codesFrom?: string;
  /** The id and version a department gives its template. */
  templateId?: string;
  templateVersion?: string;
  force?: boolean;
}

/** Write a blank template workbook with live formulas; never overwrites a file unless forced. */
export async function scaffoldFile(out: string, opts: ScaffoldFileOptions): Promise<{ sheets: string[]; codes: number; identity?: TemplateIdentity }> {
  claimOutput(out, [opts.codesFrom], opts);
  let codes = opts.codes;
  if (opts.codesFrom) {
    const { workbook } = await readDisclosure(opts.codesFrom);
    codes = codesOfWorkbook(workbook);
    if (!codes.length) throw new InputError(`在“${opts.codesFrom}”中找不到带科目编码的公开表，无法沿用其科目`);
  }
  const host = new XlsxHost(gridToExcel({ sheets: [] }), path.basename(out));
  const written = await usecases.scaffoldInto(host, {
    unit: opts.unit,
    year: opts.year,
    edition: opts.edition,
    codes,
    templateId: opts.templateId,
    templateVersion: opts.templateVersion,
  });
  await writeHost(host, out);
  return { sheets: written.written, codes: written.codes, identity: written.identity };
}

/**
 * Draft the narrative from a disclosure's tables into a copy of the workbook: a new sheet
 * 情况说明 (or 情况说明（草稿） when the workbook already has one). A text document is imported first.
 */
export async function draftFile(file: string, out: string, opts: { prior?: string } & WriteOptions = {}): Promise<{ sheet: string; paragraphs: string[] }> {
  claimOutput(out, [file, opts.prior], opts);
  const { host } = await openForCopy(file);
  await sayWhatTheCopyLacks(file, host.excel, opts);
  const prior = opts.prior ? (await readDisclosure(opts.prior)).workbook : undefined;
  // The copy is a new file: an earlier draft in it is replaced.
  const r = await usecases.draftInto(host, { prior, overwrite: true });
  await writeHost(host, out);
  return { sheet: r.sheet, paragraphs: r.paragraphs };
}

export type { FormsResult } from './usecases';

/**
 * Generate a 绩效自评表 for every project of 项目清单 that has none yet; forms already in the
 * workbook (typed in by the user) are kept as they are. Writes a copy to `out`.
 */
export async function formsFile(file: string, out: string, opts: { stacked?: boolean; year?: number } & WriteOptions = {}): Promise<usecases.FormsResult> {
  claimOutput(out, [file], opts);
  const host = await openWorkbook(file, '生成绩效自评表');
  await sayWhatTheCopyLacks(file, host.excel, opts);
  const r = await usecases.formsInto(host, opts);
  await writeHost(host, out);
  return r;
}

/**
 * Record 出错说明: from the 说明 column of 审核报告 (what the unit typed there), or one given
 * explicitly; then re-check and refresh the flags, so explained findings show as 已说明.
 */
export async function explainFile(
  file: string,
  out: string,
  one?: { rule: string; sheet: string; cell: string; text: string },
  opts: WriteOptions = {},
): Promise<{ explained: number; result: CheckResult }> {
  claimOutput(out, [file], opts);
  const host = await openWorkbook(file, '记录出错说明');
  await sayWhatTheCopyLacks(file, host.excel, opts);
  const entries = one ? [one] : reportExplanations(host.excel);
  if (!one && entries.length === 0) throw new InputError('工作簿中没有“审核报告”：请先用 check --out 生成审核报告，在其“说明”列填写后再运行');
  // Rows left blank keep what was on file; a row whose 说明 was cleared removes it.
  const { result, explained } = await usecases.explain(host, entries);
  await writeHost(host, out);
  return { explained, result };
}

export interface ConsolidateFileOptions extends WriteOptions {
  /** The names list: a .txt (one unit per line, its parent after a tab) or a workbook (单位名称, 上级单位 columns). */
  units?: string;
  department?: string;
  /** Told as each unit is read: its place, the count and its file. */
  progress?: (done: number, total: number, file: string) => void;
}

export interface ConsolidateFileResult {
  consolidated: Consolidated;
  /** The 汇总 checked like any other disclosure. */
  checked: CheckResult;
}

/**
 * A department's 汇总 from its units' files, read one at a time (only what the 汇总 needs of each is
 * kept), written to a new workbook; a file that cannot be read is a unit refused under its own name.
 */
export async function consolidateFiles(files: string[], out: string, opts: ConsolidateFileOptions = {}): Promise<ConsolidateFileResult> {
  claimOutput(out, [...files, opts.units], opts);
  const names = opts.units ? await namesFromFile(path.basename(opts.units), readFileBytes(opts.units)) : undefined;
  if (names && !names.length) throw new InputError(`单位名单“${opts.units}”中没有单位名称`);
  const units = await readUnits(
    files.map((f) => ({ name: path.basename(f), bytes: () => readFileBytes(f) })),
    { readPdf: async (buf, name) => (await import('./hosts/pdf/nodePdf')).readPdfNode(buf, name), progress: opts.progress },
  );
  const host = new XlsxHost(gridToExcel({ sheets: [] }), path.basename(out));
  const { consolidated, checked } = await consolidateUnits(host, units, { names, department: opts.department });
  await writeHost(host, out);
  return { consolidated, checked };
}

/**
 * One document of a batch: checked (and its flagged copy written, when `out` is given), with the
 * unit it names itself as, for the 检查表.
 */
export async function checkForBatch(file: string, out?: string, opts: CheckOptions = {}): Promise<CheckResult & { unit?: string }> {
  const r = await checkFile(file, out, undefined, opts);
  const tables = r.recognition.tables;
  return { ...r, unit: tables.length ? unitNameOf({ sheets: [...new Set(tables.map((t) => t.sheet))] }, tables) : undefined };
}
