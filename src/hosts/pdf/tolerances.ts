/**
 * Every tolerance of the PDF reader in one place, each in the unit it is measured in: points, or a
 * share of a text's height or of the page's. A change here changes how every PDF is read: run the
 * corpus (npm run corpus) and the printed layouts (hosts/pdf/__tests__/layouts.libreoffice.slow.test.ts)
 * after it.
 */
export const PDF_TOLERANCE = {
  /** A ruling at most this thick (pt) is a line; a thicker one is a filled box. */
  thin: 2.5,
  /** Rulings and positions this close (pt) are one. */
  near: 2,
  /** A ruling shorter than this (pt) is part of a glyph, not of a table. */
  shortestRule: 4,
  /** Two runs stand on one line when their centres differ by less than this share of the smaller height. */
  sameLine: 0.5,
  /** Runs of one text: a gap under this share of the taller height joins them … */
  join: 0.6,
  /** … and under this share, when a table is read by alignment (a cell's text, not its neighbour's). */
  joinInTable: 0.12,
  /** A gap over this share of the taller height is written as a space. */
  space: 0.25,
  /** A line whose words stand this many heights apart somewhere is a row of a table. */
  columnGap: 1.5,
  /** Words of a line further apart than this many heights are fields of their own (部门：… 公开01表). */
  fieldGap: 2,
  /**
   * The page's top and bottom edges, as shares of its height from the top: a page number, a running
   * header or footer stands above `top` or below `bottom`.
   */
  pageEdge: { top: 0.07, bottom: 0.93 },
} as const;

/** Whether a text's box stands at the page's top or bottom edge: '上', '下', or '' elsewhere. */
export function pageEdgeOf(box: { y: number; h: number }, pageHeight: number): '上' | '下' | '' {
  if (box.y + box.h < pageHeight * PDF_TOLERANCE.pageEdge.top) return '上';
  if (box.y > pageHeight * PDF_TOLERANCE.pageEdge.bottom) return '下';
  return '';
}
