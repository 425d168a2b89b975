import Decimal from 'decimal.js';
import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { meets, printed } from '../../core/interval';
import { textFinding, quote, bindingOf } from '../model';
import { tableValue } from '../../recognize/query';
import { TO_WAN } from './helpers';

const MONEY_WORDS = /(收入|支出|合计|总计|总额|经费|资金|金额|预算|决算|拨款|费用?)$/;

/** Amounts carry the narrative's unit: 元 written for 万元 is an error; a money figure with no unit is a warning. */
export const narrUnit: Rule = {
  id: 'narr-unit',
  name: '金额单位',
  level: '强制',
  title: '情况说明中的金额单位与全文一致（万元），金额不缺单位',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    for (const m of n.mentions) {
      const p = m.para;
      if (m.kind === 'amount' && m.unit !== n.unit && TO_WAN[m.unit!] !== undefined && TO_WAN[n.unit] !== undefined) {
        // Sure when the same figure, read in the narrative's unit, is what the tables or the text say.
        const b = m.change ? undefined : bindingOf(m, n.edition);
        const tv = b ? tableValue(n.tables, b.sel, n.edition) : undefined;
        const same =
          (tv && meets(printed(m.value, m.decimals), tv.interval)) ||
          n.mentions.some((o) => o !== m && o.kind === 'amount' && o.unit === n.unit && o.value.eq(m.value));
        const fix = `${m.value.toFixed(m.decimals)}${n.unit}`;
        // A zero is zero in any unit: only the wording differs (年初预算为 0 元).
        if (m.value.isZero()) {
          out.push(
            textFinding({
              rule: this.id,
              severity: 'info',
              p,
              start: m.start,
              end: m.end,
              message: `金额单位与全文不一致：${quote(p, m.start, m.end)}（零值不影响金额），建议统一写作“${fix}”`,
              suggestion: fix,
            }),
          );
          continue;
        }
        out.push(
          textFinding({
            rule: this.id,
            severity: same ? 'error' : 'warning',
            p,
            start: m.start,
            end: m.end,
            message: same
              ? `金额单位错误：${quote(p, m.start, m.end)}应为“${fix}”（全文金额以${n.unit}为单位${tv ? `，${tv.name} 为 ${tv.value.toFixed(2)}` : ''}）`
              : `金额单位与全文不一致：${quote(p, m.start, m.end)}，全文金额以${n.unit}为单位，请核实是否应为“${fix}”`,
            suggestion: fix,
          }),
        );
      } else if (m.kind === 'bare' && MONEY_WORDS.test(m.label) && /^\s*万(?![元人册平辆台套件吨亩次户个家名])/.test(p.text.slice(m.end))) {
        // "0.39 万（含…" : 万 without 元 is a unit cut short, wrong in a published text.
        const at = m.end + p.text.slice(m.end).indexOf('万') + 1;
        out.push(
          textFinding({
            rule: this.id,
            severity: 'error',
            p,
            start: m.start,
            end: at,
            message: `金额单位不完整：${quote(p, m.start, at)}应写作“${m.value.toFixed(m.decimals)}万元”`,
            suggestion: `${m.value.toFixed(m.decimals)}万元`,
          }),
        );
      } else if (m.kind === 'bare' && m.decimals === 2 && MONEY_WORDS.test(m.label) && !new Decimal(m.value).isZero()) {
        out.push(
          textFinding({
            rule: this.id,
            severity: 'warning',
            p,
            start: m.start,
            end: m.end,
            message: `金额缺少单位：${quote(p, m.start, m.end)}，应写明“${n.unit}”`,
            suggestion: `${m.value.toFixed(2)}${n.unit}`,
          }),
        );
      }
    }
    return out;
  },
};
