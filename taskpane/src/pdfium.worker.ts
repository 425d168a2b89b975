/// <reference lib="webworker" />
import { init } from '@embedpdf/pdfium';
import { readPdfiumPages, limitedPages, Pdfium } from '../../src/hosts/pdf/pdfiumPages';
import { pagesToWorkbook } from '../../src/hosts/pdf/pdfLayout';
import { InputError } from '../../src/hosts/problems';
import { renderPage, PdfiumRequest, PdfiumReply } from './pdfiumRender';

/**
 * The pane's PDF worker (pdfium.js beside the page): PDFium's WebAssembly (pdfium/pdfium.wasm, the
 * add-in's own folder) compiled on the first PDF, off the page's thread; a PDF read into the grid
 * the checker takes, or one of its pages drawn for 查看第N页.
 */
type Lib = Pdfium & { FPDF_InitLibrary(): void };
let lib: Promise<Lib> | undefined;

async function load(): Promise<Lib> {
  const wasm = await fetch(new URL('pdfium/pdfium.wasm', self.location.href).href);
  if (!wasm.ok) throw new Error('加载 PDF 读取程序失败：请检查网络连接后重试。');
  const quiet = () => undefined;
  // locateFile: where the module would look for its file (in a worker script it cannot tell by itself).
  const locateFile = (f: string) => new URL(`pdfium/${f}`, self.location.href).href;
  const l = (await init({ wasmBinary: await wasm.arrayBuffer(), locateFile, print: quiet, printErr: quiet } as never)) as unknown as Lib;
  l.FPDF_InitLibrary();
  return l;
}

self.onmessage = async (e: MessageEvent<PdfiumRequest>) => {
  const req = e.data;
  const reply = (r: PdfiumReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(r, transfer);
  try {
    const l = await (lib ??= load());
    if (req.op === 'read') reply({ id: req.id, workbook: pagesToWorkbook(limitedPages(readPdfiumPages(l, req.bytes)), req.name) });
    else {
      const image = renderPage(l, req.bytes, req.page);
      reply({ id: req.id, image }, image ? [image.data.buffer] : []);
    }
  } catch (err) {
    if (!(err instanceof InputError)) lib = undefined;
    reply({ id: req.id, error: err instanceof InputError ? err.message : 'PDF 文件过大或已损坏，无法读取', input: err instanceof InputError });
  }
};
