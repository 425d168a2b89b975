import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { sum } from '../../core/interval';
import { mentionInterval, textFinding, money } from '../model';
import { Mention } from '../mentions';
import { isValue } from './helpers';

/**
 * 政府采购: what 中小企业 won can not exceed what was bought. The text states the total
 * (政府采购金额…为 X) and what 中小企业 won in the projects reserved for them and in the other
 * projects; those two are disjoint parts of the total (小微企业's share is inside the reserved
 * part, not added to it). Their sum beyond the total, past rounding, is an error.
 */

/** The words of a figure's own clause chain: from the last ；or 。 before it up to it. */
function segment(m: Mention): string {
  const t = m.para.text;
  let s = m.start;
  while (s > 0 && !/[；;。]/.test(t[s - 1])) s--;
  return t.slice(s, m.start).replace(/\s+/g, '');
}

const isTotal = (m: Mention) => /政府采购(支出)?(金额|总额)/.test(m.label) && !/预留|中小|小微|货物|工程|服务/.test(segment(m));
const wonInReserved = (m: Mention) => /采购金额$/.test(m.label) && /预留/.test(segment(m)) && /由中小企业供应商/.test(segment(m));
const wonInOthers = (m: Mention) => /采购金额$/.test(m.label) && /其他政府采购项目/.test(segment(m)) && /由中小企业供应商/.test(segment(m));

export const narrProcurement: Rule = {
  id: 'narr-procurement',
  name: '政府采购构成',
  level: '强制',
  title: '中小企业在预留项目和其他项目中的采购金额之和不超过政府采购总额',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    const ms = n.mentions.filter((m) => isValue(m) && m.unit === n.unit);
    const totals = ms.filter(isTotal);
    const reserved = ms.filter(wonInReserved);
    const others = ms.filter(wonInOthers);
    // One statement of each: several (a per-unit list) is left alone rather than paired by guess.
    if (totals.length !== 1 || reserved.length !== 1 || others.length !== 1) return out;
    const [total, a, b] = [totals[0], reserved[0], others[0]];
    const parts = sum([mentionInterval(a), mentionInterval(b)]);
    if (!parts.lo.gt(mentionInterval(total).hi)) return out;
    const both = a.value.plus(b.value);
    out.push(
      textFinding({
        rule: this.id,
        severity: 'error',
        p: b.para,
        start: b.start,
        end: b.end,
        message: `政府采购构成不符：中小企业在预留项目中 ${money(a.value)} 万元、在其他项目中 ${money(b.value)} 万元，合计 ${money(both)} 万元，超过政府采购总额 ${money(total.value)} 万元`,
        expected: `≤ ${money(total.value)}`,
        actual: money(both),
      }),
    );
    return out;
  },
};
