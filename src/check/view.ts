import type { CheckResult } from './index';
import { looksLikeDisclosure, submitLine } from './index';
import type { Finding, Summary } from '../core/findings';
import { whereInWords } from '../recognize/where';

/**
 * What the task pane shows of a check, as plain data: it crosses from the worker that ran the
 * check to the page (structured clone), so it holds no recognition model, only what is shown —
 * each finding with its place in words, the verdict, the counts and the tables found.
 */
export interface ResultView {
  findings: Finding[];
  summary: Summary;
  verdict: CheckResult['verdict'];
  submittable: boolean;
  blocking: number;
  /** The verdict as one line (可提交（无强制问题） / 不可提交：N 项强制问题未解决 / 未填写…). */
  line: string;
  /** The recognized tables' names, in the workbook's order (one tile each). */
  tables: string[];
  /** Whether anything of a disclosure was found at all. */
  disclosure: boolean;
}

/** The view of a check: a finding on a table's row is named by that row (公开02「201 一般公共服务支出」). */
export function resultView(r: CheckResult): ResultView {
  const findings = r.findings.map((f) => {
    if (f.where || !f.sheet || !f.cell) return f;
    const where = whereInWords(r.recognition, f);
    return where ? { ...f, where } : f;
  });
  return {
    findings,
    summary: r.summary,
    verdict: r.verdict,
    submittable: r.submittable,
    blocking: r.blocking,
    line: submitLine(r),
    tables: r.recognition.tables.map((t) => t.spec.code),
    disclosure: looksLikeDisclosure(r),
  };
}
