import { Sheet } from '../core/grid';
import { TableSpec } from '../specs/types';

export interface Pos {
  r: number;
  c: number;
}

/** One recognized row of a table (or one code/name/amount triple of 公开06). */
export interface Item {
  /** Named row key (two-sided tables), total key (公开06), 'data' (matrix). */
  key?: string;
  /** 科目编码 for coded/econ rows. */
  code?: string;
  /** Function class code for class rows of two-sided tables. */
  classCode?: string;
  side?: 'income' | 'expense';
  /** The 合计 row of a coded table. */
  isTotal?: boolean;
  label: string;
  row: number;
  /**
   * The column of each named amount, on the item's own row. One object is shared by the items of
   * a table (or of one side of it): read it, never modify it. Cheaper than a position per cell:
   * a check reads thousands of tables (see cellPos).
   */
  cols: Readonly<Record<string, number>>;
}

/** A recognized row: its label, sheet row, amount columns and, as its table has them, key, 科目编码, 类, side. */
export function newItem(
  label: string,
  row: number,
  cols: Readonly<Record<string, number>>,
  kind: Pick<Item, 'key' | 'code' | 'classCode' | 'side' | 'isTotal'>,
): Item {
  return { key: kind.key, code: kind.code, classCode: kind.classCode, side: kind.side, isTotal: kind.isTotal, label, row, cols };
}

/** Where an item's named amount is, or undefined when the table has no such column. */
export function cellPos(item: Item, key: string): Pos | undefined {
  const c = item.cols[key];
  return c === undefined ? undefined : { r: item.row, c };
}

/** Every amount cell of an item, in column-key order. */
export function cellPositions(item: Item): Pos[] {
  const out: Pos[] = [];
  for (const k in item.cols) out.push({ r: item.row, c: item.cols[k] });
  return out;
}

export interface RecognizedTable {
  spec: TableSpec;
  sheet: Sheet;
  /** Scope id: tables of one scope are compared with each other. */
  scope: string;
  titleAt: Pos;
  headerTop: number;
  dataStart: number;
  /** Last row (inclusive) of the table's region. */
  dataEnd: number;
  columns: Record<string, number>;
  items: Item[];
  /** Columns or rows the spec requires that were not found. */
  missing: string[];
  /** Set when the table stops early (a page cut in a PDF text, a deleted block). */
  truncated?: { afterRow: number; openCodes: string[] };
  /** Set when the table's text could not be read reliably (see doubt.ts): no arithmetic on it. */
  doubt?: ReadingDoubt;
  /** Set when a block of amounts stands one row off its 科目 (see shift.ts): one finding, no arithmetic. */
  shifted?: RowShift;
  /** The unit its 单位 line gives when it is not 万元 (a table in 元 among tables in 万元). */
  unit?: '元' | '千元';
}

/** How many 万元 one unit of a table's amounts is (1 for a table in 万元). */
export function wanPerUnit(t: Pick<RecognizedTable, 'unit'>): number {
  return t.unit === '元' ? 0.0001 : t.unit === '千元' ? 0.1 : 1;
}

/** Whether no figure of a table is to be added up or compared: read in doubt, or a block one row off its 科目. */
export const figuresUnusable = (t: RecognizedTable): boolean => !!(t.doubt || t.shifted);

/** A table title found, whether or not its body could be read. */
export interface TitleHit {
  spec: TableSpec;
  sheet: Sheet;
  at: Pos;
}

export interface Recognition {
  tables: RecognizedTable[];
  /** Titles whose table body could not be read. */
  unreadable: { hit: TitleHit; reason: string }[];
  /** Same table found twice in one scope: the later ones. */
  duplicates: RecognizedTable[];
  scopes: string[];
}

/** Where reading a table from text went wrong (recognize/doubt.ts tells it). */
export interface ReadingDoubt {
  /** First and last row (0-based, inclusive) where the reading went wrong. */
  top: number;
  bottom: number;
  /** One cell's text, to show the reader what was seen, and what went wrong there. */
  sample: string;
  why: string;
}

/** A block of a table whose amounts stand a row off their 科目 (recognize/shift.ts tells it). */
export interface RowShift {
  /** First and last sheet row of the block (0-based). */
  top: number;
  bottom: number;
  /** 1: each amount stands one row below its 科目; -1: one row above. */
  by: 1 | -1;
  /** A row of the block that shows another's amount (科目编码), and that other row's 科目编码. */
  holder: string;
  owner: string;
}
