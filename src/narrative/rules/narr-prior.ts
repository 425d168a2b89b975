import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { a1 } from '../../core/grid';
import { meets, sub, printed } from '../../core/interval';
import { mentionInterval, textFinding, quote, money, bindingOf } from '../model';
import { tableValue } from '../../recognize/query';
import { isValue, changedFigure, changeInterval } from './helpers';

const LEVEL = /与上年(度)?(决算)?(相比)?持平/g;

/**
 * With last year's disclosure in the workbook (sheets 上年…): every 比上年增加/减少 equals this
 * year's figure minus last year's same table figure, and 与上年持平 means they are equal.
 */
export const narrPrior: Rule = {
  id: 'narr-prior',
  name: '与上年比较',
  level: '强制',
  title: '情况说明中与上年相比的增减额与上年公开表相符（工作簿含上年数据时）',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    if (!ctx.prior.size) return out;
    for (const [p, ms] of n.byParagraph) {
      ms.forEach((m, i) => {
        if (m.kind !== 'amount' || m.change?.against !== 'prior') return;
        const cur = changedFigure(ms, i);
        const b = cur && bindingOf(cur, ctx.edition);
        const last = b && tableValue(ctx.prior, b.sel, ctx.edition);
        if (!cur || !last) return;
        const stated = changeInterval(m);
        const actual = sub(mentionInterval(cur), last.interval);
        if (meets(stated, actual)) return;
        const d = cur.value.minus(last.value);
        const right = d.isZero() ? '与上年持平' : `${d.gt(0) ? '增加' : '减少'}${d.abs().toFixed(2)}万元`;
        out.push(
          textFinding({
            rule: this.id,
            severity: 'error',
            p,
            start: m.start,
            end: m.end,
            message: `与上年比较不符：${quote(p, m.start, m.end)}，本年 ${money(cur.value)}，上年${last.name} ${money(last.value)}，应为${right}`,
            suggestion: right,
            related: last.r >= 0 ? [{ sheet: last.table.sheet.name, cell: a1(last.r, last.c) }] : [],
          }),
        );
      });
      // 与上年持平: the figure of the clause equals last year's.
      LEVEL.lastIndex = 0;
      let lv: RegExpExecArray | null;
      while ((lv = LEVEL.exec(p.text))) {
        const at = lv.index;
        // The figure it speaks of: the clause's own, else the last one of the sentence before.
        const cur = [...ms].reverse().find((x) => x.end <= at && isValue(x) && (p.text.slice(x.end, at).match(/[；;。]/g)?.length ?? 0) <= 1);
        const b = cur && bindingOf(cur, ctx.edition);
        const last = b && tableValue(ctx.prior, b.sel, ctx.edition);
        if (!cur || !last || meets(printed(cur.value, cur.decimals), last.interval)) continue;
        const d = cur.value.minus(last.value);
        out.push(
          textFinding({
            rule: this.id,
            severity: 'error',
            p,
            start: at,
            end: at + lv[0].length,
            message: `与上年比较不符：${quote(p, at, at + lv[0].length)}，本年 ${money(cur.value)}，上年${last.name} ${money(last.value)}，${d.gt(0) ? '增加' : '减少'} ${money(d.abs())}`,
            suggestion: `${d.gt(0) ? '增加' : '减少'}${d.abs().toFixed(2)}万元`,
          }),
        );
      }
    }
    return out;
  },
};
