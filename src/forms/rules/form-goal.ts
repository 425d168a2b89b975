import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { formFinding, num } from './common';

/** A goal reported done (its 具体完成情况 written) has a 总体完成率 other than 0. */
export const formGoals: Rule = {
  id: 'form-goal',
  name: '目标完成率',
  level: '强制',
  title: '已填写完成情况的年度目标，总体完成率不为 0',
  run(ctx) {
    const out: Finding[] = [];
    for (const f of ctx.forms())
      for (const g of f.goals) {
        const rate = num(g.rate);
        if (g.actual && rate && rate.isZero())
          out.push(
            formFinding(this.id, 'error', f, g.rate, `年度目标已填写完成情况（“${g.actual.slice(0, 20)}…”），总体完成率却为 0`, { actual: g.rate!.text }),
          );
      }
    return out;
  },
};
