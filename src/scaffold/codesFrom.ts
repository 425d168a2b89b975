import { Workbook } from '../core/grid';
import { recognize, pickTableSet } from '../recognize';
import { CODE_RE } from '../recognize/sheetView';
import { TableSetSpec } from '../specs/types';
import { ScaffoldCode } from './build';

/**
 * The 功能分类科目 a disclosure uses (last year's, typically): the code rows of its coded
 * tables, names as printed, in first-seen order. Empty when no coded table is found.
 */
export function codesOfWorkbook(wb: Workbook, set: TableSetSpec = pickTableSet(wb)): ScaffoldCode[] {
  const rec = recognize(wb, set);
  const seen = new Map<string, string>();
  for (const t of rec.tables) {
    if (t.spec.kind !== 'coded') continue;
    for (const it of t.items) if (it.code && !seen.has(it.code)) seen.set(it.code, it.label);
  }
  return [...seen.entries()].map(([code, name]) => ({ code, name }));
}

/** Codes typed by a user: "2010301,2080505 2210201" (any of ，,、; and spaces). */
export function parseCodeList(text: string): { codes: ScaffoldCode[]; bad: string[] } {
  const codes: ScaffoldCode[] = [];
  const bad: string[] = [];
  for (const tok of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    if (CODE_RE.test(tok)) codes.push({ code: tok });
    else bad.push(tok);
  }
  return { codes, bad };
}
