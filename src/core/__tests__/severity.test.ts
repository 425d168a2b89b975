import { worstSeverity, blocksSubmission, Severity } from '../findings';

/** The worst of a cell's or a part's findings, and what keeps a disclosure from 可提交. */

test.each<[Severity[], Severity | undefined]>([
  [['info', 'warning', 'info'], 'warning'],
  [['warning', 'error', 'info'], 'error'],
  [['info'], 'info'],
  [[], undefined],
])('the worst of %j is %s', (list, worst) => {
  expect(worstSeverity(list)).toBe(worst);
});

const levels: Record<string, string> = { 'row-sum': '强制', 'form-indicator': '提示' };
test.each<[string, Severity, boolean]>([
  ['row-sum', 'error', true],
  ['row-sum', 'warning', true],
  ['row-sum', 'info', false],
  ['form-indicator', 'warning', false],
  ['form-indicator', 'error', false],
  ['unknown-rule', 'error', true],
])('%s %s blocks submission: %s', (rule, severity, blocks) => {
  expect(blocksSubmission({ rule, severity }, (id) => levels[id])).toBe(blocks);
});
