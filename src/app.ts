import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbook, CheckResult } from './check';
import { readDisclosure, readFileBytes, InputError } from './hosts/files';
import { loadExcel } from './hosts/xlsx/xlsx';
import { reportExplanations, applyFlags } from './hosts/xlsx/xlsxFlags';
import { isPdf } from './hosts/problems';
import { reportHeading } from './check/heading';
import { XlsxHost } from './hosts/xlsx/xlsxHost';
import * as usecases from './usecases';
import { gridToExcel } from './hosts/xlsx/xlsxWrite';
import { importDocument } from './importDoc';
import { PRIOR_PREFIX } from './recognize';
import { Workbook } from './core/grid';
import { ScaffoldCode } from './scaffold/build';
import { codesOfWorkbook } from './scaffold/codesFrom';

/** File-level operations shared by the CLI and the worker threads. Thin: the core does the work. */

export { InputError };

async function writeExcel(wb: ExcelJS.Workbook, out: string) {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await wb.xlsx.writeFile(out);
}

/**
 * A disclosure to write a changed copy of, with last year's read beside it: a text document is
 * imported first (last year's sheets join the new workbook); a workbook gets last year's in its
 * grid only, so that the copy holds nothing but the user's sheets and the flags.
 */
async function openForCopy(file: string, prior?: string): Promise<{ host: XlsxHost; prior?: Workbook }> {
  // A document (.txt, or a PDF read from its pages) is imported first, as a workbook to flag.
  if (['.txt', '.pdf'].includes(path.extname(file).toLowerCase())) {
    const { excel } = await importToExcel(file, prior);
    return { host: new XlsxHost(excel, path.basename(file)) };
  }
  const host = new XlsxHost(await loadExcel(readFileBytes(file)), path.basename(file));
  return { host, prior: prior ? await priorSheets(prior) : undefined };
}

/** Last year's disclosure as sheets named 上年…, to sit beside this year's in one workbook. */
export async function priorSheets(file: string): Promise<Workbook> {
  const { workbook, kind } = await readDisclosure(file);
  const grid = kind === 'text' ? importDocument(workbook) : workbook;
  return { sheets: grid.sheets.filter((s) => !s.name.startsWith(PRIOR_PREFIX)).map((s) => ({ ...s, name: (PRIOR_PREFIX + s.name).slice(0, 31) })) };
}

/** A text document laid out as a workbook (one sheet per table …), with last year's beside it. */
export async function importToExcel(file: string, prior?: string): Promise<{ grid: Workbook; excel: ExcelJS.Workbook }> {
  const { workbook, kind } = await readDisclosure(file);
  if (kind !== 'text') throw new InputError('import 只接受文本文档（.txt）；工作簿可直接用 check 核对');
  const host = new XlsxHost(gridToExcel({ sheets: [] }), path.basename(file));
  const grid = await usecases.importInto(host, workbook, { prior: prior ? await priorSheets(prior) : undefined });
  return { grid, excel: host.excel };
}

export async function importFile(file: string, out: string, prior?: string): Promise<Workbook> {
  const { grid, excel } = await importToExcel(file, prior);
  await writeExcel(excel, out);
  return grid;
}

/**
 * Check a file; with `out`, also write a flagged copy. A text document is checked as text; its
 * flagged copy is the document imported as a workbook (one sheet per table …) and checked there.
 */
export async function checkFile(file: string, out?: string, prior?: string): Promise<CheckResult> {
  if (out && /\.pdf$/i.test(out)) return checkPdfCopy(file, out, prior);
  if (!out) {
    const { workbook } = await readDisclosure(file);
    if (prior) workbook.sheets.push(...(await priorSheets(prior)).sheets);
    return checkWorkbook(workbook);
  }
  const { host, prior: last } = await openForCopy(file, prior);
  const { result } = await usecases.check(host, { flag: true, prior: last });
  await writeExcel(host.excel, out);
  return result;
}

/**
 * A PDF checked into a marked copy (a highlight and a note on each finding) and its 审核报告 as a
 * workbook beside it (…审核报告.xlsx): see hosts/pdf/annotate.ts for why not pages at its end.
 */
