import { Workbook, PageBox, parseA1, cellBox, a1 } from '../core/grid';
import type { Finding } from '../core/findings';
import type { Paragraph } from '../narrative/paragraphs';
import { displayWidth } from '../core/text';

/**
 * Where a narrative finding's fragment stands on a PDF's pages: a box on each line it covers. A
 * fragment the PDF wraps onto the next line (占本年支出合计 | 的99.86%) is marked on both, the
 * next page's too. Within a line the box is cut to the fragment by the width its characters take
 * (a Chinese character two, a digit one): the line's runs were joined into the cell's text, their
 * own positions are not kept.
 */
export function fragmentBoxes(f: Finding, wb: Workbook, paragraphs: Paragraph[]): PageBox[] {
  const at = f.text && parseA1(f.cell);
  if (!at || !f.text) return [];
  const textOf = (sheet: string, r: number, c: number) => {
    const v = wb.sheets.find((s) => s.name === sheet)?.rows[r]?.[c]?.value;
    return v === null || v === undefined ? '' : String(v);
  };
  const { offset, length } = f.text;
  for (const p of paragraphs) {
    const first = p.pieces.find(
      (pc) => pc.sheet === f.sheet && pc.r === at.r && pc.c === at.c && offset >= pc.cellOffset && offset < pc.cellOffset + pc.length,
    );
    if (!first) continue;
    const from = first.start + (offset - first.cellOffset);
    const to = from + length;
    const out: PageBox[] = [];
    for (const pc of p.pieces) {
      const a = Math.max(from, pc.start);
      const b = Math.min(to, pc.start + pc.length);
      if (a >= b) continue;
      const box = cellBox(wb, pc.sheet, a1(pc.r, pc.c));
      if (!box) continue;
      out.push(narrowed(box, textOf(pc.sheet, pc.r, pc.c), pc.cellOffset + (a - pc.start), pc.cellOffset + (b - pc.start)));
    }
    return out;
  }
  return [];
}

/** The part of a line's box that characters [a, b) of its text take. */
function narrowed(box: PageBox, text: string, a: number, b: number): PageBox {
  const whole = displayWidth(text);
  if (!whole || (a <= 0 && b >= text.length)) return box;
  const x0 = box.x + (box.w * displayWidth(text.slice(0, a))) / whole;
  const x1 = box.x + (box.w * displayWidth(text.slice(0, b))) / whole;
  return { ...box, x: x0, w: Math.max(1, x1 - x0) };
}
