// Sample pictures of the table sets the pane offers under 表格式 (taskpane/assets/tables-<edition>.png):
// each set's blank template, its first table printed by LibreOffice and drawn by pdftoppm. Run by hand
// when a table set's layout changes (npm run build first; needs soffice and pdftoppm):
//   node taskpane/previews.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { scaffold } = require('../dist/scaffold/build.js');
const { gridToExcel } = require('../dist/hosts/xlsx/xlsxWrite.js');
const { EDITIONS } = require('../dist/editions/index.js');

const dir = mkdtempSync(join(tmpdir(), 'juesuan-previews-'));
try {
  for (const e of EDITIONS) {
    const built = scaffold({ unit: '某某局', edition: e.id });
    // The whole template printed (its formulas need the other tables); the picture is its first page.
    const xlsx = join(dir, `${e.id}.xlsx`);
    await gridToExcel(built.workbook, built.layouts).xlsx.writeFile(xlsx);
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, xlsx], {
      stdio: 'ignore',
    });
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-png', '-singlefile', '-scale-to', '560', join(dir, `${e.id}.pdf`), join(dir, e.id)]);
    copyFileSync(join(dir, `${e.id}.png`), join(here, 'assets', `tables-${e.id}.png`));
    console.log(`已生成 taskpane/assets/tables-${e.id}.png`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
