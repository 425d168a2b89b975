import { cellText } from '../core/grid';
import { RecognizedTable, Item } from './model';

/**
 * Doubt in reading a table from a document's text (a PDF through pdftotext): narrow columns run
 * together ("2.85 0.39 0.00 0.00" in one cell), figures glued to a 科目 name ("住房保障支出29.42")
 * or standing where the name should be. Once that happens the figures of the rows around it may
 * sit in the wrong columns, so the whole body of the table is in doubt: no arithmetic is done on
 * it and one warning says which rows could not be read. A workbook's cells are what the unit
 * typed, never in doubt: text in its amount cells is the unit's to correct.
 */

export interface ReadingDoubt {
  /** First and last row (0-based, inclusive) where the reading went wrong. */
  top: number;
  bottom: number;
  /** One cell's text, to show the reader what was seen, and what went wrong there. */
  sample: string;
  why: string;
}

/** Two or more figures in one cell: columns run together. */
const RUN_TOGETHER = /^-?[\d,]*\.?\d+(?:\s+-?[\d,]*\.?\d+)+$/;
/** A name ending in a figure glued to it, or a name that is only figures. */
const GLUED_NAME = /[\u4e00-\u9fff）)]\s*-?\d[\d,.]*\.\d+$|^-?\d[\d,.]*\.\d+$/;

/** The words tables name their amount columns with. */
const COLUMN_WORDS =
  /^(合计|小计|总计|本年|上年|年初|年末|基本支出|项目支出|支出|收入|结转|结余|预算数?|决算数?|金额|上缴上级支出|经营支出|对附属单位补助支出|财政拨款|[\u4e00-\u9fff]{0,8}(支出|收入|结余|经费|费|合计|小计|总计))$/;

/**
 * A header line standing where a row's amounts go (合计 基本支出 项目支出 over an empty table, as
 * a document or a workbook copied from one lays it out): column names only, no figure. Not text
 * typed in amount cells, so not the unit's to correct.
 */
export function isHeaderWords(t: RecognizedTable, it: Item): boolean {
  let words = 0;
  for (const k in it.cols) {
    const s = cellText(t.sheet.rows[it.row]?.[it.cols[k]]).trim();
    if (!s) continue;
    if (!COLUMN_WORDS.test(s.replace(/\s+/g, ''))) return false;
    words++;
  }
  return words > 1;
}

/** Where reading a text-born table went wrong, or undefined when nothing is in doubt. */
export function readingDoubt(t: RecognizedTable): ReadingDoubt | undefined {
  if (t.sheet.origin !== 'text') return undefined;
  let doubt: ReadingDoubt | undefined;
  const note = (r: number, sample: string, why: string) => {
    if (!doubt) doubt = { top: r, bottom: r, sample, why };
    else {
      doubt.top = Math.min(doubt.top, r);
      doubt.bottom = Math.max(doubt.bottom, r);
    }
  };
  for (const it of t.items) {
    const row = t.sheet.rows[it.row] ?? [];
    for (const k in it.cols) {
      const s = cellText(row[it.cols[k]]).trim();
      if (RUN_TOGETHER.test(s)) note(it.row, s, '多栏数字并在一格');
    }
    const label = it.label.replace(/\s+/g, '');
    if (it.code && GLUED_NAME.test(label)) note(it.row, it.label, '数字与科目名称粘连');
    // A row's total read as blank or 0 while its parts hold figures: its figures slid left or right.
    for (const rs of 'rowSums' in t.spec ? (t.spec.rowSums ?? []) : []) {
      const at = it.cols[rs.total];
      if (at === undefined) continue;
      const total = cellText(row[at]).trim();
      if (total && Number(total.replace(/,/g, '')) !== 0) continue;
      const part = rs.plus.map((k) => it.cols[k]).find((c) => c !== undefined && Number(cellText(row[c]).replace(/,/g, '')) > 0);
      if (part !== undefined) note(it.row, `${it.label || it.code || ''}`, '合计栏为空或为 0 而分项有数，数字可能错栏');
    }
  }
  return doubt;
}
