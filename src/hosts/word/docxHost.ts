import type { Workbook } from '../../core/grid';
import type { Finding } from '../../core/findings';
import { CopyHost } from '../copyHost';
import { readDocxSource, DocxSource } from './docxRead';
import { commentDocx } from './docxComments';

/**
 * A Word document as a host: read as the command line and the pane read it (hosts/word), flagged
 * as a commented copy — each finding a Word comment on its figure, phrase or table cell — with its
 * 审核报告 as a workbook beside it, as a PDF's is (hosts/copyHost.ts): the copy stays the unit's
 * document, ready to print once the comments are dealt with (审阅 → 删除所有批注), where a report
 * appended to it would have to be cut out by hand before it is published.
 */
export class DocxHost extends CopyHost {
  private parsed?: Promise<{ workbook: Workbook; source: DocxSource }>;

  /** `sheet`: the name its text is read under (the 情况说明 beside a workbook's tables), else the file's. */
  constructor(
    bytes: Uint8Array,
    name: string,
    private readonly sheet?: string,
  ) {
    super(bytes, name, 'Word 文档');
  }

  /** Read once: the bytes never change while the host lives (a re-check after an explanation reads it again). */
  private parse() {
    return (this.parsed ??= readDocxSource(this.bytes, this.name, this.sheet));
  }

  async read(): Promise<Workbook> {
    const { workbook } = await this.parse();
    return { ...workbook, sheets: [...workbook.sheets], source: this.name, explanations: this.explanations };
  }

  protected async marked(findings: Finding[]): Promise<{ bytes: Uint8Array; marks: number }> {
    const { bytes, comments } = await commentDocx(this.bytes, (await this.parse()).source, findings);
    return { bytes, marks: comments };
  }
}
