import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { Workbook, Sheet, newSheet, setCell, Range } from '../../core/grid';
import { InputError } from '../problems';

/**
 * A Word document (.docx) read into the grid every host gives: its body in order, a paragraph a
 * row (with the number Word draws for an automatic list — 一、 （一） 1. — as part of its text,
 * as a reader sees it), a table's rows as rows of cells (a cell spanning columns or rows merged as
 * in a workbook). Headers, footers and page numbers live in other parts and are not read; a table
 * of contents is left out. Read with the zip and XML libraries already in the tree (jszip, saxes:
 * a streaming parser, no document object for a 40-page report).
 */

interface Level {
  fmt: string;
  text: string;
  start: number;
}

/** 1 → 一, 12 → 十二, 21 → 二十一: Word's chineseCounting. */
function chineseCount(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  if (n < 100) return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
  return String(n);
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographTraditional':
      return chineseCount(n);
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
    case 'upperRoman': {
      const r = toRoman(n);
      return fmt === 'lowerRoman' ? r.toLowerCase() : r;
    }
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function toRoman(n: number): string {
  const map: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of map)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

/** numbering.xml: each list's levels (format, text like "（%1）", start), by numId. */
function readNumbering(xml: string | undefined): Map<string, Level[]> {
  const abstracts = new Map<string, Level[]>();
  const nums = new Map<string, string>();
  if (!xml) return new Map();
  const p = new SaxesParser();
  let abs: Level[] | undefined;
  let lvl: Level | undefined;
  let num: string | undefined;
  p.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    if (t.name === 'w:abstractNum') abstracts.set(a['w:abstractNumId'], (abs = []));
    else if (t.name === 'w:lvl' && abs) abs[Number(a['w:ilvl'] ?? 0)] = lvl = { fmt: 'decimal', text: '', start: 1 };
    else if (t.name === 'w:numFmt' && lvl) lvl.fmt = a['w:val'] ?? 'decimal';
    else if (t.name === 'w:lvlText' && lvl) lvl.text = a['w:val'] ?? '';
    else if (t.name === 'w:start' && lvl) lvl.start = Number(a['w:val'] ?? 1);
    else if (t.name === 'w:num') num = a['w:numId'];
    else if (t.name === 'w:abstractNumId' && num !== undefined) nums.set(num, a['w:val']);
  });
  p.on('closetag', (t) => {
    if (t.name === 'w:lvl') lvl = undefined;
    else if (t.name === 'w:abstractNum') abs = undefined;
    else if (t.name === 'w:num') num = undefined;
  });
  p.write(xml).close();
  const out = new Map<string, Level[]>();
  for (const [id, a] of nums) out.set(id, abstracts.get(a) ?? []);
  return out;
}

interface Cell {
  text: string;
  span: number;
  /** 'restart' begins a vertical merge; 'continue' is covered by the cell above. */
  vmerge?: 'restart' | 'continue';
}

