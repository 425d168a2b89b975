import { Mention } from '../mentions';
import { Paragraph } from '../paragraphs';
import { Narrative, mentionInterval } from '../model';
import { Interval, neg } from '../../core/interval';

/** Amount mentions that state a value (not a change against last year or the budget). */
export const isValue = (m: Mention) => m.kind === 'amount' && !m.change;

/** The nearest mention before index i (same sentence) passing `ok`, stopping at a percentage. */
export function before(ms: Mention[], i: number, ok: (m: Mention) => boolean, stopAtPercent = true): Mention | undefined {
  const s = ms[i].sentence;
  for (let j = i - 1; j >= 0 && ms[j].sentence === s; j--) {
    if (ok(ms[j])) return ms[j];
    if (stopAtPercent && ms[j].kind === 'percent') return undefined;
  }
  return undefined;
}

/** The last mention of the previous sentence passing `ok`. */
export function inPreviousSentence(ms: Mention[], i: number, ok: (m: Mention) => boolean): Mention | undefined {
  const s = ms[i].sentence - 1;
  for (let j = i - 1; j >= 0; j--) {
    if (ms[j].sentence < s) break;
    if (ms[j].sentence === s && ok(ms[j])) return ms[j];
  }
  return undefined;
}

/** Paragraphs of the same section (and sub-section) as p, in order. */
export function sameSection(n: Narrative, p: Paragraph): Paragraph[] {
  return n.paragraphs.filter((q) => q.section === p.section && q.subsection === p.subsection && q.sheet === p.sheet);
}

/** Amount units in 万元 (the factor to bring a unit to 万元). */
export const TO_WAN: Record<string, number> = { 万元: 1, 元: 0.0001, 千元: 0.1, 亿元: 10000 };

/** The signed interval of a change mention (增加 positive, 减少 negative). */
export function changeInterval(m: Mention): Interval {
  return m.change!.sign > 0 ? mentionInterval(m) : neg(mentionInterval(m));
}

const TOTAL_LABEL = /(合计|总计|总额)$/;

/** What a change names as its subject: "支出增加" → 支出, "与2022年度决算相比，收支各增加" → 收支. */
export function changeSubject(m: Mention): string {
  const t = m.label.replace(/(各|均|分别|共)?(增加|增长|减少|下降|节约|超支)了?$/, '');
  // 与上年相比，支出… : the subject follows; 公务接待费较上年… : it comes before 较/比.
  const after = t.lastIndexOf('相比');
  if (after >= 0) return t.slice(after + 2).replace(/^(较|比)(上年|上一?年度?)?/, '');
  return t.replace(/(较|比)(上年|上一?年度?|同期|决算)?.*$/, '');
}

/**
 * The figure a change (at index j) is a change of: the sentence's value before it; else, in the
 * previous sentence, the figure its subject names ("支出增加" after "本年支出合计 820，其中：基本
 * 支出 600，项目支出 220" is the 合计's change, not the last part's); a change naming no subject after
 * a head figure and its parts (…合计 X，其中：…) is the head's; else that sentence's last figure.
 */
export function changedFigure(ms: Mention[], j: number): Mention | undefined {
  const ok = (x: Mention) => isValue(x) && x.unit === ms[j].unit;
  // A change on last year is the 决算's: "决算为 A，完成预算的 R%，预算为 B，较上年增加 C" changes A.
  const same = (ms[j].change?.against === 'prior' ? before(ms, j, (x) => ok(x) && !isBudget(x), false) : undefined) ?? before(ms, j, ok, false);
  if (same) return same;
  const prev = ms.filter((x, k) => k < j && x.sentence === ms[j].sentence - 1 && x.para === ms[j].para && ok(x));
  if (!prev.length) return undefined;
  const subject = changeSubject(ms[j]);
  if (subject.length >= 2) {
    const named = prev.find((x) => x.label === subject) ?? prev.find((x) => TOTAL_LABEL.test(x.label) && x.label.includes(subject));
    if (named) return named;
    const ending = prev.filter((x) => x.label.endsWith(subject) || subject.endsWith(x.label));
    if (ending.length === 1) return ending[0];
  }
  const head = prev[0];
  const sentence = ms[j].para.text.slice(head.start, prev[prev.length - 1].start);
  if (prev.length > 1 && /其中/.test(sentence)) return head;
  return prev[prev.length - 1];
}

/** For a growth/decrease rate at index i: the 比上年 change before it and the figure it changes. */
export function growthOperands(ms: Mention[], i: number): { inc: Mention; cur: Mention } | undefined {
  const isChange = (x: Mention | undefined) => !!x && x.kind === 'amount' && x.change?.against === 'prior' && x.sentence === ms[i].sentence;
  // The rate may come first: "增长 33.1%，增加 477.57 万元" — the change right after it is its own
  // when no change stands right before it.
  const next = !isChange(ms[i - 1]) && isChange(ms[i + 1]) && ms[i + 1].clause === ms[i].clause + 1 ? ms[i + 1] : undefined;
  const inc = next ?? before(ms, i, (x) => x.kind === 'amount' && x.change?.against === 'prior');
  const cur = inc && changedFigure(ms, ms.indexOf(inc));
  return inc && cur ? { inc, cur } : undefined;
}

/** The words a budget figure is named with (预算数, 年初预算为 …): shared by every rule that reads one. */
export const BUDGET_LABEL = /预算(数|为)?$|预算数?为?$/;
/** A stated budget figure (预算数, 年初预算为 …), not a 决算 or 执行 one. */
export const isBudget = (x: Mention) => BUDGET_LABEL.test(x.label) && !/决算|执行/.test(x.label);

/**
 * The budget some words speak of, among the figures before them: the one they name (年初 →
 * 年初预算, 全年 → 全年预算, 调整 → 调整预算), else the last budget. 年初预算, 全年预算 and 调整预算
 * are different figures.
 */
export function budgetNamed(pool: Mention[], words: string): Mention | undefined {
  const budgets = pool.filter(isBudget);
  const kind = /年初/.test(words) ? '年初' : /全年/.test(words) ? '全年' : /调整/.test(words) ? '调整' : '';
  const named = kind ? budgets.filter((b) => b.label.includes(kind)) : [];
  return (named.length ? named : budgets).pop();
}

/** The budget a completion rate is against: the one its own clause names (完成年初预算的 → 年初预算). */
export function budgetFor(pool: Mention[], rate: Mention): Mention | undefined {
  return budgetNamed(pool, rate.context.slice(rate.context.search(/[^，,；;：:]*$/)));
}
