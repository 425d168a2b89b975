import type { Workbook } from '../../src/core/grid';
import { InputError } from '../../src/hosts/problems';
import type { PdfiumReply, PdfiumRequest, PageBitmap } from './pdfiumRender';

/**
 * PDFs in the pane: read and drawn by PDFium (WebAssembly) in a worker of their own (pdfium.js,
 * with pdfium/pdfium.wasm from the add-in's folder), started when the first PDF is chosen — the
 * first screen's JavaScript is unchanged, the page's thread never compiles nor reads a PDF. The
 * same reader as the command line: the same findings.
 */

/** An address in the add-in's own folder. */
const here = (p: string) => new URL(p, document.baseURI).href;

type Ask = { op: 'read'; bytes: Uint8Array; name: string } | { op: 'page'; bytes: Uint8Array; page: number };

let worker: Worker | undefined;
let next = 1;
const waiting = new Map<number, { resolve(r: PdfiumReply): void; reject(e: Error): void }>();

function start(): Worker {
  const w = new Worker(here('pdfium.js'));
  w.onmessage = (e: MessageEvent<PdfiumReply>) => {
    const p = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    p?.resolve(e.data);
  };
  // A worker that cannot start or dies: every question waiting gets an answer, a fresh one next time.
  w.onerror = (e) => {
    e.preventDefault?.();
    for (const p of waiting.values()) p.reject(new Error('加载 PDF 读取程序失败：请检查网络连接后重试。'));
    waiting.clear();
    worker?.terminate();
    worker = undefined;
  };
  return w;
}

function ask(q: Ask): Promise<PdfiumReply> {
  worker ??= start();
  const id = next++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    // The bytes are copied: the pane keeps its own for the download and the next page drawn.
    worker!.postMessage({ id, ...q } as PdfiumRequest);
  });
}

export async function readPdfInPage(buf: Uint8Array, name: string): Promise<Workbook> {
  const r = await ask({ op: 'read', bytes: buf, name });
  if (r.error) throw r.input ? new InputError(r.error) : new Error(r.error);
  return r.workbook!;
}

/** One page of a PDF drawn as an image, at a size for the pane; its size in points (the boxes' unit). */
export async function pageImage(buf: Uint8Array, pageNo: number): Promise<{ url: string; width: number; height: number } | undefined> {
  const r = await ask({ op: 'page', bytes: buf, page: pageNo });
  if (r.error || !r.image) return undefined;
  const img: PageBitmap = r.image;
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  canvas.getContext('2d')!.putImageData(new ImageData(img.data as Uint8ClampedArray<ArrayBuffer>, img.width, img.height), 0, 0);
  return { url: canvas.toDataURL('image/png'), width: img.points.width, height: img.points.height };
}
