import type { Host, FlagOutcome, ClearOutcome, WriteOutcome } from '../../usecases/host';
import type { Workbook, StoredExplanation } from '../../core/grid';
import { InputError } from '../problems';

/**
 * A document (a .txt of a disclosure, or a PDF read into the grid) held in memory, as the pane's
 * browser mode keeps it: read and checked as written, its 出错说明 kept beside it. It takes no
 * flags nor sheets of its own: its flagged copy is the document imported as a workbook
 * (usecases.importInto into an XlsxHost), flagged there.
 */
export class DocumentHost implements Host {
  private explanations: StoredExplanation[];

  constructor(
    private readonly grid: Workbook,
    readonly name: string,
  ) {
    this.explanations = grid.explanations ?? [];
  }

  async read(): Promise<Workbook> {
    return { ...this.grid, sheets: [...this.grid.sheets], explanations: this.explanations };
  }

  async flag(): Promise<FlagOutcome> {
    throw new InputError('文档不能直接标记：请先把它整理为工作簿（import）再标记');
  }

  async clear(): Promise<ClearOutcome> {
    return { cleared: false, protectedSheets: [] };
  }

  async saveExplanations(list: StoredExplanation[]): Promise<void> {
    this.explanations = list;
  }

  async writeSheets(): Promise<WriteOutcome> {
    throw new InputError('文档不能写入工作表：请先把它整理为工作簿（import）');
  }
}