/** The document's body as rows: paragraphs and table rows, in order. */
export async function readDocx(buf: Uint8Array, name: string): Promise<Workbook> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw new InputError('Word 文档已损坏或不是有效的 .docx 文件，无法读取');
  }
  const doc = await zip.file('word/document.xml')?.async('string');
  if (!doc) throw new InputError('Word 文档中没有正文（word/document.xml），无法读取');
  const lists = readNumbering(await zip.file('word/numbering.xml')?.async('string'));
  const counters = new Map<string, number[]>();

  const sheet: Sheet = newSheet((name.replace(/\.[^.]*$/, '') || '文档').slice(0, 31), 'text');
  let r = 0;
  const p = new SaxesParser();
  // Where the parser is: paragraph text being gathered, its list, the table stack, TOC depth.
  let para: { text: string; numId?: string; ilvl: number; style?: string } | undefined;
  let inText = false;
  let toc = 0;
  const sdtIsToc: boolean[] = [];
  type Table = { rows: Cell[][]; row?: Cell[]; cell?: Cell; cellParas: string[] };
  const tables: Table[] = [];

  const listPrefix = (numId: string | undefined, ilvl: number): string => {
    if (!numId || numId === '0') return '';
    const levels = lists.get(numId);
    const level = levels?.[ilvl];
    if (!levels || !level) return '';
    const c = counters.get(numId) ?? [];
    // This level counts on; deeper levels start again.
    c[ilvl] = c[ilvl] === undefined ? level.start : c[ilvl] + 1;
    for (let k = ilvl + 1; k < c.length; k++) c[k] = undefined as unknown as number;
    counters.set(numId, c);
    return level.text.replace(/%(\d)/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = levels[i];
      return l ? formatNumber(c[i] ?? l.start, l.fmt) : '';
    });
  };

  const emitRow = (cells: { text: string; c: number }[]) => {
    for (const { text, c } of cells) if (text) setCell(sheet, r, c, { value: text });
    r++;
  };

  const endTable = (t: Table) => {
    // Cells to grid columns (a cell spanning columns takes them all), merges across and down.
    const merges: Range[] = [];
    const top = r;
    const open = new Map<number, number>();
    t.rows.forEach((row, i) => {
      let c = 0;
      const out: { text: string; c: number }[] = [];
      for (const cell of row) {
        if (cell.vmerge === 'continue') {
          // Covered by the cell above: nothing of its own.
        } else {
          out.push({ text: cell.text, c });
          if (cell.span > 1) merges.push({ top: top + i, left: c, bottom: top + i, right: c + cell.span - 1 });
        }
        if (cell.vmerge === 'restart') open.set(c, top + i);
        else if (cell.vmerge !== 'continue' && open.has(c)) {
          const start = open.get(c)!;
          if (top + i - 1 > start) merges.push({ top: start, left: c, bottom: top + i - 1, right: c + cell.span - 1 });
          open.delete(c);
        }
        c += cell.span;
      }
      emitRow(out);
    });
    for (const [c, start] of open) if (r - 1 > start) merges.push({ top: start, left: c, bottom: r - 1, right: c });
    sheet.merges.push(...merges);
  };

  p.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case 'w:sdt':
        sdtIsToc.push(false);
        break;
      case 'w:docPartGallery':
        if (/Table of Contents/i.test(a['w:val'] ?? '') && sdtIsToc.length) {
          sdtIsToc[sdtIsToc.length - 1] = true;
          toc++;
        }
        break;
      case 'w:tbl':
        tables.push({ rows: [], cellParas: [] });
        break;
      case 'w:tr':
        if (tables.length) tables[tables.length - 1].row = [];
        break;
      case 'w:tc':
        if (tables.length) {
          const t = tables[tables.length - 1];
          t.cell = { text: '', span: 1 };
          t.cellParas = [];
        }
        break;
      case 'w:gridSpan':
        if (tables.length && tables[tables.length - 1].cell) tables[tables.length - 1].cell!.span = Math.max(1, Number(a['w:val'] ?? 1));
        break;
      case 'w:vMerge':
        if (tables.length && tables[tables.length - 1].cell) tables[tables.length - 1].cell!.vmerge = a['w:val'] === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:p':
        para = { text: '', ilvl: 0 };
        break;
      case 'w:pStyle':
        if (para) para.style = a['w:val'];
        break;
      case 'w:numId':
        if (para) para.numId = a['w:val'];
        break;
      case 'w:ilvl':
        if (para) para.ilvl = Number(a['w:val'] ?? 0);
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
        // A tab in a run (not a tab stop of the paragraph's properties, which has w:pos).
        if (para && !('w:pos' in a)) para.text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (para) para.text += ' ';
        break;
    }
  });
  p.on('text', (t) => {
    if (inText && para) para.text += t;
  });
  p.on('closetag', (tag) => {
    switch (tag.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:sdt':
        if (sdtIsToc.pop()) toc--;
        break;
      case 'w:p': {
        const done = para;
        para = undefined;
        if (!done) break;
        // A table of contents (a TOC block, or paragraphs in its styles) is not the text.
        if (toc > 0 || /^(toc|TOC)\s*\d|^目录\s*\d/.test(done.style ?? '')) break;
        const text = (listPrefix(done.numId, done.ilvl) + done.text).replace(/\s+$/, '');
        if (tables.length) tables[tables.length - 1].cellParas.push(text.trim());
        else if (text.trim()) emitRow([{ text: text.trim(), c: 0 }]);
        break;
      }
      case 'w:tc':
        if (tables.length) {
          const t = tables[tables.length - 1];
          if (t.cell) {
            // A cell's paragraphs are one text (a name Word wrapped into two lines).
            t.cell.text = t.cellParas.filter(Boolean).join('');
            t.row?.push(t.cell);
          }
          t.cell = undefined;
        }
        break;
      case 'w:tr':
        if (tables.length) {
          const t = tables[tables.length - 1];
          if (t.row) t.rows.push(t.row);
          t.row = undefined;
        }
        break;
      case 'w:tbl': {
        const t = tables.pop()!;
        // A table inside a table's cell gives its text to that cell.
        if (tables.length) tables[tables.length - 1].cellParas.push(t.rows.map((row) => row.map((c) => c.text).join(' ')).join(' '));
        else endTable(t);
        break;
      }
    }
  });
  try {
    p.write(doc).close();
  } catch {
    throw new InputError('Word 文档已损坏（正文不是有效的 XML），无法读取');
  }
  return { sheets: [sheet], source: name };
}
