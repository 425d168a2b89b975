import { FLAGS_MARK } from './flagPlan';

/**
 * The store of flagged cells' originals, the same for every host: one row per flagged cell with
 * its own fill and note, so that 清除标记 gives them back whichever host flagged them (a workbook
 * checked by the command line can be cleared in Excel and the reverse). Kept in a hidden sheet.
 *
 *   row 1:  juesuan-flags-v1 | report sheet name
 *   rows:   sheet | cell | fill '#RRGGBB' ('' none) | note (JSON of the text or rich text; '' none) | raw
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

export function storeValues(reportName: string, rows: StoreRow[]): string[][] {
  return [[FLAGS_MARK, reportName, '', '', ''], ...rows.map((r) => [r.sheet, r.cell, r.fill, r.note, r.raw])];
}

export function readStoreValues(values: unknown[][] | undefined): { report?: string; rows: StoreRow[] } {
  if (!values || values[0]?.[0] !== FLAGS_MARK) return { rows: [] };
  const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return {
    report: s(values[0][1]),
    rows: values
      .slice(1)
      .map((r) => {
        const fill = s(r[2]);
        // An older store: exceljs's fill JSON in the fill column.
        if (fill.startsWith('{')) return { sheet: s(r[0]), cell: s(r[1]), fill: colorOfFillJson(fill) ?? '', note: s(r[3]), raw: fill };
        return { sheet: s(r[0]), cell: s(r[1]), fill, note: s(r[3]), raw: s(r[4]) };
      })
      .filter((r) => r.sheet && r.cell),
  };
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
  if (!json) return undefined;
  const n = JSON.parse(json) as string | { texts?: { text: string }[] };
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}
