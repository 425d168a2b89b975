import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { textFinding, quote } from '../model';
import { WORD_SLIPS } from './wordSlips';

/** Phrases that contradict themselves (大小于, 减增加, 减少为 0…与上年持平): one list of such slips, each with why. */
export const narrWording: Rule = {
  id: 'narr-wording',
  name: '用词矛盾',
  level: '强制',
  title: '情况说明的用词不自相矛盾（大于与小于、增加与减少、增减与持平不并用，收支名词不颠倒）',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    for (const p of n.paragraphs) {
      if (p.heading) continue;
      for (const slip of WORD_SLIPS) {
        const re = new RegExp(slip.re.source, 'g');
        let m: RegExpExecArray | null;
        while ((m = re.exec(p.text)))
          out.push(
            textFinding({
              rule: this.id,
              severity: slip.severity,
              p,
              start: m.index,
              end: m.index + m[0].length,
              message: `用词自相矛盾：${quote(p, m.index, m.index + m[0].length)}，${slip.why}`,
            }),
          );
      }
    }
    return out;
  },
};
