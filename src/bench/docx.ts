import JSZip from 'jszip';

/**
 * A disclosure as a unit writes it in Word, for the benchmark: each line of a text a paragraph —
 * its runs cut every dozen characters or so, as Word's editing history leaves them — each run of
 * tab-separated lines a real Word table, a page break before each 第N部分. The sample written so is
 * far more than 40 pages (LibreOffice prints it on 134: its tables are not fitted to the page).
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A text as Word's runs: pieces of about a dozen characters, as a document edited many times has. */
function runs(text: string): string {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 12)
    out.push(`<w:r><w:rPr><w:sz w:val="21"/></w:rPr><w:t xml:space="preserve">${esc(text.slice(i, i + 12))}</w:t></w:r>`);
  return out.join('');
}

export async function docxOfText(text: string): Promise<Uint8Array> {
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
    body.push(`<w:p>${pageBreak}${runs(line)}</w:p>`);
  }
  flush();
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800"/></w:sectPr></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
