import { InputError } from '../problems';
import type { PdfPage, PdfRule, PdfText } from './pdfLayout';
import { Matrix, mul, apply, IDENTITY, runBox } from './matrix';

/**
 * A PDF's pages as text runs and ruling lines read by PDFium (compiled to WebAssembly,
 * @embedpdf/pdfium; loaded by the host: Node or a worker in the page), under the same contract as
 * pdfjs's reader (pdfPages.ts), so that the layout above it is unchanged: a text run is a text
 * object (one show-text operation) with its origin, advance and size as pdfjs gives them; a ruling
 * is a painted path — a stroked one its segments, a filled one its sub-paths' boxes. Read one page
 * at a time, each page's objects released before the next; work per page is bounded (PAGE_LIMITS).
 */

/** The PDFium functions this reader uses (the wrapped emscripten module @embedpdf/pdfium gives). */
export interface Pdfium {
  pdfium: {
    HEAPU8: Uint8Array;
    HEAPF32: Float32Array;
    HEAPF64: Float64Array;
    HEAP32: Int32Array;
    /** The functions as WebAssembly exports them: called directly where a page calls them per character or segment. */
    wasmExports: { malloc(n: number): number; free(p: number): void } & Partial<Raw>;
    getValue(ptr: number, type: 'float' | 'i32' | 'double'): number;
    UTF16ToString(ptr: number): string;
  };
  FPDF_LoadMemDocument(buf: number, size: number, password: string): number;
  FPDF_CloseDocument(doc: number): void;
  FPDF_GetLastError(): number;
  FPDF_GetPageCount(doc: number): number;
  FPDF_LoadPage(doc: number, i: number): number;
  FPDF_ClosePage(page: number): void;
  FPDFPage_GetRotation(page: number): number;
  FPDFPage_GetCropBox(page: number, l: number, b: number, r: number, t: number): boolean;
  FPDFPage_GetMediaBox(page: number, l: number, b: number, r: number, t: number): boolean;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(tp: number): void;
  FPDFPage_CountObjects(page: number): number;
  FPDFPage_GetObject(page: number, i: number): number;
  FPDFFormObj_CountObjects(form: number): number;
  FPDFFormObj_GetObject(form: number, i: number): number;
  FPDFPageObj_GetType(o: number): number;
  FPDFPageObj_GetMatrix(o: number, m: number): boolean;
  FPDFPageObj_GetBounds(o: number, l: number, b: number, r: number, t: number): boolean;
  FPDFTextObj_GetText(o: number, tp: number, buf: number, len: number): number;
  FPDFTextObj_GetFontSize(o: number, size: number): boolean;
  FPDFText_CountChars(tp: number): number;
  FPDFText_IsGenerated(tp: number, i: number): number;
  FPDFText_GetUnicode(tp: number, i: number): number;
  FPDFText_GetTextObject(tp: number, i: number): number;
  FPDFText_GetCharOrigin(tp: number, i: number, x: number, y: number): boolean;
  FPDFText_GetLooseCharBox(tp: number, i: number, rect: number): boolean;
  FPDFPath_CountSegments(o: number): number;
  FPDFPath_GetPathSegment(o: number, i: number): number;
  FPDFPath_GetDrawMode(o: number, fill: number, stroke: number): boolean;
  FPDFPathSegment_GetPoint(seg: number, x: number, y: number): boolean;
  FPDFPathSegment_GetType(seg: number): number;
  FPDFPathSegment_GetClose(seg: number): boolean;
}

/** The exports called per character and per path segment (the wrapped calls cost several times more). */
export interface Raw {
  FPDFText_IsGenerated(tp: number, i: number): number;
  FPDFText_GetUnicode(tp: number, i: number): number;
  FPDFText_GetTextObject(tp: number, i: number): number;
  FPDFText_GetCharOrigin(tp: number, i: number, x: number, y: number): number;
  FPDFText_GetLooseCharBox(tp: number, i: number, rect: number): number;
  FPDFPath_GetPathSegment(o: number, i: number): number;
  FPDFPathSegment_GetPoint(seg: number, x: number, y: number): number;
  FPDFPathSegment_GetType(seg: number): number;
  FPDFPathSegment_GetClose(seg: number): number;
}

