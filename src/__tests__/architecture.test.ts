import { ROOT } from '../../tests/helpers/paths';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The layers of src/ (docs/architecture.md), checked on the code's runtime imports (what the
 * compiler keeps: type-only imports are erased and do not count): each folder imports only from
 * lower layers (siblings of one layer not from each other), so no folder cycle can form, and the
 * pure core never reaches a host, the file system or exceljs.
 */

const SRC = path.join(ROOT, 'src');

/** Lower first. Folders of one rank are siblings: neither imports the other. */
const RANK: Record<string, number> = {
  core: 0,
  specs: 1,
  editions: 2,
  recognize: 3,
  rules: 4,
  narrative: 5,
  forms: 5,
  crossRules: 6,
  check: 7,
  importDoc: 8,
  scaffold: 8,
  helpPage: 8,
  // Hosts and tools: they read files, workbooks, Excel; the core never imports them.
  hosts: 9,
  usecases: 9,
  browserHost: 10,
  app: 10,
  customFunctions: 10,
  cli: 11,
  bench: 11,
};
const HOSTS = new Set(['hosts', 'browserHost', 'app', 'customFunctions', 'cli', 'bench']);
const HOST_MODULES = /^(fs|path|os|child_process|worker_threads|node:.*|exceljs)$/;

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.name === '__tests__' ? [] : e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** The unit a file belongs to: its top folder under src/, or the file itself at the top. */
const unitOf = (file: string) => path.relative(SRC, file).split(path.sep)[0].replace(/\.ts$/, '');

/** Runtime imports of a file, as the compiler leaves them. */
function runtimeImports(file: string): string[] {
  const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  }).outputText;
  return [...out.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
}

const edges: { from: string; to: string; file: string; spec: string }[] = [];
const external: { unit: string; file: string; spec: string }[] = [];
for (const file of files(SRC)) {
  for (const spec of runtimeImports(file)) {
    if (spec.startsWith('.')) {
      const to = unitOf(path.resolve(path.dirname(file), spec));
      if (to !== unitOf(file)) edges.push({ from: unitOf(file), to, file: path.relative(SRC, file), spec });
    } else external.push({ unit: unitOf(file), file: path.relative(SRC, file), spec });
  }
}

test('every folder of src/ has a layer', () => {
  const units = new Set(files(SRC).map(unitOf));
  expect([...units].filter((u) => RANK[u] === undefined)).toEqual([]);
});

test('each layer imports only from lower layers: no folder cycle', () => {
  const wrong = edges.filter((e) => !(RANK[e.to] < RANK[e.from])).map((e) => `${e.file} → ${e.spec}`);
  expect(wrong).toEqual([]);
  expect(edges.length).toBeGreaterThan(100);
});

test('the pure core never imports a host, the file system or exceljs', () => {
  const core = (u: string) => !HOSTS.has(u);
  expect(edges.filter((e) => core(e.from) && HOSTS.has(e.to)).map((e) => `${e.file} → ${e.spec}`)).toEqual([]);
  expect(external.filter((x) => core(x.unit) && HOST_MODULES.test(x.spec)).map((x) => `${x.file} → ${x.spec}`)).toEqual([]);
  // The check itself sees a host import.
  expect(external.some((x) => x.unit === 'hosts' && x.spec === 'exceljs')).toBe(true);
});
