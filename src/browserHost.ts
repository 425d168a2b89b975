import { Workbook } from './core/grid';
import { readDisclosureBytes, PdfReader } from './hosts/disclosure';
import { InputError } from './hosts/problems';
import type { XlsxHost } from './hosts/xlsx/xlsxHost';
import { importDocument, importLayouts } from './importDoc';
import { checkWorkbook, CheckResult } from './check';
import { resultView, ResultView } from './check/view';
import { reportHeading } from './check/heading';
import { Finding } from './core/findings';
import { upsertExplanation } from './core/explanations';

/**
 * Browser mode (the task pane opened outside Excel): a file chosen by the user is read, checked
 * and, on request, written back with flags and 审核报告 — all in the page, nothing leaves the
 * machine. exceljs is loaded only when an .xlsx is read or written.
 */

export interface CheckedFile {
  name: string;
  kind: 'xlsx' | 'text';
  grid: Workbook;
  result: CheckResult;
  /** The workbook as loaded (an .xlsx), written back with the flags: parsed once. */
  host?: XlsxHost;
  /** What its flagged copy will lack (charts, macros …), said before it is downloaded. */
  copyLacks?: string;
}

/** How far a check has come: what is being done, in Chinese, and the share done (0–1) for a bar. */
export interface Progress {
  text: string;
  fraction: number;
}

/**
 * Shares of a check's time by stage, as measured on a 50 MB text (reading 0.7 s, recognizing
 * 0.75 s, the rules 3.4 s): the bar moves about evenly with the clock.
 */
const READ = 0.15;
const RECOGNIZE = 0.3;

/** Read and check a chosen file; a file that cannot be used is an InputError with the command line's message. */
export async function checkFileBytes(name: string, bytes: Uint8Array, readPdf?: PdfReader, progress?: (p: Progress) => void): Promise<CheckedFile> {
  let read: Awaited<ReturnType<typeof readDisclosureBytes>>;
  progress?.({ text: '正在读取文件…', fraction: 0 });
  try {
    read = await readDisclosureBytes(name, bytes, readPdf);
  } catch (e) {
    throw e instanceof InputError ? e : new InputError('无法读取该文件（文件可能已损坏）');
  }
  const host = read.excel ? new (await import('./hosts/xlsx/xlsxHost')).XlsxHost(read.excel, name) : undefined;
  let copyLacks: string | undefined;
  if (read.excel) {
    const [{ copyLacks: lacks }, { drawingsLeftOut }] = await Promise.all([import('./hosts/xlsx/packageCheck'), import('./hosts/xlsx/xlsx')]);
    copyLacks = await lacks(bytes, drawingsLeftOut(read.excel));
  }
  return { name, kind: read.kind, grid: read.workbook, result: checkGrid(read.workbook, progress, READ), host, ...(copyLacks ? { copyLacks } : {}) };
}

/** The check of a read workbook, telling how far it has come from `from` (what reading took) on. */
function checkGrid(grid: Workbook, progress?: (p: Progress) => void, from = 0): CheckResult {
  progress?.({ text: '正在识别公开表…', fraction: from });
  const rules = from + ((1 - from) * (RECOGNIZE - READ)) / (1 - READ);
  return checkWorkbook(grid, {
    progress: progress && ((done, total) => progress({ text: '正在核对…', fraction: done >= total ? 1 : rules + ((1 - rules) * done) / total })),
  });
}

