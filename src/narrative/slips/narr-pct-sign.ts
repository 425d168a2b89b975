import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { textFinding, quote } from '../model';

/** A share written without its % sign ("占76.23"). */
export const narrPctSign: Rule = {
  id: 'narr-pct-sign',
  name: '百分号',
  level: '强制',
  title: '占比、增长率、完成率带百分号',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    for (const m of n.mentions) {
      if (m.kind !== 'bare') continue;
      const before = m.para.text.slice(Math.max(0, m.start - 12), m.start).replace(/\s+/g, '');
      if (!/(占[^，,。；;]{0,10}的?|增长|下降|完成[^，,。；;]{0,8}的)$/.test(before)) continue;
      const p = m.para;
      out.push(
        textFinding({
          rule: this.id,
          severity: 'error',
          p,
          start: m.start,
          end: m.end,
          message: `百分比缺少“%”：${quote(p, m.start, m.end)}`,
          suggestion: `${m.para.raw.slice(m.start, m.end).trim()}%`,
        }),
      );
    }
    return out;
  },
};
