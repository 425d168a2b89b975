import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFile, scaffoldFile, importFile } from '../../app';
import { SAMPLE } from '../../../tests/helpers/grid';
import { ROOT } from '../../../tests/helpers/paths';
import { REPORT_HEADER } from '../../core/flagPlan';
import { reportHeading } from '../heading';
import { RULES } from '../registry';

/**
 * Every word the product shows an accountant is Chinese. A finding may quote the document (a
 * project called “OA 平台”, a placeholder 「XX」, a standard 《ISO …》): quoted text is theirs,
 * everything else is ours and must not carry an English word or a code's field name.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-zh-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ours = (t: string) => t.replace(/“[^”]*”|「[^」]*」|《[^》]*》|‘[^’]*’|"[^"]*"/g, '');
const english = (t: string) => [...ours(t).matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]);

test('findings on the sample, the same imported as a workbook, the 上海 template and a blank template say nothing in English', async () => {
  const imported = path.join(dir, 'imported.xlsx');
  await importFile(SAMPLE, imported);
  const blank = path.join(dir, 'blank.xlsx');
  await scaffoldFile(blank, { unit: '某某单位', year: 2023 });
  const files = [SAMPLE, imported, path.join(ROOT, 'samples', '2024-shanghai-template.layout.txt'), blank];
  const wrong: string[] = [];
  let seen = 0;
  for (const file of files) {
    const r = await checkFile(file);
    seen += r.findings.length;
    for (const f of r.findings) {
      for (const text of [f.message, f.table, String(f.expected ?? ''), String(f.actual ?? '')])
        if (english(text).length) wrong.push(`${path.basename(file)}: ${text}`);
    }
    for (const line of reportHeading(r, '')) if (english(line).length) wrong.push(line);
  }
  expect(seen).toBeGreaterThan(100);
  expect(wrong).toEqual([]);
});

test('the report’s column heads, the rule names and what each rule checks are Chinese', () => {
  const texts = [...REPORT_HEADER, ...RULES.flatMap((r) => [r.name, r.title, r.level])];
  expect(texts.filter((t) => english(t).length)).toEqual([]);
});

test('the scan itself: an English word outside quotes is caught, a quoted one is the document’s', () => {
  expect(english('公开09「data」缺少合计')).toEqual([]);
  expect(english('公开09 data 缺少合计')).toEqual(['data']);
  expect(english('项目“OA 平台”名称不符')).toEqual([]);
});