/** The checked workbook as .xlsx bytes: flags on the cells and the 审核报告 sheet. */
export async function flaggedWorkbookBytes(file: CheckedFile): Promise<Uint8Array> {
  const { applyFlags } = await import('./hosts/xlsx/xlsxFlags');
  if (file.host) {
    // The workbook loaded when it was checked; its flags and explanations as the pane shows them.
    await file.host.saveExplanations(file.grid.explanations ?? []);
    await file.host.flag(file.result.findings, reportHeading(file.result, file.name));
    return file.host.bytes();
  }
  // A text document becomes a workbook first (one sheet per table …), checked again there.
  const { gridToExcel } = await import('./hosts/xlsx/xlsxWrite');
  const { writeExplanations } = await import('./hosts/xlsx/xlsxFlags');
  const grid = importDocument(file.grid);
  // The explanations typed in the pane name the text's lines: each goes with the same finding
  // (rule and message) of the imported workbook, keyed to its cell there, so none is lost.
  let list = grid.explanations ?? [];
  const imported = checkWorkbook(grid).findings;
  for (const e of file.grid.explanations ?? []) {
    const said = file.result.findings.find((f) => f.rule === e.rule && f.sheet === e.sheet && f.cell === e.cell);
    const there = said && imported.find((f) => f.rule === said.rule && f.message === said.message);
    if (there) list = upsertExplanation(list, there, e.text, grid);
  }
  grid.explanations = list;
  const excel = gridToExcel(grid, importLayouts(grid));
  const result = checkWorkbook(grid);
  applyFlags(excel, result.findings, reportHeading(result, file.name));
  writeExplanations(excel, list);
  return new Uint8Array((await excel.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Record an explanation for a finding of the file (kept in the downloaded workbook) and re-check. */
export function explainChecked(file: CheckedFile, f: Finding, text: string): CheckedFile {
  const grid = { ...file.grid, explanations: upsertExplanation(file.grid.explanations ?? [], f, text, file.grid) };
  return { ...file, grid, result: checkWorkbook(grid) };
}

/**
 * The pane's checking, behind calls that take and give plain data: run in a Web Worker
 * (taskpane/src/checker.worker.ts) so the pane stays responsive on a large file or workbook, or in
 * the page itself where no worker can be started. Browser mode's chosen file, once checked, stays
 * here (to explain and download); a workbook open in Excel is only checked (Office.js reads and
 * flags it from the page).
 */
export interface Engine {
  /** `pdf`: a PDF already read into the grid (pdfjs draws in the page; the rest runs here). */
  check(name: string, bytes: Uint8Array, o?: { pdf?: Workbook; progress?: (p: Progress) => void }): Promise<ResultView>;
  explain(f: Pick<Finding, 'rule' | 'sheet' | 'cell' | 'message'>, text: string): Promise<ResultView>;
  /** The checked file as a flagged workbook, or undefined before a check. */
  download(): Promise<Uint8Array | undefined>;
  /** A workbook read elsewhere (the one open in Excel) checked as it is; nothing is kept. */
  checkGrid(grid: Workbook, progress?: (p: Progress) => void): Promise<ResultView>;
}

const withLacks = (view: ResultView, file: CheckedFile): ResultView => (file.copyLacks ? { ...view, copyLacks: file.copyLacks } : view);

export function localEngine(readPdf?: PdfReader): Engine {
  let checked: CheckedFile | undefined;
  return {
    async check(name, bytes, o = {}) {
      checked = undefined;
      const pdf = o.pdf;
      checked = await checkFileBytes(name, bytes, pdf ? async () => pdf : readPdf, o.progress);
      return withLacks(resultView(checked.result, checked.grid), checked);
    },
    async explain(f, text) {
      if (!checked) throw new InputError('请先审核');
      // The finding as this side holds it (the page's copy crossed a thread).
      const mine = checked.result.findings.find((x) => x.rule === f.rule && x.sheet === f.sheet && x.cell === f.cell && x.message === f.message);
      if (!mine) throw new InputError('找不到这一问题：请重新审核后再保存说明');
      checked = explainChecked(checked, mine, text);
      return withLacks(resultView(checked.result, checked.grid), checked);
    },
    async download() {
      return checked && flaggedWorkbookBytes(checked);
    },
    async checkGrid(grid, progress) {
      return resultView(checkGrid(grid, progress), grid);
    },
  };
}
