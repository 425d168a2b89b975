import { textFinding, quote } from '../model';
import { mentionRule } from '../rules/mentionRule';

/** A share written without its % sign ("占76.23"). */
export const narrPctSign = mentionRule({
  id: 'narr-pct-sign',
  name: '百分号',
  level: '强制',
  title: '占比、增长率、完成率带百分号',
  reads: (m) => m.kind === 'bare',
  check(m, { id }) {
    const before = m.para.text.slice(Math.max(0, m.start - 12), m.start).replace(/\s+/g, '');
    if (!/(占[^，,。；;]{0,10}的?|增长|下降|完成[^，,。；;]{0,8}的)$/.test(before)) return undefined;
    const p = m.para;
    return textFinding({
      rule: id,
      severity: 'error',
      p,
      start: m.start,
      end: m.end,
      message: `百分比缺少“%”：${quote(p, m.start, m.end)}`,
      suggestion: `${m.para.raw.slice(m.start, m.end).trim()}%`,
    });
  },
});
