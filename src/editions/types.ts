import { CellSel, TableSetSpec } from '../specs/types';

/**
 * An edition: everything the product knows of one year's (and region's) disclosure, as data. The
 * checker, the narrative rules, the scaffold, the draft and the custom functions read the edition
 * of the workbook at hand (`ctx.edition`), never a year's module directly. Every field is required:
 * the type checker refuses an edition that leaves one out.
 *
 * Tables are known by role ids shared by every edition (`TableRole`: gk01 = 收入支出决算总表, …,
 * gk09 = 财政拨款“三公”经费支出决算表); an edition gives each role its own number, title, columns
 * and order (the 2024 上海市 edition prints gk09 as 表七).
 */
export interface Edition {
  /** Stable id ('national-2023', '2024-shanghai'); also the id of its table set. */
  id: string;
  year: number;
  /** Where it applies: '全国通用', '上海市', … */
  region: string;
  /** Chinese name shown to users. */
  name: string;
  /** The tables (titles, columns, rows) and their relations, within and between tables. */
  tables: TableSetSpec;
  /** 支出功能分类 类: names (for labels and messages) and the class rows the summary tables print. */
  functionClasses: FunctionClasses;
  /** 科目 reference (功能分类 类/款/项, 经济分类 类/款) with its source and completeness. */
  kemu: KemuReference;
  /** Which sentence of the narrative names which figure of the tables. */
  narrative: NarrativeBindings;
  /** The narrative's sections: which tables may be empty and the words that state it. */
  sections: SectionPlan;
  /** Printed layout of each table for the scaffold (header blocks, row order, column groups). */
  layout: PrintLayout;
  /** The cells the narrative draft quotes. */
  draft: DraftPlan;
  /** Flows between a unit and its parent inside a department, netted in the department's 汇总 (none when its tables have no such columns). */
  transfers: TransferSpec[];
}

/**
 * A flow between a unit and its parent inside one department: what the unit books (its column of
 * a coded table) is what the parent books on the other side. In the 汇总 both are netted out.
 */
export interface TransferSpec {
  /** The pair as the 调整表 names it: 上级补助收入 — 对附属单位补助支出. */
  name: string;
  /** The unit's side (上级补助收入 in 收入决算表) and the parent's (对附属单位补助支出 in 支出决算表). */
  child: { table: TableRole; col: string; name: string };
  parent: { table: TableRole; col: string; name: string };
}

/** Role ids of the nine tables; every edition's tables use them as their ids. */
export type TableRole = 'gk01' | 'gk02' | 'gk03' | 'gk04' | 'gk05' | 'gk06' | 'gk07' | 'gk08' | 'gk09';
export const TABLE_ROLES: TableRole[] = ['gk01', 'gk02', 'gk03', 'gk04', 'gk05', 'gk06', 'gk07', 'gk08', 'gk09'];

export interface FunctionClass {
  code: string;
  name: string;
  aliases?: string[];
}

export interface FunctionClasses {
  list: FunctionClass[];
  /** The class rows of the summary tables (公开01/04), in printed order. */
  rows: string[];
  name(code: string): string | undefined;
  /** The class a normalized label names ("一般公共服务支出", "一般公共服务(类)支出"). */
  codeOfLabel(norm: string): string | undefined;
}

export interface KemuEntry {
  code: string;
  name: string;
}

export interface KemuReference {
  /** How a message names it: '2023 年科目表'. */
  title: string;
  /** Where the names come from (the 财政部 publication, a template, attested public sources). */
  source: string;
  /** 'partial': a code missing here is unknown, never wrong. */
  completeness: 'complete' | 'partial';
  /** What is known to be missing. */
  note: string;
  gongneng: KemuEntry[];
  jingji: KemuEntry[];
  gongnengName(code: string): string | undefined;
  gongnengLevel(code: string): '类' | '款' | '项' | undefined;
  jingjiName(code: string): string | undefined;
  /** The 款 of an economic 类, in printed order. */
  jingjiChildren(classCode: string): KemuEntry[];
  /** The 项 codes a typical administrative unit reports (a template made without a code list). */
  defaultScaffoldCodes: string[];
}

/**
 * Where a phrase in a section stands for a table cell. Matched in order, first hit wins. `section`
 * is tested on the section and sub-section headings, `context` on the sentence up to the figure,
 * `label` on the cleaned phrase just before it (see narrative/mentions.ts cleanLabel).
 */
