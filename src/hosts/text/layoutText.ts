import { Sheet } from '../../core/grid';

/**
 * Text laid out with spaces instead of tabs (pdftotext -layout): columns are found per block of
 * lines from the character positions that are blank in every line of the block. A block is the
 * run of lines between two lines that stand alone (titles, headings, notes), so each table gets
 * its own columns; wrapped header cells ("附属单位" over "上缴收入") fall in one column.
 */

/** Whether the lines are space-aligned columns rather than tab-separated fields. */
export function looksLikeLayoutText(lines: string[]): boolean {
  const full = lines.filter((l) => l.trim());
  if (full.length < 20) return false;
  const tabs = full.filter((l) => l.includes('\t')).length;
  const spaced = full.filter((l) => /\S {2,}\S/.test(l)).length;
  return tabs < full.length * 0.02 && spaced > full.length * 0.2;
}

const fields = (line: string) => [...line.matchAll(/\S+(?: \S+)*/g)];

const single = (line: string) => fields(line).length <= 1;

/**
 * A line that ends a block: one field that is a title (…表), a note or unit line, a part heading,
 * or starts at the margin (a paragraph line). Indented single fields inside a table (a wrapped
 * header cell, the right side's rows below the left side's end) stay in the block.
 */
function isHardBreak(line: string): boolean {
  const t = line.trim();
  return (single(line) && !!t && /表$|^(注|说明|单位|金额单位|第[一二三四五六七八九十]+部分)/.test(t)) || isPartHeading(t);
}

/** A part heading (第三部分  …情况), its words spaced apart as PDFs lay them out: one line of text, never table cells. */
const isPartHeading = (t: string) => /^第[一二三四五六七八九十]+部分\s/.test(t) && t.length < 60;

function breaksBlock(lines: string[], i: number): boolean {
  const line = lines[i];
  if (isPartHeading(line.trim())) return true;
  if (!single(line)) return false;
  if (!line.trim()) return false;
  if (isHardBreak(line)) return true;
  if (line.length - line.trimStart().length >= 2) return false;
  // A line at the margin (one side of a two-sided table, a paragraph line) stays in the block
  // when a multi-field line follows shortly, with no title or note in between.
  for (let k = i + 1; k < Math.min(lines.length, i + 8); k++) {
    if (isHardBreak(lines[k])) return true;
    if (!single(lines[k])) return false;
  }
  return true;
}

export function layoutToSheet(sheet: Sheet, lines: string[]): Sheet {
  let i = 0;
  while (i < lines.length) {
    if (breaksBlock(lines, i) || !lines[i].trim()) {
      const t = lines[i].trim().replace(/\s{2,}/g, ' ');
      sheet.rows.push(t ? [{ value: t }] : []);
      i++;
      continue;
    }
    // A block: the lines up to the next one that ends it (blank lines inside are kept).
    let j = i;
    while (j < lines.length && !breaksBlock(lines, j)) j++;
    while (j > i && !lines[j - 1].trim()) j--;
    const block = lines.slice(i, j);
    const perLine = block.map((l) => fields(l).map((m) => ({ s: m.index!, e: m.index! + m[0].length, t: m[0].trim() })));
    // Columns from the header line with the most fields and everything below it: a centred
    // group header above it ("收入 … 支出") does not bridge two columns.
    const most = Math.max(...perLine.map((f) => f.length));
    const headerAt = perLine.findIndex((f) => f.length === most);
    // Above it, a field over header fields is a group label (it would bridge them); a field over
    // no header field is a column header of its own (年初结转和结余 over an empty column).
    const head = perLine[headerAt];
    const counts = (n: number, x: { s: number; e: number }) => n >= headerAt || !head.some((h) => x.s <= h.e + 3 && h.s <= x.e + 3);
    const width = Math.max(...block.map((l) => l.length));
    const used = new Array<boolean>(width + 1).fill(false);
    perLine.forEach((f, n) => {
      for (const x of f) if (counts(n, x)) for (let k = x.s; k < x.e; k++) used[k] = true;
    });
    // A header word over an empty column (a template, an empty table) has hard edges: a data
    // value drifting against it, as PDF lines do, does not join the two columns.
    const below = perLine.slice(headerAt + 1).flat();
    const edges = new Set(head.filter((h) => !below.some((x) => x.s < h.e && h.s < x.e)).flatMap((h) => [h.s, h.e]));
    const spans: [number, number][] = [];
    let k = 0;
    while (k < width) {
      while (k < width && !used[k]) k++;
      if (k >= width) break;
      let e = k + 1;
      while (e < width && used[e] && !edges.has(e)) e++;
      spans.push([k, e]);
      k = e;
    }
    const spanOf = (s0: number, e0: number) => {
      const mid = (s0 + e0 - 1) / 2;
      let best = 0;
      let dist = Infinity;
      spans.forEach(([a, b], n) => {
        const d = mid < a ? a - mid : mid >= b ? mid - b + 1 : 0;
        if (d < dist) {
          dist = d;
          best = n;
        }
      });
      return best;
    };
    for (const f of perLine) {
      const row: ({ value: string } | undefined)[] = [];
      for (const x of f) {
        const n = spanOf(x.s, x.e);
        row[n] = { value: row[n] ? `${row[n]!.value} ${x.t}` : x.t };
      }
      sheet.rows.push(row.some(Boolean) ? row : []);
    }
    i = j;
  }
  while (sheet.rows.length && sheet.rows[sheet.rows.length - 1].length === 0) sheet.rows.pop();
  return sheet;
}
