import type { Host, FlagOutcome, ClearOutcome, WriteOutcome } from '../usecases/host';
import type { Workbook, StoredExplanation } from '../core/grid';
import type { Finding } from '../core/findings';
import { REPORT_SHEET } from '../core/flagPlan';
import { InputError } from './problems';

/**
 * A published document as a host whose flags are a copy of it — a PDF with a highlight and a note
 * on each finding (hosts/pdf/pdfHost.ts), a Word document with a comment on each
 * (hosts/word/docxHost.ts) — and its 审核报告 a workbook beside the copy. The document itself is
 * never changed: each flag makes the copy anew from its bytes, so there is nothing to clear, and
 * it takes no sheets. The unit's 出错说明 are kept while the host lives (a document has no place
 * for them).
 */
export abstract class CopyHost implements Host {
  protected explanations: StoredExplanation[] = [];
  private copy?: { bytes: Uint8Array; marks: number };
  /** What the 审核报告 will say: made only when asked for (exceljs is loaded then). */
  private report?: { findings: Finding[]; heading?: string[] };

  /** `kind`: what the document is called in a message (PDF, Word 文档). */
  constructor(
    readonly bytes: Uint8Array,
    readonly name: string,
    private readonly kind: string,
  ) {}

  abstract read(): Promise<Workbook>;

  /** The original with a mark on each finding that has a place in it, and how many marks. */
  protected abstract marked(findings: Finding[]): Promise<{ bytes: Uint8Array; marks: number }>;

  async flag(findings: Finding[], heading?: string[]): Promise<FlagOutcome> {
    this.copy = await this.marked(findings);
    this.report = { findings, heading };
    return { flaggedCells: this.copy.marks, reportSheet: REPORT_SHEET, protectedSheets: [] };
  }

  async clear(): Promise<ClearOutcome> {
    this.copy = undefined;
    this.report = undefined;
    return { cleared: false, protectedSheets: [] };
  }

  async saveExplanations(list: StoredExplanation[]): Promise<void> {
    this.explanations = list;
  }

  async writeSheets(): Promise<WriteOutcome> {
    throw new InputError(`${this.kind}不能写入工作表：请先用 import 把它整理为工作簿`);
  }

  /** The marked copy and how many marks it has, after `flag`. */
  copyBytes(): { bytes: Uint8Array; marks: number } | undefined {
    return this.copy;
  }

  /** 审核报告 as .xlsx bytes, after `flag`. */
  async reportBytes(): Promise<Uint8Array | undefined> {
    if (!this.report) return undefined;
    const { reportWorkbook } = await import('./xlsx/xlsxFlags');
    return new Uint8Array((await reportWorkbook(this.report.findings, this.report.heading).xlsx.writeBuffer()) as ArrayBuffer);
  }
}
