import type { Workbook, StoredExplanation } from '../core/grid';
import type { Finding } from '../core/findings';
import type { SheetLayout } from '../core/layout';

/**
 * The host contract: what a use case (src/usecases/) needs of the place a workbook lives — a file
 * (src/hosts/xlsx), the workbook open in Excel (src/hosts/office), a PDF (src/hosts/pdf). It sits
 * with the use cases, below the hosts that implement it. Each host reads
 * its workbook into the grid and writes back only what it is asked to: flags (with the store that
 * lets 清除标记 restore every cell, src/core/flagStore.ts), the unit's explanations, new sheets.
 */
export interface Host {
  /** The workbook as the grid, with the unit's explanations (grid.explanations). */
  read(): Promise<Workbook>;
  /** Flag each finding's cell and write 审核报告 (under the heading lines, when given); earlier flags are cleared in the same step. */
  flag(findings: Finding[], heading?: string[]): Promise<FlagOutcome>;
  /** Remove every flag and the report, restoring each cell's own fill and note. */
  clear(): Promise<ClearOutcome>;
  /** Keep the unit's 出错说明 (the whole list replaces the stored one). */
  saveExplanations(list: StoredExplanation[]): Promise<void>;
  /**
   * Add sheets; a sheet that exists is a conflict and stays untouched unless `overwrite`, or
   * unless `into`: then the given cells (and their merges and formats) are written into it and
   * nothing else of it changes (new forms below the unit's own).
   */
  writeSheets(grid: Workbook, layouts?: Record<string, SheetLayout>, opts?: WriteOptions): Promise<WriteOutcome>;
  /** The workbook's custom document properties (文件 → 属性 → 自定义), by name; a host without them has none. */
  properties?(): Promise<Record<string, string>>;
  /** Set custom document properties (a template's identity); properties of other names are kept. */
  setProperties?(props: Record<string, string>): Promise<void>;
}

export interface FlagOutcome {
  flaggedCells: number;
  reportSheet: string;
  /** Sheets whose cells could not be flagged (protected); their findings are in the report. */
  protectedSheets: string[];
  /** Why nothing was written at all (a workbook whose structure is protected), in Chinese. */
  refused?: string;
}

export interface ClearOutcome {
  /** Whether there were flags to clear. */
  cleared: boolean;
  /** Protected sheets whose cells keep their flags (a later 清除标记 restores them). */
  protectedSheets: string[];
  /** Why nothing was cleared (a workbook whose structure is protected), in Chinese. */
  refused?: string;
}

export interface WriteOptions {
  overwrite?: boolean;
  into?: boolean;
}

export interface WriteOutcome {
  written: string[];
  conflicts: string[];
}
