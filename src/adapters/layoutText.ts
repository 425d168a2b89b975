import { Sheet } from '../core/grid';

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
function breaksBlock(line: string): boolean {
  if (!single(line)) return false;
  const t = line.trim();
  if (!t) return false;
  if (/表$|^(注|说明|单位|金额单位|第[一二三四五六七八九十]+部分)/.test(t)) return true;
  return line.length - line.trimStart().length < 2;
}

export function layoutToSheet(sheet: Sheet, lines: string[]): Sheet {
  let i = 0;
  while (i < lines.length) {
    if (breaksBlock(lines[i]) || !lines[i].trim()) {
      const t = lines[i].trim();
      sheet.rows.push(t ? [{ value: t }] : []);
      i++;
      continue;
    }
    // A block: the lines up to the next one that ends it (blank lines inside are kept).
    let j = i;
    while (j < lines.length && !breaksBlock(lines[j])) j++;
    while (j > i && !lines[j - 1].trim()) j--;
    const block = lines.slice(i, j);
    const width = Math.max(...block.map((l) => l.length));
    const used = new Array<boolean>(width).fill(false);
    for (const l of block) for (let k = 0; k < l.length; k++) if (l[k] !== ' ') used[k] = true;
    // Columns: maximal runs of used positions, separated by 2+ positions blank in every line.
    const spans: [number, number][] = [];
    let k = 0;
    while (k < width) {
      while (k < width && !used[k]) k++;
      if (k >= width) break;
      let e = k;
      for (;;) {
        while (e < width && used[e]) e++;
        let gap = e;
        while (gap < width && !used[gap]) gap++;
        if (gap < width && gap - e < 2) e = gap;
        else break;
      }
      spans.push([k, e]);
      k = e;
    }
    for (const l of block) {
      const row = spans.map(([s, e]) => l.slice(s, e).trim()).map((t) => (t ? { value: t.replace(/\s{2,}/g, ' ') } : undefined));
      sheet.rows.push(row.some(Boolean) ? row : []);
    }
    i = j;
  }
  while (sheet.rows.length && sheet.rows[sheet.rows.length - 1].length === 0) sheet.rows.pop();
  return sheet;
}
