import { RULES, ruleName, ruleIdOf, blocksSubmission } from '../registry';

/** The rule list as a reviewer reads it: every rule named in Chinese, once. */

test('every rule has a short Chinese name, no two alike, and the report can go back from name to rule', () => {
  const names = RULES.map((r) => r.name);
  expect(names.filter((n) => !/^[\u4e00-\u9fff（）、·]{2,12}$/.test(n))).toEqual([]);
  expect(new Set(names).size).toBe(names.length);
  for (const r of RULES) {
    expect(ruleName(r.id)).toBe(r.name);
    expect(ruleIdOf(r.name)).toBe(r.id);
  }
});

test.each([
  ['an older report that carries the id itself', 'row-sum', 'row-sum'],
  ['a name the unit mistyped stays as typed (it then matches no finding)', '行合计x', '行合计x'],
])('%s', (_, given, id) => {
  expect(ruleIdOf(given)).toBe(id);
});

test('an unknown rule id shows as itself rather than as nothing', () => {
  expect(ruleName('no-such-rule')).toBe('no-such-rule');
});

test('the findings that block submission are exactly those the verdict counts', () => {
  const { checkWorkbook } = require('..') as typeof import('..');
  const { sampleWorkbook } = require('../../../tests/helpers/grid') as typeof import('../../../tests/helpers/grid');
  const r = checkWorkbook(sampleWorkbook());
  expect(r.blocking).toBeGreaterThan(0);
  expect(r.findings.filter(blocksSubmission)).toHaveLength(r.blocking);
  // An 提示 rule's warning does not block; a 强制 rule's rounding tail (提示 severity) does not either.
  expect(r.findings.some((f) => f.severity === 'warning' && !blocksSubmission(f))).toBe(true);
  expect(r.findings.some((f) => f.severity === 'info' && RULES.find((x) => x.id === f.rule)!.level === '强制' && !blocksSubmission(f))).toBe(true);
});
