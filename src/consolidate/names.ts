import type { Sheet } from '../core/grid';
import { cellText } from '../core/grid';
import { normLabel } from '../core/text';

/**
 * The department's list of its units (名单): each unit's name and, when given, its parent's —
 * the unit that pays it 补助 and receives its 上缴. A text with one unit per line (a second column,
 * after a tab, a comma or two spaces, names the parent) or a sheet with 单位名称 and 上级单位 columns.
 */

export interface NamedUnit {
  name: string;
  parent?: string;
}

/** A name as units write it in different places: spaces, brackets' width and a trailing （本级） aside. */
export const sameUnit = (a: string, b: string): boolean => unitKey(a) === unitKey(b);
export const unitKey = (s: string): string =>
  normLabel(s)
    .replace(/[(（]?本级[)）]?$/, '')
    .replace(/[(（]?汇总[)）]?$/, '');

const HEADER = /单位名称|^单位$|上级/;

export function namesFromText(text: string): NamedUnit[] {
  const out: NamedUnit[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const [name, parent] = line
      .split(/\t|[,，]|\s{2,}/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (!name || (!out.length && HEADER.test(name))) continue;
    out.push(parent ? { name, parent } : { name });
  }
  return out;
}

/** From a sheet: the column headed 单位名称 (else the first) and the one headed 上级 (else the second, if any). */
export function namesFromSheet(sheet: Sheet): NamedUnit[] {
  const rows = sheet.rows.map((row) => (row ?? []).map((c) => cellText(c).trim()));
  const headerAt = rows.findIndex((row) => row.some((t) => HEADER.test(t)));
  let nameCol = 0;
  let parentCol = 1;
  if (headerAt >= 0) {
    const h = rows[headerAt];
    const n = h.findIndex((t) => /单位名称|^单位$/.test(t));
    const p = h.findIndex((t) => /上级/.test(t));
    nameCol = n >= 0 ? n : 0;
    parentCol = p >= 0 ? p : -1;
  }
  const out: NamedUnit[] = [];
  for (const row of rows.slice(headerAt + 1)) {
    const name = row[nameCol];
    if (!name) continue;
    const parent = parentCol >= 0 ? row[parentCol] : '';
    out.push(parent ? { name, parent } : { name });
  }
  return out;
}
