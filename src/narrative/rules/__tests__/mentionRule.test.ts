import { mentionRule } from '../mentionRule';
import { checkWorkbook } from '../../../check';
import { importDocument } from '../../../importDoc';
import { sampleWorkbook } from '../../../../tests/helpers/grid';
import { textFinding } from '../../model';

/** A narrative rule made of what it reads and what each figure claims: the walk over the text is the helper's. */

const grid = () => importDocument(sampleWorkbook());

test('every figure it reads is checked once, in the text’s order; a check may give none, one or several findings', () => {
  const seen: string[] = [];
  const rule = mentionRule({
    id: 'test-percent',
    name: '测试',
    level: '提示',
    title: '每个百分比',
    reads: (m) => m.kind === 'percent',
    check(m, { id, p, ms, i }) {
      expect(ms[i]).toBe(m);
      expect(m.para).toBe(p);
      seen.push(m.para.raw.slice(m.start, m.end));
      const one = textFinding({ rule: id, severity: 'info', p, start: m.start, end: m.end, message: `百分比 ${seen.length}` });
      return seen.length % 3 === 0 ? undefined : seen.length % 3 === 1 ? one : [one, { ...one, message: `${one.message}（又）` }];
    },
  });
  const findings = checkWorkbook(grid(), { rules: [rule] }).findings.filter((f) => f.rule === 'test-percent');
  expect(seen.length).toBeGreaterThan(10);
  expect(seen.every((s) => /%|％/.test(s))).toBe(true);
  const expected = seen.reduce((n, _, k) => n + [1, 2, 0][k % 3], 0);
  expect(findings).toHaveLength(expected);
});
