import { Workbook } from './core/grid';
import { readDisclosureBytes, PdfReader } from './hosts/disclosure';
import { InputError } from './hosts/problems';
import type { XlsxHost } from './hosts/xlsx/xlsxHost';
import { DocumentHost } from './hosts/text/documentHost';
import * as usecases from './usecases';
import { checkWorkbook, CheckResult, submitLine } from './check';
import type { Host } from './usecases/host';
import type { UnitFigures } from './consolidate/unit';
import { readUnits, namesFromFile, consolidateUnits } from './hosts/department';
import type { NamedUnit } from './consolidate/names';
import { consolidatedLines } from './consolidate/summary';
import { resultView, ResultView } from './check/view';
import { Finding } from './core/findings';
import { WithNarrative, NARRATIVE_SHEET } from './hosts/narrativeHost';
import type { DocxHost } from './hosts/word/docxHost';
import { isDocx } from './hosts/problems';

/**
 * Browser mode (the task pane opened outside Excel): a file chosen by the user is read, checked
 * and, on request, written back with flags and 审核报告 — all in the page, nothing leaves the
 * machine. exceljs is loaded only when an .xlsx is read or written.
 */

export interface CheckedFile {
  name: string;
  kind: 'xlsx' | 'text';
  /**
   * Where the file lives while the pane has it (the use cases run on it): the workbook as loaded
   * (an .xlsx, parsed once, written back with the flags), or the document (a .txt or a PDF).
   */
  host: XlsxHost | DocumentHost | DocxHost;
  /** The 情况说明 written apart in Word, checked with the file's tables and handed back commented. */
  narrative?: DocxHost;
  /** The grid as last checked, for the pane's view of the findings. */
  grid: Workbook;
  result: CheckResult;
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

/** A file the user chose: its name and bytes. */
export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * The 情况说明 a unit wrote in Word, as a host beside the tables' (its text read into 情况说明（文档）);
 * anything but a Word document refused with the command line's words.
 */
export async function narrativeHost(file: ChosenFile): Promise<DocxHost> {
  if (!isDocx(file.name, file.bytes)) throw new InputError(`情况说明“${file.name}”须是 Word 文档（.docx）：请在 Word 或 WPS 中另存为 .docx 后再选`);
  const { DocxHost } = await import('./hosts/word/docxHost');
  return new DocxHost(file.bytes, file.name, NARRATIVE_SHEET);
}

/** The host the use cases run on: the file's, with its Word 情况说明 beside it when one was chosen. */
const checkedHost = (file: Pick<CheckedFile, 'host' | 'narrative'>): Host => (file.narrative ? new WithNarrative(file.host, file.narrative) : file.host);

/** Read and check a chosen file; a file that cannot be used is an InputError with the command line's message. */
export async function checkFileBytes(
  name: string,
  bytes: Uint8Array,
  readPdf?: PdfReader,
  progress?: (p: Progress) => void,
  narrativeFile?: ChosenFile,
): Promise<CheckedFile> {
  const narrative = narrativeFile && (await narrativeHost(narrativeFile));
  let read: Awaited<ReturnType<typeof readDisclosureBytes>>;
  progress?.({ text: '正在读取文件…', fraction: 0 });
  // A Word document is its own host: checked as read, handed back with Word comments.
  const word = isDocx(name, bytes) ? new (await import('./hosts/word/docxHost')).DocxHost(bytes, name) : undefined;
  try {
    read = word ? { workbook: await word.read(), kind: 'text' } : await readDisclosureBytes(name, bytes, readPdf);
  } catch (e) {
    throw e instanceof InputError ? e : new InputError('无法读取该文件（文件可能已损坏）');
  }
  const host =
    word ?? (read.excel ? new (await import('./hosts/xlsx/xlsxHost')).XlsxHost(read.excel, name, read.workbook) : new DocumentHost(read.workbook, name));
  let copyLacks: string | undefined;
  if (read.excel) {
    const [{ copyLacks: lacks }, { drawingsLeftOut }] = await Promise.all([import('./hosts/xlsx/packageCheck'), import('./hosts/xlsx/xlsx')]);
    copyLacks = await lacks(bytes, drawingsLeftOut(read.excel));
  }
  const checked = await checkOn(checkedHost({ host, narrative }), (grid) => checkGrid(grid, progress, READ));
  return { name, kind: read.kind, host, narrative, ...checked, ...(copyLacks ? { copyLacks } : {}) };
}

/** The host's workbook checked through the use case, with the grid it was checked on. */
async function checkOn(host: Host, check: (grid: Workbook) => CheckResult): Promise<{ grid: Workbook; result: CheckResult }> {
  let grid: Workbook = { sheets: [] };
  const { result } = await usecases.check(host, { checker: (g) => check((grid = g)) });
  return { grid, result };
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
  const { XlsxHost } = await import('./hosts/xlsx/xlsxHost');
  if (file.host instanceof XlsxHost) {
    // The workbook loaded when it was checked (its 出错说明 saved in it as they were typed),
    // flagged with the findings the pane shows.
    await usecases.flagChecked(file.host, file.result, file.name);
    return file.host.bytes();
  }
  // A document becomes a workbook first (one sheet per table …), checked and flagged there.
  const target = new XlsxHost(new (await import('exceljs')).default.Workbook(), file.name);
  const grid = await usecases.importInto(target, file.grid);
  // The explanations typed in the pane name the document's lines: each goes with the same finding
  // (rule and message) of the imported workbook, keyed to its cell there, so none is lost.
  const typed = file.grid.explanations ?? [];
  const entries: usecases.ExplanationEntry[] = [];
  if (typed.length) {
    const imported = checkWorkbook(grid).findings;
    for (const e of typed) {
      const said = file.result.findings.find((f) => f.rule === e.rule && f.sheet === e.sheet && f.cell === e.cell);
      const there = said && imported.find((f) => f.rule === said.rule && f.message === said.message);
      if (there) entries.push({ rule: there.rule, sheet: there.sheet, cell: there.cell, text: e.text });
    }
  }
  await usecases.explain(target, entries);
  return target.bytes();
}

/**
 * The Word document checked — the 情况说明 beside the file's tables, or the file itself when it is
 * one — with a comment on each of its findings; undefined when no Word document was checked.
 */
export async function commentedWordBytes(file: CheckedFile): Promise<Uint8Array | undefined> {
  const { DocxHost } = await import('./hosts/word/docxHost');
  const doc = file.narrative ?? (file.host instanceof DocxHost ? file.host : undefined);
  if (!doc) return undefined;
  await doc.flag(file.result.findings);
  return doc.copyBytes()?.bytes;
}

/** Record an explanation for a finding of the file (kept with it, and in the downloaded workbook) and re-check. */
export async function explainChecked(file: CheckedFile, f: Finding, text: string): Promise<CheckedFile> {
  let grid: Workbook = file.grid;
  const { result } = await usecases.explain(checkedHost(file), [{ rule: f.rule, sheet: f.sheet, cell: f.cell, text }], (g) => checkWorkbook((grid = g)), {
    flag: false,
  });
  return { ...file, grid, result };
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
  check(name: string, bytes: Uint8Array, o?: { pdf?: Workbook; progress?: (p: Progress) => void; narrative?: ChosenFile }): Promise<ResultView>;
  explain(f: Pick<Finding, 'rule' | 'sheet' | 'cell' | 'message'>, text: string): Promise<ResultView>;
  /** The checked file as a flagged workbook, or undefined before a check. */
  download(): Promise<Uint8Array | undefined>;
  /** The Word document checked (the 情况说明 beside the tables, or the file itself), commented; undefined when there was none. */
  downloadWord(): Promise<Uint8Array | undefined>;
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
      checked = await checkFileBytes(name, bytes, pdf ? async () => pdf : readPdf, o.progress, o.narrative);
      return withLacks(resultView(checked.result), checked);
    },
    async explain(f, text) {
      if (!checked) throw new InputError('请先审核');
      // The finding as this side holds it (the page's copy crossed a thread).
      const mine = checked.result.findings.find((x) => x.rule === f.rule && x.sheet === f.sheet && x.cell === f.cell && x.message === f.message);
      if (!mine) throw new InputError('找不到这一问题：请重新审核后再保存说明');
      checked = await explainChecked(checked, mine, text);
      return withLacks(resultView(checked.result), checked);
    },
    async download() {
      return checked && flaggedWorkbookBytes(checked);
    },
    async downloadWord() {
      return checked && commentedWordBytes(checked);
    },
    async checkGrid(grid, progress) {
      return resultView(checkGrid(grid, progress));
    },
  };
}

