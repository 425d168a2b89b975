import { PDFDocument, PDFHexString, PDFName, PDFArray, PDFPage } from 'pdf-lib';
import { Finding, SEVERITY_ZH } from '../../core/findings';
import { PageBox } from '../../core/grid';
import { FLAG_COLOR } from '../../core/flagPlan';
import { InputError } from '../problems';

/**
 * A checked copy of a PDF: each finding marked where it stands — a highlight over its cell or
 * line, the message (in Chinese) as the highlight's note, shown by any PDF reader. The 审核报告
 * goes beside it as a workbook (checked.审核报告.xlsx) rather than as pages appended: a page of
 * Chinese text needs a Chinese font embedded in the PDF (megabytes, and a licence), while a note's
 * text is drawn by the reader with its own fonts. The original pages are not changed.
 */

const rgb = (hex: string) => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);

/** A box (points from the page's top-left, as read) in the page's own coordinates. */
function userRect(page: PDFPage, b: PageBox): [number, number, number, number] {
  const crop = page.getCropBox();
  const rot = ((page.getRotation().angle % 360) + 360) % 360;
  // The page as read is the crop box turned by its rotation; turned back here.
  const [w, h] = rot === 90 || rot === 270 ? [crop.height, crop.width] : [crop.width, crop.height];
  const corners = [
    [b.x, b.y],
    [b.x + b.w, b.y + b.h],
  ].map(([x, y]) => {
    switch (rot) {
      case 90:
        return [crop.x + y, crop.y + x];
      case 180:
        return [crop.x + w - x, crop.y + y];
      case 270:
        return [crop.x + crop.width - y, crop.y + crop.height - x];
      default:
        return [crop.x + x, crop.y + h - y];
    }
  });
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [Math.min(...xs) - 1, Math.min(...ys) - 1, Math.max(...xs) + 1, Math.max(...ys) + 1];
}

export interface Marked {
  finding: Finding;
  box: PageBox;
  /** Every line the mark covers (a fragment wrapped onto the next line or page); `box` alone when absent. */
  boxes?: PageBox[];
}

/** The PDF with a highlight and a note on each finding that has a box. */
export async function annotatePdf(original: Uint8Array, marks: Marked[]): Promise<Uint8Array> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(original, { updateMetadata: false });
  } catch {
    throw new InputError('无法写出标注后的 PDF：原文件无法按 PDF 结构读取（可能已加密或损坏）');
  }
  const pages = doc.getPages();
  for (const { finding: f, box, boxes } of marks) {
    // One highlight per page, a quadrilateral on each line of it: a reader shows one note.
    const byPage = new Map<number, PageBox[]>();
    for (const b of boxes?.length ? boxes : [box]) byPage.set(b.page, [...(byPage.get(b.page) ?? []), b]);
    for (const [n, list] of byPage) {
      const page = pages[n - 1];
      if (!page) continue;
      const rects = list.map((b) => userRect(page, b));
      const annot = doc.context.obj({
        Type: 'Annot',
        Subtype: 'Highlight',
        Rect: [
          Math.min(...rects.map((r) => r[0])),
          Math.min(...rects.map((r) => r[1])),
          Math.max(...rects.map((r) => r[2])),
          Math.max(...rects.map((r) => r[3])),
        ],
        QuadPoints: rects.flatMap(([x0, y0, x1, y1]) => [x0, y1, x1, y1, x0, y0, x1, y0]),
        C: rgb(FLAG_COLOR[f.explained !== undefined ? 'explained' : f.severity]),
        CA: 0.6,
        F: 4,
        T: PDFHexString.fromText('决算公开助手'),
        Contents: PDFHexString.fromText(`【${SEVERITY_ZH[f.severity]}】${f.message}${f.text?.suggestion ? `\n应为：${f.text.suggestion}` : ''}`),
      });
      const ref = doc.context.register(annot);
      const annots = page.node.lookup(PDFName.of('Annots'));
      if (annots instanceof PDFArray) annots.push(ref);
      else page.node.set(PDFName.of('Annots'), doc.context.obj([ref]));
    }
  }
  return doc.save({ useObjectStreams: false });
}
