import { Workbook, Sheet, cellText, isProseOnly } from '../core/grid';
import { toHalfWidth, displayWidth } from '../core/text';
import { scanTexts, TextScan, ScannedText } from '../core/textScan';

/**
 * The narrative (第三部分 情况说明) as paragraphs: found in a 情况说明 sheet or inside a whole
 * document's grid, PDF line breaks inside sentences joined, every character traceable to the
 * cell (and the offset in that cell) it came from.
 */

export interface Piece {
  sheet: string;
  r: number;
  c: number;
  /** Where this piece starts in the paragraph text, and in its cell's text. */
  start: number;
  cellOffset: number;
  length: number;
}

export interface Paragraph {
  /** Paragraph text, full-width ASCII turned half-width (same length as the source). */
  text: string;
  /** The source as written. */
  raw: string;
  /** Top heading (一、… 十、) the paragraph is under, '' before the first. */
  section: string;
  /** Sub-heading ((一)…) under the section, '' when none. */
  subsection: string;
  /**
   * The numbered item (1、2、…) the paragraph belongs to within its sub-section, '' when none: a
   * PDF's line breaks may cut an item into several paragraphs, each still speaks of that item.
   */
  item: string;
  /** Whether the paragraph is itself a heading. */
  heading: boolean;
  pieces: Piece[];
  /** Sheet the narrative was found in (for scope lookups). */
  sheet: Sheet;
}

export const SECTION_RE = /^\s*([一二三四五六七八九十]{1,3})\s*[、.．]/;
export const SUBSECTION_RE = /^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]/;
const ITEM_RE = /^\s*\d{1,2}\s*(?:、|[.．](?!\d))/;
/** 1、 or 1. (a decimal such as 1.5 is not a number): "21、0A 电子公文…" is item 21. */
const ITEM_NUMBER = /^\s*(\d{1,2})\s*(?:、|[.．](?!\d))/;
const PART_RE = /^\s*第\s*([一二三四五六])\s*部分/;
const FORM_TITLE_RE = /绩效自评表\s*$/;
const SENTENCE_END = /[。；;！!？?：:]\s*$|^\s*$/;

/** Where a paragraph boundary is forced: a heading, a numbered item, a part or form title. */
function startsBlock(t: string): boolean {
  return SECTION_RE.test(t) || SUBSECTION_RE.test(t) || ITEM_RE.test(t) || PART_RE.test(t);
}

interface Line {
  sheet: Sheet;
  r: number;
  c: number;
  text: string;
  /** Where the line starts in its cell's text (cells may hold several lines). */
  offset?: number;
}

/** Rows holding exactly one text cell; anything else (a table row, a form row) is a break. */
function singleTextRows(sheet: Sheet, from: number, to: number): (Line | null)[] {
  const out: (Line | null)[] = [];
  for (let r = from; r <= to; r++) {
    const row = sheet.rows[r] ?? [];
    let found: Line | null = null;
    let count = 0;
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]);
      if (!t.trim()) continue;
      count++;
      found = { sheet, r, c, text: t };
    }
    if (count === 0) out.push({ sheet, r, c: 0, text: '' });
    else if (count === 1 && typeof row[found!.c]?.value === 'string') {
      // A long text in one cell: each of its lines is a line, with its offset in the cell.
      let offset = 0;
      for (const part of found!.text.split('\n')) {
        out.push({ ...found!, text: part, offset });
        offset += part.length + 1;
      }
    } else out.push(null);
  }
  return out;
}

/** The row range of the narrative in a sheet, if it holds one, from the rows holding one text only (`sole`, in row order). */
function narrativeRange(sheet: Sheet, sole: ScannedText[]): [number, number] | undefined {
  const n = sheet.rows.length;
  if (/情况说明|说明/.test(sheet.name)) return n ? [0, n - 1] : undefined;
  let start = -1;
  let end = n - 1;
  const parts: [number, string][] = [];
  // Without part headings, the narrative starts at its first standard section heading.
  let firstSection = -1;
  for (const { r, raw: t } of sole) {
    const m = t.includes('部分') ? PART_RE.exec(t) : null;
    if (m) parts.push([r, m[1]]);
    else if (firstSection < 0 && /^\s*一\s*[、.．].*(收入支出决算|决算总体)/.test(t)) firstSection = r;
  }
  // The last 第三部分 heading (the table of contents lists it first), up to the next part.
  const third = parts.filter(([, k]) => k === '三').pop();
  if (third) {
    start = third[0] + 1;
    const next = parts.find(([r, k]) => r > third[0] && k !== '三');
    if (next) end = next[0] - 1;
  }
  if (start < 0) start = firstSection;
  // Prose alone (a paragraph in a .txt, a cell's text), with sentences: all of it is narrative.
  if (start < 0 && sheet.origin === 'text' && parts.length === 0 && isProseOnly({ sheets: [sheet] }) && sole.some(({ raw }) => /[。，]/.test(raw))) start = 0;
  return start >= 0 && start <= end ? [start, end] : undefined;
}

/**
 * The width of a full line when the text is a PDF's lines (each cut at the page's width): the
 * median display width of the lines a sentence runs on from to the very next line. Undefined when
 * too few lines run on (a text whose lines are paragraphs, as a workbook's cells or a re-flowed text
 * are, or whose lines are apart).
 */
