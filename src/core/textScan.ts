import { Workbook, Sheet } from './grid';

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
  /** Every text holding a colon (： or :), in reading order: the 标签：内容 lines (部门：…, 部门名称：…). */
  colons: ScannedText[];
  /**
   * Per row, which cells hold something other than a finite number or a blank (text, a boolean,
   * an error value): bit c for column c < 31, the sign bit for any column beyond. Read it with
   * holdsNonNumber; a rule looking for text among thousands of amount cells need not read them.
   */
  nonNumbers: Int32Array;
}

/** One pass over every cell of a workbook, shared by recognition, the narrative and the forms. */
export interface TextScan {
  /** Per sheet, in the workbook's order. */
  sheets: SheetScan[];
  /** The year the workbook states first ("2023年度"). */
  year: number | undefined;
}

const MARKS = ['表'.charCodeAt(0), '部'.charCodeAt(0), '项'.charCodeAt(0)];
const COLONS = ['：'.charCodeAt(0), ':'.charCodeAt(0)];
const MARKER = 1;
const COLON = 2;

/**
 * Whether a text holds a marker character (/[表部项]/: MARKER) and a colon (/[:：]/: COLON), read
 * in one loop without a regex: every text cell asks.
 */
function charsOf(v: string): number {
  let found = 0;
  for (let i = 0; i < v.length && found !== (MARKER | COLON); i++) {
    const k = v.charCodeAt(i);
    if (k === MARKS[0] || k === MARKS[1] || k === MARKS[2]) found |= MARKER;
    else if (k === COLONS[0] || k === COLONS[1]) found |= COLON;
  }
  return found;
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
    const colons: ScannedText[] = [];
    const nonNumbers = new Int32Array(s.rows.length);
    for (let r = 0; r < s.rows.length; r++) {
      const row = s.rows[r];
      if (!row) continue;
      let mask = 0;
      // The row's sole text, read as a narrative line is: a second non-blank cell (or a number)
      // means none; a blank text before the first one is skipped.
      let only = '';
      let onlyAt = -1;
      let several = false;
      for (let c = 0; c < row.length; c++) {
        const v = row[c]?.value;
        if (v === null || v === undefined || v === '') continue;
        if (typeof v !== 'number' || !Number.isFinite(v)) mask |= columnBit(c);
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
        const found = charsOf(v);
        if (found !== 0) {
          const at = { r, c, raw: v };
          if (found & MARKER) marked.push(at);
          if (found & COLON) colons.push(at);
        }
        if (year === undefined) {
          const m = YEAR_RE.exec(v);
          if (m) year = Number(m[1]);
        }
      }
      if (onlyAt >= 0 && !several) sole.push({ r, c: onlyAt, raw: only });
      nonNumbers[r] = mask;
    }
    sheets.push({ marked, sole, colons, nonNumbers });
  }
  return { sheets, year };
}

/**
 * Each sheet's scan, looked up by the sheet: from the scan handed in when it covers the workbook,
 * else scanned on first ask (a rule run without one).
 */
export function scanOfSheet(wb: Workbook, scan?: TextScan): (sheet: Sheet) => SheetScan {
  const bySheet = new Map<Sheet, SheetScan>();
  if (scan && scan.sheets.length === wb.sheets.length) for (let i = 0; i < wb.sheets.length; i++) bySheet.set(wb.sheets[i], scan.sheets[i]);
  return (sheet) => {
    let hit = bySheet.get(sheet);
    if (!hit) {
      hit = scanTexts({ sheets: [sheet] }).sheets[0];
      bySheet.set(sheet, hit);
    }
    return hit;
  };
}

/** A column's bit in SheetScan.nonNumbers: its own below the 32nd column, the sign bit shared beyond. */
function columnBit(c: number): number {
  return c < 31 ? 1 << c : 1 << 31;
}

/** Whether the scan saw something other than a finite number or a blank in a cell (see SheetScan.nonNumbers). */
export function holdsNonNumber(scan: SheetScan, r: number, c: number): boolean {
  return !holdsNoNonNumber(scan, r, columnBit(c));
}

/** The columns' bits as SheetScan.nonNumbers writes them. */
export function columnMask(columns: readonly number[]): number {
  let mask = 0;
  for (let i = 0; i < columns.length; i++) mask |= columnBit(columns[i]);
  return mask;
}

/** Whether the scan saw only numbers and blanks in a row's cells of the mask (see columnMask). */
export function holdsNoNonNumber(scan: SheetScan, r: number, mask: number): boolean {
  return r >= scan.nonNumbers.length || (scan.nonNumbers[r] & mask) === 0;
}

/** The texts of a scanned list (in reading order) on rows from `top` up to, not including, `bottom`. */
export function textsInRows(list: readonly ScannedText[], top: number, bottom: number): readonly ScannedText[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].r < top) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < list.length && list[end].r < bottom) end++;
  return lo === end ? NONE : list.slice(lo, end);
}

const NONE: readonly ScannedText[] = [];

/** Whether a text holds one of the characters. */
export function mentions(t: string, chars: readonly string[]): boolean {
  for (let k = 0; k < chars.length; k++) if (t.includes(chars[k])) return true;
  return false;
}
