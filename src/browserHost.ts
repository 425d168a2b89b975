import { Workbook } from './core/grid';
import { textToWorkbook, textProblem } from './adapters/textDocument';
import { importDocument } from './importDoc';
import { checkWorkbook, CheckResult } from './check';
import { Finding } from './core/findings';
import { upsertExplanation } from './core/explanations';

/**
 * Browser mode (the task pane opened outside Excel): a file chosen by the user is read, checked
 * and, on request, written back with flags and 审核报告 — all in the page, nothing leaves the
 * machine. exceljs is loaded only when an .xlsx is read or written.
 */

export class FileProblem extends Error {}

const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b;

export interface CheckedFile {
  name: string;
  kind: 'xlsx' | 'text';
  grid: Workbook;
  result: CheckResult;
}

export async function checkFileBytes(name: string, bytes: Uint8Array): Promise<CheckedFile> {
  if (bytes.length === 0) throw new FileProblem('文件为空');
  if (isZip(bytes)) {
    const { readXlsx, InputError } = await import('./adapters/xlsx');
    try {
      const grid = await readXlsx(bytes, name);
      return { name, kind: 'xlsx', grid, result: checkWorkbook(grid) };
    } catch (e) {
      throw new FileProblem(e instanceof InputError ? e.message : '无法读取该工作簿（文件损坏或已加密）');
    }
  }
  if (/\.xls$/i.test(name) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) throw new FileProblem('不支持旧版 .xls 或加密的工作簿，请在 Excel 中另存为 .xlsx');
  const problem = textProblem(bytes);
  if (problem) throw new FileProblem(problem);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new FileProblem('文本不是 UTF-8 编码，请另存为 UTF-8 后再打开');
  }
  const grid = textToWorkbook(text, name.replace(/\.[^.]*$/, ''));
  return { name, kind: 'text', grid, result: checkWorkbook(grid) };
}

/** The checked workbook as .xlsx bytes: flags on the cells and the 审核报告 sheet. */
export async function flaggedWorkbookBytes(file: CheckedFile, bytes: Uint8Array): Promise<Uint8Array> {
  const { loadExcel } = await import('./adapters/xlsx');
  const { applyFlags } = await import('./adapters/xlsxFlags');
  const { writeExplanations } = await import('./adapters/xlsxFlags');
  if (file.kind === 'xlsx') {
    const excel = await loadExcel(bytes);
    applyFlags(excel, file.result.findings);
    writeExplanations(excel, file.grid.explanations ?? []);
    return new Uint8Array((await excel.xlsx.writeBuffer()) as ArrayBuffer);
  }
  // A text document becomes a workbook first (one sheet per table …), checked again there.
  const { gridToExcel } = await import('./adapters/xlsxWrite');
  const grid = importDocument(file.grid);
  const excel = gridToExcel(grid);
  applyFlags(excel, checkWorkbook(grid).findings);
  return new Uint8Array((await excel.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Record an explanation for a finding of the file (kept in the downloaded workbook) and re-check. */
export function explainChecked(file: CheckedFile, f: Finding, text: string): CheckedFile {
  const grid = { ...file.grid, explanations: upsertExplanation(file.grid.explanations ?? [], f, text, file.grid) };
  return { ...file, grid, result: checkWorkbook(grid) };
}
