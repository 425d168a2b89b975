import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { formFinding, num, show } from './common';

/** Each 自评得分 is filled in and is at most its 指标分值. */
export const formScores: Rule = {
  id: 'form-score-max',
  name: '自评得分',
  level: '强制',
  title: '每项自评得分已填写且不超过该指标分值',
  run(ctx) {
    const out: Finding[] = [];
    for (const f of ctx.forms())
      for (const i of f.indicators) {
        const w = num(i.weight);
        const s = num(i.score);
        const what = `指标“${i.name || i.level2 || '（未命名）'}”`;
        if (!s) out.push(formFinding(this.id, 'error', f, { r: i.row, c: i.weight.c }, `${what}未填写自评得分`));
        else if (w && s.gt(w))
          out.push(
            formFinding(this.id, 'error', f, i.score, `${what}自评得分 ${show(s)} 超过其分值 ${show(w)}`, { expected: `≤ ${show(w)}`, actual: show(s) }),
          );
      }
    return out;
  },
};
