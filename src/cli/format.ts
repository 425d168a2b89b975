import { Finding, SEVERITY_ZH, Summary } from '../core/findings';

export { displayWidth } from '../core/text';
import { displayWidth } from '../core/text';

export function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - displayWidth(s)));
}

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function findingsTable(findings: Finding[]): string {
  if (findings.length === 0) return '未发现问题。';
  return table(
    ['级别', '表', '位置', '说明'],
    // A PDF's finding says its page first: the reader turns to it.
    findings.map((f) => [
      SEVERITY_ZH[f.severity],
      f.table || '—',
      `${f.page ? `第${f.page}页 ` : ''}${f.sheet && f.cell ? `${f.sheet}!${f.cell}` : f.sheet || '—'}`,
      f.message,
    ]),
  );
}

export function summaryLine(s: Summary): string {
  return `错误 ${s.error} 项，警告 ${s.warning} 项，提示 ${s.info} 项${s.explained ? `，已说明 ${s.explained} 项` : ''}`;
}
