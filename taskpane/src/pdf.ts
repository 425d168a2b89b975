import type { Workbook } from '../../src/core/grid';
import { readPdfPages, PdfJs } from '../../src/hosts/pdf/pdfPages';
import { pagesToWorkbook } from '../../src/hosts/pdf/pdfLayout';

/**
 * PDFs in the pane's browser mode: pdfjs-dist is loaded (a chunk of its own, never in the first
 * screen) only when a PDF is chosen; its worker, CMaps and standard fonts are served from the
 * add-in's own folder (pdfjs/), so nothing is fetched from elsewhere.
 */
type PdfJsFull = PdfJs & { GlobalWorkerOptions: { workerSrc: string } };
/** The same library, for drawing a page (what readPdfPages does not need). */
type Drawing = {
  getDocument(src: Record<string, unknown>): {
    promise: Promise<{ getPage(n: number): Promise<PageProxy>; destroy(): Promise<void> }>;
  };
};
interface PageProxy {
  getViewport(o: { scale: number }): { width: number; height: number };
  render(o: { canvasContext: CanvasRenderingContext2D; viewport: unknown; canvas?: HTMLCanvasElement }): { promise: Promise<void> };
  cleanup(): void;
}

/** An address in the add-in's own folder. */
const here = (p: string) => new URL(p, document.baseURI).href;
/** Where pdfjs finds its CMaps and standard fonts: the add-in's pdfjs/ folder. */
const assets = () => ({ cMapUrl: here('pdfjs/cmaps/'), standardFontDataUrl: here('pdfjs/standard_fonts/') });

async function loadPdfJs(): Promise<PdfJsFull> {
  const pdfjs = (await import('pdfjs-dist/build/pdf.mjs')) as unknown as PdfJsFull;
  pdfjs.GlobalWorkerOptions.workerSrc = here('pdfjs/pdf.worker.min.js');
  return pdfjs;
}

/** One page of a PDF drawn as an image, at a size for the pane; its size in points (the boxes' unit). */
export async function pageImage(buf: Uint8Array, pageNo: number): Promise<{ url: string; width: number; height: number } | undefined> {
  const pdfjs = (await loadPdfJs()) as unknown as Drawing;
  const doc = await pdfjs.getDocument({ data: buf.slice(), ...assets(), cMapPacked: true, isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(pageNo);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: 2 });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvasContext: canvas.getContext('2d')!, viewport, canvas }).promise;
    page.cleanup();
    return { url: canvas.toDataURL('image/png'), width: base.width, height: base.height };
  } finally {
    await doc.destroy();
  }
}

export async function readPdfInPage(buf: Uint8Array, name: string): Promise<Workbook> {
  const pages = await readPdfPages(await loadPdfJs(), buf, assets());
  return pagesToWorkbook(pages, name);
}
