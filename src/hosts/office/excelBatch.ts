/// <reference types="office-js" />
import { quoteSheet } from '../../core/grid';

/**
 * What every part of the Office.js host shares: what this Excel supports, the byte budget of a
 * request and the batch that syncs under it, addresses, and the rows written in pieces.
 */

export interface ExcelSupport {
  /**
   * 'notes' (ExcelApi 1.18), 'comments' (ExcelApi 1.10, one more sync to find existing comments'
   * cells), or 'none' (fill only; the messages are in 审核报告).
   */
  notes: 'notes' | 'comments' | 'none';
  /** ExcelApi 1.9: print settings (worksheet.pageLayout), and a fill's pattern, pattern colour and tints. */
  pageLayout?: boolean;
}

/**
 * A sheet printed as a unit files it: A4 landscape, every column on one page width, the header
 * rows (1-based, "5:5") on every page. Only where Excel has pageLayout (ExcelApi 1.9).
 */
export function printLayout(ws: Excel.Worksheet, titleRows: string | undefined, portrait = false) {
  ws.pageLayout.orientation = portrait ? 'Portrait' : 'Landscape';
  ws.pageLayout.paperSize = 'A4';
  ws.pageLayout.zoom = { horizontalFitToPages: 1 };
  if (titleRows) ws.pageLayout.setPrintTitleRows(`$${titleRows.replace(':', ':$')}`);
}

/**
 * Whether the checker may flag a sheet: unprotected, or protected allowing what flags change —
 * cell formats (the fill) and, where notes or comments carry the messages, objects. A template
 * the product wrote allows both (TEMPLATE_PROTECTION); a sheet the unit locked tighter does not.
 */
export function flaggable(s: Excel.Worksheet, opts: ExcelSupport): boolean {
  if (!s.protection.protected) return true;
  const o = s.protection.options;
  return !!o.allowFormatCells && (opts.notes === 'none' || !!o.allowEditObjects);
}

export const qualified = (sheet: string, cell: string) => `${quoteSheet(sheet)}!${cell}`;

/** "Sheet!$A$1" or "'My sheet'!A1" → "Sheet!A1", "My sheet!A1". */
export const bare = (address: string) => {
  const parts = splitAddresses(address);
  return parts.length ? `${parts[0].sheet}!${parts[0].range}` : address;
};

/**
 * A RangeAreas address as Excel gives it ("Sheet1!A1:B2, 'a, b'!C3:D4"): each area with its sheet,
 * names unquoted. Sheet names may hold commas and quotes, so this reads quotes, not commas.
 */
export function splitAddresses(address: string): { sheet: string; range: string }[] {
  const out: { sheet: string; range: string }[] = [];
  let i = 0;
  const n = address.length;
  while (i < n) {
    while (i < n && (address[i] === ' ' || address[i] === ',')) i++;
    if (i >= n) break;
    let sheet = '';
    if (address[i] === "'") {
      i++;
      while (i < n) {
        if (address[i] === "'" && address[i + 1] === "'") {
          sheet += "'";
          i += 2;
        } else if (address[i] === "'") {
          i++;
          break;
        } else sheet += address[i++];
      }
    } else {
      const bang = address.indexOf('!', i);
      const comma = address.indexOf(',', i);
      if (bang >= 0 && (comma < 0 || bang < comma)) {
        sheet = address.slice(i, bang);
        i = bang;
      }
    }
    if (address[i] === '!') i++;
    let end = address.indexOf(',', i);
    if (end < 0) end = n;
    out.push({ sheet, range: address.slice(i, end).trim().replace(/\$/g, '') });
    i = end;
  }
  return out;
}

/** Comments mode: the existing comments, their content and cells queued (one extra sync to list them). */
export async function loadComments(context: Excel.RequestContext): Promise<{ c: Excel.Comment; loc: Excel.Range }[]> {
  const comments = context.workbook.comments;
  comments.load('items');
  await context.sync();
  return comments.items.map((c) => ({ c: c.load('content'), loc: c.getLocation().load('address') }));
}

