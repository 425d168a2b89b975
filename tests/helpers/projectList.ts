import ExcelJS from 'exceljs';

/**
 * A workbook holding only a 项目清单 as a unit types it (two header rows, merged 预算数/到位数/执行数,
 * each split 财政资金 + 其他): one row per project [名称, 预算财政, 预算其他, 到位财政, 执行财政].
 */
export async function listWorkbook(file: string, projects: [string, number, number, number, number][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目清单');
  ws.addRow(['项目名称', '实施单位', '预算数', '', '到位数', '', '执行数', '', '默认指标']);
  ws.addRow(['', '', '财政资金', '其他', '财政资金', '其他', '财政资金', '其他', '']);
  ws.mergeCells('C1:D1');
  ws.mergeCells('E1:F1');
  ws.mergeCells('G1:H1');
  for (const [name, b, o, a, e] of projects) ws.addRow([name, '某某局', b, o, a, 0, e, 0, '']);
  await wb.xlsx.writeFile(file);
}