async function checkPdfCopy(file: string, out: string, prior?: string): Promise<CheckResult> {
  const bytes = readFileBytes(file);
  if (!isPdf(file, bytes)) throw new InputError('写出 .pdf 只适用于 PDF 文件；工作簿和文本文档请写出 .xlsx');
  const { workbook } = await readDisclosure(file);
  if (prior) workbook.sheets.push(...(await priorSheets(prior)).sheets);
  const result = checkWorkbook(workbook);
  const { annotatePdf } = await import('./hosts/pdf/annotate');
  // The check put each finding's box on it (a PDF's cells know where they stand).
  const marks = result.findings.flatMap((finding) => (finding.box ? [{ finding, box: finding.box }] : []));
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, await annotatePdf(bytes, marks));
  // The report: each finding at its page (no sheet to link to in a PDF).
  const report = gridToExcel({ sheets: [] });
  applyFlags(
    report,
    result.findings.map((f) => ({ ...f, sheet: f.page ? `第${f.page}页` : '', cell: '' })),
    reportHeading(result, path.basename(file)),
  );
  await writeExcel(report, out.replace(/\.pdf$/i, '.审核报告.xlsx'));
  return result;
}

/** Remove every flag from a checked workbook, restoring it exactly. */
export async function clearFile(file: string, out: string): Promise<boolean> {
  const host = new XlsxHost(await loadExcel(readFileBytes(file)), path.basename(file));
  const { cleared } = await usecases.clear(host);
  await writeExcel(host.excel, out);
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
  force?: boolean;
}

/** Write a blank template workbook with live formulas; never overwrites a file unless forced. */
export async function scaffoldFile(out: string, opts: ScaffoldFileOptions): Promise<{ sheets: string[]; codes: number }> {
  if (fs.existsSync(out) && !opts.force) throw new InputError(`文件“${out}”已存在；为免覆盖您的数据，请换一个文件名，或加 --force 覆盖`);
  let codes = opts.codes;
  if (opts.codesFrom) {
    const { workbook } = await readDisclosure(opts.codesFrom);
    codes = codesOfWorkbook(workbook);
    if (!codes.length) throw new InputError(`在“${opts.codesFrom}”中找不到带科目编码的公开表，无法沿用其科目`);
  }
  const host = new XlsxHost(gridToExcel({ sheets: [] }), path.basename(out));
  const written = await usecases.scaffoldInto(host, { unit: opts.unit, year: opts.year, edition: opts.edition, codes });
  await writeExcel(host.excel, out);
  return { sheets: written.written, codes: written.codes };
}

/**
 * Draft the narrative from a disclosure's tables into a copy of the workbook: a new sheet
 * 情况说明 (or 情况说明（草稿） when the workbook already has one). A text document is imported first.
 */
export async function draftFile(file: string, out: string, opts: { prior?: string } = {}): Promise<{ sheet: string; paragraphs: string[] }> {
  if (path.resolve(file) === path.resolve(out)) throw new InputError('输出文件不能与输入文件相同，以免覆盖原文件');
  const { host } = await openForCopy(file);
  const prior = opts.prior ? (await readDisclosure(opts.prior)).workbook : undefined;
  // The copy is a new file: an earlier draft in it is replaced.
  const r = await usecases.draftInto(host, { prior, overwrite: true });
  await writeExcel(host.excel, out);
  return { sheet: r.sheet, paragraphs: r.paragraphs };
}

export type { FormsResult } from './usecases';

/**
 * Generate a 绩效自评表 for every project of 项目清单 that has none yet; forms already in the
 * workbook (typed in by the user) are kept as they are. Writes a copy to `out`.
 */
export async function formsFile(file: string, out: string, opts: { stacked?: boolean; year?: number } = {}): Promise<usecases.FormsResult> {
  if (path.resolve(file) === path.resolve(out)) throw new InputError('输出文件不能与输入文件相同，以免覆盖原文件');
  const host = new XlsxHost(await loadExcel(readFileBytes(file)), path.basename(file));
  const r = await usecases.formsInto(host, opts);
  await writeExcel(host.excel, out);
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
): Promise<{ explained: number; result: CheckResult }> {
  const host = new XlsxHost(await loadExcel(readFileBytes(file)), path.basename(file));
  const entries = one ? [one] : reportExplanations(host.excel);
  if (!one && entries.length === 0) throw new InputError('工作簿中没有“审核报告”：请先用 check --out 生成审核报告，在其“说明”列填写后再运行');
  // Rows left blank keep what was on file; a row whose 说明 was cleared removes it.
  const { result, explained } = await usecases.explain(host, entries);
  await writeExcel(host.excel, out);
  return { explained, result };
}
