import ExcelJS from 'exceljs';
import { BATCH_HEADER, batchRows, BatchEntry } from '../../check/batch';
import { reportRowHeight } from '../../core/flagPlan';

const WIDTHS = [6, 30, 24, 9, 7, 7, 7, 40, 40];

/** A batch's 检查表 as a workbook to print and file: A4 landscape, one page wide, the header on every page. */
export function batchReportWorkbook(entries: BatchEntry[], heading: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('检查表', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.getCell('A1').value = heading;
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(3).values = BATCH_HEADER;
  ws.getRow(3).font = { bold: true };
  for (const values of batchRows(entries)) {
    const row = ws.addRow(values);
    row.eachCell({ includeEmpty: true }, (c) => (c.alignment = { wrapText: true, vertical: 'top' }));
    row.height = reportRowHeight(values, WIDTHS);
  }
  return wb;
}
