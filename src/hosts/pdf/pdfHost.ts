import type { Workbook } from '../../core/grid';
import type { Finding } from '../../core/findings';
import { readDisclosureBytes, PdfReader } from '../disclosure';
import { CopyHost } from '../copyHost';
import { annotatePdf } from './annotate';

/**
 * A published PDF as a host: read by the page reader (hosts/pdf, as the command line and the pane
 * read it), flagged as a marked copy — a highlight and a note on each finding where it stands, the
 * original pages unchanged — with its 审核报告 as a workbook beside it (hosts/copyHost.ts).
 */
export class PdfHost extends CopyHost {
  constructor(
    bytes: Uint8Array,
    name: string,
    private readonly readPdf: PdfReader,
  ) {
    super(bytes, name, 'PDF ');
  }

  async read(): Promise<Workbook> {
    const { workbook } = await readDisclosureBytes(this.name, this.bytes, this.readPdf);
    return { ...workbook, source: this.name, explanations: this.explanations };
  }

  protected async marked(findings: Finding[]): Promise<{ bytes: Uint8Array; marks: number }> {
    // A finding stands on its page where the reader put its box (a fragment wrapped over lines: one on each).
    const marks = findings.flatMap((finding) => (finding.box ? [{ finding, box: finding.box, boxes: finding.boxes }] : []));
    return { bytes: await annotatePdf(this.bytes, marks), marks: marks.length };
  }
}
