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
}

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
