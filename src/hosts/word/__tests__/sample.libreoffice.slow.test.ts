import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { readDocx } from '../docxRead';
import { checkWorkbook } from '../../../check';
import { textToWorkbook } from '../../text/textDocument';
import { sampleText } from '../../../../tests/helpers/grid';
import { OFFICE, findingKey } from '../../../../tests/helpers/layoutRun';

/**
 * The sample as units write it: LibreOffice Writer makes a Word document of it — its paragraphs,
 * and its tables as real Word tables — and that document, read back, gives the sample's findings.
 */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The sample as a page: each run of tab-separated lines a table, every other line a paragraph. */
function asHtml(text: string): string {
  const out: string[] = ['<html><head><meta charset="utf-8"></head><body>'];
  let table: string[][] | undefined;
  const flush = () => {
    if (table) out.push(`<table border="1">${table.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`);
    table = undefined;
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) (table ??= []).push(line.split('\t'));
    else {
      flush();
      if (line.trim()) out.push(`<p>${esc(line)}</p>`);
    }
  }
  flush();
  out.push('</body></html>');
  return out.join('\n');
}

/** A finding by what it says; a row number is the document's own (a Word document has no blank lines between its paragraphs). */
const key = findingKey;

test('the sample written as a Word document by LibreOffice gives the sample’s findings', () => {
  expect(OFFICE).toBeDefined();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-docx-'));
  try {
    const html = path.join(dir, 'sample.html');
    fs.writeFileSync(html, asHtml(sampleText()));
    execFileSync(
      OFFICE!,
      ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, html],
      {
        stdio: 'pipe',
        timeout: 120000,
      },
    );
    return readDocx(fs.readFileSync(path.join(dir, 'sample.docx')), 'sample.docx').then((wb) => {
      const fromWord = checkWorkbook(wb);
      const fromText = checkWorkbook(textToWorkbook(sampleText(), 'sample'));
      expect(fromWord.recognition.tables.map((t) => t.spec.id)).toEqual(fromText.recognition.tables.map((t) => t.spec.id));
      expect(fromWord.findings.map(key).sort()).toEqual(fromText.findings.map(key).sort());
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 180000);
