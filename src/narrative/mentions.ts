import Decimal from 'decimal.js';
import { Paragraph } from './paragraphs';

/**
 * Figures quoted in a paragraph: amounts with their unit and the phrase that names them,
 * percentages with the relation they state (share, growth, completion), counts.
 */

export type Unit = '万元' | '亿元' | '千元' | '元';

export interface Mention {
  kind: 'amount' | 'percent' | 'count' | 'bare';
  value: Decimal;
  decimals: number;
  /** Offsets in the paragraph text: the number, and the number with its unit. */
  start: number;
  end: number;
  unit?: string;
  /** The phrase naming the figure: from the clause start to the number, cleaned. */
  label: string;
  /** The sentence up to the number (for bindings that need the subject). */
  context: string;
  /** For amounts: a change against last year or the budget. */
  change?: { sign: 1 | -1; against: 'prior' | 'budget' };
  /** For percentages: what the percentage states. */
  relation?: 'share' | 'growth' | 'decrease' | 'completion' | 'other';
  /** For shares written 占X的p%: the base's name X. */
  baseLabel?: string;
  /**
   * Which 科目 item of the paragraph the figure belongs to: a list of 科目 written in one paragraph
   * ("“一般公共服务支出（类）…（项）” 355.81 万元，…。“社会保障和就业支出（类）…” 209.50 万元…")
   * is items one after another, each with its own 预算 and 决算; 0 before the first (or without any).
   */
  item: number;
  /** Index of the sentence in the paragraph (split at 。). */
  sentence: number;
  /** Index of the clause (split at ，,；;。：:). */
  clause: number;
  para: Paragraph;
}

const NUM =
  /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d.]*[A-Za-z])\s*(万\s?元|亿\s?元|千\s?元|元|%|个|辆|人次|人|批次|台|套|组|次|年|月|日|分|册|平方米|项|家|名|倍)?/g;
const FUND_BUDGET = /(一般公共|政府性基金|国有资本经营)预算/g;
const CLAUSE_DELIM = /[，,；;。：:]/;
const COUNT_UNITS = new Set(['个', '辆', '人次', '人', '批次', '台', '套', '组', '次', '册', '平方米', '项', '家', '名']);

