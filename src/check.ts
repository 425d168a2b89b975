import { Workbook } from './core/grid';
import { Finding, sortFindings, summarize, Summary } from './core/findings';
import { TableSetSpec } from './specs/types';
import { tableSet } from './specs';
import { recognize, Recognition } from './recognize';
import { RULES, buildContext, Rule } from './rules';

export interface CheckResult {
  findings: Finding[];
  summary: Summary;
  recognition: Recognition;
}

/** Check a workbook: recognize its tables, run every rule, return findings in a stable order. */
export function checkWorkbook(wb: Workbook, opts: { set?: TableSetSpec; rules?: Rule[] } = {}): CheckResult {
  const set = opts.set ?? tableSet();
  const recognition = recognize(wb, set);
  const ctx = buildContext(set, recognition, wb);
  const findings: Finding[] = [];
  for (const rule of opts.rules ?? RULES) {
    try {
      findings.push(...rule.run(ctx));
    } catch (e) {
      findings.push({ rule: rule.id, severity: 'warning', table: '', sheet: '', cell: '', related: [], message: `规则“${rule.title}”执行异常，未完成核对：${(e as Error).message}` });
    }
  }
  const sorted = sortFindings(findings);
  return { findings: sorted, summary: summarize(sorted), recognition };
}
