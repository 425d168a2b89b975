import { Workbook } from '../core/grid';
import { InputError, xlsxProblem, foreignProblem, isPdf, isDocx } from './problems';

/** Reads a PDF into the grid model (pdf/nodePdf.ts in Node; the pane's own in the browser). */
export type PdfReader = (buf: Uint8Array, name: string) => Promise<Workbook>;

const wbEmpty = (wb: Workbook) => wb.sheets.every((s) => s.rows.length === 0);
import { textToWorkbook, textProblem } from './text/textDocument';

/**
 * A disclosure from a file's name and bytes: an xlsx workbook, a text document (a .txt of a
 * disclosure, tables as tab- or space-separated rows) or a PDF read by the host's page reader
 * (hosts/pdf: words and rulings into the grid). Used by the command line (bytes read from disk) and the
 * task pane's browser mode (bytes of the file the user chose): both tell a bad file the same way.
 */
export async function readDisclosureBytes(
  name: string,
  buf: Uint8Array,
  readPdf?: PdfReader,
): Promise<{ workbook: Workbook; kind: 'xlsx' | 'text'; excel?: import('exceljs').Workbook }> {
  // A PDF is read where the host can (its reader given): a document, like a text one.
  if (readPdf && isPdf(name, buf)) {
    const workbook = await readPdf(buf, name);
    if (wbEmpty(workbook)) throw new InputError('PDF 中没有可读的文字');
    if (!workbook.sheets.some((s) => s.rows.some((row) => row.some((c) => typeof c?.value === 'string' && c.value.includes('决算')))))
      throw new InputError('这份 PDF 不是部门决算公开文本（全文没有“决算”二字），无法核对');
    return { workbook, kind: 'text' };
  }
  // A Word document: the body read as a document, as a text or a PDF is (loaded only when one is chosen).
  if (isDocx(name, buf)) {
    const { readDocx } = await import('./word/docxRead');
    return { workbook: await readDocx(buf, name), kind: 'text' };
  }
  const foreign = foreignProblem(name, buf);
  if (foreign) throw new InputError(foreign);
  const ext = /\.[^.]*$/.exec(name)?.[0].toLowerCase() ?? '';
  if (ext === '.xlsx' || ext === '.xlsm' || (ext !== '.txt' && !xlsxProblem(buf))) {
    // exceljs is loaded only when a workbook is read: the task pane's first render stays small.
    const { loadExcel, excelToGrid } = await import('./xlsx/xlsx');
    const excel = await loadExcel(buf);
    const wb = excelToGrid(excel, name);
    if (wb.sheets.every((s) => s.rows.length === 0)) throw new InputError('工作簿是空的，没有任何内容');
    // The loaded workbook comes along: a host that writes it back need not parse it again.
    return { workbook: wb, kind: 'xlsx', excel };
  }
  if (ext === '.xls') throw new InputError('不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后再试');
  const problem = textProblem(buf);
  if (problem) throw new InputError(problem);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new InputError('文本文件不是 UTF-8 编码，请另存为 UTF-8 后再试');
  }
  const wb = textToWorkbook(text, name);
  if (wb.sheets[0].rows.length === 0) throw new InputError('文件为空');
  return { workbook: wb, kind: 'text' };
}
