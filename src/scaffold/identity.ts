import type { Workbook } from '../core/grid';
import { a1, cellText } from '../core/grid';
import { TEMPLATE_SHEET, rowLabel } from '../core/templateRecord';
export { TEMPLATE_SHEET, rowLabel } from '../core/templateRecord';

/**
 * What a template is, stamped into the workbook it is (a custom document property each, kept by
 * Excel, WPS and LibreOffice through a save): its table set, year, the id and version a department
 * gives it, and a fingerprint of its structure — the same for every unit's copy of one template
 * (the unit's name and the year are not part of it), another as soon as a sheet, a 科目 row, a
 * header, a formula or an input cell differs.
 */
export interface TemplateIdentity {
  /** The table set, as 生成模板 and --tables name it (全国通用（公开01—公开09）; editionByChoice reads it back). */
  edition: string;
  year: number;
  id: string;
  version: string;
  fingerprint: string;
}

/** The properties' names, as 文件 → 属性 → 自定义 shows them. */
export const IDENTITY_KEYS = {
  edition: '决算模板表格式',
  year: '决算模板年度',
  id: '决算模板编号',
  version: '决算模板版本',
  fingerprint: '决算模板结构指纹',
} as const;

export function identityProperties(t: TemplateIdentity): Record<string, string> {
  return {
    [IDENTITY_KEYS.edition]: t.edition,
    [IDENTITY_KEYS.year]: String(t.year),
    [IDENTITY_KEYS.id]: t.id,
    [IDENTITY_KEYS.version]: t.version,
    [IDENTITY_KEYS.fingerprint]: t.fingerprint,
  };
}

/** The identity a workbook's properties carry, or undefined when it carries none (or not all of it). */
export function identityOf(props: Record<string, string>): TemplateIdentity | undefined {
  const get = (k: keyof typeof IDENTITY_KEYS) => props[IDENTITY_KEYS[k]];
  const year = Number(get('year'));
  if (!get('edition') || !get('id') || !get('version') || !get('fingerprint') || !Number.isInteger(year)) return undefined;
  return { edition: get('edition'), year, id: get('id'), version: get('version'), fingerprint: get('fingerprint') };
}

/**
 * The structure of a template, as one short digest: its sheets in order; in each, every text but
 * those naming the unit or a year (titles, 编制单位), every formula, every 科目编码 and every input
 * cell, by address.
 */
export function structureFingerprint(wb: Workbook, inputs: Record<string, { r: number; c: number }[]>, unit: string): string {
  const parts: string[] = [];
  for (const s of wb.sheets) {
    if (s.name === TEMPLATE_SHEET) continue;
    parts.push(`#${s.name}`);
    s.rows.forEach((row, r) =>
      (row ?? []).forEach((cell, c) => {
        if (!cell) return;
        if (cell.formula) parts.push(`${a1(r, c)}=${cell.formula}`);
        else if (typeof cell.value === 'string') {
          const t = templateText(cellText(cell), unit);
          if (t) parts.push(`${a1(r, c)}:${t}`);
        }
      }),
    );
    for (const p of inputs[s.name] ?? []) parts.push(`${a1(p.r, p.c)}?`);
  }
  return fnv1a64(parts.join('\n'));
}

/** A text of the template itself, or '' for one naming the unit or a year (the same template serves every unit, every year). */
function templateText(t: string, unit: string): string {
  return t && !(unit && t.includes(unit)) && !/(19|20)\d\d/.test(t) ? t : '';
}

/** FNV-1a, 64 bits, as 16 hex digits: a stable digest in plain code, the same in Node and a page. */
function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/**
 * The template's record of itself, as rows of a sheet: its identity first (so a copy still knows
 * which template it was even without the custom properties), then each formula cell (by its row's
 * label: a row inserted above does not move it), each input cell, each header text.
 */
export function structureRows(wb: Workbook, inputs: Record<string, { r: number; c: number }[]>, identity: TemplateIdentity, unit: string): string[][] {
  const rows: string[][] = [['决算模板结构', identity.id, identity.version, identity.fingerprint]];
  for (const s of wb.sheets) {
    if (s.name === TEMPLATE_SHEET) continue;
    const label = (r: number) => rowLabel(s.rows[r]);
    s.rows.forEach((row, r) =>
      (row ?? []).forEach((cell, c) => {
        if (!cell) return;
        if (cell.formula) rows.push(['公式', s.name, a1(r, c), label(r)]);
        else if (typeof cell.value === 'string' && isHeaderRow(s.rows, r)) {
          const t = templateText(cellText(cell), unit);
          if (t) rows.push(['表头', s.name, a1(r, c), t]);
        }
      }),
    );
    for (const p of inputs[s.name] ?? []) rows.push(['填写', s.name, a1(p.r, p.c), label(p.r)]);
  }
  return rows;
}

/** The rows above a table's first amount: its title and headers (a row holding no number yet). */
function isHeaderRow(rows: Workbook['sheets'][number]['rows'], r: number): boolean {
  for (let k = 0; k <= r; k++) if ((rows[k] ?? []).some((c) => c && (c.formula || typeof c.value === 'number'))) return false;
  return true;
}