/** The direct exports where the module has them, else the wrapped functions (which return booleans as such). */
function rawOf(lib: Pdfium): Raw {
  const x = lib.pdfium.wasmExports;
  const names: (keyof Raw)[] = [
    'FPDFText_IsGenerated',
    'FPDFText_GetUnicode',
    'FPDFText_GetTextObject',
    'FPDFText_GetCharOrigin',
    'FPDFText_GetLooseCharBox',
    'FPDFPath_GetPathSegment',
    'FPDFPathSegment_GetPoint',
    'FPDFPathSegment_GetType',
    'FPDFPathSegment_GetClose',
  ];
  const out = {} as Record<keyof Raw, (...a: number[]) => number>;
  for (const n of names) {
    const direct = x[n] as ((...a: number[]) => number) | undefined;
    const wrapped = lib[n] as unknown as (...a: number[]) => number | boolean;
    out[n] = direct ?? ((...a: number[]) => Number(wrapped(...a)));
  }
  return out as unknown as Raw;
}

/** What one page may cost: past these, the page's rulings are not all read, and the reader says so. */
export const PAGE_LIMITS = {
  /** Path segments read on a page (a table's borders are a few thousand; a drawing may be millions). */
  segments: 200_000,
  /** Page objects visited on a page, text and paths and forms' contents together. */
  objects: 200_000,
};

/** The page to top-left coordinates at scale 1, as pdfjs's viewport makes it (its rotation included). */
function viewport(view: [number, number, number, number], rotation: number): { vt: Matrix; width: number; height: number } {
  const [l, b, r, t] = view;
  const cx = (l + r) / 2;
  const cy = (b + t) / 2;
  const rot = ((rotation % 4) + 4) % 4;
  const [ra, rb, rc, rd] = rot === 1 ? [0, 1, 1, 0] : rot === 2 ? [-1, 0, 0, 1] : rot === 3 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  const width = ra === 0 ? t - b : r - l;
  const height = ra === 0 ? r - l : t - b;
  const ox = width / 2;
  const oy = height / 2;
  return { vt: [ra, rb, rc, rd, ox - ra * cx - rc * cy, oy - rb * cx - rd * cy], width, height };
}

/** A box through a matrix, as its bounds: min and max of its corners without spreading arrays. */
function box(m: Matrix, x0: number, y0: number, x1: number, y1: number): PdfRule {
  let a = Infinity;
  let b = Infinity;
  let c = -Infinity;
  let d = -Infinity;
  for (const [x, y] of [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)]) {
    if (x < a) a = x;
    if (y < b) b = y;
    if (x > c) c = x;
    if (y > d) d = y;
  }
  return { x0: a, y0: b, x1: c, y1: d };
}

const OBJ_TEXT = 1;
const OBJ_PATH = 2;
const OBJ_FORM = 5;
const SEG_LINE = 0;
const SEG_BEZIER = 1;
const SEG_MOVE = 2;

/** A PDF in PDFium's memory for `use` (0 when PDFium cannot open it), closed and freed after, whatever happens. */
export function withDocument<T>(lib: Pdfium, data: Uint8Array, use: (doc: number) => T): T {
  const P = lib.pdfium;
  const buf = P.wasmExports.malloc(data.length);
  P.HEAPU8.set(data, buf);
  const doc = lib.FPDF_LoadMemDocument(buf, data.length, '');
  try {
    return use(doc);
  } finally {
    if (doc) lib.FPDF_CloseDocument(doc);
    P.wasmExports.free(buf);
  }
}

/** Every page of a PDF, read page by page; a bad PDF is an InputError in Chinese, as with pdfjs. */
export function readPdfiumPages(lib: Pdfium, data: Uint8Array): { pages: PdfPage[]; capped: number[] } {
  const P = lib.pdfium;
  // Scratch space for the values PDFium writes back: four floats, a matrix, two ints.
  const scratch = P.wasmExports.malloc(64);
  const f = (k: number) => P.getValue(scratch + 4 * k, 'float');
  try {
    return withDocument(lib, data, (doc) => {
      if (!doc) {
        // FPDF_ERR_PASSWORD = 4, FPDF_ERR_SECURITY = 6.
        const err = lib.FPDF_GetLastError();
        if (err === 4 || err === 6) throw new InputError('PDF 已加密，无法读取：请提供未加密的 PDF 或 Excel 工作簿');
        throw new InputError('PDF 文件已损坏或不是有效的 PDF，无法读取');
      }
      const pages: PdfPage[] = [];
      const capped: number[] = [];
      const count = lib.FPDF_GetPageCount(doc);
      for (let n = 0; n < count; n++) {
        const page = lib.FPDF_LoadPage(doc, n);
        if (!page) throw new InputError('PDF 文件已损坏，部分页面无法读取');
        const tp = lib.FPDFText_LoadPage(page);
        try {
          const read = readPage(lib, page, tp, scratch, f);
          pages.push(read.page);
          if (read.capped) capped.push(n + 1);
        } finally {
          lib.FPDFText_ClosePage(tp);
          lib.FPDF_ClosePage(page);
        }
      }
      if (pages.every((p) => !p.texts.some((t) => t.s.trim()))) throw new InputError('扫描件无文字层，无法核对：请提供可复制文字的 PDF 或 Excel');
      return { pages, capped };
    });
  } finally {
    P.wasmExports.free(scratch);
  }
}

