import type ExcelJS from 'exceljs';
import type { Host, FlagOutcome, ClearOutcome, WriteOutcome } from '../../usecases/host';
import type { Workbook, StoredExplanation } from '../../core/grid';
import type { Finding } from '../../core/findings';
import { REPORT_SHEET } from '../../core/flagPlan';
import { readDisclosureBytes, PdfReader } from '../disclosure';
import { InputError } from '../problems';
import { annotatePdf } from './annotate';
import { reportWorkbook } from '../xlsx/xlsxFlags';

/**
 * A published PDF as a host: read by the page reader (hosts/pdf, as the command line and the pane
 * read it), flagged as a marked copy — a highlight and a note on each finding where it stands, the
 * original pages unchanged — with its 审核报告 as a workbook beside it. The PDF itself is never
 * changed: each flag makes the copy anew, so there is nothing to clear, and it takes no sheets.
 * The unit's 出错说明 are kept for the check while the host lives (a PDF has no place for them).
 */
export class PdfHost implements Host {
  private marked?: Uint8Array;
  private report?: ExcelJS.Workbook;
  private explanations: StoredExplanation[] = [];

  constructor(
    readonly bytes: Uint8Array,
    readonly name: string,
    private readonly readPdf: PdfReader,
  ) {}

  async read(): Promise<Workbook> {
    const { workbook } = await readDisclosureBytes(this.name, this.bytes, this.readPdf);
    return { ...workbook, source: this.name, explanations: this.explanations };
  }

  async flag(findings: Finding[], heading?: string[]): Promise<FlagOutcome> {
    // A finding stands on its page where the reader put its box (a fragment wrapped over lines: one on each).
    const marks = findings.flatMap((finding) => (finding.box ? [{ finding, box: finding.box, boxes: finding.boxes }] : []));
    this.marked = await annotatePdf(this.bytes, marks);
    this.report = reportWorkbook(findings, heading);
    return { flaggedCells: marks.length, reportSheet: REPORT_SHEET, protectedSheets: [] };
  }

  async clear(): Promise<ClearOutcome> {
    this.marked = undefined;
    this.report = undefined;
    return { cleared: false, protectedSheets: [] };
  }

  async saveExplanations(list: StoredExplanation[]): Promise<void> {
    this.explanations = list;
  }

  async writeSheets(): Promise<WriteOutcome> {
    throw new InputError('PDF 不能写入工作表：请先用 import 把它整理为工作簿');
  }

  /** The marked copy, after `flag`. */
  markedBytes(): Uint8Array | undefined {
    return this.marked;
  }

  /** 审核报告 as .xlsx bytes, after `flag`. */
  async reportBytes(): Promise<Uint8Array | undefined> {
    return this.report && new Uint8Array((await this.report.xlsx.writeBuffer()) as ArrayBuffer);
  }
}
