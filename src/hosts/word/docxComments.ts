import JSZip from 'jszip';
import { Finding, flaggedCells, SEVERITY_ZH } from '../../core/findings';
import type { DocxSource, DocxRun } from './docxRead';
import { escapeXml } from '../../core/text';

/**
 * A checked copy of a Word document, flagged Word's way: each finding a comment in the margin
 * (author 决算公开助手) anchored on the exact figure or phrase it is about — a run split where the
 * fragment starts or ends inside it, its text and properties unchanged — or on the table cell it
 * is about. The document's own text, its existing comments and every other part are kept as they
 * are; only document.xml gains the comment marks and comments.xml the comments.
 */

export const COMMENT_AUTHOR = '决算公开助手';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

/** Text as XML character data: escaped, and without the control characters XML 1.0 forbids. */
const esc = (s: string) => escapeXml(s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));

/** A comment's words: the cell note's, finding by finding (the level, the message, the right figure, the unit's 说明). */
export function commentText(f: Finding): string {
  const level = f.explained !== undefined ? '已说明' : SEVERITY_ZH[f.severity];
  return `【${level}】${f.message}${f.text?.suggestion ? `\n应为：${f.text.suggestion}` : ''}${f.explained !== undefined ? `\n说明：${f.explained}` : ''}`;
}

/** Where a comment stands: from a character to after another (run and place in its text), or at a point of an empty cell. */
type Anchor = { from: { run: number; off: number }; to: { run: number; off: number } } | { at: number };

/** The anchors of a finding in the document: its fragment, else each cell it flags; none where the document has no place for it. */
export function anchorsOf(f: Finding, source: DocxSource): Anchor[] {
  const out: Anchor[] = [];
  for (const loc of flaggedCells(f)) {
    if (loc.sheet !== source.sheet) continue;
    const cell = source.cells.get(loc.cell);
    if (!cell) continue;
    const own = loc.cell === f.cell && f.text;
    const span = own ? cell.origins.slice(f.text!.offset, f.text!.offset + Math.max(1, f.text!.length)) : cell.origins;
    const placed = span.filter((o): o is { run: number; off: number } => !!o);
    // A fragment of nothing the file holds (a list's number): the whole paragraph.
    const chars = placed.length ? placed : cell.origins.filter((o): o is { run: number; off: number } => !!o);
    if (chars.length) out.push({ from: chars[0], to: { run: chars[chars.length - 1].run, off: chars[chars.length - 1].off + 1 } });
    else if (cell.at !== undefined) out.push({ at: cell.at });
  }
  return out;
}

/** A run's part between two places of its text, as a run of its own with the same properties. */
function runPart(run: DocxRun, a: number, b: number): string {
  let pos = 0;
  let body = '';
  for (const it of run.items) {
    const end = pos + it.text.length;
    if (it.xml !== undefined) {
      // A tab or a break is a character; a mark of no width goes with what follows it.
      if ((it.text.length ? pos >= a && end <= b : pos >= a && pos < b) || (!it.text.length && pos === b && b === run.text.length)) body += it.xml;
    } else {
      const s = it.text.slice(Math.max(0, a - pos), Math.max(0, Math.min(it.text.length, b - pos)));
      if (s) body += `<w:t xml:space="preserve">${esc(s)}</w:t>`;
    }
    pos = end;
  }
  return `${run.open}${run.rPr}${body}</w:r>`;
}

/** A run with marks at places of its text (0 before it, its length after it): split where a mark falls inside. */
function markedRun(xml: string, run: DocxRun, at: Map<number, string[]>): string {
  const len = run.text.length;
  const cuts = [...at.keys()].filter((k) => k > 0 && k < len).sort((x, y) => x - y);
  const before = (at.get(0) ?? []).join('');
  const after = (at.get(len) ?? []).join('');
  if (!cuts.length) return before + xml.slice(run.start, run.end) + after;
  const bounds = [0, ...cuts, len];
  let out = before;
  for (let i = 0; i + 1 < bounds.length; i++) {
    if (i > 0) out += (at.get(bounds[i]) ?? []).join('');
    out += runPart(run, bounds[i], bounds[i + 1]);
  }
  return out + after;
}

/** An XML part with a child added at the end of its root element (written <Root/> or <Root>…</Root>). */
function appended(xml: string, root: string, child: string): string {
  const close = new RegExp(`</${root}>\\s*$`);
  if (close.test(xml)) return xml.replace(close, `${child}</${root}>`);
  return xml.replace(new RegExp(`<${root}(\\b[^>]*?)\\s*/>\\s*$`), `<${root}$1>${child}</${root}>`);
}

