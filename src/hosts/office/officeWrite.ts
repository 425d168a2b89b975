/// <reference types="office-js" />
import { Workbook, Range, a1 } from '../../core/grid';
import { INPUT_FILL, TEMPLATE_PROTECTION, SheetLayout } from '../../core/layout';
import { ExcelSupport, printLayout, REQUEST_BUDGET, CALL_COST, utf8Length, callBytes, Batch, structureRefused, chunks } from './excelBatch';

/**
 * Sheets written into the open workbook (生成模板, 起草情况说明, forms): never over a sheet of the
 * user's without consent; a template's formulas locked.
 */

/**
 * Only a template's given cells (its formulas) locked: the whole sheet unlocked (rows typed or
 * inserted later too), those cells locked again, then the sheet protected without a password,
 * formats and notes allowed (the checker's flags). Excel refuses protect() on a sheet already
 * protected: only sheets just written are protected here.
 */
export async function protectLocked(batch: Batch, ws: Excel.Worksheet, locked: Range[]) {
  const addresses = locked.map((g) => `${a1(g.top, g.left)}:${a1(g.bottom, g.right)}`);
  await batch.add(CALL_COST, () => (ws.getRange().format.protection.locked = false));
  for (const part of chunks(addresses)) await batch.add(callBytes(part), () => (ws.getRanges(part).format.protection.locked = true));
  await batch.add(CALL_COST * 2, () => ws.protection.protect({ ...TEMPLATE_PROTECTION }));
}

