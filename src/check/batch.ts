import type { Finding, Summary } from '../core/findings';
import { ruleLabel, blocksSubmission } from './registry';
import { verdictWord, Verdict } from './index';

/** One document of a batch as checked: its counts and findings, or why it could not be. */
export interface BatchEntry {
  file: string;
  /** The unit, as the document names itself (部门：… on its tables, its cover). */
  unit?: string;
  /** Its flagged copy, as the 检查表 links to it (a path relative to the 检查表). */
  copy?: string;
  summary?: Summary;
  submittable?: boolean;
  blocking?: number;
  verdict?: Verdict;
  findings?: Finding[];
  error?: string;
}

export const BATCH_HEADER = ['序号', '单位', '文件', '结论', '强制问题', '错误', '警告', '提示', '各部分问题', '主要问题', '标记副本'];

/**
 * A batch's 检查表, one row per document: its unit, its verdict, the 强制 findings open, the counts by
 * severity, the open findings by part (公开05 3、情况说明 7) and the three most frequent causes. A
 * document that could not be checked says why, under its own name.
 */
export function batchRows(entries: BatchEntry[]): (string | number)[][] {
  return entries.map((e, i) => {
    if (e.error || !e.summary) return [i + 1, e.unit ?? '', e.file, e.error ?? '未能核对', '—', '—', '—', '—', '', '', ''];
    const open = (e.findings ?? []).filter((f) => f.explained === undefined && f.severity !== 'info');
    const count = (key: (f: Finding) => string) => {
      const m = new Map<string, number>();
      for (const f of open) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
      return [...m.entries()];
    };
    const parts = count((f) => f.table || '工作簿')
      .map(([k, n]) => `${k} ${n}`)
      .join('、');
    const causes = count((f) => ruleLabel(f.rule).name)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, n]) => `${k} ${n} 项`)
      .join('、');
    return [
      i + 1,
      e.unit ?? '',
      e.file,
      verdictWord({ submittable: !!e.submittable, blocking: e.blocking ?? open.filter(blocksSubmission).length, verdict: e.verdict }),
      e.blocking ?? 0,
      e.summary.error,
      e.summary.warning,
      e.summary.info,
      parts,
      causes,
      e.copy ?? '',
    ];
  });
}
