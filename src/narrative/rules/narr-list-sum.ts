import Decimal from 'decimal.js';
import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { meets, sum, printed, Interval, exact, div, mul } from '../../core/interval';
import { mentionInterval, textFinding, quote, money, bindingOf, figuresOf } from '../model';
import { Mention } from '../mentions';
import { isValue, sameSection, isBudget } from './helpers';
import { shareBase } from './narr-share';

/**
 * Lists add up: a total and its parts (基本支出 = 人员经费 + 公用经费, 政府采购 = 货物 + 工程 + 服务,
 * 收入来源, 支出类别, 公务用车), and the shares of a complete split add to 100%.
 */
export const narrListSum: Rule = {
  id: 'narr-list-sum',
  name: '分项合计',
  level: '强制',
  title: '情况说明中列举的分项之和等于总数，完整拆分的占比之和为 100%',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    const seen = new Set<Mention>();
    for (const p of n.paragraphs) {
      for (const split of n.edition.narrative.splits) {
        if (!split.section.test(`${p.section} ${p.subsection}`)) continue;
        const kindOk = (m: Mention) => (split.unit === 'count' ? m.kind === 'count' && m.unit === '辆' : isValue(m));
        const ms = (n.byParagraph.get(p) ?? []).filter(kindOk);
        // The total the parts make up is the 决算 (its 预算 stated beside it is not split).
        const total = ms.find((m) => split.total.test(m.label) && !isBudget(m)) ?? ms.find((m) => split.total.test(m.label));
        if (!total || seen.has(total)) continue;
        // Parts follow the total in its paragraph or in the next ones of the section.
        const section = sameSection(n, p);
        const after = section
          .slice(section.indexOf(p))
          .flatMap((q) => (n.byParagraph.get(q) ?? []).filter(kindOk))
          .filter((m) => m !== total && (m.para !== p || m.start > total.start));
        const parts = split.parts.map((re) => after.find((m) => re.test(m.label) && m.unit === total.unit)).filter((m): m is Mention => !!m);
        if (parts.length < 2) continue;
        seen.add(total);
        const complete = parts.length === split.parts.length;
        // Counts are exact; amounts stand for their rounding interval.
        const iv = (m: Mention) => (split.unit === 'count' ? exact(m.value) : mentionInterval(m));
        const sumIv = sum(parts.map(iv));
        const totIv = iv(total);
        const broken = complete ? !meets(sumIv, totIv) : sumIv.lo.gt(totIv.hi);
        if (!broken) continue;
        const s = parts.reduce((a, m) => a.plus(m.value), new Decimal(0));
        const fmt = (v: Decimal) => (split.unit === 'count' ? v.toString() : money(v));
        out.push(
          textFinding({
            rule: this.id,
            severity: 'error',
            p,
            start: total.start,
            end: total.end,
            message: `分项之和与总数不符：${quote(p, total.start, total.end)}，而 ${parts.map((m) => `${m.label} ${fmt(m.value)}`).join(' + ')} = ${fmt(s)}${complete ? '' : '，已超过总数'}`,
            suggestion: `${split.unit === 'count' ? s.toString() : s.toFixed(2)}${total.unit}`,
            expected: fmt(s),
            actual: fmt(total.value),
            ...figuresOf(parts),
          }),
        );
      }
      // Shares of one base whose amounts make up the whole base add to 100%.
      const ms = n.byParagraph.get(p) ?? [];
      const groups = new Map<Mention, { pct: Mention; part: Mention }[]>();
      ms.forEach((m, i) => {
        if (m.kind !== 'percent' || m.relation !== 'share') return;
        let part: Mention | undefined;
        for (let j = i - 1; j >= 0 && !part; j--) if (isValue(ms[j])) part = ms[j];
        if (!part) return;
        const base = shareBase(n, ms, i, part);
        if (!base?.mention) return;
        groups.set(base.mention, [...(groups.get(base.mention) ?? []), { pct: m, part }]);
      });
      for (const [base, list] of groups) {
        if (list.length < 2) continue;
        const parts: Interval[] = list.map((x) => mentionInterval(x.part));
        if (!meets(sum(parts), mentionInterval(base))) continue; // not the whole base
        // A wrong share is reported by itself; the sum speaks only when each share is consistent.
        const baseIv = mentionInterval(base);
        const eachOk = list.every((x) => {
          const r = div(mul(mentionInterval(x.part), exact(new Decimal(100))), baseIv);
          return !r || meets(r, printed(x.pct.value, x.pct.decimals));
        });
        if (!eachOk) continue;
        const pcts = sum(list.map((x) => printed(x.pct.value, x.pct.decimals)));
        if (meets(pcts, exact(new Decimal(100)))) continue;
        const total = list.reduce((a, x) => a.plus(x.pct.value), new Decimal(0));
        const first = list[0].pct;
        const last = list[list.length - 1].pct;
        out.push(
          textFinding({
            rule: this.id,
            severity: 'error',
            p,
            start: first.start,
            end: last.end,
            message: `各项占比之和为 ${total.toString()}%，不等于 100%（${base.label} 的各组成部分已全部列出）`,
          }),
        );
      }
    }
    // Splits known by the cells their figures name (三公: total = 出国 + 公务用车 + 接待).
    for (const split of n.edition.narrative.cellSplits) {
      const inSection = n.mentions.filter((m) => isValue(m) && m.unit === n.unit && split.section.test(m.para.section));
      const byCol = new Map<string, Mention>();
      for (const m of inSection) {
        const b = bindingOf(m, n.edition);
        const col = b && 'col' in b.sel ? b.sel.col : undefined;
        if (col && !byCol.has(col)) byCol.set(col, m);
      }
      const total = byCol.get(split.total);
      const parts = split.parts.map((c) => byCol.get(c));
      if (!total || parts.some((x) => !x)) continue;
      const ps = parts as Mention[];
      if (meets(sum(ps.map(mentionInterval)), mentionInterval(total))) continue;
      const s = ps.reduce((a, m) => a.plus(m.value), new Decimal(0));
      out.push(
        textFinding({
          rule: this.id,
          severity: 'error',
          p: total.para,
          start: total.start,
          end: total.end,
          message: `分项之和与总数不符：${quote(total.para, total.start, total.end)}，而各项 ${ps.map((m) => money(m.value)).join(' + ')} = ${money(s)}`,
          suggestion: `${s.toFixed(2)}${total.unit}`,
          ...figuresOf(ps),
        }),
      );
    }
    return out;
  },
};
