import * as path from 'path';
import { spawnSync } from 'child_process';
import { ROOT } from './paths';

/**
 * A PDF read by pdfjs and by PDFium in one Node: what differs between the two readings (the grid,
 * the tables recognized, the findings; places on the page to a hundredth of a point).
 */
export function engineDifferences(files: string[]): { file: string; findings: number; differ: string[] }[] {
  const dist = (m: string) => JSON.stringify(path.join(ROOT, 'dist', m));
  const script = `const { readDisclosure } = require(${dist('hosts/files.js')}); const { checkWorkbook } = require(${dist('check/index.js')});
    const { readingDifferences } = require(${dist('bench/sameReading.js')});
    const read = async (f, engine) => { process.env.JUESUAN_PDF_ENGINE = engine; const wb = (await readDisclosure(f)).workbook; const r = checkWorkbook(wb); return { workbook: wb, recognition: r.recognition, findings: r.findings }; };
    (async () => { const out = []; for (const f of ${JSON.stringify(files)}) { const a = await read(f, 'pdfjs'); const b = await read(f, 'pdfium');
      out.push({ file: require('path').basename(f), findings: b.findings.length, differ: readingDifferences(a, b) }); }
      process.stdout.write(JSON.stringify(out)); })().catch((e) => { console.error(e); process.exit(1); });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 600000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}
