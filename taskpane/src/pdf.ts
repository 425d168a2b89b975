import type { Workbook } from '../../src/core/grid';
import { readPdfPages, PdfJs } from '../../src/hosts/pdf/pdfPages';
import { pagesToWorkbook } from '../../src/hosts/pdf/pdfLayout';

/**
 * PDFs in the pane's browser mode: pdfjs-dist is loaded (a chunk of its own, never in the first
 * screen) only when a PDF is chosen; its worker, CMaps and standard fonts are served from the
 * add-in's own folder (pdfjs/), so nothing is fetched from elsewhere.
 */
export async function readPdfInPage(buf: Uint8Array, name: string): Promise<Workbook> {
  const pdfjs = (await import('pdfjs-dist/build/pdf.mjs')) as unknown as PdfJs & { GlobalWorkerOptions: { workerSrc: string } };
  const here = (p: string) => new URL(p, document.baseURI).href;
  pdfjs.GlobalWorkerOptions.workerSrc = here('pdfjs/pdf.worker.min.js');
  const pages = await readPdfPages(pdfjs, buf, { cMapUrl: here('pdfjs/cmaps/'), standardFontDataUrl: here('pdfjs/standard_fonts/') });
  return pagesToWorkbook(pages, name);
}