/** Clean a label phrase: drop 本部门/本单位, years, parentheses, quotes, verbs at its end. */
export function cleanLabel(s: string): string {
  return s
    .replace(/[（(][^（()）]*[)）]/g, '')
    .replace(/^(其中|主要|包括|另外|此外|同时|以及|和|及|与)+/, '')
    .replace(/(本部门|本单位|本年度|本级)/g, '')
    .replace(/\d{4}\s*年度?/g, '')
    .replace(/[“”"'‘’《》、\s]/g, '')
    .replace(/(为|是|达到|达|共计|合计为|总计为|约)$/g, '')
    .trim();
}

function sentenceIndex(text: string, at: number): number {
  let n = 0;
  for (let i = 0; i < at; i++) if (text[i] === '。') n++;
  return n;
}

function clauseIndex(text: string, at: number): number {
  let n = 0;
  for (let i = 0; i < at; i++) if (CLAUSE_DELIM.test(text[i])) n++;
  return n;
}

/**
 * The 科目 item a figure speaks of: its paragraph's number (a numbered item is one 科目 over the
 * paragraphs a PDF's line breaks cut it into), else its place among the 科目 written one after
 * another in its paragraph.
 */
export const itemOf = (m: Mention): string => (m.para.item ? `n${m.para.item}` : `u${m.item}`);

/** A 科目 named by its path: …（类）, …（款）, …（项）. */
const KEMU_PATH = /[（(](?:类|款|项)[）)]/;

/**
 * Where each 科目 item of a paragraph begins: a sentence (or clause after ；) whose words before its
 * first figure name a 科目 by its path, quoted or bracketed, numbered or not.
 */
export function itemStarts(text: string): number[] {
  const out: number[] = [];
  const re = /(^|[。；;])\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const s = m.index + m[0].length;
    if (s >= text.length) break;
    // (After an item's number: "1、行政运行（项）…".)
    const head = text
      .slice(s, s + 80)
      .replace(/^\d{1,2}\s*[、.．]\s*/, '')
      .split(/\d/)[0];
    if (KEMU_PATH.test(head)) out.push(s);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Extract every figure of a paragraph. */
export function extractMentions(p: Paragraph): Mention[] {
  const text = p.text;
  const out: Mention[] = [];
  const items = itemStarts(text);
  NUM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUM.exec(text))) {
    const start = m.index;
    // Not inside a number or a word (a lookbehind, written out: see matchAllNotAfter).
    if (start > 0 && /[\dA-Za-z.]/.test(text[start - 1])) {
      NUM.lastIndex = start + 1;
      continue;
    }
    const intPart = m[1].replace(/,/g, '');
    const dec = m[2];
    // A PDF may space a unit's characters apart ("万 元"): the unit is the same.
    const unit = m[3]?.replace(/\s+/g, '');
    const end = start + m[0].length;
    if (unit === '年' || unit === '月' || unit === '日') continue;
    // Ordinal numbering (1. / 2、) and section numbers are not figures.
    if (!unit && !dec && /^\s*$/.test(text.slice(0, start)) && /^[、.]/.test(text.slice(end))) continue;
    let value: Decimal;
    try {
      value = new Decimal(intPart + (dec ? '.' + dec : ''));
    } catch {
      continue;
    }
    // Phrase before the number, back to the clause start.
    let ls = start;
    while (ls > 0 && !CLAUSE_DELIM.test(text[ls - 1])) ls--;
    const rawLabel = text.slice(ls, start);
    const label = cleanLabel(rawLabel);
    let ss = start;
    while (ss > 0 && text[ss - 1] !== '。') ss--;
    const context = text.slice(ss, start);
    const kind: Mention['kind'] =
      unit === '%'
        ? 'percent'
        : unit && /元$/.test(unit)
          ? 'amount'
          : unit && COUNT_UNITS.has(unit)
            ? 'count'
            : unit === '分' || unit === '倍'
              ? 'count'
              : 'bare';
    const mention: Mention = {
      kind,
      value,
      decimals: dec ? dec.length : 0,
      start,
      end,
      unit,
      label,
      context,
      item: items.filter((at) => at <= start).length,
      sentence: sentenceIndex(text, start),
      clause: clauseIndex(text, start),
      para: p,
    };
    if (kind === 'amount') {
      const ch = /(增加|增长|减少|下降|节约|超支)了?$/.exec(rawLabel.replace(/\s+/g, ''));
      if (ch) {
        // 一般公共预算 / 政府性基金预算 name a fund, not a budget figure to compare with.
        const against = /预算/.test(rawLabel.replace(FUND_BUDGET, '')) ? 'budget' : 'prior';
        mention.change = { sign: /增加|增长|超支/.test(ch[1]) ? 1 : -1, against };
      }
    }
    if (kind === 'percent') {
      // A rate's words end in how it is named: 占比 / 所占比重为 / 占…的比例为 a share; 增幅为 /
      // 增长率为 / 降幅 a change — the same relations as 占 / 增长 / 下降.
      const before = rawLabel.replace(/\s+/g, '').replace(/(?:为|达到?|是)$/, '');
      const share = /占(.*?)的?(?:比例|比重|比率|比)?$/.exec(before);
      if (/占/.test(before)) {
        mention.relation = 'share';
        const base = share ? cleanLabel(share[1].replace(/的$/, '')) : '';
        if (base) mention.baseLabel = base;
      } else if (/完成|为(?:年初|全年|调整后?)?预算数?的$/.test(before)) mention.relation = 'completion';
      else if (/(?:(?:增长|增加|上升|提高)(?:了|率|幅度?)?|增幅|涨幅)$/.test(before)) mention.relation = 'growth';
      else if (/(?:(?:下降|减少|降低)(?:了|率|幅度?)?|降幅|减幅)$/.test(before)) mention.relation = 'decrease';
      else mention.relation = 'other';
    }
    out.push(mention);
  }
  shareSubjects(out);
  return out;
}

const BARE_ACTUAL = /^(?:支出)?决算(?:数)?$/;
const BARE_BUDGET = /^(?:支出)?(?:年初|全年|调整后?)?预算(?:数)?$/;
const NAMED = /^(.{2,}?)(?:支出)?(?:(?:年初|全年|调整后?)?预算|决算)(?:数)?$/;

/**
 * "公务用车购置及运行维护费预算为 A，支出决算 B": the 决算 is that 科目's, named once for both. A bare
 * 决算 (or 预算) after a named 预算 (or 决算) in its sentence takes its name, as it would read
 * written the other way round ("…支出决算为 B，预算为 A").
 */
function shareSubjects(ms: Mention[]): void {
  for (let i = 1; i < ms.length; i++) {
    const m = ms[i];
    const bare = BARE_ACTUAL.test(m.label) ? '支出决算' : BARE_BUDGET.test(m.label) ? m.label.replace(/^支出/, '') : '';
    if (!bare || m.kind !== 'amount' || m.change) continue;
    const prev = ms[i - 1];
    if (prev.sentence !== m.sentence || prev.kind !== 'amount' || prev.change) continue;
    // The other stage: a 预算 names a 决算, a 决算 a 预算.
    if (BARE_ACTUAL.test(m.label) === /决算/.test(prev.label)) continue;
    const named = NAMED.exec(prev.label);
    if (named && !BARE_ACTUAL.test(prev.label) && !BARE_BUDGET.test(prev.label)) m.label = named[1] + bare;
  }
}