function fullLineWidth(lines: (Line | null)[]): number | undefined {
  const widths: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]?.text.trim();
    if (!t || SENTENCE_END.test(t) || lines[i]!.c !== 0) continue;
    // A section's heading over its paragraph is a line of its own, however wide.
    if ((SECTION_RE.test(t) || SUBSECTION_RE.test(t) || PART_RE.test(t)) && !/[，,]/.test(t)) continue;
    // (Run on to the very next line: a PDF's lines within a paragraph have no gap between them. A
    // line of prose starts its row; a form's text in a cell of its own further right is not one.)
    const next = lines[i + 1];
    if (!next || !next.text.trim() || next.c !== 0 || startsBlock(next.text)) continue;
    widths.push(displayWidth(t));
  }
  if (widths.length < 5) return undefined;
  widths.sort((a, b) => a - b);
  const median = widths[widths.length >> 1];
  // A page's lines are of one width: most lines that run on are within a tenth of it.
  const near = widths.filter((w) => Math.abs(w - median) <= median * 0.1).length;
  return near >= widths.length * 0.6 ? median : undefined;
}

/** Join lines into paragraphs: a line not ending a sentence continues on the next text line. */
function assemble(lines: (Line | null)[]): Line[][] {
  const paras: Line[][] = [];
  let cur: Line[] = [];
  const flush = () => {
    if (cur.length) paras.push(cur);
    cur = [];
  };
  const width = fullLineWidth(lines);
  // A line as wide as the page's lines was cut by the page, not ended: a numbered line that fills
  // it is an item's first line, not its heading; a clause mark at its end is not a paragraph's end.
  // (Nor is a numbered line cut inside a figure, "…合计1920.38万" above "元，…", nor one whose
  // sentence has begun after a colon, "1、…项目绩效自评情况：根据…", a heading.)
  const full = (t: string, share = 0.9) => width !== undefined && displayWidth(t.trim()) >= width * share;
  for (const line of lines) {
    if (line === null) {
      flush();
      continue;
    }
    const t = line.text;
    if (!t.trim()) continue; // PDF page gaps: a sentence may continue after blank lines
    // A form's title is a line of its own ("2023年度项目支出绩效自评表"), not a sentence's line
    // that a PDF happened to cut after "（绩效自评表".
    if (FORM_TITLE_RE.test(t.trim()) && t.trim().length < 40 && !/[，,。；;：:（(]/.test(t)) {
      flush();
      continue;
    }
    if (cur.length && startsBlock(t)) flush();
    cur.push(line);
    const heading = startsBlock(t) && t.trim().length < 40 && !/[，,]|[：:]\s*\S/.test(t) && !full(t) && !/[\d.,万亿千]\s*$/.test(t);
    // A sentence's end at the very margin is most likely not its paragraph's: the paragraph ends
    // where its last line stops short.
    const cut = /[；;：:]\s*$/.test(t) ? full(t) : /[。!！?？]\s*$/.test(t) && full(t, 0.95);
    const ends = (SENTENCE_END.test(t) && !cut) || PART_RE.test(t) || heading;
    if (ends) flush();
  }
  flush();
  return paras;
}

/** Paragraphs of every narrative found in the workbook, in order. */
export function readNarrative(wb: Workbook, scan: TextScan = scanTexts(wb)): Paragraph[] {
  const out: Paragraph[] = [];
  // Last year's sheets (上年…) are not this year's narrative; a draft counts only when alone.
  const current: { sheet: Sheet; range: [number, number] | undefined }[] = [];
  wb.sheets.forEach((sheet, i) => {
    if (!sheet.name.startsWith('上年')) current.push({ sheet, range: narrativeRange(sheet, scan.sheets[i].sole) });
  });
  const finals = current.filter((x) => !x.sheet.name.includes('草稿') && x.range);
  for (const { sheet, range } of finals.length ? finals : current) {
    if (!range) continue;
    let section = '';
    let subsection = '';
    let item = '';
    const paras = assemble(singleTextRows(sheet, range[0], range[1]));
    // A table of contents is not a narrative: it has headings but no sentences.
    if (!paras.some((ls) => ls.some((l) => /[。，,]/.test(l.text)))) continue;
    for (const lines of paras) {
      let raw = '';
      const pieces: Piece[] = [];
      for (const l of lines) {
        // Leading/trailing spaces of PDF lines are dropped; offsets stay exact.
        const lead = l.text.length - l.text.trimStart().length;
        const body = l.text.trim();
        pieces.push({ sheet: sheet.name, r: l.r, c: l.c, start: raw.length, cellOffset: (l.offset ?? 0) + lead, length: body.length });
        raw += body;
      }
      const text = toHalfWidth(raw);
      const short = text.length < 60 && !/[，,。]/.test(text.slice(0, -1));
      const isSection = SECTION_RE.test(text) && short;
      const isSub = SUBSECTION_RE.test(text) && short;
      if (isSection) {
        section = text.trim();
        subsection = '';
        item = '';
      } else if (isSub) {
        subsection = text.trim();
        item = '';
      } else {
        const numbered = ITEM_NUMBER.exec(text);
        if (numbered) item = numbered[1];
      }
      out.push({ text, raw, section, subsection, item, heading: isSection || isSub, pieces, sheet });
    }
  }
  return out;
}

/** The source cell and in-cell offset of a paragraph offset. */
export function locate(p: Paragraph, offset: number): { sheet: string; r: number; c: number; cellOffset: number } {
  let piece = p.pieces[0];
  for (const pc of p.pieces) if (pc.start <= offset) piece = pc;
  return { sheet: piece.sheet, r: piece.r, c: piece.c, cellOffset: piece.cellOffset + (offset - piece.start) };
}
