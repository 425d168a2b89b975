import { ROOT } from '../../tests/helpers/paths';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The layers of src/ (docs/architecture.md), checked on every import, types included: each folder
 * imports only from lower layers (siblings of one layer not from each other), so no folder cycle
 * can form, not even one of types; the pure core never reaches a host, the file system or exceljs
 * (checked on what the compiler keeps at run time). A contract sits below the code that implements
 * it: the rules' contract in rules/, the hosts' in usecases/.
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
  // A department's 汇总: built on the scaffold and the check.
  consolidate: 8.5,
  helpPage: 8,
  // Hosts and tools: they read files, workbooks, Excel; the core never imports them.
  usecases: 9,
  hosts: 10,
  browserHost: 11,
  app: 11,
  customFunctions: 11,
  cli: 12,
  bench: 12,
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

/** Every module a file names, type-only imports and import('…') types included. */
function allImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const named = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gm)].map((m) => m[1]);
  const bare = [...text.matchAll(/^\s*import\s+'([^']+)'/gm)].map((m) => m[1]);
  const inline = [...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]);
  // A module augmentation names the module it adds to; it imports nothing.
  return [...named, ...bare, ...inline];
}

const edges: { from: string; to: string; file: string; spec: string }[] = [];
const external: { unit: string; file: string; spec: string }[] = [];
for (const file of files(SRC)) {
  for (const spec of allImports(file)) {
    if (!spec.startsWith('.')) continue;
    const to = unitOf(path.resolve(path.dirname(file), spec));
    if (to !== unitOf(file)) edges.push({ from: unitOf(file), to, file: path.relative(SRC, file), spec });
  }
  for (const spec of runtimeImports(file)) if (!spec.startsWith('.')) external.push({ unit: unitOf(file), file: path.relative(SRC, file), spec });
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

/** The file a relative import names (a .ts file or a folder's index.ts). */
function resolveFile(from: string, spec: string): string | undefined {
  const p = path.resolve(path.dirname(from), spec);
  return [p + '.ts', path.join(p, 'index.ts')].find((f) => fs.existsSync(f));
}

/** Groups of files that import each other round (strongly connected, more than one file). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

test('no two files import each other round, not even by types', () => {
  const graph = new Map<string, string[]>();
  for (const file of files(SRC))
    graph.set(
      path.relative(SRC, file),
      allImports(file)
        .filter((s) => s.startsWith('.'))
        .flatMap((s) => {
          const to = resolveFile(file, s);
          return to ? [path.relative(SRC, to)] : [];
        }),
    );
  expect(cycles(graph)).toEqual([]);
  // The check itself sees a cycle, and a type-only import.
  expect(
    cycles(
      new Map([
        ['a', ['b']],
        ['b', ['a']],
        ['c', ['a']],
      ]),
    ),
  ).toEqual([['a', 'b']]);
  expect(allImports(path.join(SRC, 'usecases', 'index.ts'))).toContain('./host');
});
