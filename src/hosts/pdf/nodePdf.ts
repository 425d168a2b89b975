import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Workbook } from '../../core/grid';
import { readPdfPages, PdfJs } from './pdfPages';
import { readPdfiumPages, Pdfium, limitedPages } from './pdfiumPages';
import { InputError } from '../problems';
import { pagesToWorkbook, PdfPage, PageReading } from './pdfLayout';

/**
 * PDFs in Node (the command line, the tests): pdfjs-dist's legacy build, an ES module loaded on the
 * first PDF only, with the CMaps and standard fonts it ships (no network).
 */
let loaded: Promise<PdfJs> | undefined;
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<PdfJs>;
const base = () => path.dirname(require.resolve('pdfjs-dist/package.json'));

export async function readPdfNode(buf: Uint8Array, name: string): Promise<Workbook> {
  return pagesToWorkbook(await pagesOf(buf), name);
}

/** The pages as read (texts and rulings), and what the reader made of each: for a person looking into a misread table. */
export async function readPdfPagesNode(buf: Uint8Array, name: string): Promise<{ pages: PdfPage[]; readings: PageReading[]; workbook: Workbook }> {
  const pages = await pagesOf(buf);
  const readings: PageReading[] = [];
  return { pages, readings, workbook: pagesToWorkbook(pages, name, readings) };
}

/** PDFium compiled to WebAssembly, compiled once on the first PDF. */
let pdfium: Promise<Pdfium> | undefined;
async function loadPdfium(): Promise<Pdfium> {
  const { init } = (await import('@embedpdf/pdfium')) as unknown as {
    init(o: { wasmBinary: Uint8Array; print(s: string): void; printErr(s: string): void }): Promise<Pdfium & { FPDF_InitLibrary(): void }>;
  };
  // Its own messages (a stream too large for its memory: "Cannot enlarge memory…") are not the
  // user's: the file gets one Chinese message instead (pagesOf).
  const quiet = () => undefined;
  const lib = await init({ wasmBinary: fs.readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm')), print: quiet, printErr: quiet });
  lib.FPDF_InitLibrary();
  return lib;
}

/**
 * Which engine reads PDFs here: PDFium (4–5× faster than pdfjs, the same reading of every PDF
 * tried — grid, tables, findings, places within 0.01 pt: the corpus, the layouts LibreOffice
 * prints, the round trip); JUESUAN_PDF_ENGINE=pdfjs reads with pdfjs instead, to compare
 * (`npm run identical -- --engines`).
 */
export const pdfEngine = (): 'pdfium' | 'pdfjs' => (process.env.JUESUAN_PDF_ENGINE === 'pdfjs' ? 'pdfjs' : 'pdfium');

async function pagesOf(buf: Uint8Array): Promise<PdfPage[]> {
  if (pdfEngine() === 'pdfium') {
    pdfium ??= loadPdfium();
    const lib = await pdfium;
    try {
      return limitedPages(readPdfiumPages(lib, buf));
    } catch (e) {
      if (e instanceof InputError) throw e;
      // PDFium ran out of its memory (a stream that inflates to gigabytes: its WebAssembly heap of
      // 2 GB is the budget of one document) or stopped: the module is not used again, and the file
      // gets a message, not a stack trace.
      pdfium = undefined;
      throw new InputError('PDF 文件过大或已损坏（解压后的内容超出可处理的范围），无法读取');
    }
  }
  loaded ??= importModule(pathToFileURL(path.join(base(), 'legacy', 'build', 'pdf.mjs')).href);
  const pdfjs = await loaded;
  return readPdfPages(pdfjs, buf, {
    cMapUrl: path.join(base(), 'cmaps') + path.sep,
    standardFontDataUrl: path.join(base(), 'standard_fonts') + path.sep,
  });
}
