import Decimal from 'decimal.js';
import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { formFinding, num, show, expectedRateScore } from './common';

/** 自评总分 is filled in and equals Σ 自评得分 (a blank 预算执行率得分 counts as what it should be). */
export const formTotal: Rule = {
  id: 'form-total',
  name: '自评总分',
  level: '强制',
  title: '自评总分已填写且等于各项自评得分之和',
  run(ctx) {
    const out: Finding[] = [];
    for (const f of ctx.forms()) {
      if (!f.indicators.length) continue;
      const rateScore = num(f.rate?.score) ?? expectedRateScore(f) ?? new Decimal(0);
      const sum = f.indicators.reduce((a, i) => a.plus(num(i.score) ?? 0), new Decimal(0)).plus(rateScore);
      const at = f.totalAt;
      if (f.total === undefined) out.push(formFinding(this.id, 'error', f, f.nameCell, `缺少“自评总分”行，应为 ${show(sum)} 分`));
      else if (f.total === null) out.push(formFinding(this.id, 'error', f, at, `自评总分未填写，各项自评得分之和为 ${show(sum)}`, { expected: show(sum) }));
      else if (!num(f.total)!.eq(sum))
        out.push(
          formFinding(this.id, 'error', f, f.total, `自评总分 ${show(num(f.total)!)} ≠ 各项自评得分之和 ${show(sum)}`, {
            expected: show(sum),
            actual: show(num(f.total)!),
          }),
        );
    }
    return out;
  },
};
