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