function readPage(lib: Pdfium, page: number, tp: number, scratch: number, f: (k: number) => number): { page: PdfPage; capped: boolean } {
  const P = lib.pdfium;
  const raw = rawOf(lib);
  const s = scratch;
  const view: [number, number, number, number] = lib.FPDFPage_GetCropBox(page, s, s + 4, s + 8, s + 12)
    ? [f(0), f(1), f(2), f(3)]
    : lib.FPDFPage_GetMediaBox(page, s, s + 4, s + 8, s + 12)
      ? [f(0), f(1), f(2), f(3)]
      : [0, 0, 612, 792];
  // pdfjs's view is the crop box within the media box, its corners in order.
  const [l, b, r, t] = [Math.min(view[0], view[2]), Math.min(view[1], view[3]), Math.max(view[0], view[2]), Math.max(view[1], view[3])];
  const { vt, width, height } = viewport([l, b, r, t], lib.FPDFPage_GetRotation(page));
  const texts: PdfText[] = [];
  const rules: PdfRule[] = [];
  let segments = 0;
  let objects = 0;
  let capped = false;
  const matrixOf = (o: number): Matrix => (lib.FPDFPageObj_GetMatrix(o, s) ? [f(0), f(1), f(2), f(3), f(4), f(5)] : IDENTITY);

  // Each text object's size through its matrix (a form's within the page's), as pdfjs gives a run's.
  const sizes = new Map<number, number>();
  const text = (o: number, ctm: Matrix) => {
    const m = mul(matrixOf(o), ctm);
    const size0 = lib.FPDFTextObj_GetFontSize(o, s) ? f(0) : 0;
    sizes.set(o, size0 * (Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1])) || 10);
  };

  const path = (o: number, ctm: Matrix) => {
    if (!lib.FPDFPath_GetDrawMode(o, s, s + 4)) return;
    const fill = P.getValue(s, 'i32');
    const stroke = P.getValue(s + 4, 'i32') !== 0;
    if (!fill && !stroke) return;
    // As pdfjs tells them: a path both filled and stroked is read as filled.
    const stroked = stroke && !fill;
    const m = mul(matrixOf(o), ctm);
    const n = lib.FPDFPath_CountSegments(o);
    if (segments + n > PAGE_LIMITS.segments) {
      capped = true;
      return;
    }
    segments += n;
    let cx = 0;
    let cy = 0;
    let sx = 0;
    let sy = 0;
    let bezier = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let points = 0;
    const extend = (x: number, y: number) => {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
      points++;
    };
    const flush = () => {
      if (!stroked && points >= 2) rules.push(box(mul(m, vt), minX, minY, maxX, maxY));
      minX = minY = Infinity;
      maxX = maxY = -Infinity;
      points = 0;
    };
    const line = (x: number, y: number) => {
      if (stroked) rules.push(box(mul(m, vt), Math.min(cx, x), Math.min(cy, y), Math.max(cx, x), Math.max(cy, y)));
      extend(x, y);
      cx = x;
      cy = y;
    };
    const F32 = P.HEAPF32;
    for (let i = 0; i < n; i++) {
      const seg = raw.FPDFPath_GetPathSegment(o, i);
      if (!seg || !raw.FPDFPathSegment_GetPoint(seg, s, s + 4)) continue;
      const x = F32[s >> 2];
      const y = F32[(s >> 2) + 1];
      const type = raw.FPDFPathSegment_GetType(seg);
      if (type === SEG_MOVE) {
        flush();
        cx = sx = x;
        cy = sy = y;
        bezier = 0;
        extend(x, y);
      } else if (type === SEG_LINE) {
        bezier = 0;
        line(x, y);
      } else if (type === SEG_BEZIER) {
        // A curve is three points (two controls, then its end): pdfjs keeps its end only.
        bezier++;
        if (bezier % 3 === 0) line(x, y);
      }
      if (raw.FPDFPathSegment_GetClose(seg) && (cx !== sx || cy !== sy)) line(sx, sy);
    }
    flush();
  };

  const visit = (o: number, ctm: Matrix) => {
    if (++objects > PAGE_LIMITS.objects) {
      capped = true;
      return;
    }
    const type = lib.FPDFPageObj_GetType(o);
    if (type === OBJ_TEXT) text(o, ctm);
    else if (type === OBJ_PATH) path(o, ctm);
    else if (type === OBJ_FORM) {
      // A form's contents are placed by its matrix, within the page's.
      const m = mul(matrixOf(o), ctm);
      const k = lib.FPDFFormObj_CountObjects(o);
      for (let i = 0; i < k && !capped; i++) visit(lib.FPDFFormObj_GetObject(o, i), m);
    }
  };
  const count = lib.FPDFPage_CountObjects(page);
  for (let i = 0; i < count && !capped; i++) visit(lib.FPDFPage_GetObject(page, i), IDENTITY);
  textRuns(lib, raw, tp, scratch, sizes, vt, texts);
  return { page: { width, height, texts, rules }, capped };
}

