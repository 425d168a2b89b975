import { Sheet, Cell, cellAt, mergedValueLookup } from '../core/grid';
import { normLabel, isAsciiDigits } from '../core/text';
import { readAmount, Amount, textAmountKind } from '../core/amount';

const NO_TEXTS: readonly { c: number; t: string }[] = [];

/** Cached, merge-aware reading of one sheet for recognition. */
export class SheetView {
  private merged: Map<string, Cell>;
  readonly rowCount: number;
  readonly colCount: number;

  constructor(readonly sheet: Sheet) {
    this.merged = mergedValueLookup(sheet);
    this.rowCount = sheet.rows.length;
    let cols = 0;
    for (const row of sheet.rows) if (row && row.length > cols) cols = row.length;
    for (const m of sheet.merges) if (m.right + 1 > cols) cols = m.right + 1;
    this.colCount = cols;
    this.rowCache = new Array(this.rowCount);
  }

  /** Whether the sheet has merged cells (whose text counts on every row and column they span). */
  get hasMerges(): boolean {
    return this.merged.size > 0;
  }

  cell(r: number, c: number): Cell | undefined {
    const own = cellAt(this.sheet, r, c);
    if (own && own.value !== null && own.value !== '') return own;
    if (this.merged.size) return this.merged.get(r + ',' + c) ?? own;
    return own;
  }

  /**
   * Normalized label text of a cell ('' when blank). Texts are normalized through normLabel's own
   * memo (the same labels recur in every unit); a number is written out as it is.
   */
  text(r: number, c: number): string {
    const v = this.cell(r, c)?.value;
    return v === null || v === undefined ? '' : typeof v === 'string' ? normLabel(v) : String(v);
  }

  /** Raw cell of the sheet itself (not merge-expanded), for amounts. */
  amount(r: number, c: number): Amount {
    return readAmount(cellAt(this.sheet, r, c));
  }

  /** What kind of amount a cell holds, without building its value when the cell is a number. */
  amountKind(r: number, c: number): Amount['kind'] {
    const v = cellAt(this.sheet, r, c)?.value;
    if (typeof v === 'number') return Number.isFinite(v) ? 'num' : 'text';
    if (v === null || v === undefined || v === '') return 'blank';
    // Header and label texts hold no digit: their kind needs no parse (and no cached reading).
    if (typeof v === 'string') return textAmountKind(v);
    return this.amount(r, c).kind;
  }

  rowWidth(r: number): number {
    const row = this.sheet.rows[r];
    return row ? row.length : 0;
  }

  /** Each row's texts once read; as long as the sheet from the start (grown a row at a time, it was copied over and over). */
  private rowCache: (readonly { c: number; t: string }[] | undefined)[];

  /** How many columns of a row can hold a text: its own cells, or every column when merges may fill it. */
  textWidth(r: number): number {
    return Math.max(this.rowWidth(r), this.merged.size ? this.colCount : 0);
  }

  /** Non-blank normalized texts of a row with their columns (cached: do not modify). */
  rowTexts(r: number): readonly { c: number; t: string }[] {
    const hit = this.rowCache[r];
    if (hit) return hit;
    const out: { c: number; t: string }[] = [];
    const w = this.textWidth(r);
    for (let c = 0; c < w; c++) {
      const t = this.text(r, c);
      if (t) out.push({ c, t });
    }
    // Blank rows (spacers between a title's lines, PDF text) share one empty list.
    const texts = out.length ? out : NO_TEXTS;
    this.rowCache[r] = texts;
    return texts;
  }

  /**
   * The first column of a row whose text satisfies `isTitle`, or -1, read merge-aware (a merged
   * title counts on every row it spans). Sheets without merges are searched from the workbook's
   * text scan instead (recognize).
   */
  titleColumn(r: number, isTitle: (t: string) => boolean): number {
    for (const { c, t } of this.rowTexts(r)) if (isTitle(t)) return c;
    return -1;
  }

