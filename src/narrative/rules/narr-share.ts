import Decimal from 'decimal.js';
import { Interval, div, mul, meets, exact, printed } from '../../core/interval';
import { Narrative, mentionInterval, money, baseByName, percentFinding } from '../model';
import { tableValue } from '../../recognize/query';
import { Mention } from '../mentions';
import { isValue, before, sameSection, isBudget } from './helpers';
import { mentionRule } from './mentionRule';

const TOTAL_WORDS = /(合计|总计|总额)$/;

export interface ShareBase {
  interval: Interval;
  value: Decimal;
  name: string;
  mention?: Mention;
}

/** The base a share is taken of: the named total, else the total the paragraph (or section) opens with. */
export function shareBase(n: Narrative, ms: Mention[], i: number, part: Mention): ShareBase | undefined {
  const m = ms[i];
  const asBase = (b: Mention): ShareBase => ({ interval: mentionInterval(b), value: b.value, name: b.label, mention: b });
  const section = sameSection(n, m.para).flatMap((p) => n.byParagraph.get(p) ?? []);
  if (m.baseLabel) {
    const bl = m.baseLabel;
    const named = section.filter(
      (x) => isValue(x) && x !== part && x.unit === part.unit && (x.label === bl || x.label.endsWith(bl) || (x.label.length >= 4 && bl.endsWith(x.label))),
    );
    if (named.length) return asBase(named.find((x) => x.para === m.para && x.start < part.start) ?? named[0]);
    // A total stated once for the whole document (本年支出合计 in 三、), named again in a later section.
    const anywhere = n.mentions.filter((x) => isValue(x) && x !== part && x.unit === part.unit && x.label === bl && TOTAL_WORDS.test(bl));
    if (anywhere.length && anywhere.every((x) => x.value.eq(anywhere[0].value))) return asBase(anywhere[0]);
    const sel = baseByName(bl, n.edition);
    const tv = sel ? tableValue(n.tables, sel, n.edition) : undefined;
    return tv ? { interval: tv.interval, value: tv.value, name: tv.name } : undefined;
  }
  // The total the paragraph opens with; else the last total stated earlier in the section
  // (支出结构: "支出合计 … 主要用于以下方面：" then the classes); else the paragraph's first amount.
  const inPara = ms.slice(0, ms.indexOf(part)).filter((x) => isValue(x) && x.unit === part.unit);
  const total = inPara.find((x) => TOTAL_WORDS.test(x.label));
  if (total) return asBase(total);
  // A paragraph that introduces this one ("…支出 307.82 万元，主要用于以下方面：") gives its figure.
  const prev = n.paragraphs[n.paragraphs.indexOf(m.para) - 1];
  if (prev && !prev.heading && prev.section === m.para.section && prev.subsection === m.para.subsection && /[：:]\s*$/.test(prev.text)) {
    const intro = (n.byParagraph.get(prev) ?? []).filter((x) => isValue(x) && x.unit === part.unit).pop();
    if (intro) return asBase(intro);
  }
  const earlier = section.filter(
    (x) => x.para !== m.para && isValue(x) && x.unit === part.unit && TOTAL_WORDS.test(x.label) && n.paragraphs.indexOf(x.para) < n.paragraphs.indexOf(m.para),
  );
  const last = earlier[earlier.length - 1];
  if (last) return asBase(last);
  // The paragraph's first figure of the same kind: a paragraph stating 预算 then 决算 takes its
  // items' shares of the 决算 (三公: 预算 30.00，决算 26.03，其中 因公出国 23.45，占 90.1%).
  const head = inPara.find((x) => isBudget(x) === isBudget(part)) ?? inPara[0];
  return head ? asBase(head) : undefined;
}

/** 占 p%: each share equals its amount over the paragraph's base, within rounding. */
export const narrShare = mentionRule({
  id: 'narr-share',
  name: '占比',
  level: '强制',
  title: '情况说明中的占比与其金额、基数相符（如 基本支出 ÷ 本年支出合计）',
  reads: (m) => m.kind === 'percent' && m.relation === 'share',
  check(m, { id, n, ms, i }) {
    const part = before(ms, i, isValue);
    if (!part) return undefined;
    const base = shareBase(n, ms, i, part);
    if (!base || (base.interval.lo.lte(0) && base.interval.hi.gte(0))) return undefined;
    const ratio = div(mul(mentionInterval(part), exact(new Decimal(100))), base.interval);
    if (!ratio || meets(ratio, printed(m.value, m.decimals))) return undefined;
    const exactPct = part.value.div(base.value).times(100);
    return percentFinding(
      id,
      m,
      (q, right) => `占比不符：${q}，而 ${part.label} ${money(part.value)} ÷ ${base.name} ${money(base.value)} = ${exactPct.toFixed(2)}%，应为 ${right}%`,
      exactPct,
      [part, base.mention],
    );
  },
});
