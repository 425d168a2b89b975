import * as fs from 'fs';
import * as path from 'path';
import { Workbook } from '../core/grid';
import { InputError, readXlsx, xlsxProblem } from './xlsx';
import { textToWorkbook, textProblem } from './textDocument';

/** A file's bytes; a missing or unreadable file, or a folder, is an InputError. */
export function readFileBytes(file: string): Buffer {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new InputError(`“${file}”是文件夹，不是文件`);
    return fs.readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`找不到文件“${file}”或无法读取`);
  }
}

/** Read a disclosure file (xlsx workbook or text document) into the grid model. */
export async function readDisclosure(file: string): Promise<{ workbook: Workbook; kind: 'xlsx' | 'text' }> {
  const buf = readFileBytes(file);
  const ext = path.extname(file).toLowerCase();
  const name = path.basename(file);
  if (ext === '.xlsx' || ext === '.xlsm' || (ext !== '.txt' && !xlsxProblem(buf))) {
    const wb = await readXlsx(buf, name);
    if (wb.sheets.every((s) => s.rows.length === 0)) throw new InputError('工作簿是空的，没有任何内容');
    return { workbook: wb, kind: 'xlsx' };
  }
  if (ext === '.xls') throw new InputError('不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后再试');
  const problem = textProblem(buf);
  if (problem) throw new InputError(problem);
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD')) throw new InputError('文本文件不是 UTF-8 编码，请另存为 UTF-8 后再试');
  const wb = textToWorkbook(text, name);
  if (wb.sheets[0].rows.length === 0) throw new InputError('文件为空');
  return { workbook: wb, kind: 'text' };
}

export { InputError };
