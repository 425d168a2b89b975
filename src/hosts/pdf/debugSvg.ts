import type { PdfPage, PageReading } from './pdfLayout';
import { escapeXml } from '../../core/text';

/**
 * A page as the reader saw it, for a person looking into a misread table (as pdfplumber's table
 * debugger draws one): every run of text in its box, every ruling, and each table found — its
 * frame (red: ruled; orange: read by alignment), its columns and rows. An SVG in the page's own
 * points, top-left origin; opened in any browser.
 */
export function pageSvg(page: PdfPage, reading: PageReading | undefined, pageNo: number): string {
  const n = (v: number) => Math.round(v * 100) / 100;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(page.width)}" height="${n(page.height)}" viewBox="0 0 ${n(page.width)} ${n(page.height)}" font-family="sans-serif">`,
    `<title>第${pageNo}页：文字、线条与识别出的表格</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
  ];
  // Rulings: the lines and thin boxes tables are drawn with.
  for (const r of page.rules)
    out.push(
      `<rect x="${n(r.x0)}" y="${n(r.y0)}" width="${n(Math.max(r.x1 - r.x0, 0.3))}" height="${n(Math.max(r.y1 - r.y0, 0.3))}" fill="#1f6feb" fill-opacity="0.6"/>`,
    );
  // Text runs, each in its box.
  for (const t of page.texts) {
    if (!t.s.trim()) continue;
    out.push(`<rect x="${n(t.x)}" y="${n(t.y)}" width="${n(t.w)}" height="${n(t.h)}" fill="none" stroke="#999" stroke-width="0.3"/>`);
    out.push(`<text x="${n(t.x)}" y="${n(t.y + t.h * 0.85)}" font-size="${n(t.h * 0.8)}" fill="#333">${escapeXml(t.s)}</text>`);
  }
  // Tables found: frame, columns (xs) and rows (ys).
  for (const [k, tb] of (reading?.tables ?? []).entries()) {
    const colour = tb.how === 'ruled' ? '#d73a49' : '#e36209';
    out.push(
      `<rect x="${n(tb.x0)}" y="${n(tb.y0)}" width="${n(tb.x1 - tb.x0)}" height="${n(tb.y1 - tb.y0)}" fill="none" stroke="${colour}" stroke-width="1.2"/>`,
      `<text x="${n(tb.x0)}" y="${n(Math.max(tb.y0 - 2, 8))}" font-size="7" fill="${colour}">表${k + 1}（${tb.how === 'ruled' ? '有线表' : '按对齐读取'}，${tb.xs.length} 条列线，${tb.ys.length} 条行线）</text>`,
    );
    for (const x of tb.xs)
      out.push(`<line x1="${n(x)}" y1="${n(tb.y0)}" x2="${n(x)}" y2="${n(tb.y1)}" stroke="${colour}" stroke-width="0.6" stroke-dasharray="3 2"/>`);
    for (const y of tb.ys)
      out.push(`<line x1="${n(tb.x0)}" y1="${n(y)}" x2="${n(tb.x1)}" y2="${n(y)}" stroke="${colour}" stroke-width="0.6" stroke-dasharray="3 2"/>`);
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
