import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { Workbook, Sheet, newSheet, setCell, Range, a1 } from '../../core/grid';
import { InputError } from '../problems';
import { inflate } from '../zipBudget';

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
  /** The paragraph style this level is linked to (a heading style numbered 一、 by its style). */
  pStyle?: string;
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
  // A list that starts again (w:lvlOverride/w:startOverride): its levels' starts, by numId.
  const starts = new Map<string, Map<number, number>>();
  let override: number | undefined;
  p.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    if (t.name === 'w:abstractNum') abstracts.set(a['w:abstractNumId'], (abs = []));
    else if (t.name === 'w:lvl' && abs) abs[Number(a['w:ilvl'] ?? 0)] = lvl = { fmt: 'decimal', text: '', start: 1 };
    else if (t.name === 'w:numFmt' && lvl) lvl.fmt = a['w:val'] ?? 'decimal';
    else if (t.name === 'w:lvlText' && lvl) lvl.text = a['w:val'] ?? '';
    else if (t.name === 'w:start' && lvl) lvl.start = Number(a['w:val'] ?? 1);
    else if (t.name === 'w:pStyle' && lvl) lvl.pStyle = a['w:val'];
    else if (t.name === 'w:num') num = a['w:numId'];
    else if (t.name === 'w:abstractNumId' && num !== undefined) nums.set(num, a['w:val']);
    else if (t.name === 'w:lvlOverride' && num !== undefined) override = Number(a['w:ilvl'] ?? 0);
    else if (t.name === 'w:startOverride' && num !== undefined && override !== undefined)
      starts.set(num, (starts.get(num) ?? new Map<number, number>()).set(override, Number(a['w:val'] ?? 1)));
  });
  p.on('closetag', (t) => {
    if (t.name === 'w:lvl') lvl = undefined;
    else if (t.name === 'w:abstractNum') abs = undefined;
    else if (t.name === 'w:num') num = undefined;
    else if (t.name === 'w:lvlOverride') override = undefined;
  });
  try {
    p.write(xml).close();
  } catch {
    return new Map(); // numbering that cannot be read: the text without its list numbers
  }
  const out = new Map<string, Level[]>();
  for (const [id, a] of nums) {
    const levels = abstracts.get(a) ?? [];
    const over = starts.get(id);
    out.set(id, over ? levels.map((l, i) => (l && over.has(i) ? { ...l, start: over.get(i)! } : l)) : levels);
  }
  return out;
}

/** A paragraph style's list, as styles.xml gives it: its own numPr, and the style it is based on. */
interface StyleNumbering {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

/** styles.xml: each paragraph style's numbering (Word numbers 标题 1 一、 through its style, not the paragraph). */
function readStyles(xml: string | undefined): Map<string, StyleNumbering> {
  const out = new Map<string, StyleNumbering>();
  if (!xml) return out;
  const p = new SaxesParser();
  let style: StyleNumbering | undefined;
  let inChange = 0;
  p.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    if (t.name.endsWith('PrChange')) inChange++;
    if (inChange) return;
    if (t.name === 'w:style') {
      style = {};
      if (a['w:styleId']) out.set(a['w:styleId'], style);
    } else if (style && t.name === 'w:basedOn') style.basedOn = a['w:val'];
    else if (style && t.name === 'w:numId') style.numId = a['w:val'];
    else if (style && t.name === 'w:ilvl') style.ilvl = Number(a['w:val'] ?? 0);
  });
  p.on('closetag', (t) => {
    if (t.name.endsWith('PrChange')) inChange--;
    if (t.name === 'w:style') style = undefined;
  });
  try {
    p.write(xml).close();
  } catch {
    return new Map(); // styles that cannot be read: paragraphs keep their own numbering only
  }
  return out;
}

interface Cell {
  text: string;
  origins: Origins;
  /** Where an empty cell's first paragraph takes its content (a comment on a cell with nothing in it). */
  at?: number;
  span: number;
  /** 'restart' begins a vertical merge; 'continue' is covered by the cell above. */
  vmerge?: 'restart' | 'continue';
  /** Older Word and WPS merge across with hMerge: a 'continue' cell widens the one before it. */
  hmerge?: 'restart' | 'continue';
}

/**
 * Where each character of a cell's text comes from in word/document.xml: its run and its place in
 * the run's text (undefined for what Word draws and the file does not hold: a list's number).
 */
export type Origins = ({ run: number; off: number } | undefined)[];

/**
 * A run (w:r) of document.xml as the comment writer needs it: where it is, its own opening tag and
 * properties, and what it holds — text, tabs and breaks (a character each), marks of no width. A
 * run holding anything else (a field, a picture, a footnote mark) is not split: a comment starts
 * or ends at its edge.
 */