/**
 * The page's text as runs, character by character in the order PDFium reads them: a run is the
 * characters of one text object on one baseline, cut at white space and where a gap opens (a row
 * of figures written by one operation, spaced by kerning, is several runs) — as pdfjs's text
 * items are, so that the layout joins them into the same cells. White space itself is no run
 * (pdfjs's space items are dropped by the layout); characters PDFium adds (line ends) neither.
 * A run's box is pdfjs's: from its first character's origin to its last one's advance, a fifth of
 * its size below the baseline to four fifths above.
 */
function textRuns(lib: Pdfium, raw: Raw, tp: number, scratch: number, sizes: Map<number, number>, vt: Matrix, out: PdfText[]): void {
  const P = lib.pdfium;
  const s = scratch;
  let run: { s: string; x0: number; right: number; oy: number; size: number; obj: number } | undefined;
  let space = false;
  const emit = () => {
    space = false;
    if (run?.s) {
      out.push({ s: run.s, ...runBox(box(vt, run.x0, run.oy - run.size * 0.2, run.right, run.oy + run.size * 0.8)) });
    }
    run = undefined;
  };
  const n = lib.FPDFText_CountChars(tp);
  // Nothing is allocated in this loop: the heap's views stay valid.
  const F32 = P.HEAPF32;
  const F64 = P.HEAPF64;
  for (let i = 0; i < n; i++) {
    if (raw.FPDFText_IsGenerated(tp, i) === 1) {
      emit();
      continue;
    }
    const cp = raw.FPDFText_GetUnicode(tp, i);
    const ch = cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    if (!ch) {
      emit();
      continue;
    }
    const obj = raw.FPDFText_GetTextObject(tp, i);
    // White space between words of one text object stays in its run ("Page 1", as pdfjs has it);
    // at an object's ends it is no part of a run.
    if (/\s/.test(ch)) {
      if (run && obj !== run.obj) emit();
      if (run) space = true;
      continue;
    }
    if (!raw.FPDFText_GetCharOrigin(tp, i, s, s + 8)) continue;
    const ox = F64[s >> 3];
    const oy = F64[(s >> 3) + 1];
    // The loose box (left, top, right, bottom): the character's advance, its font's ascent and descent.
    const right = raw.FPDFText_GetLooseCharBox(tp, i, s + 16) ? F32[((s + 16) >> 2) + 2] : ox;
    const size = sizes.get(obj) ?? 10;
    if (run && (obj !== run.obj || Math.abs(oy - run.oy) > size * 0.1 || ox - run.right > size * (space ? 1 : 0.15) || ox < run.right - size * 0.5)) emit();
    if (run && space) run.s += ' ';
    space = false;
    run ??= { s: '', x0: ox, right: ox, oy, size, obj };
    run.s += ch;
    run.right = Math.max(run.right, right, ox);
  }
  emit();
}

/** The pages, each that was cut short (PAGE_LIMITS) saying so for the reader's warning. */
export function limitedPages(read: { pages: PdfPage[]; capped: number[] }): PdfPage[] {
  for (const n of read.capped) read.pages[n - 1].limited = `线条或对象过多（超过 ${PAGE_LIMITS.segments.toLocaleString('en-US')} 段），只读取了一部分`;
  return read.pages;
}
