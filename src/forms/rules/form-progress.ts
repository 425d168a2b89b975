import Decimal from 'decimal.js';
import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { meets, printed } from '../../core/interval';
import { formFinding, num } from './common';

/** 预算执行进度 is filled in and equals 执行数 ÷ 预算数 (in %). */
export const formProgress: Rule = {
  id: 'form-progress',
  name: '预算执行进度',
  level: '强制',
  title: '预算执行进度已填写且等于执行数 ÷ 预算数',
  run(ctx) {
    const out: Finding[] = [];
    for (const f of ctx.forms()) {
      const b = num(f.budget.total);
      const e = num(f.executed.total);
      if (!b || !e || b.isZero()) continue;
      const pct = e.div(b).times(100);
      const right = pct.toFixed(pct.isInteger() ? 0 : 2, Decimal.ROUND_HALF_UP);
      if (f.progress === null || f.progress === undefined) {
        out.push(formFinding(this.id, 'warning', f, f.executed.total, `未填写预算执行进度，应为 ${right}%`, { expected: `${right}%` }));
        continue;
      }
      const p = num(f.progress);
      if (!p) continue;
      // Written as 100 or as 1 (a fraction): either way it must say the same rate.
      const asPct = p.lte(1.5) && pct.gt(1.5) ? p.times(100) : p;
      if (!meets(printed(asPct, Math.max(f.progress.decimals ?? 0, 0)), printed(pct, 6)))
        out.push(
          formFinding(this.id, 'error', f, f.progress, `预算执行进度 ${p.toString()}% 与执行数 ${e.toString()} ÷ 预算数 ${b.toString()} = ${right}% 不符`, {
            expected: `${right}%`,
            actual: p.toString(),
          }),
        );
    }
    return out;
  },
};
