import ExcelJS from 'exceljs';
import type { Host, FlagOutcome, ClearOutcome, WriteOutcome, WriteOptions } from '../host';
import type { Workbook, StoredExplanation } from '../../core/grid';
import type { Finding } from '../../core/findings';
import type { SheetLayout } from '../../core/layout';
import { excelToGrid, loadExcel } from './xlsx';
import { applyFlags, clearFlags, writeExplanations } from './xlsxFlags';
import { addSheet, fillSheet } from './xlsxWrite';
import { readCustomProperties, withCustomProperties } from './customProps';

/**
 * An xlsx workbook held in memory (exceljs), read once: the command line's files and the task
 * pane's browser mode. `bytes()` gives the workbook as it now is, flags and all.
 */
export class XlsxHost implements Host {
  /**
   * The grid as last read, while nothing but the explanations changed since: a workbook of
   * hundreds of sheets is not read again for each 出错说明 the pane saves.
   */
  private known?: Workbook;

  constructor(
    readonly excel: ExcelJS.Workbook,
    readonly name: string,
    /** The grid already read from this very workbook (when the caller has it). */
    read?: Workbook,
    /** Its custom document properties, read from its package (exceljs keeps none): written back with it. */
    private props: Record<string, string> = {},
  ) {
    this.known = read;
  }

  static async fromBytes(bytes: Uint8Array, name: string): Promise<XlsxHost> {
    return new XlsxHost(await loadExcel(bytes), name, undefined, await readCustomProperties(bytes));
  }

  async properties(): Promise<Record<string, string>> {
    return { ...this.props };
  }

  async setProperties(props: Record<string, string>): Promise<void> {
    this.props = { ...this.props, ...props };
  }

  async read(): Promise<Workbook> {
    this.known ??= excelToGrid(this.excel, this.name);
    // A copy a use case may add to (last year's sheets) without changing what is kept.
    return { ...this.known, sheets: [...this.known.sheets] };
  }

  async flag(findings: Finding[], heading?: string[]): Promise<FlagOutcome> {
    this.known = undefined;
    const r = applyFlags(this.excel, findings, heading);
    return { ...r, protectedSheets: [] };
  }

  async clear(): Promise<ClearOutcome> {
    this.known = undefined;
    return { cleared: clearFlags(this.excel), protectedSheets: [] };
  }

  async saveExplanations(list: StoredExplanation[]): Promise<void> {
    writeExplanations(this.excel, list);
    if (this.known) this.known = { ...this.known, explanations: list };
  }

  async writeSheets(grid: Workbook, layouts: Record<string, SheetLayout> = {}, opts: WriteOptions = {}): Promise<WriteOutcome> {
    this.known = undefined;
    const existing = grid.sheets.map((s) => s.name).filter((n) => !!this.excel.getWorksheet(n));
    const conflicts = opts.into ? [] : existing;
    if (conflicts.length && !opts.overwrite) return { written: [], conflicts };
    for (const n of conflicts) this.excel.removeWorksheet(this.excel.getWorksheet(n)!.id);
    for (const sheet of grid.sheets) {
      const ws = opts.into && this.excel.getWorksheet(sheet.name);
      if (ws) fillSheet(ws, sheet, layouts[sheet.name]);
      else addSheet(this.excel, sheet, layouts[sheet.name]);
    }
    // Formulas written with the values they give now: a spreadsheet program recalculates them all
    // on opening (LibreOffice and WPS otherwise keep those values, stale once a figure is typed).
    if (grid.sheets.some((s) => s.rows.some((r) => r?.some((c) => c?.formula))))
      this.excel.calcProperties = { ...this.excel.calcProperties, fullCalcOnLoad: true };
    return { written: grid.sheets.map((s) => s.name), conflicts };
  }

  /** The workbook as it now is, flags and all, with its custom document properties. */
  async bytes(): Promise<Uint8Array> {
    return withCustomProperties(new Uint8Array((await this.excel.xlsx.writeBuffer()) as ArrayBuffer), this.props);
  }
}
