import { Workbook } from './core/grid';
import { readDisclosureBytes, PdfReader } from './hosts/disclosure';
import { InputError } from './hosts/problems';
import type { XlsxHost } from './hosts/xlsx/xlsxHost';
import { importDocument, importLayouts } from './importDoc';
import { checkWorkbook, CheckResult } from './check';
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
}

/** Read and check a chosen file; a file that cannot be used is an InputError with the command line's message. */
export async function checkFileBytes(name: string, bytes: Uint8Array, readPdf?: PdfReader): Promise<CheckedFile> {
  let read: Awaited<ReturnType<typeof readDisclosureBytes>>;
  try {
    read = await readDisclosureBytes(name, bytes, readPdf);
  } catch (e) {
    throw e instanceof InputError ? e : new InputError('无法读取该文件（文件可能已损坏）');
  }
  const host = read.excel ? new (await import('./hosts/xlsx/xlsxHost')).XlsxHost(read.excel, name) : undefined;
  return { name, kind: read.kind, grid: read.workbook, result: checkWorkbook(read.workbook), host };
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
