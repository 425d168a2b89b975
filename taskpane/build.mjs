// Production static folder of the add-in: dist-addin/ with manifest.xml pointing at the production
// base URL and the static files (icons, pages). One setting: JUESUAN_BASE_URL, else the package's
// config.baseUrl (npm config set juesuan:baseUrl https://…). The URL must be https.
import { readFileSync, writeFileSync, mkdirSync, cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const base = (process.env.JUESUAN_BASE_URL || process.env.npm_package_config_baseUrl || pkg.config?.baseUrl || '').replace(/\/+$/, '');
if (!/^https:\/\/[^\s/]+/.test(base)) {
  console.error(`生产地址“${base || '（未设置）'}”无效：加载项只能从 https 地址加载。请设置 JUESUAN_BASE_URL，例如 https://example.gov.cn/juesuan`);
  process.exit(2);
}
const out = resolve(root, process.env.JUESUAN_ADDIN_OUT || 'dist-addin');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8').replaceAll('https://localhost:3000', base);
writeFileSync(join(out, 'manifest.xml'), manifest);
cpSync(join(here, 'assets'), join(out, 'assets'), { recursive: true });
for (const f of ['taskpane.html', 'taskpane.css', 'boot.js']) cpSync(join(here, f), join(out, f));
// PDFium's WebAssembly, served from the add-in's own folder (no CDN): the pane's PDF worker fetches it.
mkdirSync(join(out, 'pdfium'), { recursive: true });
cpSync(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm'), join(out, 'pdfium', 'pdfium.wasm'));
const { build } = await import('esbuild');
// help.html (SupportUrl, LearnMoreUrl): written from the rule registry, so it lists every check.
{
  const bundled = await build({
    entryPoints: [join(root, 'src', 'helpPage.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: ['node20'],
    logLevel: 'warning',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  writeFileSync(join(out, 'help.html'), mod.exports.helpPage());
}
// The task pane script: React + Fluent UI + the core, exceljs split off and loaded only when used.
await build({
  entryPoints: [join(here, 'src', 'main.tsx')],
  outdir: out,
  entryNames: 'taskpane',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  sourcemap: false,
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  legalComments: 'none',
});
/** One script in one file (a worker, the custom functions' runtime): no chunks to fetch. */
const script = (entry, file) =>
  build({
    entryPoints: [entry],
    outfile: join(out, file),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    legalComments: 'none',
  });
// Excel mode's and browser mode's check, run in a Web Worker (checker.js): the core and exceljs in
// one script, fetched when a check first runs.
await script(join(here, 'src', 'checker.worker.ts'), 'checker.js');
// PDFs read and drawn by PDFium in a worker of their own (pdfium.js), started on the first PDF.
await script(join(here, 'src', 'pdfium.worker.ts'), 'pdfium.js');
// Custom functions: the script the shared runtime loads, and functions.json generated from the
// JSDoc of functions/functions.ts (never written by hand).
await script(join(root, 'functions', 'register.ts'), 'functions.js');
const { generateCustomFunctionsMetadata } = (await import('custom-functions-metadata')).default ?? (await import('custom-functions-metadata'));
const meta = await generateCustomFunctionsMetadata(join(root, 'functions', 'functions.ts'));
if (meta.errors.length) {
  console.error('自定义函数元数据生成失败：\n' + meta.errors.join('\n'));
  process.exit(1);
}
writeFileSync(join(out, 'functions.json'), meta.metadataJson);
console.log(`已生成加载项静态文件：${out}（地址 ${base}）`);