export interface Binding {
  id: string;
  section: RegExp;
  context?: RegExp;
  /** Words whose presence in the sentence before the figure means it is not this cell (a fund named: not the whole). */
  notContext?: RegExp;
  label: RegExp;
  exclude?: RegExp;
  /** A table cell, or 'class' for a 功能分类 类 row named by the label (支出结构). */
  cell: CellSel | { classOf: { table: string; col: string } };
}

/** A list a paragraph gives: the total named first, then its parts (it must add up). */
export interface SplitSpec {
  id: string;
  section: RegExp;
  total: RegExp;
  parts: RegExp[];
  unit: 'amount' | 'count';
  complete?: boolean;
}

/** A split whose parts are known by the table cell they name (the 三公 items over several paragraphs). */
export interface CellSplitSpec {
  id: string;
  section: RegExp;
  total: string;
  parts: string[];
}

export interface NarrativeBindings {
  bindings: Binding[];
  /** Names of table totals a share may be taken of (占…的): phrase → cell. */
  baseNames: { label: RegExp; cell: CellSel }[];
  splits: SplitSpec[];
  cellSplits: CellSplitSpec[];
}

export interface SectionPlan {
  /**
   * Tables a unit often has nothing to report in, and the words that name them in the text. The
   * statement may stand anywhere in the narrative (under the table, in 八/九, in 十、其他需要说明的情况).
   */
  emptyTables: { table: TableRole; words: RegExp }[];
  /** The words of the heading the project performance paragraphs stand under (预算绩效情况说明). */
  performance: RegExp;
  /** The words of the heading the 三公 paragraphs stand under (“三公”经费支出决算情况说明). */
  sangong: RegExp;
}

/** A header block: rows of texts ('' blank) and merged areas relative to the block. */
export interface HeaderBlock {
  rows: string[][];
  merges: [number, number, number, number][]; // top, left, bottom, right (0-based, inclusive)
  /** Spec column key of each amount column, by sheet column index. */
  cols: Record<number, string>;
}

/** Rows of one side of a two-sided table: above the 本年合计 line and from it down. */
export interface SideRows {
  /** Row keys; 'classes' expands to the function-class rows. */
  top: string[];
  bottom: string[];
}

export interface SidesLayout {
  header: HeaderBlock;
  /** Sheet columns: label, 行次, then amount columns (header.cols). */
  income: { labelCol: number; lineCol: number; rows: SideRows };
  expense: { labelCol: number; lineCol: number; rows: SideRows };
  /** Printed labels that differ from the spec's row names. */
  labels?: Record<string, string>;
}

export interface EconLayout {
  groupTitles: string[];
  groups: string[][];
  personnel: string[];
  public: string[];
}

export interface PrintLayout {
  /** Header of each coded table, by table id. */
  codedHeaders: Record<string, HeaderBlock>;
  /** Layout of each two-sided table, by table id. */
  sides: Record<string, SidesLayout>;
  /** The 基本支出明细 table's column groups. */
  econ: EconLayout;
  /** The 三公 table's header. */
  sangongHeader: HeaderBlock;
  /** Coded tables a template leaves without 科目 rows (the funds units seldom have). */
  withoutCodes: TableRole[];
}

/** The cells the draft quotes, by what they are (see narrative/draft.ts). */
export interface DraftPlan {
  grandTotal: CellSel;
  incomeTotal: CellSel;
  incomeSources: [string, CellSel][];
  expenseTotal: CellSel;
  expenseKinds: [string, CellSel][];
  fiscalIncome: CellSel;
  fiscalExpense: CellSel;
  /** Kinds of fiscal funds: name, income cell, expense cell. */
  fiscalFunds: [string, CellSel, CellSel][];
  /** Spending by function class: the table and column whose class rows give it. */
  classExpense: { table: TableRole; col: string };
  basicTotal: CellSel;
  personnel: CellSel;
  publicFunds: CellSel;
  /** The 基本支出明细 table and the economic classes of 人员经费 and 公用经费. */
  econ: { table: TableRole; personnel: string[]; public: string[] };
  /** The 三公 table (columns ys_/js_ + hj, cg, gc, gz, yx, jd). */
  sangong: TableRole;
  /** Tables stated as empty under 十、其他需要说明的情况 when they are: table, what it covers. */
  emptyTables: [TableRole, string][];
}
