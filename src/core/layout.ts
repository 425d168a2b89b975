import { Range } from './grid';

/** Print and display layout of a sheet written by the product (scaffold, import). */
export interface SheetLayout {
  /** Column widths in characters, by 0-based index. */
  widths?: number[];
  /** Rows (count from the top) frozen as header. */
  freezeRows?: number;
  landscape?: boolean;
  /** 0-based rows to print bold. */
  boldRows?: number[];
  /** 0-based rows printed as the table title (large, bold, centred). */
  titleRows?: number[];
  /** 0-based rows centred and wrapped (headers). */
  centerRows?: number[];
  /** 0-based rows of notes under a table (wrapped, small). */
  noteRows?: number[];
  /** 0-based rows of running text (wrapped, top-aligned, as tall as their text): a drafted narrative. */
  wrapRows?: number[];
  /** Areas framed with thin borders. */
  borders?: Range[];
  /** Cells the unit types its amounts in (not formulas): shaded, and accepting numbers only. */
  inputs?: Range[];
  /** Cells whose value is chosen from a list (a drop-down in Excel). */
  validations?: { range: Range; list: string[] }[];
  /**
   * A template's totals kept as formulas: given, the sheet is protected without a password (审阅 →
   * 撤销工作表保护 lifts it) with only these cells (its formulas) locked; every other cell stays
   * open to typing. Formatting and notes stay allowed, for the checker's flags.
   */
  locked?: Range[];
  /** A sheet kept out of the user's sight (very hidden: not even 取消隐藏 shows it), such as a template's record of itself. */
  veryHidden?: boolean;
}

/** Said to the unit when a template is written (command line and pane alike). */
export const TEMPLATE_HINT = '黄色单元格填写金额；合计等公式单元格已锁定（工作表保护，无密码），如需增删科目行，可在“审阅”选项卡中撤销工作表保护。';

/** What a protected template still allows (Excel's names; the xlsx writer maps them to the file's). */
export const TEMPLATE_PROTECTION = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows: true,
  allowDeleteRows: true,
  allowEditObjects: true,
} as const;

/** The fill of the cells a unit types in: Excel's pale input yellow. */
export const INPUT_FILL = 'FFF2CC';

/** Positions as ranges: each row's runs of adjacent columns. */
export function rangesOf(cells: { r: number; c: number }[]): Range[] {
  const sorted = [...cells].sort((a, b) => a.r - b.r || a.c - b.c);
  const out: Range[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && last.top === p.r && last.right === p.c - 1) last.right = p.c;
    else if (!last || last.top !== p.r || last.right < p.c) out.push({ top: p.r, left: p.c, bottom: p.r, right: p.c });
  }
  return out;
}
