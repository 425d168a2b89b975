import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbook, CheckResult } from './check';
import { readDisclosure, InputError } from './adapters/files';
import { excelToGrid, loadExcel } from './adapters/xlsx';
import { applyFlags, clearFlags } from './adapters/xlsxFlags';
import { gridToExcel, SheetLayout } from './adapters/xlsxWrite';
import { importDocument, SECTION_SHEETS } from './importDoc';
import { Workbook } from './core/grid';

/** File-level operations shared by the CLI and the worker threads. Thin: the core does the work. */

export { InputError };

async function writeExcel(wb: ExcelJS.Workbook, out: string) {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await wb.xlsx.writeFile(out);
}

/** Column widths and frozen header rows for an imported document's sheets. */
function importLayouts(grid: Workbook): Record<string, SheetLayout> {
  const layouts: Record<string, SheetLayout> = {};
  for (const s of grid.sheets) {
    if (s.name === SECTION_SHEETS.narrative || s.name === SECTION_SHEETS.overview || s.name === SECTION_SHEETS.cover || s.name === SECTION_SHEETS.glossary) layouts[s.name] = { widths: [120], landscape: false };
    else if (s.name === SECTION_SHEETS.forms) layouts[s.name] = { widths: [16, 18, 18, 24, 24, 10, 8, 10, 12, 16, 12, 10] };
    else layouts[s.name] = { widths: [34, 30, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16] };
  }
  return layouts;
}

/** A text document laid out as a workbook (one sheet per table …). */
export async function importToExcel(file: string): Promise<{ grid: Workbook; excel: ExcelJS.Workbook }> {
  const { workbook, kind } = await readDisclosure(file);
  if (kind !== 'text') throw new InputError('import 只接受文本文档（.txt）；工作簿可直接用 check 核对');
  const grid = importDocument(workbook);
  return { grid, excel: gridToExcel(grid, importLayouts(grid)) };
}

export async function importFile(file: string, out: string): Promise<Workbook> {
  const { grid, excel } = await importToExcel(file);
  await writeExcel(excel, out);
  return grid;
}

/** Check a file; with `out`, also write a flagged copy (a text document is imported first). */
export async function checkFile(file: string, out?: string): Promise<CheckResult> {
  if (!out) {
    const { workbook } = await readDisclosure(file);
    return checkWorkbook(workbook);
  }
  const ext = path.extname(file).toLowerCase();
  let excel: ExcelJS.Workbook;
  let grid: Workbook;
  if (ext === '.txt') {
    ({ grid, excel } = await importToExcel(file));
  } else {
    if (!fs.existsSync(file)) throw new InputError(`找不到文件“${file}”`);
    excel = await loadExcel(fs.readFileSync(file));
    grid = excelToGrid(excel, path.basename(file));
  }
  const result = checkWorkbook(grid);
  applyFlags(excel, result.findings);
  await writeExcel(excel, out);
  return result;
}

/** Remove every flag from a checked workbook, restoring it exactly. */
export async function clearFile(file: string, out: string): Promise<boolean> {
  if (!fs.existsSync(file)) throw new InputError(`找不到文件“${file}”`);
  const excel = await loadExcel(fs.readFileSync(file));
  const had = clearFlags(excel);
  await writeExcel(excel, out);
  return had;
}
