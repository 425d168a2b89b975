import type { Host, FlagOutcome, ClearOutcome, WriteOutcome, WriteOptions } from '../usecases/host';
import type { Workbook, StoredExplanation } from '../core/grid';
import type { Finding } from '../core/findings';
import type { SheetLayout } from '../core/layout';

/** The sheet a 情况说明 written apart from the tables is read into, beside the workbook's own. */
export const NARRATIVE_SHEET = '情况说明（文档）';

/**
 * A workbook's tables with the 情况说明 written apart from them (a Word document): one host to the
 * use cases. Read, it is the workbook's sheets and the document's; flagged, the workbook flags its
 * cells and writes 审核报告 with every finding, the document its comments on the narrative's.
 * Everything else (the unit's 出错说明, new sheets, properties) is the workbook's.
 */
export class WithNarrative implements Host {
  constructor(
    private readonly tables: Host,
    private readonly narrative: Host,
  ) {}

  async read(): Promise<Workbook> {
    const [wb, doc] = [await this.tables.read(), await this.narrative.read()];
    return { ...wb, sheets: [...wb.sheets, ...doc.sheets] };
  }

  async flag(findings: Finding[], heading?: string[]): Promise<FlagOutcome> {
    const done = await this.tables.flag(findings, heading);
    const commented = await this.narrative.flag(findings, heading);
    return { ...done, flaggedCells: done.flaggedCells + commented.flaggedCells };
  }

  async clear(): Promise<ClearOutcome> {
    await this.narrative.clear();
    return this.tables.clear();
  }

  saveExplanations(list: StoredExplanation[]): Promise<void> {
    return this.tables.saveExplanations(list);
  }

  writeSheets(grid: Workbook, layouts?: Record<string, SheetLayout>, opts?: WriteOptions): Promise<WriteOutcome> {
    return this.tables.writeSheets(grid, layouts, opts);
  }
}
