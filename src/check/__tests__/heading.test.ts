import { reportHeading } from '../heading';

/** The lines a unit prints and signs above 审核报告's table. */

const at = new Date(2024, 2, 5, 9, 7);

test.each([
  [
    'a disclosure with 强制 problems open',
    { summary: { error: 12, warning: 100, info: 23, explained: 1 }, submittable: false, blocking: 18, verdict: '不可提交' as const },
    ['结论：不可提交：18 项强制问题未解决', '错误 12 项，警告 100 项，提示 23 项，已说明 1 项；强制问题 18 项待处理'],
  ],
  [
    'a clean disclosure',
    { summary: { error: 0, warning: 0, info: 2 }, submittable: true, blocking: 0, verdict: '可提交' as const },
    ['结论：可提交（无强制问题）', '错误 0 项，警告 0 项，提示 2 项，已说明 0 项；强制问题 0 项待处理'],
  ],
  [
    'a template nobody filled in',
    { summary: { error: 0, warning: 0, info: 0 }, submittable: false, blocking: 0, verdict: '未填写' as const },
    ['结论：未填写：公开表中还没有填写任何金额'],
  ],
])('%s: the verdict and the counts', (_, result, lines) => {
  const heading = reportHeading(result, '某某局2023年决算公开.xlsx', at);
  expect(heading[0]).toBe('决算公开审核报告');
  for (const line of lines) expect(heading).toContain(line);
});

test('when and what was checked, and a place to sign', () => {
  const result = { summary: { error: 0, warning: 0, info: 0 }, submittable: true, blocking: 0, verdict: '可提交' as const };
  expect(reportHeading(result, '某某局.xlsx', at)).toContain('工作簿：某某局.xlsx　　核对时间：2024-03-05 09:07　　核对工具：决算公开助手');
  // The workbook open in Excel has no file name to give: the line says only the time.
  expect(reportHeading(result, '', at)).toContain('核对时间：2024-03-05 09:07　　核对工具：决算公开助手');
  expect(reportHeading(result, '', at).at(-1)).toMatch(/^单位（盖章）：.*审核人：.*日期：/);
});