export interface DocxRun {
  start: number;
  end: number;
  open: string;
  rPr: string;
  items: { xml?: string; text: string }[];
  text: string;
  splittable: boolean;
}

/** A Word document as read, with what it takes to put comments back on its figures and cells. */
export interface DocxSource {
  xml: string;
  sheet: string;
  runs: DocxRun[];
  /** By A1 address in `sheet`: where each character of the cell's text comes from. */
  cells: Map<string, { origins: Origins; at?: number }>;
}

/**
 * What a run's marks other than text stand for in the text a reader sees: a tab (a positioned one
 * too), a line break as a space, a hyphen Word keeps on its line as the hyphen it shows (a minus, a
 * range 2023-2024); a soft hyphen is shown only where a line breaks, and Word's record of where a
 * page broke is nothing at all.
 */
const RUN_CHARACTERS = new Map([
  ['w:tab', '\t'],
  ['w:ptab', '\t'],
  ['w:br', ' '],
  ['w:cr', ' '],
  ['w:noBreakHyphen', '-'],
  ['w:softHyphen', ''],
  ['w:lastRenderedPageBreak', ''],
]);
const RUN_CONTENT = new Set(['w:rPr', 'w:t', ...RUN_CHARACTERS.keys()]);

/** A text and where each character came from, white space cut at both ends. */
function trimmed(text: string, origins: Origins): { text: string; origins: Origins } {
  const lead = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return end <= lead ? { text: '', origins: [] } : { text: text.slice(lead, end), origins: origins.slice(lead, end) };
}

/** What one part of a Word document may inflate to (the body of a 200-page report with tables is about 10 MB). */
export const DOCX_BUDGET = { part: 64 * 1024 * 1024 };

/** The document's body as rows: paragraphs and table rows, in order. */
export async function readDocx(buf: Uint8Array, name: string): Promise<Workbook> {
  return (await readDocxSource(buf, name)).workbook;
}