/** The pane's view of a 汇总 written: what it says of itself and its own check, or the sheets in the way. */
export interface ConsolidateView {
  written: string[];
  conflicts: string[];
  lines: string[];
  /** The 汇总's own check, in a line (可提交 / 不可提交：…). */
  verdict: string;
  department: string;
  year: number;
}

/**
 * The units a department chose (files in the pane), each read and checked here in turn; between
 * units the page gets a turn (the pane stays responsive), and a file that fails in any way is a
 * unit refused under its own name.
 */
export function unitsFromFiles(
  files: { name: string; bytes: () => Promise<Uint8Array> }[],
  readPdf?: PdfReader,
  progress?: (p: Progress) => void,
): Promise<UnitFigures[]> {
  return readUnits(files, {
    readPdf,
    progress: (done, total, name) => {
      if (done < total) progress?.({ text: `正在读取单位 ${done + 1}/${total}：${name}`, fraction: done / total });
    },
    pause: () => new Promise((r) => setTimeout(r, 0)),
    unreadable: '无法读取该文件（文件可能已损坏）',
  });
}

export { namesFromFile };

/** The 汇总 written into a host (new sheets of the open workbook, or a new workbook to download), and what it says. */
export async function consolidateOn(
  host: Host,
  units: UnitFigures[],
  opts: { names?: NamedUnit[]; department?: string; overwrite?: boolean },
): Promise<ConsolidateView> {
  const r = await consolidateUnits(host, units, opts);
  return {
    written: r.written,
    conflicts: r.conflicts,
    lines: consolidatedLines(r.consolidated),
    verdict: submitLine(r.checked),
    department: r.consolidated.department,
    year: r.consolidated.year,
  };
}
