import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { Workbook, cellText } from '../../src/core/grid';
import { escapeXml } from '../../src/core/text';
import { OFFICE } from './layoutRun';

/**
 * Word documents as units write them, made by LibreOffice Writer from a page of paragraphs and
 * real tables; and a commented copy as LibreOffice reads it back (its comments, what each is
 * anchored on).
 */

/** A document's body: paragraphs, and tables as rows of cells. */
export type Block = string | string[][];

export function htmlOf(blocks: Block[]): string {
  const body = blocks.map((b) =>
    typeof b === 'string'
      ? `<p>${escapeXml(b)}</p>`
      : `<table border="1">${b.map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`).join('')}</table>`,
  );
  return `<html><head><meta charset="utf-8"></head><body>\n${body.join('\n')}\n</body></html>`;
}

/** A text of tab-separated tables (the sample): each run of tabbed lines a table, every other line a paragraph. */
export function textBlocks(text: string): Block[] {
  const out: Block[] = [];
  let table: string[][] | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) (table ??= []).push(line.split('\t'));
    else {
      if (table) out.push(table);
      table = undefined;
      if (line.trim()) out.push(line);
    }
  }
  if (table) out.push(table);
  return out;
}

/** A workbook read from a document, written back as one: a row of one cell a paragraph, rows of several a table. */
export function gridBlocks(wb: Workbook): Block[] {
  const out: Block[] = [];
  for (const s of wb.sheets) {
    let table: string[][] | undefined;
    for (const row of s.rows) {
      const cells = Array.from(row ?? [], (c) => cellText(c));
      const filled = cells.filter((c) => c.trim()).length;
      if (filled > 1 || (filled === 1 && !cells[0]?.trim())) (table ??= []).push(cells);
      else {
        if (table) out.push(table);
        table = undefined;
        if (filled) out.push(cells[0]);
      }
    }
    if (table) out.push(table);
  }
  return out;
}

/** Convert a file with LibreOffice (docx:"MS Word 2007 XML", fodt, …) into `dir`; the path written. */
export function convert(file: string, to: string, dir: string): string {
  execFileSync(OFFICE!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', to, '--outdir', dir, file], {
    stdio: 'pipe',
    timeout: 180000,
  });
  const out = path.join(dir, path.basename(file).replace(/\.[^.]+$/, `.${to.split(':')[0]}`));
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}

/** A Word document of these blocks, as LibreOffice Writer saves it. */
export function wordDocument(blocks: Block[], dir: string, name: string): string {
  const html = path.join(dir, `${name}.html`);
  fs.writeFileSync(html, htmlOf(blocks));
  return convert(html, 'docx:MS Word 2007 XML', dir);
}

/** The comments of a document as LibreOffice reads it (converted to flat ODT): each one's author, words and anchored text. */
export function commentsAsRead(docx: string, dir: string): { comments: { author: string; words: string; anchored: string }[]; total: number } {
  const copy = path.join(dir, `read-${path.basename(docx)}`);
  fs.copyFileSync(docx, copy);
  const fodt = fs.readFileSync(convert(copy, 'fodt', dir), 'utf8');
  const text = (x: string) =>
    x
      .replace(/<text:tab\/>/g, '\t')
      .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n) => ' '.repeat(Number(n ?? 1)))
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const out: { author: string; words: string; anchored: string }[] = [];
  const re = /<office:annotation[\s][^>]*office:name="([^"]+)"[^>]*>(.*?)<\/office:annotation>(.*?)<office:annotation-end office:name="\1"\/>/gs;
  for (const m of fodt.matchAll(re)) {
    const author = /<dc:creator>(.*?)<\/dc:creator>/s.exec(m[2])?.[1] ?? '';
    const words = [...m[2].matchAll(/<text:p\b[^>]*>(.*?)<\/text:p>/gs)].map((p) => text(p[1])).join('\n');
    out.push({ author, words, anchored: text(m[3]) });
  }
  // Every comment LibreOffice read, anchored on a range or not.
  return { comments: out, total: fodt.match(/<office:annotation[\s>]/g)?.length ?? 0 };
}

/**
 * A workbook's sheets as a unit pastes them from Excel into Word: a sheet of prose as paragraphs,
 * any other sheet as one Word table — its title, 部门 and 单位 lines inside the table as rows of one
 * cell spread over the table's width (gridSpan), empty rows kept.
 */
export async function docxOfSheets(wb: Workbook): Promise<Uint8Array> {
  const JSZip = (await import('jszip')).default;
  const p = (t: string) => `<w:p>${t ? `<w:r><w:t xml:space="preserve">${escapeXml(t)}</w:t></w:r>` : ''}</w:p>`;
  const body: string[] = [];
  for (const s of wb.sheets) {
    const rows = s.rows.map((r) => Array.from(r ?? [], (c) => cellText(c)));
    const prose = rows.every((r) => r.filter((c) => c.trim()).length <= 1 && !r.slice(1).some((c) => c.trim()));
    if (prose) {
      body.push(...rows.filter((r) => r[0]?.trim()).map((r) => p(r[0])));
      continue;
    }
    const width = Math.max(...rows.map((r) => r.length));
    const tr = rows.map((r) => {
      const filled = r.filter((c) => c.trim()).length;
      if (filled <= 1 && !r.slice(1).some((c) => c.trim())) return `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="${width}"/></w:tcPr>${p(r[0] ?? '')}</w:tc></w:tr>`;
      return `<w:tr>${Array.from({ length: width }, (_, k) => `<w:tc>${p(r[k] ?? '')}</w:tc>`).join('')}</w:tr>`;
    });
    body.push(`<w:tbl><w:tblGrid>${'<w:gridCol w:w="1200"/>'.repeat(width)}</w:tblGrid>${tr.join('')}</w:tbl>`, p(''));
  }
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}