/** After the next sync: each comment by its cell ("Sheet!A1"). */
export const commentMap = (list: { c: Excel.Comment; loc: Excel.Range }[]) => new Map(list.map(({ c, loc }) => [bare(loc.address), c]));

/** Address lists for getRanges stay well under Excel's 8,192-character limit. */
export const ADDRESS_CHUNK = 4000;

/** Cells read per sync when a workbook is too large for one request (Excel on the web: 5 MB). */
export const CELLS_PER_SYNC = 150_000;

/**
 * Bytes one request may carry before we sync: Excel on the web refuses 5 MB; our estimate counts
 * each call's arguments as UTF-8 JSON plus a fixed cost for its object path, and keeps a margin.
 */
export const REQUEST_BUDGET = 4 * 1024 * 1024;

/** Estimated bytes of one queued call besides its arguments (object path, action, ids). */
export const CALL_COST = 256;

export const isPayloadError = (e: unknown) =>
  /PayloadSizeLimitExceeded/i.test(String((e as { code?: string })?.code ?? '') + String((e as Error)?.message ?? ''));

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/** The estimated size of one call with these arguments. */
export const callBytes = (...args: unknown[]) => CALL_COST + utf8Length(JSON.stringify(args));

/**
 * Writes queued against a byte budget: `add` syncs first when the next call would pass it. Calls
 * run in the order added, across syncs as within one.
 */
export class Batch {
  private bytes = 0;
  constructor(
    private context: Excel.RequestContext,
    private budget: number,
  ) {}
  /** Count bytes already queued by the caller (loads of the first sync). */
  queued(bytes: number) {
    this.bytes += bytes;
  }
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.flush();
    queue();
    this.bytes += bytes;
  }
  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.bytes = 0;
    // One sync per request's worth of calls: the payload limit, not the findings, sets the count.
    await this.context.sync();
  }
}

/**
 * Write rows of values from (r0, 0) in pieces that fit the budget. Columns for which `text(c)`
 * holds get the text format first, so Excel keeps them as written.
 */
export async function writeRows(
  batch: Batch,
  budget: number,
  ws: Excel.Worksheet,
  r0: number,
  rows: unknown[][],
  cols: number,
  text: (c: number) => boolean,
  asFormulas = false,
) {
  const fmtRow = Array.from({ length: cols }, (_, c) => (text(c) ? '@' : null));
  const anyText = fmtRow.some((f) => f !== null);
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = CALL_COST * 2;
    while (end < rows.length) {
      const b = utf8Length(JSON.stringify(rows[end])) + (anyText ? cols * 5 : 0);
      if (end > start && bytes + b > budget / 2) break;
      bytes += b;
      end++;
    }
    const part = rows.slice(start, end);
    const at = r0 + start;
    await batch.add(bytes, () => {
      const range = ws.getRangeByIndexes(at, 0, part.length, cols);
      if (anyText) range.numberFormat = part.map(() => fmtRow) as unknown as string[][];
      if (asFormulas) range.formulas = part as string[][];
      else range.values = part as string[][];
    });
    start = end;
  }
}

/** Why nothing was written in a workbook whose structure is protected (审阅 → 保护工作簿): it refuses every sheet added, deleted, renamed or hidden. */
export const structureRefused = (what: string) => `工作簿结构受保护（审阅 → 保护工作簿），不能添加或删除工作表，${what}：撤销工作簿保护后再点一次即可`;

export function chunks(addresses: string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of addresses) {
    if (cur && cur.length + a.length + 1 > ADDRESS_CHUNK) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** Delete a store or report sheet: a VeryHidden sheet cannot be deleted, so it is made Hidden first. */
export function removeSheet(sheets: Excel.WorksheetCollection, name: string) {
  const ws = sheets.getItem(name);
  ws.visibility = 'Hidden';
  ws.delete();
}
