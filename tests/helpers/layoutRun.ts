import * as fs from 'fs';
import * as path from 'path';
import { execFileSync, spawnSync } from 'child_process';
import { readXlsx } from '../../src/hosts/xlsx/xlsx';
import { recognize } from '../../src/recognize';
import { checkWorkbook } from '../../src/check';
import { EDITIONS } from '../../src/editions';
import { Workbook } from '../../src/core/grid';
import { Finding } from '../../src/core/findings';
import { Layout, printedTables, applyLayout, layoutWorkbook, tableDigest, digestDiff, PrintedTable } from './layouts';
import { ROOT } from './paths';
import { engineDifferences } from './engines';

/**
 * The generated layouts' round trip: each layout of each table set written as .xlsx, printed to PDF
 * by LibreOffice (one run for all), the PDFs read by the built reader (pdfjs is an ES module jest
 * does not load), and each PDF compared with its workbook: every amount, code and name, and the
 * checker's findings.
 */

export const OFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => fs.existsSync(p));

export interface LayoutResult {
  layout: string;
  edition: string;
  /** Tables recognized in the workbook and in the PDF. */
  tablesXlsx: string[];
  tablesPdf: string[];
  /** Amounts, codes and names compared, and those that differ: the PDF against its workbook, the workbook against the plain grid's. */
  compared: number;
  differ: string[];
  differTruth: string[];
  /** Findings (错误/警告, rule and message) of one and not the other. */
  findingsXlsx: number;
  errorsPdf: number;
  errorsXlsx: number;
  onlyXlsx: string[];
  onlyPdf: string[];
  /** Where PDFium's reading of the PDF differs from pdfjs's (nothing, places to 0.01 pt). */
  engines: string[];
}

/** A finding as compared across hosts: severity, rule and message without row numbers and cells. */
export const findingKey = (f: Finding) => `${f.severity}|${f.rule}|${f.message.replace(/第 ?\d+(–\d+)? ?行/g, '第N行')}`;

function multisetDiff(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const k of b) left.set(k, (left.get(k) ?? 0) + 1);
  const out: string[] = [];
  for (const k of a) {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(k);
  }
  return out;
}

/** Every PDF of a list read by the built code, in one process. */
function readPdfs(files: string[]): Workbook[] {
  const out = path.join(path.dirname(files[0]), 'read.json');
  const script = `const {readDisclosure}=require(${JSON.stringify(path.join(ROOT, 'dist', 'hosts', 'files.js'))});
(async()=>{const files=${JSON.stringify(files)};const out=[];for(const f of files){out.push((await readDisclosure(f)).workbook)}
require('fs').writeFileSync(${JSON.stringify(out)},JSON.stringify(out))})().catch(e=>{console.error(e);process.exit(1)})`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 600000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

/** Print .xlsx files to PDF, all in one LibreOffice run. */
export function printAll(files: string[], dir: string): string[] {
  execFileSync(OFFICE!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...files], {
    stdio: 'pipe',
    timeout: 900000,
  });
  return files.map((f) => f.replace(/\.xlsx$/, '.pdf'));
}

export async function runLayouts(layouts: Layout[], dir: string, editions = EDITIONS): Promise<LayoutResult[]> {
  fs.mkdirSync(dir, { recursive: true });
  const jobs: { layout: Layout; edition: (typeof EDITIONS)[number]; file: string }[] = [];
  const printed = new Map<string, PrintedTable[]>();
  const truth = new Map<string, Map<string, string>>();
  for (const edition of editions) {
    printed.set(edition.id, printedTables(edition));
    const plain = { id: 'grid' };
    const buf = await layoutWorkbook(applyLayout(printed.get(edition.id)!, plain), plain).xlsx.writeBuffer();
    truth.set(edition.id, tableDigest(recognize(await readXlsx(new Uint8Array(buf as ArrayBuffer)), edition.tables)));
    for (const layout of layouts) {
      const file = path.join(dir, `${layout.id}.${edition.id}.xlsx`);
      await layoutWorkbook(applyLayout(printed.get(edition.id)!, layout), layout).xlsx.writeFile(file);
      jobs.push({ layout, edition, file });
    }
  }
  const files = printAll(
    jobs.map((j) => j.file),
    dir,
  );
  const pdfs = readPdfs(files);
  const engines = engineDifferences(files);
  const results: LayoutResult[] = [];
  for (const [i, job] of jobs.entries()) {
    const xlsx = await readXlsx(fs.readFileSync(job.file), path.basename(job.file));
    const pdf = pdfs[i];
    const set = job.edition.tables;
    const recX = recognize(xlsx, set);
    const recP = recognize(pdf, set);
    // Names clipped by the next cell are not in the PDF: compare what can be read (figures, codes).
    const clipped = !!job.layout.asTyped;
    const readable = (d: Map<string, string>) => (clipped ? new Map([...d].filter(([k]) => !k.endsWith('|名称'))) : d);
    const want = readable(tableDigest(recX));
    const got = readable(tableDigest(recP));
    const fx = checkWorkbook(xlsx, { set }).findings.filter((f) => f.severity !== 'info');
    const fp = checkWorkbook(pdf, { set }).findings.filter((f) => f.severity !== 'info');
    // (A finding names its row by code and name: the name as far as it can be read.)
    const unnamed = (k: string) => (clipped ? k.replace(/(\d{3,7}) [^「」\s，]+/g, '$1') : k);
    const kx = fx.map(findingKey).map(unnamed);
    const kp = fp.map(findingKey).map(unnamed);
    results.push({
      layout: job.layout.id,
      edition: job.edition.id,
      tablesXlsx: recX.tables.map((t) => t.spec.id),
      tablesPdf: recP.tables.map((t) => t.spec.id),
      compared: want.size,
      differ: digestDiff(want, got),
      differTruth: digestDiff(readable(truth.get(job.edition.id)!), want),
      findingsXlsx: fx.length,
      errorsXlsx: fx.filter((f) => f.severity === 'error').length,
      errorsPdf: fp.filter((f) => f.severity === 'error').length,
      onlyXlsx: multisetDiff(kx, kp),
      onlyPdf: multisetDiff(kp, kx),
      engines: engines[i].differ,
    });
  }
  return results;
}
