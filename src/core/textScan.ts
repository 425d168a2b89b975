import { Workbook } from './grid';

/** A text cell and where it is. */
export interface ScannedText {
  r: number;
  c: number;
  raw: string;
}

/** What one pass over a sheet's cells found. */
export interface SheetScan {
  /** Every text holding a marker character (表 titles, 部 第…部分, 项 项目名称), in reading order. */
  marked: ScannedText[];
  /** Rows whose one non-blank cell is a text (a heading, a narrative line): that text, in row order. */
  sole: ScannedText[];
}

/** One pass over every cell of a workbook, shared by recognition, the narrative and the forms. */
export interface TextScan {
  /** Per sheet, in the workbook's order. */
  sheets: SheetScan[];
  /** The year the workbook states first ("2023年度"). */
  year: number | undefined;
}

const MARKS = ['表'.charCodeAt(0), '部'.charCodeAt(0), '项'.charCodeAt(0)];

/** Whether a text holds a marker character (/[表部项]/, read without a regex: every text cell asks). */
function hasMarker(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const k = v.charCodeAt(i);
    if (k === MARKS[0] || k === MARKS[1] || k === MARKS[2]) return true;
  }
  return false;
}

const YEAR_RE = /(20\d{2})\s*年度/;

/**
 * Read every cell once: the texts titles, part headings and forms are found from (normalizing
 * never adds a marker character, so a text without one is none of them), each row's sole text,
 * and the stated year. Checking a workbook visits its cells here rather than once per reader.
 */
export function scanTexts(wb: Workbook): TextScan {
  const sheets: SheetScan[] = [];
  let year: number | undefined;
  // Indexed loops: this visits every cell, and runs before the engine is warm.
  for (const s of wb.sheets) {
    const marked: ScannedText[] = [];
    const sole: ScannedText[] = [];
    for (let r = 0; r < s.rows.length; r++) {
      const row = s.rows[r];
      if (!row) continue;
      // The row's sole text, read as a narrative line is: a second non-blank cell (or a number)
      // means none; a blank text before the first one is skipped.
      let only = '';
      let onlyAt = -1;
      let several = false;
      for (let c = 0; c < row.length; c++) {
        const v = row[c]?.value;
        if (v === null || v === undefined || v === '') continue;
        if (typeof v !== 'string') {
          several = true;
          continue;
        }
        if (!several) {
          if (onlyAt >= 0) several = true;
          else if (v.trim()) {
            only = v;
            onlyAt = c;
          }
        }
        if (hasMarker(v)) marked.push({ r, c, raw: v });
        if (year === undefined) {
          const m = YEAR_RE.exec(v);
          if (m) year = Number(m[1]);
        }
      }
      if (onlyAt >= 0 && !several) sole.push({ r, c: onlyAt, raw: only });
    }
    sheets.push({ marked, sole });
  }
  return { sheets, year };
}

/** Whether a text holds one of the characters. */
export function mentions(t: string, chars: readonly string[]): boolean {
  for (let k = 0; k < chars.length; k++) if (t.includes(chars[k])) return true;
  return false;
}
