/// <reference types="office-js" />
import type { Host, FlagOutcome, ClearOutcome, WriteOutcome, WriteOptions } from '../host';
import type { Workbook, StoredExplanation } from '../../core/grid';
import type { Finding } from '../../core/findings';
import type { SheetLayout } from '../../core/layout';
import { readWorkbook, applyFlags, clearFlags, saveExplanations, writeSheets, readProperties, writeProperties, ExcelSupport } from './officeExcel';

/** How the host reaches Excel: Excel.run in the add-in, a simulated Excel in the tests. */
export type ExcelRunner = <T>(work: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * The workbook open in Excel, through Office.js: each operation in its own Excel.run, in the
 * constant number of syncs officeExcel.ts keeps to (more only when a request would pass 5 MB).
 */
export class OfficeHost implements Host {
  constructor(
    private run: ExcelRunner,
    private notes: ExcelSupport,
  ) {}

  read(): Promise<Workbook> {
    return this.run((context) => readWorkbook(context));
  }

  flag(findings: Finding[], heading?: string[]): Promise<FlagOutcome> {
    return this.run((context) => applyFlags(context, findings, this.notes, undefined, heading));
  }

  clear(): Promise<ClearOutcome> {
    return this.run((context) => clearFlags(context, this.notes));
  }

  saveExplanations(list: StoredExplanation[]): Promise<void> {
    return this.run((context) => saveExplanations(context, list));
  }

  writeSheets(grid: Workbook, layouts: Record<string, SheetLayout> = {}, opts: WriteOptions = {}): Promise<WriteOutcome> {
    return this.run((context) => writeSheets(context, grid, layouts, opts, this.notes));
  }

  properties(): Promise<Record<string, string>> {
    return this.run((context) => readProperties(context));
  }

  setProperties(props: Record<string, string>): Promise<void> {
    return this.run((context) => writeProperties(context, props));
  }
}
