import { InputError } from '../problems';
import type { PdfPage, PdfRule, PdfText } from './pdfLayout';
import { Matrix, mul, apply, runBox, withoutJustifyingSpaces } from './matrix';

/**
 * A PDF's pages as text runs and ruling lines (pdfjs-dist 5.4, its legacy build in Node, loaded only
 * when a PDF is opened), read one page at a time: a page's objects are released before the next is
 * read, so a 200-page PDF never holds all of them. A PDF that cannot be read is an InputError in
 * Chinese: encrypted, without a text layer (a scan), damaged.
 */

/** The parts of pdfjs this adapter uses (the module is loaded by the host: Node or the browser). */
export interface PdfJs {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDoc>; destroy(): Promise<void> };
  OPS: Record<string, number>;
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPageProxy>;
  destroy(): Promise<void>;
}
interface PdfPageProxy {
  getViewport(o: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: { str?: string; transform?: number[]; width?: number; height?: number }[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  cleanup(): void;
}

/** A box in user space, to the page's top-left coordinates. */
function toPage(vt: number[], ctm: Matrix, x0: number, y0: number, x1: number, y1: number): PdfRule {
  const pts = [apply(ctm, x0, y0), apply(ctm, x1, y0), apply(ctm, x0, y1), apply(ctm, x1, y1)].map(([x, y]) => apply(vt, x, y));
  return {
    x0: Math.min(...pts.map((p) => p[0])),
    y0: Math.min(...pts.map((p) => p[1])),
    x1: Math.max(...pts.map((p) => p[0])),
    y1: Math.max(...pts.map((p) => p[1])),
  };
}

/**
 * One path's rulings: a stroked path is its segments (a whole table's borders may be one path), a
 * filled one its sub-paths' boxes (Word draws each border as a thin filled rectangle). The path
 * data is pdfjs's: 0 moveTo x y, 1 lineTo x y, 2 curveTo (6 numbers), 3 quadraticCurveTo (4), 4 closePath.
 */
function pathRules(d: ArrayLike<number>, stroked: boolean, vt: number[], ctm: Matrix, out: PdfRule[]): void {
  let i = 0;
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  let sub: number[] = [];
  const flush = () => {
    if (!stroked && sub.length >= 4) {
      // A loop, not Math.min(...xs): a path of 500,000 points is a valid PDF.
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (let k = 0; k < sub.length; k += 2) {
        x0 = Math.min(x0, sub[k]);
        x1 = Math.max(x1, sub[k]);
        y0 = Math.min(y0, sub[k + 1]);
        y1 = Math.max(y1, sub[k + 1]);
      }
      out.push(toPage(vt, ctm, x0, y0, x1, y1));
    }
    sub = [];
  };
  const line = (x: number, y: number) => {
    if (stroked) out.push(toPage(vt, ctm, Math.min(cx, x), Math.min(cy, y), Math.max(cx, x), Math.max(cy, y)));
    sub.push(x, y);
    cx = x;
    cy = y;
  };
  while (i < d.length) {
    const op = d[i++];
    if (op === 0) {
      flush();
      cx = sx = d[i++];
      cy = sy = d[i++];
      sub.push(cx, cy);
    } else if (op === 1) line(d[i++], d[i++]);
    else if (op === 2) {
      i += 4;
      line(d[i++], d[i++]);
    } else if (op === 3) {
      i += 2;
      line(d[i++], d[i++]);
    } else if (op === 4) {
      if (cx !== sx || cy !== sy) line(sx, sy);
    } else break;
  }
  flush();
}

/** The rulings a page draws: filled or stroked paths, as boxes (thin ones are lines). */
function rulesOf(ops: { fnArray: number[]; argsArray: unknown[][] }, OPS: Record<string, number>, vt: number[]): PdfRule[] {
  const painted = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const out: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(args as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args[0] as Matrix | null;
      if (m) ctm = mul(m, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && painted.has(args[0] as number)) {
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (data) pathRules(data, args[0] === OPS.stroke || args[0] === OPS.closeStroke, vt, ctm, out);
      else {
        const mm = args[2] as ArrayLike<number> | null;
        if (mm && mm.length >= 4 && Number.isFinite(mm[0])) out.push(toPage(vt, ctm, mm[0], mm[1], mm[2], mm[3]));
      }
    }
  }
  return out;
}

/** The text runs of a page, each with its box from the page's top-left. */
function textsOf(items: { str?: string; transform?: number[]; width?: number; height?: number }[], vt: number[]): PdfText[] {
  const out: PdfText[] = [];
  for (const it of items) {
    if (!it.str || !it.transform) continue;
    const [a, b, c, d, e, f] = it.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || it.height || 10;
    const width = it.width ?? 0;
    out.push({ s: withoutJustifyingSpaces(it.str), ...runBox(toPage(vt, [1, 0, 0, 1, 0, 0], e, f - size * 0.2, e + width, f + size * 0.8)) });
  }
  return out;
}

export interface ReadOptions {
  /** Where pdfjs finds its CMaps and standard fonts (a folder path in Node, a URL in the browser). */
  cMapUrl?: string;
  standardFontDataUrl?: string;
}

/** Every page of a PDF, read page by page; a bad PDF is an InputError in Chinese. */
export async function readPdfPages(pdfjs: PdfJs, data: Uint8Array, opts: ReadOptions = {}): Promise<PdfPage[]> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)),
    cMapUrl: opts.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: opts.standardFontDataUrl,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: PdfDoc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string })?.name ?? '';
    if (name === 'PasswordException') throw new InputError('PDF 已加密，无法读取：请提供未加密的 PDF 或 Excel 工作簿');
    throw new InputError('PDF 文件已损坏或不是有效的 PDF，无法读取');
  }
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const [content, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
      pages.push({ width: vp.width, height: vp.height, texts: textsOf(content.items, vp.transform), rules: rulesOf(ops, pdfjs.OPS, vp.transform) });
      // This page's fonts and operator lists are released before the next page is read.
      page.cleanup();
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('PDF 文件已损坏，部分页面无法读取');
  } finally {
    await doc.destroy();
  }
  if (pages.every((p) => !p.texts.some((t) => t.s.trim()))) throw new InputError('扫描件无文字层，无法核对：请提供可复制文字的 PDF 或 Excel');
  return pages;
}
