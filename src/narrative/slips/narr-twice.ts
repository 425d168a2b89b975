import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { meets } from '../../core/interval';
import { textFinding, quote, mentionInterval, bindingOf, money } from '../model';
import { Mention, itemOf } from '../mentions';
import { isValue } from '../rules/helpers';

/** A measure word that names nothing by itself (采购金额, 预算金额): its subject is in the clauses before it. */
const GENERIC = /^(?:共?涉及|共计|合计)?(?:采购|预算|决算|支出|收入|合同|资金)?(?:金额|总额|数额|数)$/;

/**
 * The clauses of the sentence before a generic label ("在其他政府采购项目中，由中小企业供应商中标
 * 的，采购金额 0.00 万元"): two 采购金额 under different subjects are two figures.
 */
function subjectOf(m: Mention): string {
  if (!GENERIC.test(m.label)) return '';
  const cut = m.context.search(/[^，,；;：:]*$/);
  // (Words that only lead into a clause name no subject: 经统计，经复核，其中，…)
  return m.context
    .slice(0, cut)
    .replace(/(经统计|经复核|经核实|据统计|其中|另外|此外|同时)[，,：:]?/g, '')
    .replace(/[\d.,\s]+(万元|亿元|元)?/g, '');
}

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
      // Numbered items (1、2、…), and 科目 items one after another in a paragraph, each speak of
      // their own 科目 or project: compare within one only.
      const key = `${m.para.section}|${m.para.subsection}|${itemOf(m)}|${subjectOf(m)}${m.label}|${m.unit}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, m);
        continue;
      }
      if (meets(mentionInterval(first), mentionInterval(m))) continue;
      out.push(
        textFinding({
          rule: this.id,
          severity: 'error',
          p: m.para,
          start: m.start,
          end: m.end,
          message: `同一项目数值不一致：“${m.label}”前文为 ${money(first.value)}，此处为 ${quote(m.para, m.start, m.end)}`,
        }),
      );
    }
    return out;
  },
};
