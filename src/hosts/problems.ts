/**
 * Input that cannot be used, told in Chinese: what every adapter throws for a missing, empty,
 * encrypted or foreign file. Kept apart from the xlsx adapter so that the task pane can tell a
 * bad file without loading exceljs.
 */

export class InputError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Why a buffer is not a usable xlsx file, before exceljs sees it. */
export function xlsxProblem(buf: Uint8Array): string | undefined {
  if (buf.length === 0) return '文件为空';
  if (CFB_MAGIC.every((b, i) => buf[i] === b)) return '文件已加密或为旧版 .xls 格式，请在 Excel 中取消密码并另存为 .xlsx 后再试';
  if (!ZIP_MAGIC.every((b, i) => buf[i] === b)) return '不是有效的 .xlsx 工作簿';
  return undefined;
}

const starts = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** Whether a zip package names a part (part names are stored as written, in every entry's header). */
function holdsPart(buf: Uint8Array, part: string): boolean {
  const bytes = Array.from(part, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i + bytes.length <= buf.length; i++) {
    for (let j = 0; j < bytes.length; j++) if (buf[i + j] !== bytes[j]) continue outer;
    return true;
  }
  return false;
}

/** A Word document (.docx): by its name, or, whatever it is called, by its parts (a zip holding word/document.xml and no workbook). */
export const isDocx = (name: string, buf: Uint8Array): boolean =>
  /\.docx$/i.test(name) || (starts(buf, ZIP_MAGIC) && holdsPart(buf, 'word/document.xml') && !holdsPart(buf, 'xl/workbook.xml'));

/** A PDF, by its name or its first bytes (%PDF). */
export const isPdf = (name: string, buf: Uint8Array) => /\.pdf$/i.test(name) || starts(buf, [0x25, 0x50, 0x44, 0x46]);

/**
 * A file that is not a disclosure the checker reads (a Word document, a PDF, an archive, a
 * picture), told by its name or its first bytes, with what to do instead.
 */
export function foreignProblem(name: string, buf: Uint8Array): string | undefined {
  const ext = /\.[^.]*$/.exec(name)?.[0].toLowerCase() ?? '';
  if (['.doc', '.wps', '.rtf', '.wpt', '.dot'].includes(ext))
    return 'Word 97–2003（.doc）、WPS 文字（.wps）和 RTF 文档不能直接读取：请在 Word 或 WPS 中另存为 .docx 后再试（公开表也可另存为 Excel 工作簿 .xlsx）';
  if (isDocx(name, buf)) return 'Word 文档（.docx）只能用于核对，不能用于此操作：请提供 Excel 工作簿（.xlsx）';
  if (ext === '.pdf' || starts(buf, [0x25, 0x50, 0x44, 0x46]))
    return '此处暂不能直接读取 PDF：请用命令行 juesuan check 文件.pdf 核对，或提供 Excel 工作簿、文本（.txt）';
  if (['.zip', '.rar', '.7z', '.gz'].includes(ext) || starts(buf, [0x52, 0x61, 0x72, 0x21]) || starts(buf, [0x37, 0x7a, 0xbc, 0xaf]))
    return '这是压缩包：请先解压，再核对其中的 .xlsx 或 .txt 文件';
  const image =
    ['.png', '.jpg', '.jpeg', '.gif', '.bmp', '.tif', '.tiff', '.webp'].includes(ext) ||
    starts(buf, [0x89, 0x50, 0x4e, 0x47]) ||
    starts(buf, [0xff, 0xd8, 0xff]) ||
    starts(buf, [0x47, 0x49, 0x46, 0x38]);
  if (image) return '这是图片（扫描件），无法核对：请提供可复制文字的 .txt 或 Excel 工作簿';
  return undefined;
}
