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
  /** Cells whose value is chosen from a list (a drop-down in Excel). */
  validations?: { range: Range; list: string[] }[];
}