/** The highest comment id the document already uses, so that new ones do not collide. */
function lastId(...xmls: (string | undefined)[]): number {
  let max = -1;
  for (const x of xmls)
    for (const m of (x ?? '').matchAll(/<w:comment(?:RangeStart|RangeEnd|Reference)?\b[^>]*\sw:id="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** The document with a comment on each finding that has a place in it; how many comments were written. */
export async function commentDocx(
  original: Uint8Array,
  source: DocxSource,
  findings: Finding[],
  when = new Date(),
): Promise<{ bytes: Uint8Array; comments: number }> {
  // Word's comment date: the check's time, to the second, in UTC.
  const date = when.toISOString().replace(/\.\d+Z$/, 'Z');
  // The copy is made from the original's bytes each time: flagging twice never comments twice.
  const zip = await JSZip.loadAsync(original);
  const existing = await zip.file('word/comments.xml')?.async('string');
  let id = lastId(source.xml, existing) + 1;
  // Marks by run and place in its text; marks at a point (an empty cell) by position in the file.
  const byRun = new Map<number, Map<number, string[]>>();
  const atPoint = new Map<number, string[]>();
  const markRun = (run: number, off: number, m: string, end: boolean) => {
    // A run that cannot be split (a field, a picture) takes a comment whole: a start inside it
    // goes before it, an end after it.
    const len = source.runs[run].text.length;
    if (!source.runs[run].splittable && off > 0 && off < len) off = end ? len : 0;
    const marks = byRun.get(run) ?? new Map<number, string[]>();
    byRun.set(run, marks);
    const list = marks.get(off) ?? [];
    // Where one comment ends and another starts, the end comes first.
    if (end) list.unshift(m);
    else list.push(m);
    marks.set(off, list);
  };
  const comments: string[] = [];
  for (const f of findings) {
    for (const anchor of anchorsOf(f, source)) {
      const n = id++;
      const start = `<w:commentRangeStart w:id="${n}"/>`;
      const end = `<w:commentRangeEnd w:id="${n}"/><w:r><w:commentReference w:id="${n}"/></w:r>`;
      if ('at' in anchor) atPoint.set(anchor.at, [...(atPoint.get(anchor.at) ?? []), start + end]);
      else {
        markRun(anchor.from.run, anchor.from.off, start, false);
        markRun(anchor.to.run, anchor.to.off, end, true);
      }
      const paras = commentText(f)
        .split('\n')
        .map((line, i) => `<w:p>${i ? '' : '<w:r><w:annotationRef/></w:r>'}<w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r></w:p>`)
        .join('');
      comments.push(`<w:comment w:id="${n}" w:author="${COMMENT_AUTHOR}" w:date="${date}" w:initials="JS">${paras}</w:comment>`);
    }
  }
  // document.xml rewritten once, front to back: each marked run replaced, each point's marks inserted.
  const edits: { start: number; end: number; text: string }[] = [];
  for (const [k, marks] of byRun) {
    const run = source.runs[k];
    edits.push({ start: run.start, end: run.end, text: markedRun(source.xml, run, marks) });
  }
  for (const [at, marks] of atPoint) edits.push({ start: at, end: at, text: marks.join('') });
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let xml = '';
  let pos = 0;
  for (const e of edits) {
    xml += source.xml.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  xml += source.xml.slice(pos);
  zip.file('word/document.xml', xml);

  if (existing) zip.file('word/comments.xml', appended(existing, 'w:comments', comments.join('')));
  else if (comments.length) {
    // (Nothing to say: no comments part is added, the copy is the document as it was.)
    zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">${comments.join('')}</w:comments>`);
    const relsPath = 'word/_rels/document.xml.rels';
    const rels =
      (await zip.file(relsPath)?.async('string')) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    if (!rels.includes(COMMENTS_REL)) {
      let rid = 1;
      while (rels.includes(`Id="rId${rid}"`)) rid++;
      zip.file(relsPath, appended(rels, 'Relationships', `<Relationship Id="rId${rid}" Type="${COMMENTS_REL}" Target="comments.xml"/>`));
    }
    const typesPath = '[Content_Types].xml';
    const types = (await zip.file(typesPath)?.async('string')) ?? '';
    if (!types.includes('/word/comments.xml'))
      zip.file(typesPath, appended(types, 'Types', `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_TYPE}"/>`));
  }
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes, comments: comments.length };
}
