import { FLAGS_MARK } from './flagPlan';

/**
 * The store of flagged cells' originals, the same for every host: one row per flagged cell with
 * its own fill and note, so that 清除标记 gives them back whichever host flagged them (a workbook
 * checked by the command line can be cleared in Excel and the reverse). Kept in a hidden sheet.
 *
 *   row 1:  juesuan-flags-v1 | report sheet name
 *   rows:   sheet | cell | fill '#RRGGBB' ('' none) | note (JSON of the text or rich text; '' none) | raw
 *
 * A cell that had a note or a comment of its own keeps it: the flag there is its fill only, and its
 * row says so (note = NOTE_KEPT), for no host can read back everything a note or a comment holds
 * (rich text, size, visibility, mentions). A value longer than a cell may hold (32,767 characters)
 * goes on in the rows below it ('' | '+' | …): a store is read whole, or row by row where a row
 * cannot be read, never refused as a whole.
 *
 * `raw` is for a host that can restore more than a plain colour (the xlsx host keeps exceljs's fill
 * there when it is not a plain solid fill: patterns, theme colours, gradients). Stores written
 * before this format kept exceljs's fill JSON in the fill column: it is read as raw.
 */

export interface StoreRow {
  sheet: string;
  cell: string;
  /** '#RRGGBB', or '' for no fill. */
  fill: string;
  /** JSON of the note (a string or rich text), or '' for none. */
  note: string;
  /** Host detail beyond the colour (xlsx: exceljs fill JSON), or ''. */
  raw: string;
}

export const STORE_COLUMNS = 5;

/** The user's own note or comment was kept: restoring the cell leaves its note and comments alone. */
export const NOTE_KEPT = '{"kept":true}';
export const isNoteKept = (json: string) => json === NOTE_KEPT;

/** A store keeps a margin under what one cell may hold (CELL_TEXT_LIMIT). */
const PIECE = 32000;

/** A continuation row: the rest of the row above's note and raw, cut to what a cell holds. */
const MORE = '+';

export function storeValues(reportName: string, rows: StoreRow[]): string[][] {
  const out: string[][] = [[FLAGS_MARK, reportName, '', '', '']];
  for (const r of rows) {
    const note = pieces(r.note);
    const raw = pieces(r.raw);
    out.push([r.sheet, r.cell, r.fill, note[0] ?? '', raw[0] ?? '']);
    for (let i = 1; i < Math.max(note.length, raw.length); i++) out.push(['', MORE, '', note[i] ?? '', raw[i] ?? '']);
  }
  return out;
}

function pieces(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += PIECE) out.push(s.slice(i, i + PIECE));
  return out;
}

export function readStoreValues(values: unknown[][] | undefined): { report?: string; rows: StoreRow[] } {
  if (!values || values[0]?.[0] !== FLAGS_MARK) return { rows: [] };
  const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const rows: StoreRow[] = [];
  for (const r of values.slice(1)) {
    if (!Array.isArray(r)) continue;
    // The rest of the row above's long note or raw.
    if (!s(r[0]) && s(r[1]) === MORE && rows.length) {
      const last = rows[rows.length - 1];
      last.note += s(r[3]);
      last.raw += s(r[4]);
      continue;
    }
    const fill = s(r[2]);
    // An older store: exceljs's fill JSON in the fill column.
    if (fill.startsWith('{')) rows.push({ sheet: s(r[0]), cell: s(r[1]), fill: colorOfFillJson(fill) ?? '', note: s(r[3]), raw: fill });
    else rows.push({ sheet: s(r[0]), cell: s(r[1]), fill, note: s(r[3]), raw: s(r[4]) });
  }
  return { report: s(values[0][1]), rows: rows.filter((r) => r.sheet && r.cell) };
}

/** A stored JSON value, or undefined where it cannot be read (a damaged row restores what it can). */
export function parsedOrUndefined<T>(json: string): T | undefined {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as T;
  } catch {
    return undefined;
  }
}

/** The colour of an exceljs fill JSON ('#RRGGBB'), when it has one. */
export function colorOfFillJson(json: string): string | undefined {
  try {
    const f = JSON.parse(json) as { fgColor?: { argb?: string } };
    const argb = f.fgColor?.argb;
    return argb ? '#' + argb.slice(-6).toUpperCase() : undefined;
  } catch {
    return undefined;
  }
}

/** The text of a stored note (a string, or exceljs rich text), undefined for none. */
export function noteText(json: string): string | undefined {
  if (!json || isNoteKept(json)) return undefined;
  const n = parsedOrUndefined<string | { texts?: { text: string }[] }>(json);
  if (n === undefined || n === null) return undefined;
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

/**
 * Excel's fill patterns (RangeFill.pattern, ExcelApi 1.9) and the file format's (exceljs's
 * pattern names): a fill flagged by one host is restored by the other.
 */
export const OFFICE_TO_FILE_PATTERN: Record<string, string> = {
  Solid: 'solid',
  Gray75: 'darkGray',
  Gray50: 'mediumGray',
  Gray25: 'lightGray',
  Gray16: 'gray125',
  Gray8: 'gray0625',
  Horizontal: 'darkHorizontal',
  Vertical: 'darkVertical',
  Down: 'darkDown',
  Up: 'darkUp',
  Checker: 'darkGrid',
  SemiGray75: 'darkTrellis',
  LightHorizontal: 'lightHorizontal',
  LightVertical: 'lightVertical',
  LightDown: 'lightDown',
  LightUp: 'lightUp',
  Grid: 'lightGrid',
  CrissCross: 'lightTrellis',
};

/** Excel's name of a file's fill pattern (the other way round of OFFICE_TO_FILE_PATTERN), undefined for one Excel has not. */
export function officePatternOf(filePattern: string): string | undefined {
  return Object.entries(OFFICE_TO_FILE_PATTERN).find(([, file]) => file === filePattern)?.[0];
}

/** A fill as Excel reports it, kept in the store's raw column by the Office host. */
export interface OfficeFill {
  office: { pattern: string; patternColor: string | null; patternTintAndShade: number; tintAndShade: number };
}
