import type { CheckResult } from './index';
import { looksLikeDisclosure, submitLine } from './index';
import type { Finding, Summary } from '../core/findings';
import { whereInWords } from '../recognize/where';

/** A finding as the pane shows it: a narrative one with the words around its fragment in the sentence. */
export type ShownFinding = Finding & { sentence?: { before: string; after: string } };

/**
 * What the task pane shows of a check, as plain data: it crosses from the worker that ran the
 * check to the page (structured clone), so it holds no recognition model, only what is shown —
 * each finding with its place in words, the verdict, the counts and the tables found.
 */
export interface ResultView {
  findings: ShownFinding[];
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
  /** Browser mode: what the downloaded flagged copy will lack (charts, macros …), in one sentence. */
  copyLacks?: string;
}

/**
 * The view of a check: a finding on a table's row is named by that row (公开02「201 一般公共服务支出」);
 * a narrative finding carries the sentence it quotes.
 */
export function resultView(r: CheckResult): ResultView {
  const findings = r.findings.map((f): ShownFinding => {
    if (!f.sheet || !f.cell) return f;
    const where = f.where ?? whereInWords(r.recognition, f);
    const shown: ShownFinding = where === f.where ? f : { ...f, where };
    // A narrative finding quotes the sentence the check read it in.
    const sentence = f.text?.sentence;
    return sentence ? { ...shown, sentence } : shown;
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
