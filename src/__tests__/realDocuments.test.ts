import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { REAL_DOCUMENTS, REAL_PDFS, RealDocument, differences, listedErrors, reportedLines } from '../bench/realDocuments';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'dist', 'bench', 'realDocuments.js');

/** A PDF's lines, read by the built code in Node (pdfjs is an ES module jest does not load). */
function pdfLines(doc: RealDocument): string[] {
  if (!fs.existsSync(SCRIPT)) spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT });
  const r = spawnSync(process.execPath, [SCRIPT, '--lines', doc.name], { encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) throw new Error(r.stderr || `exit ${r.status}`);
  return JSON.parse(r.stdout);
}
const linesOfDoc = (doc: RealDocument) => (doc.file.endsWith('.pdf') ? pdfLines(doc) : reportedLines(doc));

/**
 * Real published disclosures (the sample and the corpus in tests/fixtures/corpus): every 错误 and
 * 警告 reported stands on a reviewed list, nothing new appears unreviewed, and every error a
 * reviewer found is reported where the list says so. To change a list: npm run corpus, read each
 * difference against the document, then npm run corpus -- --write.
 */

describe.each([...REAL_DOCUMENTS, ...REAL_PDFS])('$name', (doc) => {
  test('every 错误 and 警告 is on the reviewed list, and every listed one is still reported', () => {
    const { added, gone } = differences(doc, linesOfDoc(doc));
    expect({ added, gone }).toEqual({ added: [], gone: [] });
  });
});

describe('the errors reviewers found in the corpus', () => {
  const listed = listedErrors();
  test('the list covers every corpus document', () => {
    expect(new Set(listed.map((l) => l.doc))).toEqual(new Set([...REAL_DOCUMENTS, ...REAL_PDFS].filter((d) => d.name !== 'seed-2023').map((d) => d.name)));
  });
  // Those not reported yet (未报出) stand in the list for the closing notes; the reported ones are held here.
  const reported = listed.filter((l) => l.status === '报出');
  const linesOf = new Map<string, string[]>();
  test.each(reported.map((l) => [`${l.doc} ${l.n}：${l.what}`, l] as const))('%s', (_n, l) => {
    const doc = [...REAL_DOCUMENTS, ...REAL_PDFS].find((d) => d.name === l.doc)!;
    if (!linesOf.has(doc.name)) linesOf.set(doc.name, linesOfDoc(doc));
    // As a 错误; the 科目-purpose one the README allows as a 提示-level 警告.
    const level = l.rule === 'narr-kemu-purpose' ? '警告' : '错误';
    const found = linesOf.get(doc.name)!.filter((x) => x.startsWith(level));
    for (const cell of l.cell.split(' ')) expect(found.some((x) => x.split('\t')[1] === cell && x.split('\t')[2] === l.rule)).toBe(true);
  });
});
