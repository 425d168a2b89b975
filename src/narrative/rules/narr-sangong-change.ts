import Decimal from 'decimal.js';
import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { meets, sum, exact, Interval } from '../../core/interval';
import { textFinding, quote, money } from '../model';
import { Mention } from '../mentions';
import { changeInterval } from './helpers';

/**
 * The parts of a change add up: the “三公” total's change against last year is the sum of its three
 * items' changes (因公出国（境）费, 公务用车购置及运行费, 公务接待费; an item 与上年持平 changed by 0),
 * wherever the section states them. Only when the total's and all three items' changes are stated.
 */

const ITEMS: [string, RegExp][] = [
  ['因公出国（境）费', /出国|出境|出访/],
  ['公务用车购置及运行费', /公务用车|车辆购置|购置及运行/],
  ['公务接待费', /接待/],
];
const TOTAL = /三公/;

/** The words a change speaks of: its clause up to the change (因公出国（境）费较上年增加). */
const clauseOf = (m: Mention) => m.context.slice(m.context.search(/[^，,；;。]*$/));

export const narrSangongChange: Rule = {
  id: 'narr-sangong-change',
  name: '三公增减',
  level: '强制',
  title: '“三公”经费合计比上年的增减额等于因公出国（境）费、公务用车购置及运行费、公务接待费增减额之和',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    const sections = new Map<string, Mention[]>();
    for (const m of n.mentions) {
      if (!n.edition.sections.sangong.test(m.para.section) || m.kind !== 'amount' || m.change?.against !== 'prior') continue;
      sections.set(m.para.section, [...(sections.get(m.para.section) ?? []), m]);
    }
    for (const [section, ms] of sections) {
      const item = (m: Mention) => {
        const words = clauseOf(m);
        const hits = ITEMS.filter(([, re]) => re.test(words));
        return hits.length === 1 ? hits[0][0] : undefined;
      };
      // The total's change: one naming no item in its clause, in a sentence about the 三公 经费.
      const total = ms.find((m) => !item(m) && TOTAL.test(m.context));
      if (!total) continue;
      const changes = new Map<string, Interval>();
      for (const m of ms) {
        const k = item(m);
        if (k && !changes.has(k)) changes.set(k, changeInterval(m));
      }
      // An item 与上年持平 changed by nothing.
      for (const p of n.paragraphs.filter((x) => x.section === section)) {
        for (const [name, re] of ITEMS) {
          if (changes.has(name)) continue;
          for (const s of p.text.split(/[。；;]/))
            if (re.test(s) && /与上年(度)?(决算)?持平/.test(s) && !/三公/.test(s)) changes.set(name, exact(new Decimal(0)));
        }
      }
      if (changes.size !== ITEMS.length) continue;
      const parts = sum([...changes.values()]);
      const stated = changeInterval(total);
      if (meets(stated, parts)) continue;
      const mid = parts.lo.plus(parts.hi).div(2);
      out.push(
        textFinding({
          rule: this.id,
          severity: 'error',
          p: total.para,
          start: total.start,
          end: total.end,
          message: `“三公”经费增减不符：${quote(total.para, total.start, total.end)}，而三项经费比上年增减之和为 ${money(mid)} 万元（${ITEMS.map(([name]) => `${name} ${money(changes.get(name)!.lo.plus(changes.get(name)!.hi).div(2))}`).join('，')}）`,
        }),
      );
    }
    return out;
  },
};