/** The document's body as rows, and where each cell's text stands in the file (for a commented copy). */
export async function readDocxSource(buf: Uint8Array, name: string, sheetName?: string): Promise<{ workbook: Workbook; source: DocxSource }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw new InputError('Word 文档已损坏或不是有效的 .docx 文件，无法读取');
  }
  // The parts read, each within the budget before it is inflated whole (a part that inflates to
  // gigabytes is a message, not a page that runs out of memory).
  const part = async (path: string): Promise<string | undefined> => {
    const file = zip.file(path);
    if (!file) return undefined;
    if ((await inflate(file, DOCX_BUDGET.part)) > DOCX_BUDGET.part)
      throw new InputError(`Word 文档解压后超过 ${Math.round(DOCX_BUDGET.part / 1024 / 1024)} MB，超出可读取的范围：请删除多余的图片或内容后另存再试`);
    return file.async('string');
  };
  const doc = await part('word/document.xml');
  if (!doc) throw new InputError('Word 文档中没有正文（word/document.xml），无法读取');
  const lists = readNumbering(await part('word/numbering.xml'));
  const styles = readStyles(await part('word/styles.xml'));
  /** A paragraph's list: its own numPr, else its style's (through the styles it is based on). */
  const numberingOf = (para: { numId?: string; ilvl?: number; style?: string }): { numId?: string; ilvl: number } => {
    let numId = para.numId;
    let ilvl = para.ilvl;
    const seen = new Set<string>();
    for (let id = para.style; id && !seen.has(id) && (numId === undefined || ilvl === undefined); id = styles.get(id)?.basedOn) {
      seen.add(id);
      const st = styles.get(id);
      numId ??= st?.numId;
      if (st?.numId !== undefined || st?.ilvl !== undefined) ilvl ??= st?.ilvl;
    }
    // A level linked to the paragraph's style gives the level when nothing else does.
    if (ilvl === undefined && numId && para.style) {
      const k = lists.get(numId)?.findIndex((l) => l?.pStyle === para.style) ?? -1;
      if (k >= 0) ilvl = k;
    }
    return { numId, ilvl: ilvl ?? 0 };
  };
  const counters = new Map<string, number[]>();

  const sheet: Sheet = { ...newSheet((sheetName ?? (name.replace(/\.[^.]*$/, '') || '文档')).slice(0, 31), 'text'), inWords: true };
  const source: DocxSource = { xml: doc, sheet: sheet.name, runs: [], cells: new Map() };
  let r = 0;
  const p = new SaxesParser();
  // Where the parser is: the open elements, paragraphs and runs (a text box's paragraph inside a
  // run inside a paragraph), the table stack, TOC depth.
  type Para = { text: string; origins: Origins; numId?: string; ilvl?: number; style?: string; at?: number };
  const paras: Para[] = [];
  const runs: { run: DocxRun; index?: number }[] = [];
  const open: { name: string; start: number }[] = [];
  let inText = false;
  let toc = 0;
  const sdtIsToc: boolean[] = [];
  // A row may start past the grid's first columns (w:gridBefore): where its first cell stands.
  type Table = {
    rows: Cell[][];
    before: number[];
    row?: Cell[];
    rowBefore: number;
    cell?: Cell;
    cellParas: { text: string; origins: Origins }[];
    cellAt?: number;
  };
  // Inside content the printed document does not show: text moved away (a tracked move's source,
  // shown struck through, its text read where it was moved to) and the fallback Word writes for
  // readers that do not know a text box (the same text again).
  let hidden = 0;
  let formerly = 0;
  const HIDDEN = new Set(['w:moveFrom', 'mc:Fallback']);
  const tables: Table[] = [];
  const tagStart = () => doc.lastIndexOf('<', p.position - 1);

  /** Text a run holds, added to its paragraph with where each character comes from. */
  const addText = (text: string, xml?: string) => {
    const para = paras[paras.length - 1];
    if (!para || hidden) return;
    const top = runs[runs.length - 1];
    const run = top?.index !== undefined ? top.run : undefined;
    for (let k = 0; k < text.length; k++) para.origins.push(run ? { run: top!.index!, off: run.text.length + k } : undefined);
    para.text += text;
    if (run) {
      run.items.push({ xml, text });
      run.text += text;
    }
  };

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

  const emitRow = (cells: { text: string; c: number; origins: Origins; at?: number }[]) => {
    for (const { text, c, origins, at } of cells) {
      if (text) setCell(sheet, r, c, { value: text });
      if (text || at !== undefined) source.cells.set(a1(r, c), { origins, at });
    }
    r++;
  };

  const endTable = (t: Table) => {
    // Cells to grid columns (a cell spanning columns takes them all), merges across and down.
    const merges: Range[] = [];
    const top = r;
    const opened = new Map<number, number>();
    t.rows.forEach((cells, i) => {
      // A cell merged across the old way (hMerge) widens the one before it.
      const row: Cell[] = [];
      for (const cell of cells)
        if (cell.hmerge === 'continue' && row.length) row[row.length - 1] = { ...row[row.length - 1], span: row[row.length - 1].span + cell.span };
        else row.push(cell);
      let c = t.before[i] ?? 0;
      const out: { text: string; c: number; origins: Origins; at?: number }[] = [];
      for (const cell of row) {
        if (cell.vmerge === 'continue') {
          // Covered by the cell above: nothing of its own.
        } else {
          out.push({ text: cell.text, c, origins: cell.origins, at: cell.at });
          if (cell.span > 1) merges.push({ top: top + i, left: c, bottom: top + i, right: c + cell.span - 1 });
        }
        if (cell.vmerge === 'restart') opened.set(c, top + i);
        else if (cell.vmerge !== 'continue' && opened.has(c)) {
          const start = opened.get(c)!;
          if (top + i - 1 > start) merges.push({ top: start, left: c, bottom: top + i - 1, right: c + cell.span - 1 });
          opened.delete(c);
        }
        c += cell.span;
      }
      emitRow(out);
    });
    for (const [c, start] of opened) if (r - 1 > start) merges.push({ top: start, left: c, bottom: r - 1, right: c });
    sheet.merges.push(...merges);
  };

  p.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    const parent = open[open.length - 1]?.name;
    open.push({ name: tag.name, start: tagStart() });
    if (HIDDEN.has(tag.name)) hidden++;
    // Properties inside a tracked change of formatting (w:pPrChange, w:tcPrChange …) are the old ones.
    if (tag.name.endsWith('PrChange')) formerly++;
    if (formerly) return;
    // A run holding more than text, tabs and breaks is not split by a comment.
    if (parent === 'w:r' && !RUN_CONTENT.has(tag.name) && runs.length) runs[runs.length - 1].run.splittable = false;
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
        tables.push({ rows: [], before: [], rowBefore: 0, cellParas: [] });
        break;
      case 'w:tr':
        if (tables.length) {
          tables[tables.length - 1].row = [];
          tables[tables.length - 1].rowBefore = 0;
        }
        break;
      case 'w:gridBefore':
        if (tables.length && parent === 'w:trPr') tables[tables.length - 1].rowBefore = Math.max(0, Number(a['w:val'] ?? 0) || 0);
        break;
      case 'w:hMerge':
        if (tables.length && tables[tables.length - 1].cell) tables[tables.length - 1].cell!.hmerge = a['w:val'] === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:tc':
        if (tables.length) {
          const t = tables[tables.length - 1];
          t.cell = { text: '', origins: [], span: 1 };
          t.cellParas = [];
          t.cellAt = undefined;
        }
        break;
      case 'w:gridSpan':
        if (tables.length && tables[tables.length - 1].cell) tables[tables.length - 1].cell!.span = Math.max(1, Number(a['w:val'] ?? 1));
        break;
      case 'w:vMerge':
        if (tables.length && tables[tables.length - 1].cell) tables[tables.length - 1].cell!.vmerge = a['w:val'] === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:p':
        // (A paragraph written <w:p/> has no content to put a comment in.)
        paras.push({ text: '', origins: [], at: tag.isSelfClosing ? undefined : p.position });
        break;
      case 'w:r': {
        const run: DocxRun = {
          start: open[open.length - 1].start,
          end: -1,
          open: doc.slice(open[open.length - 1].start, p.position),
          rPr: '',
          items: [],
          text: '',
          splittable: true,
        };
        // A run inside a run (a text box's) takes no comment: the comment would cut its outer run.
        const nested = runs.length > 0;
        if (nested) runs[runs.length - 1].run.splittable = false;
        runs.push({ run, index: nested || tag.isSelfClosing ? undefined : source.runs.push(run) - 1 });
        break;
      }
      case 'w:pStyle':
        if (paras.length) paras[paras.length - 1].style = a['w:val'];
        break;
      case 'w:numId':
        if (paras.length) paras[paras.length - 1].numId = a['w:val'];
        break;
      case 'w:ilvl':
        if (paras.length) paras[paras.length - 1].ilvl = Number(a['w:val'] ?? 0);
        break;
      case 'w:t':
        inText = true;
        break;
    }
  });
  p.on('text', (t) => {
    if (inText && paras.length && runs.length) addText(t);
  });
  p.on('closetag', (tag) => {
    const el = open.pop()!;
    // (A self-closing element opens and closes: the counts stay even.)
    if (tag.name.endsWith('PrChange')) formerly--;
    if (HIDDEN.has(tag.name)) hidden--;
    const parent = open[open.length - 1]?.name;
    const raw = () => doc.slice(el.start, p.position);
    // A run's tab, break or hyphen (w:tab elsewhere is a paragraph's tab stop, not text).
    const character = parent === 'w:r' ? RUN_CHARACTERS.get(tag.name) : undefined;
    if (character !== undefined) addText(character, raw());
    switch (tag.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:rPr':
        if (parent === 'w:r' && runs.length) runs[runs.length - 1].run.rPr = raw();
        break;
      case 'w:pPr':
        if (parent === 'w:p' && paras.length) paras[paras.length - 1].at = p.position;
        break;
      case 'w:r': {
        const done = runs.pop();
        if (done) done.run.end = p.position;
        break;
      }
      case 'w:sdt':
        if (sdtIsToc.pop()) toc--;
        break;
      case 'w:p': {
        const done = paras.pop();
        if (!done || hidden) break;
        // A table of contents (a TOC block, or paragraphs in its styles) is not the text.
        if (toc > 0 || /^(toc|TOC)\s*\d|^目录\s*\d/.test(done.style ?? '')) break;
        const list = numberingOf(done);
        const prefix = listPrefix(list.numId, list.ilvl);
        const text = trimmed(prefix + done.text, [...new Array<undefined>(prefix.length), ...done.origins]);
        if (tables.length) {
          const t = tables[tables.length - 1];
          t.cellParas.push(text);
          if (t.cellAt === undefined) t.cellAt = done.at;
        } else if (text.text) emitRow([{ ...text, c: 0 }]);
        break;
      }
      case 'w:tc':
        if (tables.length) {
          const t = tables[tables.length - 1];
          if (t.cell) {
            // A cell's paragraphs are one text (a name Word wrapped into two lines).
            const parts = t.cellParas.filter((x) => x.text);
            t.cell.text = parts.map((x) => x.text).join('');
            t.cell.origins = parts.flatMap((x) => x.origins);
            t.cell.at = t.cellAt;
            t.row?.push(t.cell);
          }
          t.cell = undefined;
        }
        break;
      case 'w:tr':
        if (tables.length) {
          const t = tables[tables.length - 1];
          if (t.row) {
            t.rows.push(t.row);
            t.before.push(t.rowBefore);
          }
          t.row = undefined;
        }
        break;
      case 'w:tbl': {
        const t = tables.pop()!;
        if (hidden) break;
        // A table inside a table's cell gives its text to that cell (no comment on its parts).
        if (tables.length) {
          const text = t.rows.map((row) => row.map((c) => c.text).join(' ')).join(' ');
          tables[tables.length - 1].cellParas.push({ text, origins: new Array<undefined>(text.length) });
        } else endTable(t);
        break;
      }
    }
  });
  try {
    p.write(doc).close();
  } catch {
    throw new InputError('Word 文档已损坏（正文不是有效的 XML），无法读取');
  }
  if (!sheet.rows.length) throw new InputError('Word 文档中没有文字');
  return { workbook: { sheets: [sheet], source: name }, source };
}
