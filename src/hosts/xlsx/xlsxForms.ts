import ExcelJS from 'exceljs';
import { writeCells } from './xlsxWrite';
import { Block, Project, formBlock, formSheetName } from '../../forms/generate';

/** Place generated forms into an exceljs workbook: values, formulas, merges, lists, borders. */

const thin = { style: 'thin' as const };

export function writeBlock(ws: ExcelJS.Worksheet, top: number, b: Block): void {
  writeCells(ws, b.rows, top);
  for (const m of b.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const v of b.validations)
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
  const bottom = top + b.rows.length - 1;
  for (let r = top + 1; r <= bottom; r++)
    for (let c = 0; c < 12; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      cell.alignment = { wrapText: true, vertical: 'middle' };
    }
  const title = ws.getRow(top + b.titleRow + 1);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  for (const h of b.headerRows) ws.getRow(top + h + 1).font = { bold: true };
}

function setupSheet(ws: ExcelJS.Worksheet) {
  [14, 14, 14, 16, 18, 9, 7, 9, 8, 16, 10, 9].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/** Add forms for `projects`: one sheet each, or appended to the stacked sheet 绩效自评表. Returns the sheets written. */
export function addForms(wb: ExcelJS.Workbook, projects: Project[], year: number, stacked: boolean, startIndex: number): string[] {
  if (stacked) {
    let ws = wb.getWorksheet('绩效自评表');
    if (!ws) {
      ws = wb.addWorksheet('绩效自评表');
      setupSheet(ws);
    }
    let top = ws.rowCount ? ws.rowCount + 2 : 0;
    for (const p of projects) {
      const b = formBlock(p, year, top);
      writeBlock(ws, top, b);
      top += b.rows.length + 2;
    }
    return [ws.name];
  }
  const taken = new Set<string>();
  wb.eachSheet((s) => taken.add(s.name));
  return projects.map((p, i) => {
    const ws = wb.addWorksheet(formSheetName(startIndex + i, p.name, taken));
    setupSheet(ws);
    writeBlock(ws, 0, formBlock(p, year, 0));
    return ws.name;
  });
}