/**
 * Write grid sheets (scaffold, forms, a drafted narrative) into the open workbook in two syncs.
 * Sheets that already exist are not touched unless `overwrite`: the names are returned instead,
 * so the pane can ask before anything of the user's is lost. Texts are written as text.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  grid: Workbook,
  layouts: Record<string, SheetLayout> = {},
  opts: { overwrite?: boolean; into?: boolean } = {},
  support: ExcelSupport = { notes: 'none' },
): Promise<{ written: string[]; conflicts: string[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const structure = context.workbook.protection.load('protected');
  await context.sync();
  const existing = new Set(sheets.items.map((s) => s.name));
  // Written into a sheet that exists (`into`): only the rows the grid fills, nothing else of it.
  const conflicts = opts.into ? [] : grid.sheets.map((s) => s.name).filter((n) => existing.has(n));
  if (conflicts.length && !opts.overwrite) return { written: [], conflicts };
  if (structure.protected && grid.sheets.some((s) => !(opts.into && existing.has(s.name)))) throw new Error(structureRefused('未写入任何工作表'));
  const batch = new Batch(context, REQUEST_BUDGET);
  // Replaced sheets are renamed aside, the new ones added, then the old ones deleted: a workbook
  // must keep a visible sheet, and a failure half-way loses nothing of the user's.
  const aside = conflicts.map((n, i) => {
    let name = `_juesuan_old${i + 1}`;
    for (let k = 2; existing.has(name); k++) name = `_juesuan_old${i + 1}_${k}`;
    return name;
  });
  for (const [i, n] of conflicts.entries()) await batch.add(callBytes(n, aside[i]), () => (sheets.getItem(n).name = aside[i]));
  for (const sheet of grid.sheets) {
    const ws = opts.into && existing.has(sheet.name) ? sheets.getItem(sheet.name) : sheets.add(sheet.name);
    batch.queued(CALL_COST);
    const rows = sheet.rows.length;
    // The first row the grid fills: rows above it are left as they are.
    let first = 0;
    while (first < rows && !(sheet.rows[first] ?? []).some(Boolean)) first++;
    const cols = Math.max(1, ...sheet.rows.map((r) => r?.length ?? 0));
    if (rows) {
      // Every row, holes of a sparse grid included.
      const formulas = Array.from({ length: rows }, (_, i) => sheet.rows[i]).map((r) =>
        Array.from({ length: cols }, (_, c) => {
          const cell = r?.[c];
          if (!cell) return '';
          return cell.formula ? '=' + cell.formula : cell.value === null ? '' : cell.value;
        }),
      );
      // Number formats per cell: the sheet's own, and text ("@") for every text, so that a
      // label such as "- 一、部门职责" or "2023-12" stays what it is.
      const formats = Array.from({ length: rows }, (_, i) => sheet.rows[i]).map((r) =>
        Array.from({ length: cols }, (_, c) => {
          const cell = r?.[c];
          if (cell && !cell.formula && typeof cell.value === 'string') return '@';
          return cell?.numFmt ?? 'General';
        }),
      );
      let start = first;
      while (start < rows) {
        let end = start;
        let bytes = CALL_COST * 2;
        while (end < rows) {
          const b = utf8Length(JSON.stringify(formulas[end])) + utf8Length(JSON.stringify(formats[end]));
          if (end > start && bytes + b > REQUEST_BUDGET / 2) break;
          bytes += b;
          end++;
        }
        const at = start;
        const n = end - start;
        await batch.add(bytes, () => {
          const range = ws.getRangeByIndexes(at, 0, n, cols);
          range.numberFormat = formats.slice(at, at + n);
          range.formulas = formulas.slice(at, at + n) as unknown as string[][];
        });
        start = end;
      }
    }
    const lay = layouts[sheet.name] ?? {};
    await batch.add(
      CALL_COST *
        (sheet.merges.length +
          (lay.widths?.length ?? 0) +
          (lay.wrapRows?.length ?? 0) +
          (lay.validations?.length ?? 0) +
          2 * (lay.inputs?.length ?? 0) +
          8 * (lay.borders?.length ?? 0) +
          20),
      () => {
        for (const m of sheet.merges) ws.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
        (lay.widths ?? []).forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * 7));
        for (const r of [...(lay.boldRows ?? []), ...(lay.titleRows ?? []), ...(lay.centerRows ?? [])])
          ws.getRangeByIndexes(r, 0, 1, cols).format.font.bold = true;
        for (const r of lay.wrapRows ?? []) ws.getRangeByIndexes(r, 0, 1, cols).format.wrapText = true;
        for (const b of lay.borders ?? []) {
          const fmt = ws.getRangeByIndexes(b.top, b.left, b.bottom - b.top + 1, b.right - b.left + 1).format;
          for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const)
            fmt.borders.getItem(edge).style = 'Continuous';
        }
        for (const rg of lay.inputs ?? []) {
          const range = ws.getRangeByIndexes(rg.top, rg.left, rg.bottom - rg.top + 1, rg.right - rg.left + 1);
          range.format.fill.color = '#' + INPUT_FILL;
          range.dataValidation.rule = { decimal: { formula1: -1e12, formula2: 1e12, operator: 'Between' } };
        }
        for (const v of lay.validations ?? [])
          ws.getRangeByIndexes(v.range.top, v.range.left, v.range.bottom - v.range.top + 1, v.range.right - v.range.left + 1).dataValidation.rule = {
            list: { inCellDropDown: true, source: v.list.join(',') },
          };
        if (lay.freezeRows) ws.freezePanes.freezeRows(lay.freezeRows);
        if (support.pageLayout) printLayout(ws, lay.freezeRows ? `1:${lay.freezeRows}` : undefined, lay.landscape === false);
      },
    );
    if (lay.locked) await protectLocked(batch, ws, lay.locked);
    if (lay.veryHidden) await batch.add(CALL_COST, () => (ws.visibility = 'VeryHidden' as Excel.SheetVisibility));
  }
  for (const n of aside) await batch.add(CALL_COST * 2, () => sheets.getItem(n).delete());
  await batch.flush();
  return { written: grid.sheets.map((s) => s.name), conflicts };
}

/** The workbook's custom document properties (ExcelApi 1.12), by name: one sync. */
export async function readProperties(context: Excel.RequestContext): Promise<Record<string, string>> {
  const custom = context.workbook.properties.custom;
  custom.load('items/key,items/value');
  await context.sync();
  return Object.fromEntries(custom.items.map((p) => [p.key, String(p.value)]));
}

/** Set custom document properties (add() creates or sets each); the others stay: one sync. */
export async function writeProperties(context: Excel.RequestContext, props: Record<string, string>): Promise<void> {
  const custom = context.workbook.properties.custom;
  for (const [key, value] of Object.entries(props)) custom.add(key, value);
  await context.sync();
}
