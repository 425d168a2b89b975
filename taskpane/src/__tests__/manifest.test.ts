import { ROOT } from '../../../tests/helpers/paths';
import * as fs from 'fs';
import * as path from 'path';
import { parseXml, walk, local, child, XmlElement } from '../../../tests/helpers/xml';

/**
 * The add-in manifest, checked offline: well-formed, elements in the schema's order, every resid
 * defined, every URL https, ids unique, strings within Office's limits, icons present.
 * (`npm run validate` runs Microsoft's online validator for releases.)
 */

const root = ROOT;
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const doc = parseXml(xml);

/** Order of OfficeApp's children in the TaskPaneApp schema (those this manifest uses). */
const OFFICEAPP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];
const ORDERS: Record<string, string[]> = {
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources'],
  Host: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  CustomTab: ['Group', 'Label', 'InsertAfter', 'InsertBefore'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
};

function inOrder(el: XmlElement, order: string[]) {
  const idx = el.children.map((c) => order.indexOf(local(c.name)));
  expect(idx.every((k) => k >= 0)).toBe(true);
  for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThanOrEqual(idx[k - 1]);
}

describe('manifest.xml', () => {
  test('is a well-formed TaskPaneApp for Excel with ReadWriteDocument', () => {
    expect(doc.name).toBe('OfficeApp');
    expect(doc.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(child(doc, 'Permissions')!.text.trim()).toBe('ReadWriteDocument');
    expect(child(child(doc, 'Hosts')!, 'Host')!.attrs.Name).toBe('Workbook');
    expect(child(doc, 'Id')!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(doc, 'Version')!.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test('elements follow the schema order', () => {
    inOrder(doc, OFFICEAPP_ORDER);
    for (const el of walk(doc)) {
      const order = ORDERS[local(el.name)];
      if (order && el.children.length) inOrder(el, order);
    }
  });

  test('states its requirement sets: ExcelApi 1.13 and the shared runtime', () => {
    const sets = [...walk(child(doc, 'Requirements')!)].filter((e) => local(e.name) === 'Set').map((e) => `${e.attrs.Name} ${e.attrs.MinVersion}`);
    expect(sets).toEqual(['ExcelApi 1.13', 'SharedRuntime 1.1']);
    const runtime = [...walk(doc)].find((e) => local(e.name) === 'Runtime')!;
    expect(runtime.attrs.lifetime).toBe('long');
  });

  test('every resid is defined once, and every defined resource is used', () => {
    const defined = [...walk(child(doc, 'VersionOverrides')!)]
      .filter((e) => ['Image', 'Url', 'String'].includes(local(e.name)) && e.attrs.id)
      .map((e) => e.attrs.id);
    expect(new Set(defined).size).toBe(defined.length);
    const used = new Set([...walk(doc)].map((e) => e.attrs.resid).filter(Boolean));
    for (const r of used) expect(defined).toContain(r);
    for (const d of defined) expect(used.has(d)).toBe(true);
    for (const d of defined) expect(d.length).toBeLessThanOrEqual(32);
  });

  test('control, group and tab ids are unique', () => {
    const ids = [...walk(doc)].filter((e) => ['Control', 'Group', 'CustomTab'].includes(local(e.name))).map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('the ribbon has 一键审核, 审核助手, 生成模板 and 清除标记 in Chinese, with English defaults', () => {
    const strings = new Map([...walk(doc)].filter((e) => local(e.name) === 'String').map((e) => [e.attrs.id, e]));
    const zh = (id: string) => child(strings.get(id)!, 'Override')!.attrs.Value;
    expect(['CheckAll.Label', 'OpenPane.Label', 'Scaffold.Label', 'ClearFlags.Label'].map(zh)).toEqual(['一键审核', '审核助手', '生成模板', '清除标记']);
    expect(zh('Tab.Label')).toBe('决算公开');
    for (const s of strings.values()) {
      expect(s.attrs.DefaultValue).toMatch(/^[\x20-\x7e]+$/);
      expect(child(s, 'Override')!.attrs.Locale).toBe('zh-CN');
    }
  });

  test('strings stay within the limits (short 125, long 250, display name 125, description 250)', () => {
    const lim = (el: XmlElement | undefined, n: number) => {
      for (const e of walk(el!)) for (const v of [e.attrs.DefaultValue, e.attrs.Value]) if (v) expect(v.length).toBeLessThanOrEqual(n);
    };
    lim(
      [...walk(doc)].find((e) => local(e.name) === 'ShortStrings'),
      125,
    );
    lim(
      [...walk(doc)].find((e) => local(e.name) === 'LongStrings'),
      250,
    );
    lim(child(doc, 'DisplayName'), 125);
    lim(child(doc, 'Description'), 250);
  });

  test('every URL is https, and every icon it names exists at 16, 32 and 80 px', () => {
    const urls = [...walk(doc)].flatMap((e) => [e.attrs.DefaultValue, e.text.trim()].filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v)));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    const images = [...walk(doc)].filter((e) => local(e.name) === 'Image' && e.attrs.id);
    expect(images.map((e) => e.attrs.id).sort()).toEqual(['Icon.16', 'Icon.32', 'Icon.80']);
    for (const img of images) {
      const file = path.join(root, 'taskpane', new URL(img.attrs.DefaultValue).pathname);
      const png = fs.readFileSync(file);
      const size = Number(img.attrs.id.split('.')[1]);
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });

  test('one page for the shared runtime: every pane opens Taskpane.Url; the commands are the ones the page registers', async () => {
    const actions = [...walk(doc)].filter((e) => local(e.name) === 'Action');
    const panes = actions.filter((a) => a.attrs['xsi:type'] === 'ShowTaskpane').map((a) => child(a, 'SourceLocation')!.attrs.resid);
    expect(panes.length).toBeGreaterThan(0);
    expect(new Set(panes)).toEqual(new Set(['Taskpane.Url']));
    const urls = [...walk(doc)]
      .filter((e) => local(e.name) === 'Url')
      .map((e) => e.attrs.id)
      .sort();
    expect(urls).toEqual(['Functions.Metadata.Url', 'Functions.Script.Url', 'Help.Url', 'Taskpane.Url']);
    const functions = actions
      .filter((a) => a.attrs['xsi:type'] === 'ExecuteFunction')
      .map((a) => child(a, 'FunctionName')!.text.trim())
      .sort();
    const associated: string[] = [];
    const { registerCommands } = await import('../commands');
    const { HostEvents } = await import('../hostApi');
    registerCommands({ actions: { associate: (id: string) => associated.push(id) } } as unknown as typeof Office, new HostEvents());
    expect(associated.sort()).toEqual(functions);
    expect(functions).toEqual(['checkAll', 'clearAllFlags', 'openScaffold']);
  });

  test('the XML reader itself rejects malformed input', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml('<a>&nope;</a>')).toThrow();
  });
});

describe('npm run build', () => {
  const { execFileSync, spawnSync } = require('child_process') as typeof import('child_process');
  const out = path.join(require('os').tmpdir(), `juesuan-addin-${process.pid}`);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('rewrites every localhost URL to the production base URL', () => {
    execFileSync('node', [path.join(root, 'taskpane', 'build.mjs')], {
      env: { ...process.env, JUESUAN_BASE_URL: 'https://jsgk.example.gov.cn/addin/', JUESUAN_ADDIN_OUT: out },
      stdio: 'pipe',
    });
    const built = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(built).not.toContain('localhost');
    const urls = [...walk(parseXml(built))].map((e) => e.attrs.DefaultValue).filter((v) => v && /^https?:/.test(v));
    for (const u of urls) expect(u.startsWith('https://jsgk.example.gov.cn/addin/')).toBe(true);
    expect(fs.existsSync(path.join(out, 'assets', 'icon-80.png'))).toBe(true);
  });

  test('the help page exists where SupportUrl and LearnMoreUrl point, and lists every rule', () => {
    const built = parseXml(fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8'));
    const support = child(built, 'SupportUrl')!.attrs.DefaultValue;
    const help = [...walk(built)].find((e) => local(e.name) === 'Url' && e.attrs.id === 'Help.Url')!.attrs.DefaultValue;
    for (const u of [support, help]) expect(fs.existsSync(path.join(out, u.replace('https://jsgk.example.gov.cn/addin/', '')))).toBe(true);
    const page = fs.readFileSync(path.join(out, 'help.html'), 'utf8');
    const { RULES } = require('../../../src/check/registry') as typeof import('../../../src/check/registry');
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    for (const r of RULES) expect(page).toContain(`<td class="nm">${esc(r.name)}</td><td>${esc(r.title)}</td>`);
    expect(page).toContain('安装');
    expect(page).toContain('清除标记');
  });

  test('every page has a Content-Security-Policy: scripts from files only (its own and office.js), no inline script or handler, no eval', () => {
    for (const name of ['taskpane.html', 'help.html']) {
      const html = fs.readFileSync(path.join(out, name), 'utf8');
      const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
      expect(csp).toBeDefined();
      const directive = (d: string) =>
        csp!
          .split(';')
          .map((x) => x.trim())
          .find((x) => x.startsWith(d + ' '));
      const scripts = directive('script-src') ?? directive('default-src')!;
      expect(scripts).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|data:|blob:/);
      expect(directive('object-src') ?? directive('default-src')).toMatch(/'none'/);
      // No handler attribute (onerror=, onclick=…) and no script written in the page itself.
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        expect(m[1]).toMatch(/\bsrc=/);
        expect(m[2].trim()).toBe('');
      }
      // Every script the page names is one the CSP lets run.
      for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g))
        expect(/^https?:/.test(m[1]) ? scripts.split(/\s+/).some((s) => m[1].startsWith(s)) : fs.existsSync(path.join(out, m[1]))).toBe(true);
    }
  });

  test('no regex lookbehind in any script of the pane or the custom functions (Safari before 16.4 rejects the whole file)', () => {
    const scripts: string[] = [];
    const walkDir = (d: string) => {
      for (const f of fs.readdirSync(d)) {
        const p = path.join(d, f);
        if (fs.statSync(p).isDirectory()) walkDir(p);
        else if (p.endsWith('.js')) scripts.push(p);
      }
    };
    walkDir(out);
    expect(scripts.length).toBeGreaterThan(3);
    const lookbehind = new RegExp('\\(\\?<[=!]');
    const offenders = scripts.filter((p) => lookbehind.test(fs.readFileSync(p, 'utf8'))).map((p) => path.relative(out, p));
    expect(offenders).toEqual([]);
    // The test itself can see one.
    expect(lookbehind.test('/(?' + '<![A-Z])x/')).toBe(true);
  });

  test('refuses a base URL that is not https', () => {
    const r = spawnSync('node', [path.join(root, 'taskpane', 'build.mjs')], {
      env: { ...process.env, JUESUAN_BASE_URL: 'http://jsgk.example.gov.cn', JUESUAN_ADDIN_OUT: out },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('https');
  });
});

describe('the pane’s pictures of the table sets', () => {
  test('every table set offered under 表格式 has its picture (taskpane/previews.mjs draws them), a PNG', () => {
    const { EDITIONS } = require('../../../src/editions') as typeof import('../../../src/editions');
    for (const e of EDITIONS) {
      const file = path.join(ROOT, 'taskpane', 'assets', `tables-${e.id}.png`);
      expect(fs.existsSync(file)).toBe(true);
      expect([...fs.readFileSync(file).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
  });
});
