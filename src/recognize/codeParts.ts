import { SheetView, isKemuCode } from './sheetView';
import { isAsciiDigits } from '../core/text';

/**
 * A 科目编码 printed in one column (201, 20103, 2010301) or split over its parts: 类 | 款 | 项
 * (功能分类) or 类 | 款 (经济分类) under one heading ("功能分类科目编码" spanning them, 类 款 项
 * below). A split row shows "201 | 03 | 01", or leaves the parts its parents already gave blank
 * ("   | 03 | 01", "   |    | 01"): the code is the parts it shows after the parts carried down
 * from the rows above. Either way the row's code comes out whole: 201, 20103, 2010301.
 */

/** The words a split code's part columns are headed with, in order. */
const PART_WORDS = ['类', '款', '项'];

/**
 * The part columns of a split code under the header rows [top, bottom]: a row of the header holding
 * 类, 款 (and 项) in adjacent columns, the first at or right of `from`. Undefined when the code is
 * printed in one column.
 */
export function codePartColumns(view: SheetView, top: number, bottom: number, from = 0): number[] | undefined {
  for (let r = top; r <= bottom; r++) {
    const texts = view.rowTexts(r);
    for (let i = 0; i < texts.length; i++) {
      if (texts[i].c < from || texts[i].t !== PART_WORDS[0]) continue;
      const cols = [texts[i].c];
      while (cols.length < PART_WORDS.length) {
        const next = texts[i + cols.length];
        if (!next || next.t !== PART_WORDS[cols.length] || next.c !== cols[cols.length - 1] + 1) break;
        cols.push(next.c);
      }
      if (cols.length >= 2) return cols;
    }
  }
  return undefined;
}

/**
 * The part columns of a split code told from the figures, for a header without the 类 款 项 row:
 * right of the code column, columns holding only two-digit parts ("03", "01") on the table's rows,
 * where the code column holds 3-digit 类 codes or nothing.
 */
export function codePartColumnsByData(view: SheetView, codeCol: number, top: number, bottom: number): number[] | undefined {
  const cols = [codeCol];
  for (let k = 1; k <= 2; k++) {
    const c = codeCol + k;
    let parts = 0;
    for (let r = top; r <= bottom; r++) {
      const t = view.text(r, c);
      if (!t) continue;
      if (t.length !== 2 || !isAsciiDigits(t)) {
        // A 合计 or a note across the row is no part; anything else in the column ends the idea.
        if (view.text(r, codeCol) === t) continue;
        parts = -1;
        break;
      }
      const lead = view.text(r, codeCol);
      if (lead && (lead.length !== 3 || !isAsciiDigits(lead))) {
        parts = -1;
        break;
      }
      parts++;
    }
    if (parts < 2) break;
    cols.push(c);
  }
  return cols.length >= 2 ? cols : undefined;
}

/** A part as printed: 3 digits for a 类, 2 for the others; a number cell (6 for "06") padded. */
function partAt(view: SheetView, r: number, c: number, k: number): string | undefined {
  const t = view.text(r, c);
  if (!t) return '';
  const len = k === 0 ? 3 : 2;
  if (!isAsciiDigits(t) || t.length > len) return undefined;
  return t.padStart(len, '0');
}

/**
 * Reads the code of each row in turn (rows top to bottom: parts carry down from the rows above).
 * One reader per table.
 */
export class CodeReader {
  private carried = '';

  /** cols: one column (the code, possibly with its name after it) or the part columns. */
  constructor(
    private readonly view: SheetView,
    readonly cols: number[],
  ) {}

  /** The row's code (and, in one column, the name written after it), or undefined for a row without one. */
  read(r: number): { code: string; rest?: string } | undefined {
    if (this.cols.length === 1) {
      const t = this.view.text(r, this.cols[0]);
      if (!t) return undefined;
      if (isKemuCode(t)) return { code: t };
      const m = CODE_WITH_NAME.exec(t);
      return m ? { code: m[1], rest: m[2] } : undefined;
    }
    const parts: string[] = [];
    for (let k = 0; k < this.cols.length; k++) {
      const p = partAt(this.view, r, this.cols[k], k);
      if (p === undefined) return undefined;
      parts.push(p);
    }
    // The first part shown, and none shown after a gap.
    const first = parts.findIndex(Boolean);
    if (first < 0) return undefined;
    let last = first;
    while (last + 1 < parts.length && parts[last + 1]) last++;
    if (parts.slice(last + 1).some(Boolean)) return undefined;
    // Parts left blank before the first shown are the parents' (the rows above).
    const lead = [3, 5, 7][first - 1] ?? 0;
    if (first > 0 && this.carried.length < lead) return undefined;
    const code = this.carried.slice(0, first > 0 ? lead : 0) + parts.slice(first, last + 1).join('');
    this.carried = code;
    return { code };
  }
}

const CODE_WITH_NAME = /^(\d{3}(?:\d{2}){0,2})([^\d.,%].*)$/;
