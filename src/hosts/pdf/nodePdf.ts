import * as path from 'path';
import { pathToFileURL } from 'url';
import { Workbook } from '../../core/grid';
import { readPdfPages, PdfJs } from './pdfPages';
import { pagesToWorkbook } from './pdfLayout';

/**
 * PDFs in Node (the command line, the tests): pdfjs-dist's legacy build, an ES module loaded on the
 * first PDF only, with the CMaps and standard fonts it ships (no network).
 */
let loaded: Promise<PdfJs> | undefined;
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<PdfJs>;
const base = () => path.dirname(require.resolve('pdfjs-dist/package.json'));

export async function readPdfNode(buf: Uint8Array, name: string): Promise<Workbook> {
  loaded ??= importModule(pathToFileURL(path.join(base(), 'legacy', 'build', 'pdf.mjs')).href);
  const pdfjs = await loaded;
  const pages = await readPdfPages(pdfjs, buf, {
    cMapUrl: path.join(base(), 'cmaps') + path.sep,
    standardFontDataUrl: path.join(base(), 'standard_fonts') + path.sep,
  });
  return pagesToWorkbook(pages, name);
}
