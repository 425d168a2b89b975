import { Workbook, Sheet, newSheet } from '../../core/grid';
import { looksLikeLayoutText, layoutToSheet } from './layoutText';

/**
 * A published disclosure as plain text (text taken from its PDF, tables as tab-separated rows)
 * read into the grid model: one row per line, one cell per tab-separated field.
 * Pure: takes the text, not a path.
 */
export function textToWorkbook(text: string, name = '文档'): Workbook {
  const sheet: Sheet = newSheet(sheetNameFor(name), 'text');
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (looksLikeLayoutText(lines)) return { sheets: [layoutToSheet(sheet, lines)], source: name };
  for (const line of lines) {
    if (line.trim() === '') {
      sheet.rows.push([]);
      continue;
    }
    const fields = line.split('\t');
    sheet.rows.push(fields.map((f) => (f.trim() === '' ? undefined : { value: f.trim() })));
  }
  while (sheet.rows.length && sheet.rows[sheet.rows.length - 1].length === 0) sheet.rows.pop();
  return { sheets: [sheet], source: name };
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetNameFor(name: string): string {
  const base =
    name
      .replace(/\.[^.]+$/, '')
      .replace(/[:\\/?*[\]]/g, '_')
      .trim() || '文档';
  return base.slice(0, 31);
}

/** Why a buffer is not a text document, or undefined when it is one. */
export function textProblem(buf: Uint8Array): string | undefined {
  if (buf.length === 0) return '文件为空';
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return '不是文本文件（含二进制内容）';
  return undefined;
}
