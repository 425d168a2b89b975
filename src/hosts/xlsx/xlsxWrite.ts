import ExcelJS from 'exceljs';
import { Workbook, Sheet, Cell, Range, a1 } from '../../core/grid';
import { SheetLayout, INPUT_FILL, TEMPLATE_PROTECTION } from '../../core/layout';

export type { SheetLayout };

/** Write a grid workbook to an exceljs workbook (values, formulas, number formats, merges). */
export function gridToExcel(grid: Workbook, layouts: Record<string, SheetLayout> = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '决算公开助手';
  for (const sheet of grid.sheets) addSheet(wb, sheet, layouts[sheet.name]);
  return wb;
}

/** Cells of a grid written into a worksheet from row `top` (0-based): values, formulas, number formats. */
export function writeCells(ws: ExcelJS.Worksheet, rows: (Cell | undefined)[][], top = 0): void {
  rows.forEach((row, r) => {
    (row ?? []).forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(a1(top + r, c));
      if (cell.formula) target.value = { formula: cell.formula, result: typeof cell.value === 'number' ? cell.value : undefined } as ExcelJS.CellFormulaValue;
      else if (cell.value !== null) target.value = cell.value;
      if (cell.numFmt) target.numFmt = cell.numFmt;
    });
  });
}

/** Add one grid sheet to an exceljs workbook with its print and display layout. */
export function addSheet(wb: ExcelJS.Workbook, sheet: Sheet, lay: SheetLayout = {}): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.name, {
    ...(lay.veryHidden ? { state: 'veryHidden' as const } : {}),
    pageSetup: { paperSize: 9, orientation: lay.landscape === false ? 'portrait' : 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: lay.freezeRows ? [{ state: 'frozen', ySplit: lay.freezeRows }] : undefined,
  });
  return fillSheet(ws, sheet, lay);
}

/** Write a grid sheet's cells, merges and layout into a worksheet (new, or one whose other cells are kept). */
export function fillSheet(ws: ExcelJS.Worksheet, sheet: Sheet, lay: SheetLayout = {}): ExcelJS.Worksheet {
  writeCells(ws, sheet.rows);
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  (lay.widths ?? []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const r of lay.boldRows ?? []) ws.getRow(r + 1).font = { bold: true };
  for (const r of lay.titleRows ?? []) {
    const row = ws.getRow(r + 1);
    row.font = { bold: true, size: 16 };
    row.alignment = { horizontal: 'center', vertical: 'middle' };
    row.height = 28;
  }
  for (const r of lay.centerRows ?? []) ws.getRow(r + 1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const r of lay.wrapRows ?? []) ws.getRow(r + 1).alignment = { wrapText: true, vertical: 'top' };
  for (const r of lay.noteRows ?? []) {
    const row = ws.getRow(r + 1);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 30;
  }
  const thin = { style: 'thin' as const };
  for (const b of lay.borders ?? [])
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) ws.getCell(r + 1, c + 1).border = { top: thin, left: thin, bottom: thin, right: thin };
  for (const rg of lay.inputs ?? [])
    for (let r = rg.top; r <= rg.bottom; r++)
      for (let c = rg.left; c <= rg.right; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + INPUT_FILL } };
        cell.dataValidation = {
          type: 'decimal',
          operator: 'between',
          allowBlank: true,
          formulae: [-1e12, 1e12],
          showErrorMessage: true,
          errorTitle: '金额',
          error: '请填写数字（以万元为单位，可留空）',
        };
      }
  for (const v of lay.validations ?? [])
    for (let r = v.range.top; r <= v.range.bottom; r++)
      for (let c = v.range.left; c <= v.range.right; c++)
        ws.getCell(r + 1, c + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${v.list.join(',')}"`],
          showErrorMessage: true,
          errorTitle: '请从列表中选择',
          error: `可选：${v.list.join('、')}`,
        };
  if (lay.freezeRows) ws.pageSetup.printTitlesRow = `1:${lay.freezeRows}`;
  if (lay.locked) protectLocked(ws, sheet, lay.locked);
  return ws;
}

/**
 * Only the given cells locked: the table's columns and ten beyond unlocked (so rows typed or
 * inserted later are open too), the given cells locked again, the sheet protected without a password.
 */
function protectLocked(ws: ExcelJS.Worksheet, sheet: Sheet, locked: Range[]) {
  const cols = Math.max(1, ...sheet.rows.map((r) => r?.length ?? 0));
  for (let c = 1; c <= cols + 10; c++) ws.getColumn(c).protection = { locked: false };
  for (const rg of locked)
    for (let r = rg.top; r <= rg.bottom; r++) for (let c = rg.left; c <= rg.right; c++) ws.getCell(r + 1, c + 1).protection = { locked: true };
  void ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: TEMPLATE_PROTECTION.allowFormatCells,
    formatColumns: TEMPLATE_PROTECTION.allowFormatColumns,
    formatRows: TEMPLATE_PROTECTION.allowFormatRows,
    insertRows: TEMPLATE_PROTECTION.allowInsertRows,
    deleteRows: TEMPLATE_PROTECTION.allowDeleteRows,
    // (objects: left unset, so notes stay editable)
  });
}
