import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { textToWorkbook } from '../hosts/text/textDocument';
import { checkWorkbook } from '../check';
import { Workbook } from '../core/grid';
import { consolidated, root, sampleText } from './consolidated';
import { readingDifferences } from './sameReading';

/**
 * npm run identical: a digest of the findings and the recognition of the sample, the 2024 template
 * and the bench workbook. A change that must not alter behaviour (a refactor, a rewrite for an old
 * browser) is checked by running it before and after:
 *
 *   npm run identical -- --save /tmp/before.json      (on the old commit)
 *   npm run identical -- --against /tmp/before.json   (on the new one: exit 1 on any difference)
 *
 * The corpus documents (../shared/corpus/*.layout.txt) are included when that folder is there,
 * and the published PDFs of tests/fixtures/corpus always.
 *
 *   npm run identical -- --engines    (each PDF read by PDFium and by pdfjs in one run: the grid,
 *                                      the tables and the findings equal, places to 0.01 pt)
 */

/** JSON of a result, a recognized table's spec by its id (the data of an edition may be reworded). */
function stable(x: unknown): string {
  return JSON.stringify(x, (k, v) => {
    if (IGNORED.has(k)) return undefined;
    if (k === 'spec' && v && typeof v === 'object' && 'id' in v) return `spec:${(v as { id: string }).id}`;
    if (v instanceof Map) return { __map: [...v.entries()] };
    if (v instanceof Set) return { __set: [...v.values()] };
    if (
      typeof v === 'object' &&
      v &&
      typeof (v as { toFixed?: unknown }).toFixed === 'function' &&
      (v as { constructor?: { name?: string } }).constructor?.name === 'Decimal'
    )
      return String(v);
    return v;
  });
}

const digest = (s: string) => createHash('sha256').update(s).digest('hex');

/** Fields left out of the digest, at any depth (`--ignore relation`: a change that only adds that annotation). */
const IGNORED = new Set<string>();

function run(name: string, wb: Workbook): Record<string, string> {
  const r = checkWorkbook(wb);
  const findings = r.findings;
  return {
    [`${name} findings`]: digest(stable(findings)),
    [`${name} recognition`]: digest(stable(r.recognition)),
    [`${name} count`]: String(r.findings.length),
  };
}

/** Each published PDF read by both engines: what differs between their readings, nothing when they agree. */
async function engines(): Promise<void> {
  const { readDisclosure } = await import('../hosts/files');
  const pdfs = path.join(root, 'tests', 'fixtures', 'corpus');
  let differ = 0;
  for (const f of fs
    .readdirSync(pdfs)
    .filter((x) => x.endsWith('.pdf'))
    .sort()) {
    const read = async (engine: string) => {
      process.env.JUESUAN_PDF_ENGINE = engine;
      const wb = (await readDisclosure(path.join(pdfs, f))).workbook;
      const r = checkWorkbook(wb);
      return { workbook: wb, recognition: r.recognition, findings: r.findings };
    };
    const a = await read('pdfjs');
    const b = await read('pdfium');
    const d = readingDifferences(a, b);
    if (d.length) differ++;
    console.log(`${d.length ? '不同' : '相同'}  ${f}  ${a.findings.length} 条发现${d.length ? `\n    ${d.join('\n    ')}` : ''}`);
  }
  delete process.env.JUESUAN_PDF_ENGINE;
  if (differ) {
    console.error(`${differ} 个 PDF 在两种引擎下读法不同`);
    process.exit(1);
  }
  console.log('PDFium 与 pdfjs 的读取结果相同（位置相差不超过 0.01 磅）。');
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--engines')) return engines();
  for (let i = 0; i < args.length; i++) if (args[i] === '--ignore') IGNORED.add(args[i + 1]);
  const template = fs.readFileSync(path.join(root, 'samples', '2024-shanghai-template.layout.txt'), 'utf8');
  const out = {
    ...run('sample', textToWorkbook(sampleText, 'seed-2023')),
    ...run('template-2024', textToWorkbook(template, '2024-shanghai-template')),
    ...run('bench', consolidated().wb),
  };
  // Real published disclosures, where the shared folder is beside the repository.
  const corpus = path.join(root, '..', 'shared', 'corpus');
  if (fs.existsSync(corpus))
    for (const f of fs
      .readdirSync(corpus)
      .filter((x) => x.endsWith('.layout.txt'))
      .sort())
      Object.assign(out, run(f.replace('.layout.txt', ''), textToWorkbook(fs.readFileSync(path.join(corpus, f), 'utf8'), f.replace('.txt', ''))));
  // The published PDFs beside the sample, read by the PDF reader of this machine's default engine
  // (JUESUAN_PDF_ENGINE=pdfjs reads them with pdfjs: the two engines' digests can be told apart).
  const pdfs = path.join(root, 'tests', 'fixtures', 'corpus');
  const { readDisclosure } = await import('../hosts/files');
  for (const f of fs
    .readdirSync(pdfs)
    .filter((x) => x.endsWith('.pdf'))
    .sort())
    Object.assign(out, run(f, (await readDisclosure(path.join(pdfs, f))).workbook));
  const save = args.indexOf('--save');
  const against = args.indexOf('--against');
  if (save >= 0) fs.writeFileSync(args[save + 1], JSON.stringify(out, null, 2));
  if (against >= 0) {
    const before = JSON.parse(fs.readFileSync(args[against + 1], 'utf8')) as Record<string, string>;
    const diff = Object.keys({ ...before, ...out }).filter((k) => before[k] !== out[k]);
    for (const k of Object.keys(out)) console.log(`${diff.includes(k) ? '不同' : '相同'}  ${k}  ${out[k]}`);
    if (diff.length) {
      console.error(`与基准不同：${diff.join('、')}`);
      process.exit(1);
    }
    console.log('发现与识别结果与基准逐字节相同。');
  } else for (const [k, v] of Object.entries(out)) console.log(`${k}  ${v}`);
}

void main();
