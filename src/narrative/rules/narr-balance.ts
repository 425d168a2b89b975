import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { meets } from '../../core/interval';
import { mentionInterval, textFinding, quote, money } from '../model';
import { Mention } from '../mentions';
import { isValue } from './helpers';

/**
 * The totals the text states hold together without the tables (whose reading may be in doubt):
 * 收入总计 = 支出总计 (both include the carry-overs), and a 总计 is never below the year's
 * 本年收入合计 or 本年支出合计 of the same funds ("收入支出总计 0 万元" above a 本年收入合计 of
 * 9,746.50 is an error). Funds are told apart by their words: 财政拨款, 一般公共预算… .
 */

const FUNDS = /一般公共预算财政拨款|政府性基金预算财政拨款|国有资本经营预算财政拨款|财政拨款/;
const fundsOf = (m: Mention) => FUNDS.exec(m.label)?.[0] ?? '';

type Kind = 'both' | 'income' | 'expense' | 'yearIncome' | 'yearExpense';
function kindOf(m: Mention): Kind | undefined {
  const l = m.label;
  if (/(收入支出|收支)总计$/.test(l)) return 'both';
  if (/收入总计$/.test(l)) return 'income';
  if (/支出总计$/.test(l)) return 'expense';
  if (/本年收入合计$/.test(l)) return 'yearIncome';
  if (/本年支出合计$/.test(l)) return 'yearExpense';
  return undefined;
}

export const narrBalance: Rule = {
  id: 'narr-balance',
  name: '收支总计',
  level: '强制',
  title: '情况说明中收入总计等于支出总计，总计不小于本年收入合计、本年支出合计',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    const byFunds = new Map<string, Map<Kind, Mention>>();
    for (const m of n.mentions) {
      if (!isValue(m) || m.unit !== n.unit) continue;
      const k = kindOf(m);
      if (!k) continue;
      const f = fundsOf(m);
      const kinds = byFunds.get(f) ?? new Map<Kind, Mention>();
      byFunds.set(f, kinds);
      // The first statement of each: later ones are narr-twice's to compare.
      if (!kinds.has(k)) kinds.set(k, m);
    }
    for (const kinds of byFunds.values()) {
      const inc = kinds.get('income');
      const exp = kinds.get('expense');
      if (inc && exp && !meets(mentionInterval(inc), mentionInterval(exp))) {
        out.push(
          textFinding({
            rule: this.id,
            severity: 'error',
            p: exp.para,
            start: exp.start,
            end: exp.end,
            message: `收入总计与支出总计应相等：收入总计 ${money(inc.value)} 万元，此处支出总计为 ${quote(exp.para, exp.start, exp.end)}`,
          }),
        );
        continue;
      }
      for (const total of [kinds.get('both'), inc, exp]) {
        if (!total) continue;
        const year = [kinds.get('yearIncome'), kinds.get('yearExpense')].find((y) => y && mentionInterval(y).lo.gt(mentionInterval(total).hi));
        if (!year) continue;
        out.push(
          textFinding({
            rule: this.id,
            severity: 'error',
            p: total.para,
            start: total.start,
            end: total.end,
            message: `总计小于本年合计：${quote(total.para, total.start, total.end)}，而${year.label} 为 ${money(year.value)} 万元（总计含本年收支，不应更小）`,
          }),
        );
        break;
      }
    }
    return out;
  },
};
