import ExcelJS from 'exceljs';
import { Workbook, a1 } from '../core/grid';

export interface SheetLayout {
  /** Column widths in characters, by 0-based index. */
  widths?: number[];
  /** Rows (count from the top) frozen as header. */
  freezeRows?: number;
  landscape?: boolean;
  /** 0-based rows to print bold. */
  boldRows?: number[];
  /** Cells (A1) that users fill in (unlocked when protected; light fill). */
  inputCells?: string[];
}

/** Write a grid workbook to an exceljs workbook (values, formulas, number formats, merges). */
export function gridToExcel(grid: Workbook, layouts: Record<string, SheetLayout> = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '决算公开助手';
  for (const sheet of grid.sheets) {
    const lay = layouts[sheet.name] ?? {};
    const ws = wb.addWorksheet(sheet.name, {
      pageSetup: { paperSize: 9, orientation: lay.landscape === false ? 'portrait' : 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: lay.freezeRows ? [{ state: 'frozen', ySplit: lay.freezeRows }] : undefined,
    });
    sheet.rows.forEach((row, r) => {
      (row ?? []).forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(a1(r, c));
        if (cell.formula) target.value = { formula: cell.formula, result: typeof cell.value === 'number' ? cell.value : undefined } as ExcelJS.CellFormulaValue;
        else if (cell.value !== null) target.value = cell.value;
        if (cell.numFmt) target.numFmt = cell.numFmt;
      });
    });
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    (lay.widths ?? []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const r of lay.boldRows ?? []) ws.getRow(r + 1).font = { bold: true };
  }
  return wb;
}
