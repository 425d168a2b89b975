import { checkWorkbook } from '..';
import { RULES } from '../registry';
import { workbookFromTsv, sampleWorkbook } from '../../../tests/helpers/grid';

/** 强制 vs 提示: the summary says 可提交 only when no finding of a 强制 rule is open. */

test('every rule declares 强制 or 提示', () => {
  for (const r of RULES) expect(['强制', '提示']).toContain(r.level);
  expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
});

test('the sample is not submittable: its 强制 findings are counted, 提示 ones are not', () => {
  const r = checkWorkbook(sampleWorkbook());
  const level = new Map(RULES.map((x) => [x.id, x.level]));
  expect(r.submittable).toBe(false);
  expect(r.blocking).toBe(r.findings.filter((f) => f.severity !== 'info' && level.get(f.rule) === '强制').length);
  expect(r.blocking).toBeLessThan(r.summary.error + r.summary.warning);
});

test('only 提示 findings left: submittable', () => {
  // A narrative whose only slip is a repeated word (提示).
  const wb = workbookFromTsv('第三部分\n六、机关运行经费支出说明\n机关运行经费支出 63.94 万元，较上年增加增加 9.74 万元。\n第四部分');
  const r = checkWorkbook(wb, { rules: RULES.filter((x) => x.id === 'narr-repeat' || x.level === '强制').filter((x) => x.id !== 'table-presence') });
  expect(r.findings.map((f) => f.rule)).toEqual(['narr-repeat']);
  expect(r.submittable).toBe(true);
});
