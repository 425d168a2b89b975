import type { Workbook } from './grid';
import { cellText } from './grid';

/**
 * A template's record of its own structure (written by scaffold/identity.ts into a very hidden
 * sheet; read by every host beside the grid, Workbook.templateRecord): its identity first, then one
 * row per formula cell, input cell and header text — kind, sheet, cell, and the row's label or the
 * text. A copy of the template is told against it (rules/template-drift.ts).
 */
export const TEMPLATE_SHEET = '_juesuan_template';

/** What a record row holds: a formula cell, an input cell, a header text. */
export type RecordKind = '公式' | '填写' | '表头';

/** A row's label: its first text that is not a 科目编码 (the 项目 column), joined with the code when there is one. */
export function rowLabel(row: Workbook['sheets'][number]['rows'][number] | undefined): string {
  // Its words only: a figure typed in the row later is no part of its name.
  const texts = (row ?? []).map((c) => (c && typeof c.value === 'string' && !c.formula ? cellText(c).trim() : '')).filter(Boolean);
  const code = texts.find((t) => /^\d{3}(\d{2}){0,2}$/.test(t));
  const name = texts.find((t) => !/^[\d.,\-]+$/.test(t));
  return [code, name].filter(Boolean).join(' ');
}

/**
 * Tell a workbook against another template than the one it carries (check --template): that
 * template's record replaces its own, whose identity row is kept to say which it came from.
 */
export function tellAgainst(wb: Workbook, record: string[][] | undefined): void {
  if (!record) return;
  wb.templateCopyOf = wb.templateRecord?.[0] ?? [];
  wb.templateRecord = record;
}
