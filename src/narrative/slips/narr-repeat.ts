import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { textFinding, quote } from '../model';

/** A word written twice in a row ("增加增加", "支出支出"). */
export const narrRepeat: Rule = {
  id: 'narr-repeat',
  name: '重复词语',
  level: '提示',
  title: '没有重复的词语',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    for (const p of n.paragraphs)
      for (const m of p.text.matchAll(/(\p{Script=Han}{2,6})\1/gu)) {
        const s = m.index!;
        out.push(
          textFinding({
            rule: this.id,
            severity: 'warning',
            p,
            start: s,
            end: s + m[0].length,
            message: `词语重复：${quote(p, s, s + m[0].length)}`,
            suggestion: m[1],
          }),
        );
      }
    return out;
  },
};
