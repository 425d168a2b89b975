/**
 * PDF transformation matrices [a b c d e f], as both page readers use them (pdfPages.ts for
 * pdfjs's operators, pdfiumPages.ts for PDFium's objects): mul(m, n) applies m then n.
 */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

export const apply = (m: ArrayLike<number>, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * A text run's box as both readers give it: to the hundredth of a point (PDFium's figures are
 * single-precision, 286.39999 for 286.4, and pdfjs's carry the noise of its own arithmetic; a gap
 * of exactly two widths must read the same from either).
 */
export function runBox(b: { x0: number; y0: number; x1: number; y1: number }): { x: number; y: number; w: number; h: number } {
  const hundredth = (v: number) => Math.round(v * 100) / 100;
  return { x: hundredth(b.x0), y: hundredth(b.y0), w: hundredth(b.x1 - b.x0), h: hundredth(b.y1 - b.y0) };
}

/**
 * Spaces between two Chinese characters are the gaps of distributed (justified) text, not words:
 * pdfjs writes them into its text items ("社 会 保 障 和 就业支出"), PDFium and pdftotext do not.
 */
export const withoutJustifyingSpaces = (s: string): string => s.replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1');
