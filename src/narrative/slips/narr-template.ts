import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { matchAllNotAfter } from '../../core/text';
import { textFinding, quote } from '../model';
import { BOTH_DIRECTIONS } from '../phrases';

/** Each pattern, the reason, and a character that must not come right before a match (XX inside a word). */
const LEFTOVERS: [RegExp, string, RegExp?][] = [
  [BOTH_DIRECTIONS, '模板中的“增加（减少）”“下降（增长）”未改成实际的一种'],
  [/(X{2,}|x{2,})(?![A-Za-z])|×{2,}|＊{2,}/g, '模板占位符未替换', /[A-Za-z]/],
  [/【请填写[^】]*】/g, '起草时留下的待填内容未补全'],
  [/。{2,}|，{2,}|；{2,}/g, '标点重复'],
  [/主要原因是[:：]?\s*(?=[。；;]|$)/g, '“主要原因是”后没有写原因'],
];

/** Template text left in the narrative: 增加（减少）, XX/××, 。。, an empty 主要原因是, our own 【请填写…】. */
export const narrTemplate: Rule = {
  id: 'narr-template',
  name: '模板残留',
  level: '强制',
  title: '情况说明中没有残留的模板文字和占位符',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    for (const p of n.paragraphs)
      for (const [re, why, notAfter] of LEFTOVERS)
        for (const m of notAfter ? matchAllNotAfter(p.text, re, notAfter, (x) => x[1] !== undefined) : p.text.matchAll(re)) {
          const s = m.index!;
          const e = s + Math.max(m[0].length, 1);
          out.push(textFinding({ rule: this.id, severity: 'error', p, start: s, end: e, message: `${why}：${quote(p, s, e)}` }));
        }
    return out;
  },
};
