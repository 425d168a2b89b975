import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { meets, printed } from '../../core/interval';
import { formFinding, num, show, expectedRateScore } from './common';

/** 预算执行率得分 = 10 × min(执行数 ÷ 预算数, 1), and it is filled in. */
export const formRateScore: Rule = {
  id: 'form-rate-score',
  name: '预算执行率得分',
  level: '强制',
  title: '预算执行率得分 = 10 × 执行数 ÷ 预算数（执行率超过 100% 的按 100% 计）',
  run(ctx) {
    const out: Finding[] = [];
    for (const f of ctx.forms()) {
      const want = expectedRateScore(f);
      if (!f.indicators.length || want === undefined) continue;
      if (!f.rate) {
        out.push(formFinding(this.id, 'error', f, f.indicators[f.indicators.length - 1].weight, `缺少“预算执行率”指标（分值 10，得分应为 ${show(want)}）`));
        continue;
      }
      const s = num(f.rate.score);
      if (!s) {
        out.push(
          formFinding(this.id, 'error', f, f.rate.weight ?? { r: f.rate.row, c: 0 }, `预算执行率未填写得分，应为 ${show(want.toDecimalPlaces(2))}`, {
            expected: show(want.toDecimalPlaces(2)),
          }),
        );
        continue;
      }
      if (!meets(printed(s, f.rate.score!.decimals ?? 0), printed(want, 6)))
        out.push(
          formFinding(this.id, 'error', f, f.rate.score, `预算执行率得分 ${show(s)} 应为 10 × min(执行率, 1) = ${show(want.toDecimalPlaces(2))}`, {
            expected: show(want.toDecimalPlaces(2)),
            actual: show(s),
          }),
        );
    }
    return out;
  },
};
