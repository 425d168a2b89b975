import { Finding, SEVERITY_ZH, Summary, placeOf } from '../core/findings';
import { blocksSubmission } from '../check/registry';

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

/**
 * The findings as a table; 类别 says which are 强制 (must be fixed before 可提交: the verdict counts
 * these) and which 提示 (may be answered with an explanation).
 */
export function findingsTable(findings: Finding[]): string {
  if (findings.length === 0) return '未发现问题。';
  return table(
    ['级别', '类别', '表', '位置', '说明'],
    // A PDF's finding says its page (and for the narrative its section and paragraph), not the grid it was read into.
    findings.map((f) => [
      f.explained !== undefined ? `${SEVERITY_ZH[f.severity]}（已说明）` : SEVERITY_ZH[f.severity],
      blocksSubmission(f) ? '强制' : '提示',
      f.table || '—',
      placeOf(f),
      f.message,
    ]),
  );
}

export function summaryLine(s: Summary): string {
  return `错误 ${s.error} 项，警告 ${s.warning} 项，提示 ${s.info} 项${s.explained ? `，已说明 ${s.explained} 项` : ''}`;
}
