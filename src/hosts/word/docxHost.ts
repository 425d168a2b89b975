import type { Host, FlagOutcome, ClearOutcome, WriteOutcome } from '../../usecases/host';
import type { Workbook, StoredExplanation } from '../../core/grid';
import type { Finding } from '../../core/findings';
import { REPORT_SHEET } from '../../core/flagPlan';
import { InputError } from '../problems';
import { readDocxSource, DocxSource } from './docxRead';
import { commentDocx } from './docxComments';

/**
 * A Word document as a host: read as the command line and the pane read it (hosts/word), flagged
 * as a commented copy — each finding a Word comment on its figure, phrase or table cell — with its
 * 审核报告 as a workbook beside it, as a PDF's is: the copy stays the unit's document, ready to
 * print once the comments are dealt with (审阅 → 删除所有批注), where a report appended to it would
 * have to be cut out by hand before it is published. The document itself is never changed: each
 * flag makes the copy anew from its bytes, so there is nothing to clear, and it takes no sheets.
 */
export class DocxHost implements Host {
  private source?: DocxSource;
  private parsed?: Promise<{ workbook: Workbook; source: DocxSource }>;
  private commented?: Uint8Array;
  private comments = 0;
  /** What the 审核报告 will say: made only when asked for (exceljs is loaded then). */
  private report?: { findings: Finding[]; heading?: string[] };
  private explanations: StoredExplanation[] = [];

  /** `sheet`: the name its text is read under (the 情况说明 beside a workbook's tables), else the file's. */
  constructor(
    readonly bytes: Uint8Array,
    readonly name: string,
    private readonly sheet?: string,
  ) {}

  async read(): Promise<Workbook> {
    // Read once: the bytes never change while the host lives (a re-check after an explanation reads it again).
    this.parsed ??= readDocxSource(this.bytes, this.name, this.sheet);
    const { workbook, source } = await this.parsed;
    this.source = source;
    return { ...workbook, sheets: [...workbook.sheets], source: this.name, explanations: this.explanations };
  }

  async flag(findings: Finding[], heading?: string[]): Promise<FlagOutcome> {
    this.source ??= (await readDocxSource(this.bytes, this.name, this.sheet)).source;
    const { bytes, comments } = await commentDocx(this.bytes, this.source, findings);
    this.commented = bytes;
    this.comments = comments;
    this.report = { findings, heading };
    return { flaggedCells: comments, reportSheet: REPORT_SHEET, protectedSheets: [] };
  }

  async clear(): Promise<ClearOutcome> {
    this.commented = undefined;
    this.report = undefined;
    return { cleared: false, protectedSheets: [] };
  }

  async saveExplanations(list: StoredExplanation[]): Promise<void> {
    this.explanations = list;
  }

  async writeSheets(): Promise<WriteOutcome> {
    throw new InputError('Word 文档不能写入工作表：请先用 import 把它整理为工作簿');
  }

  /** The commented copy and how many comments it has, after `flag`. */
  commentedBytes(): { bytes: Uint8Array; comments: number } | undefined {
    return this.commented && { bytes: this.commented, comments: this.comments };
  }

  /** 审核报告 as .xlsx bytes, after `flag`. */
  async reportBytes(): Promise<Uint8Array | undefined> {
    if (!this.report) return undefined;
    const { reportWorkbook } = await import('../xlsx/xlsxFlags');
    return new Uint8Array((await reportWorkbook(this.report.findings, this.report.heading).xlsx.writeBuffer()) as ArrayBuffer);
  }
}
