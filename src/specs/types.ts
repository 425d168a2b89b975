/**
 * Table specifications: the layouts and relations of a year's (and region's) disclosure tables,
 * as data. Recognition reads `columns`/`rows`/`titles`; rules read the relation lists.
 */

/** Matches a column by its header path (all header texts above it, top to bottom). */
export interface ColumnSpec {
  key: string;
  /** Chinese name used in messages. */
  name: string;
  /** Alternatives; each is a list of words that must all occur in the header path. */
  match: string[][];
  /** Words that must not occur anywhere in the header path. */
  none?: string[];
  /** For two-sided tables: which side the column belongs to. */
  side?: 'income' | 'expense';
  optional?: boolean;
}

/** A fixed row of a two-sided table, matched by its label. */
export interface RowSpec {
  key: string;
  name: string;
  side: 'income' | 'expense';
  labels: string[];
  /** Only match below the row with this key (labels repeat in 公开04). */
  after?: string;
  /** Only match above the row with this key. */
  before?: string;
  /** Rows whose absence means the table is incomplete. */
  required?: boolean;
}

/** One operand of a within-table relation. */
export type Operand =
  | { row: string; col: string } // a named row's cell
  | { classRows: 'income' | 'expense'; col: string } // every function-class row of a side
  | { codes: string[]; col: string } // economic-class rows by code (公开06)
  | { total: string; col: string }; // a named total (公开06 合计 rows)

/** total = Σ plus − Σ minus, within one table. */
export interface SumSpec {
  id: string;
  /** The relation as a reviewer states it, its two sides: ['本年收入合计', '各项收入之和']. */
  says: [string, string];
  total: Operand;
  plus: Operand[];
  minus?: Operand[];
}

/** total column = Σ plus columns − Σ minus columns, on every data row (of a side). */
export interface RowSumSpec {
  id: string;
  desc: string;
  total: string;
  plus: string[];
  minus?: string[];
  side?: 'income' | 'expense';
}

interface BaseTableSpec {
  id: string;
  /** Display label used in findings, e.g. '公开03'. */
  code: string;
  /** Title; recognition accepts any of `titles`. */
  title: string;
  titles: string[];
  columns: ColumnSpec[];
  rowSums?: RowSumSpec[];
  sums?: SumSpec[];
  /** Note printed under the table by the scaffold. */
  note?: string;
}

/** Rows by 功能分类科目编码 (类 3 digits, 款 5, 项 7) plus a 合计 row. */
export interface CodedTableSpec extends BaseTableSpec {
  kind: 'coded';
  /** Columns whose 合计/类/款/项 hierarchy is checked. */
  hierarchy: string[];
}

/** 收入 side and 支出 side, rows by label. */
export interface SidesTableSpec extends BaseTableSpec {
  kind: 'sides';
  rows: RowSpec[];
  /** Whether the expense side lists function classes (一般公共服务支出 …). */
  classRowsSide?: 'income' | 'expense';
}

/** Column groups of (经济分类科目编码, 科目名称, 决算数) with class totals (公开06). */
export interface EconTableSpec extends BaseTableSpec {
  kind: 'econ';
  totals: { key: string; name: string; labels: string[] }[];
}

/** One data row under a multi-level header (公开09). */
export interface MatrixTableSpec extends BaseTableSpec {
  kind: 'matrix';
}

export type TableSpec = CodedTableSpec | SidesTableSpec | EconTableSpec | MatrixTableSpec;

/** A cell of another table, for relations between tables. */
export type CellSel =
  | { table: string; col: string; row: string } // named row (sides) or total (econ)
  | { table: string; col: string; code: string } // 科目编码 row
  | { table: string; col: string; total: true } // 合计 row of a coded table
  | { table: string; col: string; data: true }; // the data row of a matrix table

export type CrossSpec =
  /** Σ a = Σ b */
  | { kind: 'eq'; id: string; desc: string; a: CellSel[]; b: CellSel[] }
  /** a ≤ b */
  | { kind: 'le'; id: string; desc: string; a: CellSel; b: CellSel }
  /** for every function class: a's class row = b's class row */
  | { kind: 'eqByClass'; id: string; desc: string; a: { table: string; col: string }; b: { table: string; col: string } }
  /** for every code row of a: a ≤ b's row of the same code */
  | { kind: 'leByCode'; id: string; desc: string; a: { table: string; col: string }; b: { table: string; col: string } };

export interface TableSetSpec {
  id: string;
  year: number;
  name: string;
  tables: TableSpec[];
  cross: CrossSpec[];
  /** Function classes printed as rows of the summary tables (公开01/04), in order; default 2023's. */
  classRows?: string[];
}
