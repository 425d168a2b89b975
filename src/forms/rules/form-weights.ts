import Decimal from 'decimal.js';
import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { formFinding, num, show } from './common';

/** 指标分值 add to 100: the indicators' 90 and the 预算执行率's 10. */
export const formWeights: Rule = {
  id: 'form-weights',
  name: '指标分值',
  level: '强制',
  title: '绩效自评表各指标分值之和为 100（含预算执行率 10 分）',
  run(ctx) {
    const out: Finding[] = [];
    for (const f of ctx.forms()) {
      if (!f.indicators.length) continue;
      const rateW = num(f.rate?.weight);
      if (f.rate && rateW && !rateW.eq(10)) out.push(formFinding(this.id, 'error', f, f.rate.weight, `预算执行率的分值为 ${show(rateW)}，应为 10`));
      const sum = f.indicators.reduce((a, i) => a.plus(num(i.weight) ?? 0), new Decimal(0)).plus(rateW ?? 0);
      if (!sum.eq(100))
        out.push(
          formFinding(
            this.id,
            'error',
            f,
            f.indicators[0].weight,
            `指标分值合计为 ${show(sum)}，应为 100（各指标 ${show(sum.minus(rateW ?? 0))} + 预算执行率 ${show(rateW ?? new Decimal(0))}）`,
            { expected: '100', actual: show(sum) },
          ),
        );
    }
    return out;
  },
};
