import { ROOT } from '../../../tests/helpers/paths';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as http from 'http';
import { AddressInfo } from 'net';
import { execFileSync, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { SAMPLE, sampleWorkbook } from '../../../tests/helpers/grid';
import { checkWorkbook } from '../../../src/check';
import { blocksSubmission } from '../../../src/check/registry';
import { importDocument } from '../../../src/importDoc';

/**
 * The task pane in a real browser (Debian chromium driven by playwright-core), in browser mode:
 * open the sample, 审核, see the findings, click one, download the checked workbook and find the
 * flags in it; a screenshot is left in test-output/. office.js (Microsoft's CDN) is blocked: the
 * page must work without it.
 */

const CHROMIUM = '/usr/bin/chromium';
const root = ROOT;
const have = fs.existsSync(CHROMIUM);
if (!have) console.warn(`跳过浏览器测试：未找到 ${CHROMIUM}（Debian 软件包 chromium；.ci/run 会安装）`);

/** Open every folded group of findings (its heading, aria-expanded false). */
async function expandAll(page: { locator(s: string): { count(): Promise<number>; first(): { click(): Promise<void> } } }) {
  const folded = () => page.locator('[data-testid=group][aria-expanded=false]');
  while ((await folded().count()) > 0) await folded().first().click();
}

(have ? describe : describe.skip)('the task pane in Chromium (browser mode)', () => {
  jest.setTimeout(120000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-pane-'));
  let server: http.Server;
  let base = '';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let browser: any;

  beforeAll(async () => {
    execFileSync('node', [path.join(root, 'taskpane', 'build.mjs')], {
      env: { ...process.env, JUESUAN_ADDIN_OUT: dir, JUESUAN_BASE_URL: 'https://localhost:3000' },
      stdio: 'pipe',
    });
    const types: Record<string, string> = {
      '.html': 'text/html; charset=utf-8',
      '.css': 'text/css; charset=utf-8',
      '.js': 'text/javascript',
      '.png': 'image/png',
      '.xml': 'application/xml',
    };
    server = http.createServer((req, res) => {
      const p = path.join(dir, decodeURIComponent((req.url ?? '/').split('?')[0].split('#')[0]));
      if (!p.startsWith(dir) || !fs.existsSync(p) || fs.statSync(p).isDirectory()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': types[path.extname(p)] ?? 'application/octet-stream' }).end(fs.readFileSync(p));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    // Every page of every test is watched for what its Content-Security-Policy refused.
    const newPage = browser.newPage.bind(browser);
    browser.newPage = async (...args: unknown[]) => {
      const page = await newPage(...args);
      page.on('console', (m: { text(): string }) => {
        if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
      });
      return page;
    };
  });
  const refused: string[] = [];

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('open the sample, check it, browse the findings, download the flagged workbook', async () => {
    const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 420, height: 900 } });
    const requests: string[] = [];
    await page.route('**/*', (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) => {
      const url = route.request().url();
      requests.push(url);
      return url.startsWith(base) ? route.continue() : route.abort();
    });
    const started = Date.now();
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('html[data-ready="browser"]');
    const firstRender = Date.now() - started;
    await page.setInputFiles('input[aria-label=选择文件]', SAMPLE);
    await page.getByRole('button', { name: '审核' }).click();
    await page.waitForSelector('[data-testid=group]');
    // The check ran in the checker worker, not on the page's thread.
    expect(page.workers().map((w: { url(): string }) => w.url())).toContain(`${base}/checker.js`);

    const checked = checkWorkbook(sampleWorkbook());
    const expected = checked.summary;
    // Grouped by cause and folded: one line a cause (part, cause, count), the whole list within a
    // screen; no card until a group is opened.
    const groups = await page.getByTestId('group').allInnerTexts();
    expect(groups.length).toBeGreaterThan(3);
    expect(groups.every((g) => /^▸\s*\S+ · \S+\s+\d+$/.test(g.trim()))).toBe(true);
    expect(groups.reduce((n, g) => n + Number(/(\d+)$/.exec(g.trim())![1]), 0)).toBe(checked.findings.length);
    expect(await page.locator('[data-testid=finding]').count()).toBe(0);
    expect((await page.getByTestId('findings').boundingBox())!.height).toBeLessThanOrEqual(900);
    fs.mkdirSync(path.join(root, 'test-output'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-output', 'taskpane-first-420.png'), fullPage: true });
    // The verdict first, with the 强制 findings by cause; the 强制 filter shows exactly those.
    const verdict = await page.getByTestId('verdict').innerText();
    expect(verdict).toContain(`不可提交：${checked.blocking} 项强制问题未解决`);
    expect(verdict).toMatch(/强制问题：\S+ \d+ 项/);
    // One tile per part, coloured by its worst open finding; a tile filters the list to its part.
    const parts = new Set([...checked.recognition.tables.map((t) => t.spec.code), ...checked.findings.map((f) => f.table || '工作簿')]);
    expect(await page.getByTestId('tile').count()).toBe(parts.size);
    const narrative = page.getByRole('button', { name: /^情况说明：\d+ 项待处理，最重为错误$/ });
    expect(await narrative.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(255, 199, 206)');
    await narrative.click();
    await expandAll(page);
    const inPart = checked.findings.filter((f) => f.table === '情况说明').length;
    expect(await page.locator('[data-testid=finding]').count()).toBe(inPart);
    await narrative.click();
    expect(await narrative.getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('button', { name: '强制', exact: true }).click();
    await expandAll(page);
    // A table cell's place is said in the table's words before its address.
    expect((await page.getByTestId('where').allInnerTexts()).some((w) => /^公开0\d「.+」 · .+![A-Z]+\d+$/.test(w))).toBe(true);
    expect(await page.locator('[data-testid=finding]').count()).toBe(checked.blocking);
    expect(await page.locator('[data-testid=blocking]').count()).toBe(checked.blocking);
    await page.getByRole('button', { name: '全部', exact: true }).click();
    // 审核, 生成模板, 部门汇总 (and in Excel 起草情况说明) in tabs at the top: 生成模板 shows its form in
    // place of the findings, and 审核 brings the findings back as they were.
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['审核', '生成模板', '部门汇总']);
    await page.getByRole('tab', { name: '生成模板' }).click();
    await page.getByLabel('单位名称').waitFor();
    expect(await page.locator('[data-testid=finding]').count()).toBe(0);
    await page.getByRole('tab', { name: '审核' }).click();
    await page.waitForSelector('[data-testid=group]');
    const status = await page.getByRole('status').innerText();
    expect(status).toContain(`错误 ${expected.error} 项`);
    // (after the explanation below, one error fewer is open)
    expect(status).toContain(`警告 ${expected.warning} 项`);
    // Every group opened: every finding is there, and each group says once what its cause requires.
    const total = expected.error + expected.warning + expected.info;
    await expandAll(page);
    expect(await page.locator('[data-testid=finding]').count()).toBe(total);
    expect(await page.getByTestId('requires').count()).toBe(await page.getByTestId('group').count());
    expect(await page.getByTestId('requires').first().innerText()).toMatch(/^要求：\S+/);

    // A narrative finding shows its fragment highlighted with the figure that would be right.
    await page.getByRole('button', { name: '错误', exact: true }).click();
    await page.getByLabel('搜索问题').fill('元');
    const marked = page.locator('[data-testid=fragment]').first();
    expect(await marked.innerText()).toBe('1920.38元');
    // … inside the sentence it stands in, not alone.
    const sentence = await page.getByTestId('sentence').first().innerText();
    expect(sentence).toContain('1920.38元');
    expect(sentence.length).toBeGreaterThan('原文：1920.38元'.length + 10);
    await page.locator('[data-testid=finding]').first().click();
    expect(await page.getByTestId('selected').innerText()).toMatch(/^已定位：.+!A\d+$/);
    // A 强制 finding of the narrative is corrected in the narrative, not in a table.
    expect(await page.getByTestId('workplace').innerText()).toContain('须在情况说明中改正');
    // In place: the workplace opens right under the chosen card, not below the whole list.
    const under = () =>
      page.evaluate(() => {
        const chosen = [...document.querySelectorAll('[data-testid=finding]')].find(
          (c) => c.parentElement?.nextElementSibling?.firstElementChild?.getAttribute('data-testid') === 'workplace',
        );
        return chosen ? chosen.getAttribute('aria-label') : null;
      });
    expect(await under()).toMatch(/^错误：/);
    // A 强制 finding is to be fixed: no 出错说明 is offered for it.
    await page.getByText('这是强制问题').waitFor();
    expect(await page.getByLabel('出错说明').count()).toBe(0);
    // 出错说明 on a 提示 finding: written in the pane, the finding shows 已说明; the verdict stays.
    await page.getByRole('button', { name: '警告', exact: true }).click();
    expect(checked.findings.some((f) => f.severity === 'warning' && !blocksSubmission(f))).toBe(true);
    await page.getByLabel('搜索问题').fill('');
    await page
      .locator('[data-testid=finding]')
      .filter({ hasNot: page.locator('[data-testid=blocking]') })
      .first()
      .click();
    expect(await under()).toMatch(/^警告：/);
    // Typing a space in the editor stays in the editor (the card does not take it as a click).
    await page.getByLabel('出错说明').fill('指标按年度计划口径填写');
    await page.getByLabel('出错说明').press('End');
    await page.getByLabel('出错说明').press(' ');
    expect(await page.getByLabel('出错说明').inputValue()).toBe('指标按年度计划口径填写 ');
    await page.getByRole('button', { name: '保存说明' }).click();
    await page.getByText('已说明', { exact: true }).first().waitFor();
    expect(await page.getByTestId('saved').innerText()).toBe('已保存说明');
    // Space on a card opens it, as Enter does.
    await page.locator('[data-testid=finding]').nth(1).focus();
    await page.keyboard.press(' ');
    expect(
      await page
        .locator('[data-testid=finding]')
        .nth(1)
        .evaluate((c) => c.parentElement?.nextElementSibling?.firstElementChild?.getAttribute('data-testid')),
    ).toBe('workplace');
    expect(await page.getByTestId('verdict').innerText()).toContain(`不可提交：${checked.blocking} 项强制问题未解决`);
    await page.getByLabel('搜索问题').fill('');

    fs.mkdirSync(path.join(root, 'test-output'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-output', 'taskpane.png'), fullPage: false });
    // At the narrow pane Excel gives (350 × 800) and a wide one (1280 × 900), the first screen shows
    // the verdict and every tile.
    for (const [width, height] of [
      [350, 800],
      [1280, 900],
    ]) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => window.scrollTo(0, 0));
      const tiles = await page.getByRole('group', { name: '各部分概览' }).boundingBox();
      const verdictBox = await page.getByTestId('verdict').boundingBox();
      expect(verdictBox!.y).toBeGreaterThanOrEqual(0);
      expect(tiles!.y + tiles!.height).toBeLessThanOrEqual(height);
      await page.screenshot({ path: path.join(root, 'test-output', `taskpane-${width}x${height}.png`), fullPage: false });
    }

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载标记后的工作簿' }).click()]);
    const saved = path.join(dir, 'checked.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.getWorksheet('审核报告')).toBeDefined();
    // The explanation typed in the pane (the check ran in the worker) is in the downloaded report.
    const report: string[] = [];
    wb.getWorksheet('审核报告')!.eachRow((row) => report.push(String(row.values)));
    expect(report.some((r) => r.includes('指标按年度计划口径填写') && r.includes('已说明'))).toBe(true);
    let red = 0;
    wb.eachSheet((ws) =>
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c) => {
          if ((c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === 'FFFFC7CE' && ws.name !== '审核报告') red++;
        }),
      ),
    );
    expect(red).toBeGreaterThan(0);
    // Nothing but the page itself was fetched (office.js from the CDN was tried and blocked).
    expect(requests.filter((u) => !u.startsWith(base) && !u.includes('appsforoffice.microsoft.com'))).toEqual([]);
    fs.writeFileSync(path.join(root, 'test-output', 'taskpane-timing.json'), JSON.stringify({ firstRenderMs: firstRender }));
  });

  test('生成模板 in browser mode downloads the template; a missing unit name is a message', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.route('**/*', (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) =>
      route.request().url().startsWith(base) ? route.continue() : route.abort(),
    );
    await page.goto(`${base}/taskpane.html#scaffold`);
    // Each table set is shown by a picture of its first table; choosing another shows its own.
    const sample = page.getByTestId('edition-sample');
    await sample.waitFor();
    await page.waitForFunction(() => ((document.querySelector('[data-testid=edition-sample]') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0);
    const first = await sample.getAttribute('src');
    await page.getByRole('combobox', { name: '表格式' }).selectOption({ index: 1 });
    await page.waitForFunction((src) => {
      const img = document.querySelector('[data-testid=edition-sample]') as HTMLImageElement | null;
      return !!img && img.getAttribute('src') !== src && img.complete && img.naturalWidth > 0;
    }, first);
    await page.getByRole('combobox', { name: '表格式' }).selectOption({ index: 0 });
    await page.waitForSelector('html[data-ready="browser"]');
    await page.getByRole('button', { name: '下载模板' }).click();
    // Said on the field itself, the field marked invalid and given the cursor.
    await page.locator('#scaffold').getByText('请填写单位名称').waitFor();
    expect(await page.getByLabel('单位名称').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.getAttribute('aria-invalid'))).toBe('true');
    await page.getByLabel('单位名称').fill('某某局');
    expect(await page.locator('#scaffold').getByText('请填写单位名称').count()).toBe(0);
    const lastYear = await page.getByLabel('年度').inputValue();
    await page.getByLabel('年度').fill('24');
    await page.getByRole('button', { name: '下载模板' }).click();
    await page.locator('#scaffold').getByText('年度应为四位年份，如 2024').waitFor();
    await page.getByLabel('年度').fill(lastYear);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板' }).click()]);
    const saved = path.join(dir, 'template.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      '公开01',
      '公开02',
      '公开03',
      '公开04',
      '公开05',
      '公开06',
      '公开07',
      '公开08',
      '公开09',
      '项目清单',
    ]);
    // The template's record of itself, out of sight, and its identity in the file's properties.
    expect(wb.worksheets.filter((w) => w.state !== 'visible').map((w) => [w.name, w.state])).toEqual([['_juesuan_template', 'veryHidden']]);
    const { readCustomProperties } = await import('../../../src/hosts/xlsx/customProps');
    expect(Object.keys(await readCustomProperties(fs.readFileSync(saved)))).toContain('决算模板结构指纹');
    // The year defaults to last year and never changes the tables; 表格式 does.
    expect(await page.getByLabel('年度').inputValue()).toBe(String(new Date().getFullYear() - 1));
    await page.getByLabel('年度').fill('2024');
    await page.getByLabel('表格式').selectOption({ label: '上海市（表一—表九）' });
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板' }).click()]);
    const shanghai = path.join(dir, 'template-shanghai.xlsx');
    await again.saveAs(shanghai);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(shanghai);
    expect(wb2.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['表一', '表二']);
  });

  test('a 50 MB document: the pane stays responsive with a progress bar, and tens of thousands of findings scroll a screen at a time', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.route('**/*', (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) =>
      route.request().url().startsWith(base) ? route.continue() : route.abort(),
    );
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('html[data-ready="browser"]');
    // The sample written out again and again: many disclosures in one text, each with its errors.
    const one = fs.readFileSync(SAMPLE, 'utf8');
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, one.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(one))));
    await page.setInputFiles('input[aria-label=选择文件]', big);
    // The page's frames while the check runs: a frozen page would show one long gap.
    await page.evaluate(() => {
      const w = window as unknown as { gaps: number[] };
      w.gaps = [];
      let last = performance.now();
      const tick = (t: number) => {
        w.gaps.push(t - last);
        last = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const started = Date.now();
    await page.getByRole('button', { name: '审核' }).click();
    // Progress is shown and moves while the worker checks.
    const seen = new Set<string>();
    while (!(await page.getByTestId('verdict').count())) {
      // Read in one step: the bar may go between two calls (the check ending), which is no failure.
      const now = await page.evaluate(() => document.querySelector('[data-testid=progress] [role=progressbar]')?.getAttribute('aria-valuenow') ?? null);
      if (now !== null) seen.add(now);
      await page.waitForTimeout(100);
      expect(Date.now() - started).toBeLessThan(120000);
    }
    const toVerdict = Date.now() - started;
    const gaps: number[] = await page.evaluate(() => (window as unknown as { gaps: number[] }).gaps);
    expect(seen.size).toBeGreaterThan(2);
    const longest = Math.max(...gaps);
    // Before the worker the page froze for the whole check (69 s); now no frame waits a second.
    expect(longest).toBeLessThan(1000);
    // The largest group opened: thousands of findings, a screen of cards in the page.
    const counts = (await page.getByTestId('group').allInnerTexts()).map((t) => Number(/(\d+)$/.exec(t.trim())?.[1] ?? 0));
    const most = Math.max(...counts);
    expect(most).toBeGreaterThan(1000);
    const rows = Number(await page.getByTestId('findings').getAttribute('data-rows'));
    await page.getByTestId('group').nth(counts.indexOf(most)).click();
    // (its heading, what it requires, and its cards)
    expect(Number(await page.getByTestId('findings').getAttribute('data-rows'))).toBe(rows + 1 + most);
    expect(await page.locator('[data-testid=finding]').count()).toBeLessThan(100);
    // Scrolled half-way down the group, cards are drawn there, still a screen of them.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await page.waitForTimeout(200);
    expect(await page.locator('[data-testid=finding]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=finding]').count()).toBeLessThan(100);
    const total = (await page.getByRole('status').first().innerText()).match(/\d+/g)!.map(Number);
    fs.mkdirSync(path.join(root, 'test-output'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-output', 'pane-50mb-420.png') });
    fs.writeFileSync(
      path.join(root, 'test-output', 'pane-50mb.json'),
      JSON.stringify({ bytes: fs.statSync(big).size, toVerdictMs: toVerdict, longestFrameGapMs: Math.round(longest), progressSteps: seen.size, counts: total }),
    );
    await page.close();
  });

  test('50,000 findings: every group opened, the list scrolls a screen of cards at a time', async () => {
    const { build } = await import('esbuild');
    await build({
      entryPoints: [path.join(root, 'tests', 'helpers', 'paneHarness.tsx')],
      outfile: path.join(dir, 'harness.js'),
      bundle: true,
      format: 'iife',
      platform: 'browser',
      jsx: 'automatic',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    });
    fs.writeFileSync(path.join(dir, 'harness.html'), '<!doctype html><meta charset="utf-8"><div id="root"></div><script src="harness.js"></script>');
    const page = await browser.newPage({ viewport: { width: 350, height: 800 } });
    await page.goto(`${base}/harness.html?n=50000`);
    await page.waitForSelector('html[data-ready="harness"]');
    await page.getByRole('button', { name: '审核', exact: true }).click();
    await page.waitForSelector('[data-testid=verdict]');
    const groups = await page.getByTestId('group').count();
    let started = Date.now();
    // Every group opened, the last first: the headings above an opened group stay where they are,
    // all within a tall window's first screen (the opened groups' cards are drawn below them).
    await page.setViewportSize({ width: 350, height: 2400 });
    for (;;) {
      await page.evaluate(() => window.scrollTo(0, 0));
      const folded = page.locator('[data-testid=group][aria-expanded=false]');
      if (!(await folded.count())) break;
      await folded.last().click();
    }
    await page.setViewportSize({ width: 350, height: 800 });
    const openMs = Date.now() - started;
    expect(Number(await page.getByTestId('findings').getAttribute('data-rows'))).toBe(50000 + 2 * groups);
    // Wherever the list is scrolled to, the cards there are drawn, and only about a screen of them.
    const steps: number[] = [];
    for (const at of [0.1, 0.35, 0.6, 0.85, 1]) {
      started = Date.now();
      await page.evaluate((f: number) => window.scrollTo(0, document.body.scrollHeight * f - 400), at);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      steps.push(Date.now() - started);
      const cards = await page.locator('[data-testid=finding]').count();
      expect(cards).toBeGreaterThan(0);
      expect(cards).toBeLessThan(60);
      const shown = await page.locator('[data-testid=finding]').evaluateAll((els: Element[]) =>
        els.some((e) => {
          const b = e.getBoundingClientRect();
          return b.bottom > 0 && b.top < window.innerHeight;
        }),
      );
      expect(shown).toBe(true);
    }
    // A scroll step is drawn in about a frame or two, not seconds.
    expect(Math.max(...steps)).toBeLessThan(500);
    fs.mkdirSync(path.join(root, 'test-output'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'test-output', 'pane-50k.json'),
      JSON.stringify({ findings: 50000, groups, openAllGroupsMs: openMs, scrollStepsMs: steps }),
    );
    await page.close();
  });

  test('where no worker can start, the check runs in the page with the same findings', async () => {
    const page = await browser.newPage();
    await page.route('**/*', (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) => {
      const url = route.request().url();
      return url.startsWith(base) && !url.endsWith('/checker.js') ? route.continue() : route.abort();
    });
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('html[data-ready="browser"]');
    await page.setInputFiles('input[aria-label=选择文件]', SAMPLE);
    await page.getByRole('button', { name: '审核' }).click();
    await page.waitForSelector('[data-testid=verdict]');
    const checked = checkWorkbook(sampleWorkbook());
    expect(await page.getByTestId('verdict').innerText()).toContain(`不可提交：${checked.blocking} 项强制问题未解决`);
    expect(await page.getByRole('status').first().innerText()).toContain(`错误 ${checked.summary.error} 项`);
    await page.close();
  });

  test('a file that is not a disclosure gets a clear message, not a crash', async () => {
    const page = await browser.newPage();
    await page.route('**/*', (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) =>
      route.request().url().startsWith(base) ? route.continue() : route.abort(),
    );
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('html[data-ready="browser"]');
    const junk = path.join(dir, 'junk.txt');
    fs.writeFileSync(junk, '这是一段普通文字，不是决算公开。\n第二行。');
    await page.setInputFiles('input[aria-label=选择文件]', junk);
    await page.getByRole('button', { name: '审核' }).click();
    await page.getByText('未找到部门决算公开表格').waitFor();
    const bin = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bin, Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3]));
    await page.setInputFiles('input[aria-label=选择文件]', bin);
    await page.getByRole('button', { name: '审核' }).click();
    await page.getByText(/无法读取/).waitFor();
  });

  test('a published PDF chosen in the pane is read by PDFium in its worker (from the add-in’s folder) with the command line’s findings', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    const outside: string[] = [];
    await page.route('**/*', (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('html[data-ready="browser"]');
    const pdf = path.join(root, 'tests', 'fixtures', 'corpus', 'shgzb-2024.pdf');
    await page.setInputFiles('input[aria-label=选择文件]', pdf);
    await page.getByRole('button', { name: '审核' }).click();
    await page.waitForSelector('[data-testid=verdict]', { timeout: 60000 });
    // The command line on the same file (exit 1: 不可提交).
    const cli = JSON.parse(spawnSync('node', [path.join(root, 'bin', 'juesuan.js'), 'check', pdf, '--json'], { encoding: 'utf8' }).stdout);
    const status = await page.getByRole('status').innerText();
    expect(status).toContain(`错误 ${cli.summary.error} 项`);
    expect(status).toContain(`警告 ${cli.summary.warning} 项`);
    expect(cli.summary.error).toBeGreaterThan(0);
    // Nothing but office.js (Microsoft's CDN, blocked here) is asked from elsewhere: PDFium's worker
    // and its WebAssembly come from the add-in's folder, and the page's thread never read the PDF.
    expect(outside.filter((u) => !u.startsWith('https://appsforoffice.microsoft.com/'))).toEqual([]);
    expect(page.workers().map((w: { url(): string }) => w.url())).toContain(`${base}/pdfium.js`);
    await page.screenshot({ path: path.join(root, 'test-output', 'pane-pdf-420.png') });
    // A finding's place says its page; its page is drawn with the place marked.
    // Its page and place, never an address in the grid the PDF was read into.
    const places = await page.getByTestId('where').allInnerTexts();
    expect(places.every((w) => /^第\d+页/.test(w) && !/![A-Z]+\d+/.test(w))).toBe(true);
    expect(places.some((w) => /^第\d+页 情况说明「/.test(w))).toBe(true);
    await page.locator('[data-testid=finding]').first().click();
    expect(await page.getByTestId('selected').innerText()).toMatch(/^已定位：第\d+页/);
    await page.getByRole('button', { name: /^查看第\d+页$/ }).click();
    await page.getByTestId('page-image').waitFor({ timeout: 30000 });
    const [img, mark] = await Promise.all([page.getByTestId('page-image').boundingBox(), page.getByTestId('page-box').boundingBox()]);
    expect(mark!.width).toBeGreaterThan(5);
    expect(mark!.x).toBeGreaterThanOrEqual(img!.x);
    expect(mark!.y + mark!.height).toBeLessThanOrEqual(img!.y + img!.height);
    await page.getByTestId('page-box').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(root, 'test-output', 'pane-pdf-page-420.png') });
    for (const [file, message] of [
      ['scanned.pdf', '扫描件无文字层'],
      ['encrypted.pdf', 'PDF 已加密'],
      ['corrupt.pdf', 'PDF 文件已损坏'],
      ['not-a-disclosure.pdf', '不是部门决算公开文本'],
    ]) {
      await page.setInputFiles('input[aria-label=选择文件]', path.join(root, 'tests', 'fixtures', 'bad', file));
      await page.getByRole('button', { name: '审核' }).click();
      await page.getByText(message).first().waitFor({ timeout: 30000 });
    }
  });

  /** office.js as Excel serves it, simulated: onReady answers after `delay` ms with host Excel. */
  const slowOffice = (delay: number) => `window.Office = {
    HostType: { Excel: 'Excel' },
    actions: { associate() {} },
    addin: { showAsTaskpane: () => Promise.resolve() },
    context: { requirements: { isSetSupported: () => true } },
    onReady(cb) { return new Promise((r) => setTimeout(() => { cb({ host: 'Excel', platform: 'PC' }); r({ host: 'Excel' }); }, ${delay})); },
  };`;
  type Route = {
    request(): { url(): string };
    continue(): Promise<void>;
    abort(): Promise<void>;
    fulfill(o: { status: number; contentType: string; body: string }): Promise<void>;
  };

  /** The pane inside Excel, Office and Excel simulated in the page (tests/helpers/fakeExcelPage.ts) with this workbook open. */
  async function paneInExcel(grid: unknown, viewport: { width: number; height: number }) {
    const { build } = await import('esbuild');
    const fake = (
      await build({
        entryPoints: [path.join(root, 'tests', 'helpers', 'fakeExcelPage.ts')],
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        logLevel: 'error',
      })
    ).outputFiles[0].text;
    const officeJs = `${slowOffice(10)}\n${fake}\nstartFakeExcel(${JSON.stringify(grid)});`;
    const page = await browser.newPage({ viewport, acceptDownloads: true });
    await page.route('**/*', (route: Route) => {
      const url = route.request().url();
      if (url.includes('appsforoffice.microsoft.com')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs });
      return url.startsWith(base) ? route.continue() : route.abort();
    });
    await page.goto(`${base}/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
    await page.waitForSelector('html[data-ready="excel"]');
    return page;
  }

  test('inside Excel (Office and Excel simulated in the page): check with progress in the worker, go to a cell, explain, clear, a protected template', async () => {
    const grid = importDocument(sampleWorkbook());
    const page = await paneInExcel(grid, { width: 350, height: 800 });
    type Page = { fakeBook: import('../../../tests/helpers/fakeExcel').FakeBook };
    const before = await page.evaluate(() => JSON.stringify((window as unknown as Page).fakeBook.snapshot()));
    // Every progress line the pane shows while it checks.
    await page.evaluate(() => {
      const w = window as unknown as { steps: string[] };
      w.steps = [];
      new MutationObserver(() => {
        const p = document.querySelector('[data-testid=progress]');
        const t = p?.textContent ?? '';
        if (t && w.steps.at(-1) !== t) w.steps.push(t);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: '审核', exact: true }).click();
    await page.waitForSelector('[data-testid=verdict]');
    const steps: string[] = await page.evaluate(() => (window as unknown as { steps: string[] }).steps);
    expect(steps[0]).toContain('正在读取工作簿');
    expect(steps.some((t) => t.includes('正在核对'))).toBe(true);
    // Read and flagged here, checked in the worker: the same verdict as the command line's.
    expect(page.workers().map((w: { url(): string }) => w.url())).toContain(`${base}/checker.js`);
    const here = checkWorkbook(grid);
    expect(await page.getByTestId('verdict').innerText()).toContain(`不可提交：${here.blocking} 项强制问题未解决`);
    expect(await page.evaluate(() => !!(window as unknown as Page).fakeBook.sheet('审核报告'))).toBe(true);
    // A card goes to its cell in the workbook.
    await page.getByRole('button', { name: '强制', exact: true }).click();
    await expandAll(page);
    const first = page.locator('[data-testid=finding]').first();
    const where = (await first.locator('[data-testid=where]').innerText()).split(' · ').at(-1)!;
    await first.click();
    await page.waitForFunction((w: string) => (window as unknown as Page).fakeBook.selected === w, where);
    // An explanation on a 提示 finding is written into the workbook and shown at once.
    await page.getByRole('button', { name: '警告', exact: true }).click();
    await expandAll(page);
    await page
      .locator('[data-testid=finding]')
      .filter({ hasNot: page.locator('[data-testid=blocking]') })
      .first()
      .click();
    await page.getByLabel('出错说明').fill('口径按年度计划填写');
    await page.getByRole('button', { name: '保存说明' }).click();
    await page.getByTestId('saved').waitFor();
    expect(await page.getByText('已说明', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => JSON.stringify((window as unknown as Page).fakeBook.snapshot()).includes('口径按年度计划填写'))).toBe(true);
    fs.mkdirSync(path.join(root, 'test-output'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-output', 'pane-excel-350x800.png') });
    // 清除标记 takes every flag and the report away; the explanation stays on file.
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByTestId('notice').waitFor();
    const after = await page.evaluate(() => (window as unknown as Page).fakeBook.snapshot() as { name: string }[]);
    expect(after.map((s) => s.name).filter((n) => !n.startsWith('_'))).toEqual((JSON.parse(before) as { name: string }[]).map((s) => s.name));
    // 生成模板 in a workbook that has the tables: asks before overwriting; a new unit's template is protected.
    await page.getByRole('tab', { name: '生成模板' }).click();
    await page.getByLabel('单位名称').fill('某某局');
    await page.getByRole('button', { name: '生成模板' }).click();
    await page.getByRole('button', { name: '覆盖' }).click();
    await page.getByText(/^已生成：/).waitFor();
    expect(await page.getByText(/已锁定（工作表保护，无密码）/).count()).toBe(1);
    const prot = await page.evaluate(() => (window as unknown as Page).fakeBook.sheets.filter((s) => s.protected).map((s) => s.name));
    expect(prot.length).toBeGreaterThanOrEqual(9);
    await page.close();
  });

  test('inside Excel a slow Office start never falls back to browser mode', async () => {
    const page = await browser.newPage();
    await page.route('**/*', (route: Route) => {
      const url = route.request().url();
      if (url.includes('appsforoffice.microsoft.com')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: slowOffice(5000) });
      return url.startsWith(base) ? route.continue() : route.abort();
    });
    await page.goto(`${base}/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
    await page.waitForSelector('html[data-state="waiting"]');
    await page.waitForTimeout(3500);
    // Past the 3 s a plain browser waits: still waiting for Excel, not browser mode.
    expect(await page.evaluate(() => document.documentElement.dataset.ready ?? '')).toBe('');
    expect(await page.getByRole('status').innerText()).toContain('正在连接 Excel');
    await page.waitForSelector('html[data-ready="excel"]', { timeout: 10000 });
    await page.getByRole('button', { name: '清除标记' }).waitFor();
    expect(await page.locator('input[aria-label=选择文件]').count()).toBe(0);
  });

  test('inside Excel, a script chunk that fails to load is a message, not a blank pane', async () => {
    const page = await browser.newPage();
    await page.route('**/*', (route: Route) => {
      const url = route.request().url();
      if (url.includes('appsforoffice.microsoft.com')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: slowOffice(10) });
      if (url.includes('/chunks/officeHost-')) return route.abort();
      return url.startsWith(base) ? route.continue() : route.abort();
    });
    await page.goto(`${base}/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
    await page.waitForSelector('html[data-state="load-failed"]');
    expect(await page.locator('body').innerText()).toContain('加载程序文件失败');
  });

  test('the page script itself failing to load is a message too', async () => {
    const page = await browser.newPage();
    await page.route('**/*', (route: Route) => {
      const url = route.request().url();
      if (url.endsWith('/taskpane.js')) return route.abort();
      return url.startsWith(base) ? route.continue() : route.abort();
    });
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('html[data-state="load-failed"]');
    expect(await page.locator('body').innerText()).toContain('加载程序文件失败');
  });

  test('inside Excel without office.js (blocked network) the pane says so', async () => {
    const page = await browser.newPage();
    await page.route('**/*', (route: Route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    await page.goto(`${base}/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
    await page.waitForSelector('html[data-state="no-office"]');
    expect(await page.locator('body').innerText()).toContain('未能加载 Office 脚本');
  });

  /** A department's units as files, and its names list: what the 部门汇总 tab is given. */
  async function departmentFiles(): Promise<{ units: string[]; names: string }> {
    const { unitXlsx } = await import('../../../src/bench/units');
    const folder = fs.mkdtempSync(path.join(dir, 'units-'));
    const specs = [
      { name: '东湖区水务局本级', seed: 301, toChildren: 40 },
      { name: '东湖区水文站', seed: 302, fromParent: 25 },
      { name: '东湖区水利所', seed: 303, fromParent: 15 },
    ];
    const units: string[] = [];
    for (const u of specs) {
      const f = path.join(folder, `${u.name}.xlsx`);
      fs.writeFileSync(f, await unitXlsx(u));
      units.push(f);
    }
    // One file that is no disclosure, refused under its own name.
    const note = path.join(folder, '报送说明.txt');
    fs.writeFileSync(note, '请各单位按时报送。\n');
    units.push(note);
    const names = path.join(folder, '名单.txt');
    fs.writeFileSync(names, '东湖区水务局本级\n东湖区水文站\t东湖区水务局本级\n东湖区水利所\t东湖区水务局本级\n东湖区排涝站\t东湖区水务局本级\n');
    return { units, names };
  }

  test('部门汇总 in browser mode: the units and the names list chosen, the 汇总 downloaded and shown', async () => {
    const { units, names } = await departmentFiles();
    const page = await browser.newPage({ acceptDownloads: true });
    await page.route('**/*', (route: Route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('html[data-ready="browser"]');
    await page.getByRole('tab', { name: '部门汇总' }).click();
    // Nothing chosen: said on the field.
    await page.getByRole('button', { name: '下载汇总' }).click();
    await page.locator('#consolidate').getByText('请选择各单位的文件').waitFor();
    await page.setInputFiles('input[aria-label=选择各单位的文件]', units);
    expect(await page.getByTestId('units-chosen').innerText()).toBe('已选择 4 个文件');
    await page.setInputFiles('input[aria-label=选择单位名单]', names);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载汇总' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^东湖区水务局\d{4}年度部门决算汇总\.xlsx$/);
    const saved = path.join(dir, 'dept.xlsx');
    await download.saveAs(saved);
    const shown = await page.getByTestId('consolidated').innerText();
    expect(shown).toContain('纳入 3 个单位');
    expect(shown).toContain('未纳入：报送说明.txt');
    expect(shown).toContain('名单上未报送：东湖区排涝站');
    expect(shown).toContain('往来抵消：东湖区水务局本级 上级补助收入 — 对附属单位补助支出 已抵消');
    expect(await page.getByTestId('consolidated-verdict').innerText()).toBe('汇总表核对：可提交（无强制问题）');
    // The file downloaded is the 汇总 the command line writes: its tables check clean.
    const { readXlsx } = await import('../../../src/hosts/xlsx/xlsx');
    const wb = await readXlsx(fs.readFileSync(saved), 'dept.xlsx');
    expect(wb.sheets.map((x) => x.name)).toEqual([
      '公开01',
      '公开02',
      '公开03',
      '公开04',
      '公开05',
      '公开06',
      '公开07',
      '公开08',
      '公开09',
      '单位清单',
      '明细',
      '调整表',
    ]);
    expect(checkWorkbook(wb).verdict).toBe('可提交');
    fs.mkdirSync(path.join(root, 'test-output'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-output', 'pane-consolidate.png'), fullPage: true });
    await page.close();
  });

  test('部门汇总 inside Excel (simulated): the 汇总 written as new sheets of the open workbook, asked before replacing', async () => {
    const { units, names } = await departmentFiles();
    // The department's own workbook, open in Excel: one sheet of its own, kept as it is.
    const own = { sheets: [{ name: '说明', rows: [[{ value: '本年度汇总工作安排' }]], merges: [] }] };
    const page = await paneInExcel(own, { width: 350, height: 900 });
    type Page = { fakeBook: import('../../../tests/helpers/fakeExcel').FakeBook };
    const sheetNames = () => page.evaluate(() => (window as unknown as Page).fakeBook.sheets.map((x) => x.name));
    await page.getByRole('tab', { name: '部门汇总' }).click();
    await page.setInputFiles('input[aria-label=选择各单位的文件]', units);
    await page.setInputFiles('input[aria-label=选择单位名单]', names);
    await page.getByRole('button', { name: '生成汇总' }).click();
    await page.getByTestId('consolidated').waitFor();
    expect(await page.getByTestId('consolidated-verdict').innerText()).toBe('汇总表核对：可提交（无强制问题）');
    const after = await sheetNames();
    expect(after[0]).toBe('说明');
    expect(after).toEqual(expect.arrayContaining(['公开01', '公开09', '单位清单', '明细', '调整表']));
    // Amounts as numbers, totals as formulas (Excel works out their values as it writes them).
    const [numbers, formulas] = await page.evaluate(() => {
      const cells = [...(window as unknown as Page).fakeBook.sheet('公开03')!.cells.values()];
      return [cells.filter((c) => !c.formula && typeof c.value === 'number').length, cells.filter((c) => c.formula).length];
    });
    expect(numbers).toBeGreaterThan(20);
    expect(formulas).toBeGreaterThan(20);
    // Again: the sheets are there; asked before they are replaced, and nothing changes on 取消.
    const before = await page.evaluate(() => JSON.stringify((window as unknown as Page).fakeBook.snapshot()));
    await page.getByRole('button', { name: '生成汇总' }).click();
    await page.getByRole('button', { name: '取消' }).waitFor();
    expect(
      await page
        .locator('#consolidate')
        .getByText(/已有工作表：公开01/)
        .count(),
    ).toBe(1);
    await page.getByRole('button', { name: '取消' }).click();
    expect(await page.evaluate(() => JSON.stringify((window as unknown as Page).fakeBook.snapshot()))).toBe(before);
    await page.getByRole('button', { name: '生成汇总' }).click();
    await page.getByRole('button', { name: '覆盖' }).click();
    await page.getByTestId('consolidated').waitFor();
    expect(await sheetNames()).toEqual(after);
    await page.close();
  });

  /**
   * The sample as a unit keeps it: its tables in a workbook (as imported), its 情况说明 in Word;
   * and the findings of the whole sample that are the narrative's.
   */
  async function tablesAndWord() {
    const { docxOfSheets } = await import('../../../tests/helpers/word');
    const grid = importDocument(sampleWorkbook());
    const prose = grid.sheets.find((x) => x.name === '情况说明')!;
    const tables = { ...grid, sheets: grid.sheets.filter((x) => x !== prose) };
    // The 情况说明 sheet's paragraphs as a Word document.
    const word = path.join(dir, '情况说明.docx');
    fs.writeFileSync(word, await docxOfSheets({ sheets: [prose] }));
    const { gridToExcel } = await import('../../../src/hosts/xlsx/xlsxWrite');
    const xlsx = path.join(dir, '公开表.xlsx');
    await gridToExcel(tables).xlsx.writeFile(xlsx);
    const narrativeFindings = checkWorkbook(grid).findings.filter((f) => f.sheet === '情况说明');
    return { tables, word, xlsx, narrativeFindings };
  }

  /** A downloaded Word copy's comments by 决算公开助手 (their words). */
  async function commentsIn(file: string): Promise<string[]> {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = (await zip.file('word/comments.xml')?.async('string')) ?? '';
    return [...xml.matchAll(/<w:comment [^>]*w:author="决算公开助手"[^>]*>(.*?)<\/w:comment>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
  }

  test('审核 with a Word 情况说明 added (browser mode): the narrative checked against the workbook’s tables, named by paragraph, handed back commented', async () => {
    const { word, xlsx, narrativeFindings } = await tablesAndWord();
    const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 420, height: 900 } });
    await page.route('**/*', (route: Route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('html[data-ready="browser"]');
    await page.setInputFiles('input[aria-label=选择文件]', xlsx);
    await page.setInputFiles('input[aria-label="添加 Word 情况说明"]', word);
    await page.getByTestId('narrative-chosen').getByText('情况说明.docx', { exact: true }).waitFor();
    await page.getByRole('button', { name: '审核', exact: true }).click();
    await page.waitForSelector('[data-testid=verdict]');
    // The narrative's findings are there, each named by its section and paragraph.
    await page.getByRole('button', { name: /^情况说明：\d+ 项/ }).click();
    await expandAll(page);
    const wheres: string[] = await page.locator('[data-testid=finding] [data-testid=where]').allInnerTexts();
    expect(wheres.length).toBe(narrativeFindings.length);
    expect(wheres.every((w) => /情况说明「.+」第 \d+ (段|项)/.test(w))).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载加批注的情况说明' }).click()]);
    expect(download.suggestedFilename()).toBe('情况说明-已批注.docx');
    const saved = path.join(dir, 'commented-browser.docx');
    await download.saveAs(saved);
    const words = await commentsIn(saved);
    expect(words.length).toBe(narrativeFindings.length);
    for (const f of narrativeFindings) expect(words.some((w) => w.includes(f.message.slice(0, 12).replace(/&/g, '&amp;')))).toBe(true);
    // Set aside: the next check is of the workbook alone, and no Word copy is offered.
    await page.getByRole('button', { name: '移除' }).click();
    await page.getByTestId('narrative-chosen').getByText('未添加', { exact: true }).waitFor();
    await page.getByRole('button', { name: '审核', exact: true }).click();
    await page.waitForSelector('[data-testid=verdict]');
    expect(await page.getByRole('button', { name: '下载加批注的情况说明' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^情况说明：\d+ 项/ }).count()).toBe(0);
    await page.close();
  });

  test('a Word disclosure chosen in the pane comes back as itself, commented', async () => {
    const { docxOfText } = await import('../../../src/bench/docx');
    const { sampleText } = await import('../../../tests/helpers/grid');
    const { readDocx } = await import('../../../src/hosts/word/docxRead');
    const { flaggedCells } = await import('../../../src/core/findings');
    const bytes = await docxOfText(sampleText());
    const file = path.join(dir, '公开.docx');
    fs.writeFileSync(file, bytes);
    const places = checkWorkbook(await readDocx(bytes, '公开.docx')).findings.flatMap((f) => flaggedCells(f)).length;
    const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 420, height: 900 } });
    await page.route('**/*', (route: Route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('html[data-ready="browser"]');
    await page.setInputFiles('input[aria-label=选择文件]', file);
    await page.getByRole('button', { name: '审核', exact: true }).click();
    await page.waitForSelector('[data-testid=verdict]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载加批注的 Word 文档' }).click()]);
    expect(download.suggestedFilename()).toBe('公开-已批注.docx');
    const saved = path.join(dir, 'commented-main.docx');
    await download.saveAs(saved);
    expect((await commentsIn(saved)).length).toBe(places);
    expect(places).toBeGreaterThan(50);
    await page.close();
  });

  test('审核 inside Excel (simulated) with a Word 情况说明 added: the open workbook’s tables and the Word text checked together, the copy commented', async () => {
    const { tables, word, narrativeFindings } = await tablesAndWord();
    const page = await paneInExcel(tables, { width: 350, height: 900 });
    type Page = { fakeBook: import('../../../tests/helpers/fakeExcel').FakeBook };
    const before = await page.evaluate(() => (window as unknown as Page).fakeBook.sheets.map((x) => x.name));
    await page.setInputFiles('input[aria-label="添加 Word 情况说明"]', word);
    await page.getByRole('button', { name: '审核', exact: true }).click();
    await page.waitForSelector('[data-testid=verdict]');
    // The report in the workbook lists the narrative's findings by paragraph; no sheet of the Word text is added.
    const report: string = await page.evaluate(() =>
      JSON.stringify([...(window as unknown as Page).fakeBook.sheet('审核报告')!.cells.values()].map((c) => c.value)),
    );
    expect(report).toMatch(/情况说明「[^」]+」第 \d+ (段|项)/);
    const names = await page.evaluate(() => (window as unknown as Page).fakeBook.sheets.map((x) => x.name));
    expect(names.filter((n: string) => !before.includes(n) && !n.startsWith('_'))).toEqual(['审核报告']);
    // A narrative finding's card shows its paragraph; clicking it is no error (it is not in the workbook: nothing selected).
    const errors: string[] = [];
    page.on('pageerror', (e: Error) => errors.push(e.message));
    await page.getByRole('button', { name: /^情况说明：\d+ 项/ }).click();
    await expandAll(page);
    await page.locator('[data-testid=finding]').first().click();
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as Page).fakeBook.selected ?? '')).toBe('');
    // The Word copy, commented, is downloaded.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载加批注的情况说明' }).click()]);
    const saved = path.join(dir, 'commented-excel.docx');
    await download.saveAs(saved);
    expect((await commentsIn(saved)).length).toBe(narrativeFindings.length);
    await page.close();
  });

  test('nothing any page did above was refused by its Content-Security-Policy (no inline script, no eval)', () => {
    expect(refused).toEqual([]);
  });
});
