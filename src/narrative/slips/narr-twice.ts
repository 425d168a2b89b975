import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { meets } from '../../core/interval';
import { textFinding, quote, mentionInterval, bindingOf, money } from '../model';
import { Mention } from '../mentions';
import { isValue } from '../rules/helpers';

/**
 * One figure quoted twice with two values (职业年金 257.14 and 245.53): the same specific label in
 * one section. Figures the tables hold are left to the table check; generic totals are not compared.
 */
export const narrTwice: Rule = {
  id: 'narr-twice',
  name: '前后数值一致',
  level: '强制',
  title: '同一项目在情况说明中多次出现时数值一致',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    const seen = new Map<string, Mention>();
    for (const m of n.mentions) {
      if (!isValue(m) || m.label.length < 4 || /合计|总计|总额|支出$|收入$|经费$|资金$/.test(m.label) || bindingOf(m, n.edition)) continue;
      // Numbered paragraphs (1、2、…) each speak of their own item: compare within one only.
      const item = /^\s*(\d{1,2})\s*[、.．]/.exec(m.para.text)?.[1] ?? '';
      const key = `${m.para.section}|${m.para.subsection}|${item}|${m.label}|${m.unit}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, m);
        continue;
      }
      if (meets(mentionInterval(first), mentionInterval(m))) continue;
      out.push(
        textFinding(
          this.id,
          'error',
          m.para,
          m.start,
          m.end,
          `同一项目数值不一致：“${m.label}”前文为 ${money(first.value)}，此处为 ${quote(m.para, m.start, m.end)}`,
        ),
      );
    }
    return out;
  },
};
