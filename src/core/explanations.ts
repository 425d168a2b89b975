import { Workbook, Cell, StoredExplanation, parseA1, cellText } from './grid';
import { Finding } from './findings';

/**
 * 出错说明: a unit answers a finding it cannot or should not fix with a written explanation, as
 * incumbent 决算 software allows. Explanations live in the workbook (a very hidden sheet), keyed
 * by rule and cell and by a fingerprint of the cell's content: a re-check finds them again while
 * the cell is unchanged, and a changed cell reopens the finding.
 */

export const EXPLANATIONS_SHEET = '_juesuan_explanations';
export const EXPLANATIONS_MARK = 'juesuan-explanations-v1';

/** FNV-1a of the cell's value and formula: short, stable, and different when the content changes. */
export function fingerprint(cell: Cell | undefined): string {
  const s = `${cellText(cell)}\u0000${cell?.formula ?? ''}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function cellOf(wb: Workbook, sheet: string, address: string): Cell | undefined {
  const s = wb.sheets.find((x) => x.name === sheet);
  const p = parseA1(address);
  return s && p ? s.rows[p.r]?.[p.c] : undefined;
}

/** The explanation on file for a finding, if its cell still holds what it held when explained. */
export function explanationFor(f: Finding, wb: Workbook): string | undefined {
  if (!wb.explanations?.length || !f.sheet || !f.cell) return undefined;
  const fp = fingerprint(cellOf(wb, f.sheet, f.cell));
  return wb.explanations.find((e) => e.rule === f.rule && e.sheet === f.sheet && e.cell === f.cell && e.fingerprint === fp)?.text;
}

/** Mark findings that have an explanation on file. */
export function withExplanations(findings: Finding[], wb: Workbook): Finding[] {
  if (!wb.explanations?.length) return findings;
  return findings.map((f) => {
    const text = explanationFor(f, wb);
    return text === undefined ? f : { ...f, explained: text };
  });
}

/** Add or replace (same rule and cell) an explanation for a finding as its cell is now; '' removes it. */
export function upsertExplanation(list: StoredExplanation[], f: Pick<Finding, 'rule' | 'sheet' | 'cell'>, text: string, wb: Workbook): StoredExplanation[] {
  const rest = list.filter((e) => !(e.rule === f.rule && e.sheet === f.sheet && e.cell === f.cell));
  const t = text.trim();
  if (!t) return rest;
  return [...rest, { rule: f.rule, sheet: f.sheet, cell: f.cell, fingerprint: fingerprint(cellOf(wb, f.sheet, f.cell)), text: t }];
}

/** Rows of the store sheet (first row the mark), and back. */
export function explanationRows(list: StoredExplanation[]): string[][] {
  return [[EXPLANATIONS_MARK, '', '', '', ''], ...list.map((e) => [e.rule, e.sheet, e.cell, e.fingerprint, e.text])];
}

export function explanationsFromRows(rows: unknown[][]): StoredExplanation[] {
  if (String(rows[0]?.[0] ?? '') !== EXPLANATIONS_MARK) return [];
  return rows
    .slice(1)
    .map((r) => ({ rule: String(r[0] ?? ''), sheet: String(r[1] ?? ''), cell: String(r[2] ?? ''), fingerprint: String(r[3] ?? ''), text: String(r[4] ?? '') }))
    .filter((e) => e.rule && e.sheet && e.cell && e.text);
}