  /** The row's first non-blank text ('' for a blank row), without reading the rest of the row. */
  firstText(r: number): string {
    if (this.merged.size) return this.rowTexts(r)[0]?.t ?? '';
    const row = this.sheet.rows[r];
    if (!row) return '';
    for (let c = 0; c < row.length; c++) {
      const v = row[c]?.value;
      if (v === null || v === undefined || v === '') continue;
      const t = this.text(r, c);
      if (t) return t;
    }
    return '';
  }

  /** Whether the row has at most n non-blank texts (reads no further than the n+1-th). */
  textCountAtMost(r: number, n: number): boolean {
    if (this.merged.size) return this.rowTexts(r).length <= n;
    const row = this.sheet.rows[r];
    if (!row) return true;
    let count = 0;
    for (let c = 0; c < row.length; c++) {
      const v = row[c]?.value;
      if (v === null || v === undefined || v === '') continue;
      // A number always reads as a text of its own; only a string can normalize to nothing.
      if ((typeof v !== 'string' || this.text(r, c)) && ++count > n) return false;
    }
    return true;
  }

  isBlankRow(r: number): boolean {
    const row = this.sheet.rows[r];
    if (!row) return true;
    for (const cell of row) if (cell && cell.value !== null && cell.value !== '' && !(typeof cell.value === 'string' && cell.value.trim() === '')) return false;
    return true;
  }
}

/** Lines under a title that describe the table (部门, 年度, 表号, 金额单位) rather than head it. */
export function isMetaRow(texts: readonly { t: string }[]): boolean {
  if (texts.length === 0) return true;
  return texts.every(({ t }) => META.some((re) => re.test(t)));
}

const META = [
  /^(部门|单位|编制单位|填报单位|预算单位)[:：]/,
  /^(金额)?单位[:：]?(万元|元|千元)$/,
  /^金额单位/,
  /^\d{4}年度?$/,
  /^公开\d{1,2}表$/,
  /^表[一二三四五六七八九十\d]+$/,
  /^[（(]?\d{4}年度?[)）]?$/,
];

/** The 栏次 row: '栏次' label, or the run 1, 2, 3 … numbering the amount columns. */
export function isColumnNumberRow(texts: readonly { t: string }[]): boolean {
  if (texts.length === 0) return false;
  if (texts.some(({ t }) => t === '栏次')) return true;
  if (texts.length < 2) return false;
  let expect = Number(texts[0].t);
  if (!Number.isInteger(expect) || expect < 1 || expect > 3) return false;
  for (const { t } of texts) {
    if (Number(t) !== expect) return false;
    expect++;
  }
  return true;
}

/** A 注/说明 line that closes a table. */
export function isNoteRow(texts: readonly { t: string }[]): boolean {
  return texts.length > 0 && isNoteText(texts[0].t);
}

const NOTE_RE = /^(注|说明|备注)[:：1-9]/;
const NOTE_FIRST = ['注'.charCodeAt(0), '说'.charCodeAt(0), '备'.charCodeAt(0)];

/** A row's first text that makes it a 注/说明 line (asked of every data row: most fail on the first character). */
export function isNoteText(first: string): boolean {
  const k = first.charCodeAt(0);
  return (k === NOTE_FIRST[0] || k === NOTE_FIRST[1] || k === NOTE_FIRST[2]) && NOTE_RE.test(first);
}

/** A 科目编码 as printed: a 3-digit 类, 5-digit 款 or 7-digit 项. */
export const CODE_RE = /^\d{3}(?:\d{2}){0,2}$/;

/** CODE_RE's test without a regex (every code cell of every table asks it). */
export function isKemuCode(t: string): boolean {
  return (t.length === 3 || t.length === 5 || t.length === 7) && isAsciiDigits(t);
}
export const TOTAL_LABELS = new Set(['合计', '总计']);

/** One view kept alive between checks: the recognizers stay as fast on the next 审核 as on this one. */
export const KEPT_VIEW = new SheetView({ name: '', rows: [], merges: [] });
