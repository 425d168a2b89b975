import ExcelJS from 'exceljs';
import { BATCH_HEADER, batchRows, BatchEntry } from '../../check/batch';
import { reportRowHeight } from '../../core/flagPlan';

const WIDTHS = [6, 24, 28, 22, 9, 7, 7, 7, 36, 36, 28];
/** The column of the flagged copy: a link that opens it. */
const COPY = BATCH_HEADER.indexOf('标记副本') + 1;

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
    const copy = row.getCell(COPY);
    if (typeof copy.value === 'string' && copy.value) {
      copy.value = { text: copy.value, hyperlink: copy.value.split(/[\\/]/).map(encodeURIComponent).join('/') };
      copy.font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    row.height = reportRowHeight(values, WIDTHS);
  }
  return wb;
}
