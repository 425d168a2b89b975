import type { Workbook } from '../../src/core/grid';
import { withDocument, Pdfium } from '../../src/hosts/pdf/pdfiumPages';

/** What the page asks the PDF worker, and what comes back. */
export type PdfiumRequest = { id: number; op: 'read'; bytes: Uint8Array; name: string } | { id: number; op: 'page'; bytes: Uint8Array; page: number };
export interface PageBitmap {
  /** RGBA, width × height pixels. */
  data: Uint8ClampedArray;
  width: number;
  height: number;
  /** The page's size in points (the unit of the findings' boxes). */
  points: { width: number; height: number };
}
export type PdfiumReply = { id: number; workbook?: Workbook; image?: PageBitmap; error?: string; input?: boolean };

/** The drawing calls (the wrapped module has them all). */
interface Drawing {
  FPDF_GetPageWidthF(page: number): number;
  FPDF_GetPageHeightF(page: number): number;
  FPDFBitmap_Create(w: number, h: number, alpha: number): number;
  FPDFBitmap_FillRect(bmp: number, l: number, t: number, w: number, h: number, color: number): boolean;
  FPDF_RenderPageBitmap(bmp: number, page: number, x: number, y: number, w: number, h: number, rotate: number, flags: number): void;
  FPDFBitmap_GetBuffer(bmp: number): number;
  FPDFBitmap_GetStride(bmp: number): number;
  FPDFBitmap_Destroy(bmp: number): void;
}

/** One page drawn at twice its size in points (white behind it, annotations shown), as RGBA. */
export function renderPage(lib: Pdfium, bytes: Uint8Array, pageNo: number, scale = 2): PageBitmap | undefined {
  const d = lib as unknown as Pdfium & Drawing;
  const P = lib.pdfium;
  return withDocument(lib, bytes, (doc) => {
    if (!doc || pageNo < 1 || pageNo > lib.FPDF_GetPageCount(doc)) return undefined;
    const page = lib.FPDF_LoadPage(doc, pageNo - 1);
    if (!page) return undefined;
    try {
      const pw = d.FPDF_GetPageWidthF(page);
      const ph = d.FPDF_GetPageHeightF(page);
      const width = Math.ceil(pw * scale);
      const height = Math.ceil(ph * scale);
      const bmp = d.FPDFBitmap_Create(width, height, 1);
      try {
        d.FPDFBitmap_FillRect(bmp, 0, 0, width, height, 0xffffffff);
        // FPDF_ANNOT: the page's annotations drawn too.
        d.FPDF_RenderPageBitmap(bmp, page, 0, 0, width, height, 0, 0x01);
        const ptr = d.FPDFBitmap_GetBuffer(bmp);
        const stride = d.FPDFBitmap_GetStride(bmp);
        const src = P.HEAPU8;
        const data = new Uint8ClampedArray(width * height * 4);
        // PDFium draws BGRA; a canvas takes RGBA.
        for (let y = 0; y < height; y++)
          for (let x = 0; x < width; x++) {
            const s = ptr + y * stride + x * 4;
            const t = (y * width + x) * 4;
            data[t] = src[s + 2];
            data[t + 1] = src[s + 1];
            data[t + 2] = src[s];
            data[t + 3] = 255;
          }
        return { data, width, height, points: { width: pw, height: ph } };
      } finally {
        d.FPDFBitmap_Destroy(bmp);
      }
    } finally {
      lib.FPDF_ClosePage(page);
    }
  });
}
