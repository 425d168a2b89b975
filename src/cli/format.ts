import { Finding, SEVERITY_ZH, Summary } from '../core/findings';

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w +=
      cp >= 0x1100 &&
      (cp <= 0x115f ||
        (cp >= 0x2e80 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6))
        ? 2
        : 1;
  }
  return w;
}

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
