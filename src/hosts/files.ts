import * as fs from 'fs';
import * as path from 'path';
import { Workbook } from '../core/grid';
import { InputError } from './problems';
import { readDisclosureBytes } from './disclosure';

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
export async function readDisclosure(file: string): Promise<{ workbook: Workbook; kind: 'xlsx' | 'text'; excel?: import('exceljs').Workbook }> {
  return readDisclosureBytes(path.basename(file), readFileBytes(file), async (buf, name) => (await import('./pdf/nodePdf')).readPdfNode(buf, name));
}

export { InputError };
