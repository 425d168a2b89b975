import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../taskpane/src/App';
import type { HostApi } from '../../taskpane/src/hostApi';
import type { ResultView } from '../../src/check/view';
import type { Finding, Severity } from '../../src/core/findings';
import { summarize } from '../../src/core/findings';

/**
 * The task pane with a host that answers 审核 with `?n=` findings (50,000 by default), spread over
 * nine tables and a few causes as a consolidated workbook gives them: for the Chromium test of a
 * list far longer than one document's.
 */
const n = Number(new URLSearchParams(location.search).get('n') ?? 50000);
const rules: [string, Severity][] = [
  ['row-sum', 'error'],
  ['table-sum', 'error'],
  ['code-hierarchy', 'warning'],
  ['kemu-names', 'info'],
];
const findings: Finding[] = Array.from({ length: n }, (_, i) => {
  const [rule, severity] = rules[i % rules.length];
  const table = `公开0${1 + (Math.floor(i / rules.length) % 9)}`;
  const row = 7 + Math.floor(i / 36);
  return {
    rule,
    severity,
    table,
    sheet: `单位${1 + Math.floor(i / 500)}`,
    cell: `F${row}`,
    related: [],
    message: `${table} 第 ${row} 行「合计」${(1000 + i / 100).toFixed(2)} 与各栏之和 ${(1000 + i / 100 + 0.5).toFixed(2)} 相差 -0.50`,
    where: `${table}「${2010000 + i} 行政运行」`,
  };
});
const view: ResultView = {
  findings,
  summary: summarize(findings),
  verdict: '不可提交',
  submittable: false,
  blocking: findings.filter((f) => f.severity !== 'info').length,
  line: `不可提交：${findings.filter((f) => f.severity !== 'info').length} 项强制问题未解决`,
  tables: Array.from({ length: 9 }, (_, i) => `公开0${i + 1}`),
  disclosure: true,
};
const host: HostApi = {
  mode: 'excel',
  check: async () => view,
  select: async () => undefined,
};
createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme} lang="zh-CN">
    <App host={host} />
  </FluentProvider>,
);
document.documentElement.dataset.ready = 'harness';
