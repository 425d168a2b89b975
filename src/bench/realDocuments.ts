import * as fs from 'fs';
import * as path from 'path';
import { textToWorkbook } from '../hosts/text/textDocument';
import { checkWorkbook } from '../check';
import { Finding } from '../core/findings';
import { Workbook } from '../core/grid';

/**
 * The real published disclosures the checker is held to (tests/fixtures/corpus and the bundled
 * sample), each with its reviewed lists beside it:
 *
 * - `expected/<doc>.tsv`: every 错误 and 警告 the checker reports, one per line, each read against
 *   the document and found true (错误) or worth the reader's look (警告). A finding not on the list
 *   fails the test; so does a listed one that is no longer reported.
 * - `listed.tsv`: the errors a reviewer found in the corpus documents (the corpus README), with
 *   whether the checker reports each (报出) or not yet (未报出) and where.
 *
 * `npm run corpus` prints what differs from the lists; `npm run corpus -- --write` rewrites
 * expected/*.tsv after the differences have been read, one by one, and judged.
 */

export interface RealDocument {
  name: string;
  file: string;
}

export const CORPUS = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'corpus');
const SAMPLES = path.join(__dirname, '..', '..', 'samples');

export const REAL_DOCUMENTS: RealDocument[] = [
  { name: 'seed-2023', file: path.join(SAMPLES, 'seed-2023.txt') },
  { name: 'ghzy-2024', file: path.join(CORPUS, 'ghzy-2024.layout.txt') },
  { name: 'shgzb-2024', file: path.join(CORPUS, 'shgzb-2024.layout.txt') },
];

/** The corpus read as published: the PDFs themselves (read from the page geometry). */
export const REAL_PDFS: RealDocument[] = [
  { name: 'ghzy-2024.pdf', file: path.join(CORPUS, 'ghzy-2024.pdf') },
  { name: 'shgzb-2024.pdf', file: path.join(CORPUS, 'shgzb-2024.pdf') },
];

/** A PDF's 错误 and 警告 as list lines (pdfjs is an ES module: read in Node, outside jest). */
export async function reportedPdfLines(doc: RealDocument): Promise<string[]> {
  const { readDisclosure } = await import('../hosts/files');
  return listed((await readDisclosure(doc.file)).workbook);
}

const LEVEL: Record<string, string> = { error: '错误', warning: '警告' };

/** A finding as its line in the list: 级别, 位置, 规则, 说明. */
export function lineOf(f: Finding): string {
  return [LEVEL[f.severity], f.cell, f.rule, f.message.replace(/\s+/g, ' ')].join('\t');
}

/** The 错误 and 警告 the checker reports on a document, as list lines, in report order. */
export function reportedLines(doc: RealDocument): string[] {
  return listed(textToWorkbook(fs.readFileSync(doc.file, 'utf8'), path.basename(doc.file).replace(/\.txt$/, '')));
}

/** A workbook's 错误 and 警告 as list lines, in report order. */
function listed(wb: Workbook): string[] {
  return checkWorkbook(wb)
    .findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map(lineOf);
}

export const expectedFile = (doc: RealDocument) => path.join(CORPUS, 'expected', `${doc.name}.tsv`);

/** The reviewed list of a document (lines starting with # are comments). */
export function expectedLines(doc: RealDocument): string[] {
  const f = expectedFile(doc);
  if (!fs.existsSync(f)) return [];
  return fs
    .readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
}

export interface ListedError {
  doc: string;
  n: string;
  status: '报出' | '未报出';
  cell: string;
  rule: string;
  what: string;
}

/** The reviewer's errors of the corpus README, with where the checker reports each. */
export function listedErrors(): ListedError[] {
  return fs
    .readFileSync(path.join(CORPUS, 'listed.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [doc, n, status, cell, rule, what] = l.split('\t');
      return { doc, n, status: status as ListedError['status'], cell, rule, what };
    });
}

/** The differences between what is reported and the lists: new lines (not reviewed) and gone lines. */
export function differences(doc: RealDocument, now: string[] = reportedLines(doc)): { added: string[]; gone: string[] } {
  const was = expectedLines(doc);
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const a = count(now);
  const b = count(was);
  const added = [...a].flatMap(([l, k]) => Array<string>(Math.max(0, k - (b.get(l) ?? 0))).fill(l));
  const gone = [...b].flatMap(([l, k]) => Array<string>(Math.max(0, k - (a.get(l) ?? 0))).fill(l));
  return { added, gone };
}

async function main(argv: string[]): Promise<number> {
  // --lines NAME: one PDF's lines as JSON (the test reads PDFs through this, outside jest).
  const one = argv.indexOf('--lines');
  if (one >= 0) {
    const doc = REAL_PDFS.find((d) => d.name === argv[one + 1]);
    if (!doc) return 2;
    process.stdout.write(JSON.stringify(await reportedPdfLines(doc)));
    return 0;
  }
  // --page NAME N: the rows a PDF's page gives, as JSON (the test holds them to grids read off the page images).
  const onPage = argv.indexOf('--page');
  if (onPage >= 0) {
    const doc = REAL_PDFS.find((d) => d.name === argv[onPage + 1]);
    if (!doc) return 2;
    const page = Number(argv[onPage + 2]);
    const { readDisclosure } = await import('../hosts/files');
    const { workbook } = await readDisclosure(doc.file);
    const rows = workbook.sheets[0].rows.filter((r) => r.some((c) => c?.box?.page === page));
    const values = rows.map((r) => {
      const v = Array.from(r, (c) => String(c?.value ?? ''));
      while (v.length && !v[v.length - 1]) v.pop();
      return v;
    });
    process.stdout.write(JSON.stringify(values));
    return 0;
  }
  const write = argv.includes('--write');
  let differs = false;
  for (const doc of [...REAL_DOCUMENTS, ...REAL_PDFS]) {
    const lines = doc.file.endsWith('.pdf') ? await reportedPdfLines(doc) : reportedLines(doc);
    const { added, gone } = differences(doc, lines);
    const errors = lines.filter((l) => l.startsWith('错误')).length;
    console.log(`${doc.name}：错误 ${errors} 项，警告 ${lines.length - errors} 项；新增 ${added.length} 项，消失 ${gone.length} 项`);
    for (const l of added) console.log(`  + ${l}`);
    for (const l of gone) console.log(`  - ${l}`);
    if (added.length || gone.length) differs = true;
    if (write) {
      const head = fs.existsSync(expectedFile(doc))
        ? fs
            .readFileSync(expectedFile(doc), 'utf8')
            .split('\n')
            .filter((l) => l.startsWith('#'))
        : [`# ${doc.name}: the 错误 and 警告 the checker reports, each read against the document (级别, 位置, 规则, 说明).`];
      fs.mkdirSync(path.dirname(expectedFile(doc)), { recursive: true });
      fs.writeFileSync(expectedFile(doc), [...head, ...lines].join('\n') + '\n');
    }
  }
  return differs && !write ? 1 : 0;
}

if (require.main === module) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
