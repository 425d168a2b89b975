import JSZip from 'jszip';
import { escapeXml } from '../core/text';

/**
 * A disclosure as a unit writes it in Word, for the benchmark: each line of a text a paragraph —
 * its runs cut every dozen characters or so, as Word's editing history leaves them — each run of
 * tab-separated lines a real Word table, a page break before each 第N部分. The sample written so is
 * far more than 40 pages (LibreOffice prints it on 134: its tables are not fitted to the page).
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * A text as Word's runs: pieces of about a dozen characters, as a document edited many times has,
 * with the marks Word leaves between them (a spelling mark, a bookmark) every few pieces.
 */
function runs(text: string): string {
  const out: string[] = [];
  for (let i = 0, k = 0; i < text.length; i += 12, k++) {
    if (k % 3 === 1) out.push(k % 2 ? '<w:proofErr w:type="gramStart"/>' : `<w:bookmarkStart w:id="${k}" w:name="_Hlk${k}"/><w:bookmarkEnd w:id="${k}"/>`);
    out.push(`<w:r w:rsidRPr="00A1B2C3"><w:rPr><w:sz w:val="21"/></w:rPr><w:t xml:space="preserve">${escapeXml(text.slice(i, i + 12))}</w:t></w:r>`);
  }
  return out.join('');
}

/** 1–99 from 一 … 九十九. */
function chineseNumber(s: string): number {
  const d = '零一二三四五六七八九';
  if (!s.includes('十')) return d.indexOf(s);
  const [tens, ones] = s.split('十');
  return (tens ? d.indexOf(tens) : 1) * 10 + (ones ? d.indexOf(ones) : 0);
}

/** Headings numbered as Word numbers them: through the heading styles (标题 1 一、, 标题 2 （一）), not typed. */
const HEADINGS = [
  { re: /^([一二三四五六七八九十]{1,3})、(?=\S)/, ilvl: 0 },
  { re: /^（([一二三四五六七八九十]{1,3})）(?=\S)/, ilvl: 1 },
];
const NUMBERING_LEVELS = `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:pStyle w:val="2"/></w:lvl>`;
const STYLES = `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`;

/**
 * The text as a Word document. `styledHeadings`: its 一、 and （一） headings numbered by Word through
 * their styles (the number gone from the text; a list that starts again gets a new list, as Word
 * does on 重新开始于一), as in most documents written in Word.
 */
export async function docxOfText(text: string, opts: { styledHeadings?: boolean } = {}): Promise<Uint8Array> {
  // The lists Word would have: where the numbering starts again, a new one from that number.
  const lists: { id: number; starts: Map<number, number> }[] = [{ id: 1, starts: new Map() }];
  let counters: (number | undefined)[] = [];
  const heading = (line: string): { style: string; text: string; numId: number } | undefined => {
    if (!opts.styledHeadings) return undefined;
    for (const h of HEADINGS) {
      const m = h.re.exec(line.trim());
      if (!m) continue;
      const n = chineseNumber(m[1]);
      if (n < 1) return undefined;
      const list = lists[lists.length - 1];
      const next = counters[h.ilvl] === undefined ? (list.starts.get(h.ilvl) ?? 1) : counters[h.ilvl]! + 1;
      if (next !== n) {
        lists.push({ id: lists.length + 1, starts: new Map([[h.ilvl, n]]) });
        counters = [];
      }
      counters[h.ilvl] = n;
      counters.length = h.ilvl + 1;
      const numId = lists[lists.length - 1].id;
      return { style: String(h.ilvl + 1), text: line.trim().slice(m[0].length), numId };
    }
    return undefined;
  };
  const body: string[] = [];
  let table: string[][] | undefined;
  const flush = () => {
    if (!table) return;
    const width = Math.max(...table.map((r) => r.length));
    const rows = table.map(
      (r) =>
        `<w:tr>${Array.from({ length: width }, (_, k) => `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr><w:p>${runs(r[k] ?? '')}</w:p></w:tc>`).join('')}</w:tr>`,
    );
    body.push(
      `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>${rows.join('')}</w:tbl>`,
    );
    table = undefined;
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) {
      (table ??= []).push(line.split('\t'));
      continue;
    }
    flush();
    if (!line.trim()) continue;
    const pageBreak = /^第[一二三四五六七八九十]+部分/.test(line.trim()) ? '<w:r><w:br w:type="page"/></w:r>' : '';
    const h = heading(line);
    // (The style gives the number; the paragraph names its list only where it is not the style's.)
    if (h)
      body.push(
        `<w:p><w:pPr><w:pStyle w:val="${h.style}"/>${h.numId === 1 ? '' : `<w:numPr><w:numId w:val="${h.numId}"/></w:numPr>`}</w:pPr>${pageBreak}${runs(h.text)}</w:p>`,
      );
    else body.push(`<w:p>${pageBreak}${runs(line)}</w:p>`);
  }
  flush();
  const zip = new JSZip();
  if (opts.styledHeadings) {
    zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W}">${STYLES}</w:styles>`);
    const nums = lists
      .map(
        (l) =>
          `<w:num w:numId="${l.id}"><w:abstractNumId w:val="0"/>${[...l.starts].map(([i, n]) => `<w:lvlOverride w:ilvl="${i}"><w:startOverride w:val="${n}"/></w:lvlOverride>`).join('')}</w:num>`,
      )
      .join('');
    zip.file(
      'word/numbering.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0">${NUMBERING_LEVELS}</w:abstractNum>${nums}</w:numbering>`,
    );
  }
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      (opts.styledHeadings
        ? '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
        : '') +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      (opts.styledHeadings
        ? '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
        : '') +
      '</Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800"/></w:sectPr></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
