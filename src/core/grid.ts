/**
 * The workbook grid model: the one shape every host (Excel, xlsx files, text documents)
 * is turned into before recognition and rules run. Pure data, no I/O.
 */

export type CellValue = string | number | boolean | null;

export interface Cell {
  /** Displayed/stored value. Numbers are numbers, text is text, blank is null. */
  value: CellValue;
  /** Formula text without the leading '=', when the cell holds one. */
  formula?: string;
  /** Excel number format, e.g. '#,##0.00'. */
  numFmt?: string;
  /** Where the cell's text stands on a page, for a document read from a PDF. */
  box?: PageBox;
}

/** A box on a PDF page: 1-based page, points from the page's top-left. */
export interface PageBox {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Range {
  top: number; // 0-based row
  left: number; // 0-based column
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** rows[r][c]; sparse rows and cells are undefined. 0-based. */
  rows: (Cell | undefined)[][];
  merges: Range[];
  hiddenRows?: number[];
  hiddenCols?: number[];
  /** Where this sheet came from, for messages: 'xlsx', 'text', 'excel'. */
  origin?: 'xlsx' | 'text' | 'excel' | 'scaffold';
  /**
   * A document whose cells have no address its reader sees (a Word document: paragraphs and
   * tables): a finding on it is named in words — the paragraph, the table's row — not A1.
   */
  inWords?: boolean;
}

export interface Workbook {
  sheets: Sheet[];
  /** File name or document title, for reports. */
  source?: string;
  /** 出错说明 the unit wrote for findings, kept in the workbook (see core/explanations.ts). */
  explanations?: StoredExplanation[];
  /** A template's record of its own structure, as written (scaffold/identity.ts): what drift is told against. */
  templateRecord?: string[][];
  /**
   * When told against another template than its own (check --template): the identity row of the
   * record it carried ([] when it carried none). templateRecord is then the other template's.
   */
  templateCopyOf?: string[];
  /** PDF pages the reader did not read whole (too many rulings or objects), and why. */
  readingLimits?: { page: number; why: string }[];
}

/** One 出错说明: for a rule's finding at a cell whose content had this fingerprint. */
export interface StoredExplanation {
  rule: string;
  sheet: string;
  cell: string;
  fingerprint: string;
  text: string;
}

export function cellAt(sheet: Sheet, r: number, c: number): Cell | undefined {
  const row = sheet.rows[r];
  return row ? row[c] : undefined;
}

export function rowCount(sheet: Sheet): number {
  return sheet.rows.length;
}

export function colCount(sheet: Sheet, r: number): number {
  const row = sheet.rows[r];
  return row ? row.length : 0;
}

export function setCell(sheet: Sheet, r: number, c: number, cell: Cell): void {
  while (sheet.rows.length <= r) sheet.rows.push([]);
  const row = sheet.rows[r];
  row[c] = cell;
}

/** 0-based column index to letters: 0 → A, 26 → AA. */
export function colLetters(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row/col to an A1 address. */
export function a1(r: number, c: number): string {
  return colLetters(c) + (r + 1);
}

/** A1 address to 0-based {r, c}; undefined when malformed. */
export function parseA1(addr: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(addr.trim());
  if (!m) return undefined;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** "B2:D4", "$A$1", "'Sheet'!B2:D4" to a 0-based range (a single cell is a one-cell range); undefined when malformed. */
export function parseRange(address: string): Range | undefined {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [p, q] = bare.split(':');
  const s = parseA1(p);
  const e = parseA1(q ?? p);
  return s && e ? { top: s.r, left: s.c, bottom: e.r, right: e.c } : undefined;
}

/** A sheet name as formulas and links write it: 'Sheet''s name'. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function newSheet(name: string, origin?: Sheet['origin']): Sheet {
  return { name, rows: [], merges: [], origin };
}

/** Text of a cell as the user sees it (numbers unformatted). */
export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.value === null || cell.value === undefined) return '';
  return String(cell.value);
}

/**
 * For every merged range, the text of its top-left cell, keyed by each covered position.
 * Recognition reads headers through this so merged title and header cells count everywhere they span.
 */
export function mergedValueLookup(sheet: Sheet): Map<string, Cell> {
  const m = new Map<string, Cell>();
  for (const rg of sheet.merges) {
    const origin = cellAt(sheet, rg.top, rg.left);
    if (!origin) continue;
    for (let r = rg.top; r <= rg.bottom; r++) for (let c = rg.left; c <= rg.right; c++) if (r !== rg.top || c !== rg.left) m.set(r + ',' + c, origin);
  }
  return m;
}

/**
 * Whether a workbook is prose only: text with no row of two or more cells (no table at all), as a
 * paragraph pasted into a .txt, a cell's text, or a 情况说明 typed down one column of a workbook
 * (as a text document imported for its flagged copy is) is. Such a text is a narrative checked alone.
 */
export function isProseOnly(wb: Workbook): boolean {
  let text = false;
  for (const s of wb.sheets) {
    for (const row of s.rows) {
      let n = 0;
      for (const c of row ?? []) if (c && c.value !== null && c.value !== '') n++;
      if (n > 1) return false;
      if (n === 1) text = true;
    }
  }
  return text;
}

/** The page box of a cell of a document read from a PDF: its own, else its row's first (an empty cell has none). */
export function cellBox(wb: Workbook, sheet: string, cell: string): PageBox | undefined {
  const at = cell ? parseA1(cell) : undefined;
  const row = at && wb.sheets.find((s) => s.name === sheet)?.rows[at.r];
  return row ? (row[at.c]?.box ?? row.find((c) => c?.box)?.box) : undefined;
}
