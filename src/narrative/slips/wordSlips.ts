/**
 * Phrases that contradict themselves, as reviewers find them in published disclosures: each with
 * why it is wrong, and what it should say where that can be told. Data read by one rule
 * (narr-wording); the words are the accountant's, not the software's.
 */

export interface WordSlip {
  /** The phrase (matched on the paragraph's text as read: half-width brackets, no line breaks). */
  re: RegExp;
  why: string;
  /** An error when the sentence cannot be right as written; a warning when it reads wrong but may be meant. */
  severity: 'error' | 'warning';
}

export const WORD_SLIPS: WordSlip[] = [
  { re: /大小于|小大于/, why: '“大于”“小于”只能取其一，请按决算数与预算数的实际大小写明', severity: 'error' },
  { re: /高低于|低高于|多少于|少多于/, why: '比较用词自相矛盾（高于、低于只能取其一）', severity: 'error' },
  { re: /减增加|增减少|减增长|增下降/, why: '“增加”“减少”两种方向写在了一起，请按实际增减写明其一', severity: 'error' },
  {
    re: /(增加|减少|增长|下降)(为|到|至)\s*0(\.0+)?\s*(万元|元)?[，,]?\s*与上年(度)?(决算)?(数)?持平/,
    why: '既称“增加/减少”又称“与上年持平”：无增减时只写“与上年持平”，有增减时写明增减额',
    severity: 'error',
  },
  { re: /(本年|本部门|年度)[^。；]{0,6}支出收入/, why: '“支出收入”词序颠倒：说收入时写“收入”，说收支时写“收入支出”', severity: 'warning' },
];
