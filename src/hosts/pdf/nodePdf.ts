import * as path from 'path';
import { pathToFileURL } from 'url';
import { Workbook } from '../../core/grid';
import { readPdfPages, PdfJs } from './pdfPages';
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

async function pagesOf(buf: Uint8Array): Promise<PdfPage[]> {
  loaded ??= importModule(pathToFileURL(path.join(base(), 'legacy', 'build', 'pdf.mjs')).href);
  const pdfjs = await loaded;
  return readPdfPages(pdfjs, buf, {
    cMapUrl: path.join(base(), 'cmaps') + path.sep,
    standardFontDataUrl: path.join(base(), 'standard_fonts') + path.sep,
  });
}
