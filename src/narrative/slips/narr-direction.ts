import { Finding } from '../../core/findings';
import { textFinding, quote, percentStart } from '../model';
import { mentionRule } from '../rules/mentionRule';

/** 增加 with 下降, 减少 with 增长, or an increase called 持平: the words contradict the figures. */
export const narrDirection = mentionRule({
  id: 'narr-direction',
  name: '增减用词',
  level: '强制',
  title: '增减方向的用词一致（增加…增长、减少…下降；有增减额时不称持平）',
  reads: (m) => m.kind === 'amount' && !!m.change && !m.value.isZero(),
  check(m, { id, p, ms, i }) {
    const out: Finding[] = [];
    const next = ms[i + 1];
    if (next && next.kind === 'percent' && next.sentence === m.sentence && (next.relation === 'growth' || next.relation === 'decrease')) {
      const up = m.change!.sign > 0;
      if (up !== (next.relation === 'growth')) {
        const s = percentStart(next);
        out.push(
          textFinding({
            rule: id,
            severity: 'error',
            p,
            start: s,
            end: next.end,
            message: `增减方向矛盾：前文写“${up ? '增加' : '减少'}${m.value.toString()}”，后文却写 ${quote(p, s, next.end)}`,
            suggestion: up ? '增长' : '下降',
          }),
        );
      }
    }
    // "减少10万元，与上年持平": a change that is not zero is not 持平.
    const after = p.text.slice(m.end, m.end + 12);
    const level = /^[，,]?\s*与(上年|预算|年初预算)(数)?持平/.exec(after);
    if (level) {
      const s = m.end + after.indexOf('与');
      out.push(
        textFinding({
          rule: id,
          severity: 'error',
          p,
          start: s,
          end: s + level[0].replace(/^[，,]?\s*/, '').length,
          message: `增减额 ${m.value.toString()} 不为 0，却称 ${quote(p, s, s + level[0].replace(/^[，,]?\s*/, '').length)}`,
        }),
      );
    }
    return out;
  },
});
