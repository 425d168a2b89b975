import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { textFinding, quote, money } from '../model';
import { Mention } from '../mentions';
import { Paragraph } from '../paragraphs';
import { isValue, isBudget, budgetNamed } from './helpers';

/**
 * The words a paragraph compares its 决算 with its 预算 in ("决算数小于预算数的主要原因…",
 * "决算数同预算数持平") against the two figures it states: 年初预算为 860.00 万元，支出决算为
 * 845.20 万元 … 决算数大于预算数 is an error. Each 科目 item (1、2、… even cut over lines) has its
 * own figures; the budget is the one the words name (年初 / 全年 / 调整), else the last stated.
 * "与预算持平" is narr-completion's (it was there first): not judged twice.
 */

const WORDS = /决算数?\s*(大于|小于|等于|超出|超过|低于|少于|多于|高于|同(?:年初|全年|调整)?预算数?持平)\s*(?:年初|全年|调整)?\s*(?:预算数?)?/g;

type Says = 'more' | 'less' | 'equal';
const SAYS: Record<string, Says> = {
  大于: 'more',
  超出: 'more',
  超过: 'more',
  多于: 'more',
  高于: 'more',
  小于: 'less',
  低于: 'less',
  少于: 'less',
  等于: 'equal',
};
const WORD_OF: Record<Says, string> = { more: '大于', less: '小于', equal: '等于（持平）' };

/** The figures stated before a point: its own paragraph up to it, and the earlier paragraphs of its item. */
function figuresBefore(paras: Paragraph[], byParagraph: Map<Paragraph, Mention[]>, p: Paragraph, at: number): Mention[] {
  const own = (byParagraph.get(p) ?? []).filter((m) => m.end <= at);
  if (!p.item) return own;
  const i = paras.indexOf(p);
  const earlier: Mention[] = [];
  for (let k = i - 1; k >= 0; k--) {
    const q = paras[k];
    if (q.section !== p.section || q.subsection !== p.subsection || q.item !== p.item) break;
    earlier.unshift(...(byParagraph.get(q) ?? []));
  }
  return [...earlier, ...own];
}

export const narrBudgetWords: Rule = {
  id: 'narr-budget-words',
  name: '预决算比较',
  level: '强制',
  title: '“决算数大于/小于/等于预算数”与所写决算数、预算数相符',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    for (const p of n.paragraphs) {
      if (p.heading) continue;
      WORDS.lastIndex = 0;
      let w: RegExpExecArray | null;
      while ((w = WORDS.exec(p.text))) {
        const says: Says = w[1].startsWith('同') ? 'equal' : SAYS[w[1]];
        const pool = figuresBefore(n.paragraphs, n.byParagraph, p, w.index).filter((m) => isValue(m) && m.unit === n.unit);
        const budget = budgetNamed(pool, w[0]);
        const actual = [...pool]
          .reverse()
          .find((m) => !isBudget(m) && /决算|执行|支出$/.test(m.label) && (!budget || m.start > budget.start || m.para !== budget.para));
        if (!budget || !actual) continue;
        const is: Says = actual.value.gt(budget.value) ? 'more' : actual.value.lt(budget.value) ? 'less' : 'equal';
        if (is === says) continue;
        const e = w.index + w[0].length;
        out.push(
          textFinding({
            rule: this.id,
            severity: 'error',
            p,
            start: w.index,
            end: e,
            message: `预决算比较不符：${quote(p, w.index, e)}，而${actual.label || '决算数'} ${money(actual.value)} 万元${WORD_OF[is]}${budget.label || '预算数'} ${money(budget.value)} 万元`,
            expected: WORD_OF[is],
            actual: w[1],
          }),
        );
      }
    }
    return out;
  },
};
