import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { readDocx } from '../docxRead';
import { DocxHost } from '../docxHost';
import { checkWorkbook } from '../../../check';
import { check } from '../../../usecases';
import { flaggedCells } from '../../../core/findings';
import { textToWorkbook } from '../../text/textDocument';
import { sampleText } from '../../../../tests/helpers/grid';
import { OFFICE, findingKey } from '../../../../tests/helpers/layoutRun';
import { ROOT, FIXTURES } from '../../../../tests/helpers/paths';
import { textBlocks, gridBlocks, wordDocument, commentsAsRead, convert } from '../../../../tests/helpers/word';

/**
 * The disclosure as units write it: LibreOffice Writer makes Word documents — paragraphs, and
 * tables as real Word tables — of the sample and of the corpus documents; each, read back, gives
 * the findings of the document it was made from; checked into a copy, it comes back with a Word
 * comment on each finding's figure, phrase or cell, and LibreOffice opens that copy.
 */

jest.setTimeout(300000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-docx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const BIN = path.join(ROOT, 'bin', 'juesuan.js');

/** A finding by what it says; a row number is the document's own (a Word document has no blank lines between its paragraphs). */
const key = findingKey;

test('the sample written as a Word document by LibreOffice gives the sample’s findings', async () => {
  expect(OFFICE).toBeDefined();
  const file = wordDocument(textBlocks(sampleText()), dir, 'sample');
  const fromWord = checkWorkbook(await readDocx(fs.readFileSync(file), 'sample.docx'));
  const fromText = checkWorkbook(textToWorkbook(sampleText(), 'sample'));
  expect(fromWord.recognition.tables.map((t) => t.spec.id)).toEqual(fromText.recognition.tables.map((t) => t.spec.id));
  expect(fromWord.findings.map(key).sort()).toEqual(fromText.findings.map(key).sort());
});

test.each(['ghzy-2024', 'shgzb-2024'])('%s (a corpus document) as a Word document gives the findings of its text', async (name) => {
  const text = fs.readFileSync(path.join(FIXTURES, 'corpus', `${name}.layout.txt`), 'utf8');
  const read = textToWorkbook(text, name);
  const file = wordDocument(gridBlocks(read), dir, name);
  const fromWord = checkWorkbook(await readDocx(fs.readFileSync(file), `${name}.docx`));
  const fromText = checkWorkbook(read);
  // Every finding the same, the narrative's among them.
  expect(fromWord.findings.map(key).sort()).toEqual(fromText.findings.map(key).sort());
  expect(fromWord.findings.filter((f) => f.text).length).toBeGreaterThan(0);
  expect(fromWord.recognition.tables.map((t) => t.spec.id)).toEqual(fromText.recognition.tables.map((t) => t.spec.id));
});

test('the sample checked into a commented copy: a comment on each finding’s place, LibreOffice reads them all', async () => {
  const file = wordDocument(textBlocks(sampleText()), dir, 'sample-c');
  const bytes = new Uint8Array(fs.readFileSync(file));
  const host = new DocxHost(bytes, 'sample-c.docx');
  const { result } = await check(host, { flag: true });
  const written = host.copyBytes()!;
  const copy = path.join(dir, 'checked.docx');
  fs.writeFileSync(copy, written.bytes);

  // One comment per place a finding flags (its cell, the cells of the same cause).
  const places = result.findings.flatMap((f) => flaggedCells(f));
  expect(written.marks).toBe(places.length);
  const read = commentsAsRead(copy, dir);
  expect(read.total).toBe(written.marks);
  expect(read.comments).toHaveLength(written.marks);
  expect(new Set(read.comments.map((c) => c.author))).toEqual(new Set(['决算公开助手']));
  // Each narrative finding's comment stands on its fragment, saying its message.
  const narrative = result.findings.filter((f) => f.text && f.text.fragment);
  expect(narrative.length).toBeGreaterThan(5);
  for (const f of narrative)
    expect(read.comments).toContainEqual(expect.objectContaining({ anchored: f.text!.fragment, words: expect.stringContaining(f.message) }));

  // The copy's text is the document's: read again, the same findings.
  const again = checkWorkbook(await readDocx(written.bytes, 'sample-c.docx'));
  expect(again.findings.map(key)).toEqual(result.findings.map(key));
  // And LibreOffice saves it back as a Word document it can read again.
  const resaved = convert(copy, 'docx:MS Word 2007 XML', fs.mkdtempSync(path.join(dir, 'resave-')));
  expect(commentsAsRead(resaved, dir).total).toBe(written.marks);
});

test('juesuan check tables.xlsx --narrative 情况说明.docx --out: the workbook flagged, the Word 情况说明 commented beside it', () => {
  // The sample split as units keep it: its tables in a workbook, its 情况说明 in Word.
  const blocks = textBlocks(sampleText());
  const start = blocks.findIndex((b) => typeof b === 'string' && /^第[二三]部分/.test(b));
  expect(start).toBeGreaterThan(0);
  const text = path.join(dir, 'tables.txt');
  fs.writeFileSync(
    text,
    blocks
      .slice(0, start)
      .map((b) => (typeof b === 'string' ? b : b.map((r) => r.join('\t')).join('\n')))
      .join('\n'),
  );
  const tables = path.join(dir, 'tables.xlsx');
  expect(spawnSync(process.execPath, [BIN, 'import', text, '--out', tables], { encoding: 'utf8' }).status).toBe(0);
  const narrative = wordDocument(blocks.slice(start), dir, '情况说明');
  const out = path.join(dir, '已核对.xlsx');
  const r = spawnSync(process.execPath, [BIN, 'check', tables, '--narrative', narrative, '--out', out], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout).toContain(`情况说明的批注副本：${path.join(dir, '已核对.情况说明.docx')}`);
  const commented = commentsAsRead(path.join(dir, '已核对.情况说明.docx'), dir);
  // The narrative's own mistakes are commented in Word: the unit error (元 for 万元) among them.
  expect(commented.total).toBeGreaterThan(5);
  expect(commented.comments.map((c) => c.words).join('\n')).toMatch(/金额单位错误/);
  // And the same findings as a check without copies.
  const plain = spawnSync(process.execPath, [BIN, 'check', tables, '--narrative', narrative, '--json'], { encoding: 'utf8' });
  const json = JSON.parse(plain.stdout) as { findings: { sheet: string }[] };
  expect(commented.total).toBeGreaterThanOrEqual(json.findings.filter((f) => f.sheet === '情况说明（文档）').length);
});
