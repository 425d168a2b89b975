import Decimal from 'decimal.js';
import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { formFinding, num, show } from './common';
import { Indicator, Form } from '../model';
import { a1 } from '../../core/grid';

const FIRST_NUMBER = /-?\d+(?:\.\d+)?/;
/** An actual that restates a bound (小于4小时, 95%以上) says it meets it: no number to compare. */
const BOUND_WORDS = /小于|不超过|以内|以下|低于|不低于|以上|大于|超过|不少于|不多于|至少|之内/;

function holds(a: Decimal, sign: string, t: Decimal): boolean {
  switch (sign) {
    case '=':
      return a.eq(t);
    case '≥':
      return a.gte(t);
    case '≤':
      return a.lte(t);
    case '>':
      return a.gt(t);
    case '<':
      return a.lt(t);
    default:
      return true;
  }
}

/** The actual value read in the target's unit; `slip` when a % target was answered as a fraction. */
export function actualInUnit(i: Indicator): { value: Decimal; slip?: 'fraction' | 'over100' } | undefined {
  const text = i.actual?.text ?? '';
  if (BOUND_WORDS.test(text)) return undefined;
  const m = FIRST_NUMBER.exec(text.replace(/,/g, ''));
  const t = num(i.target);
  if (!m || !t) return undefined;
  const a = new Decimal(m[0]);
  // A % target (also written 百分比, or with the unit left blank while the actual reads as a fraction).
  const unit = i.unit ?? '';
  const pct = /[%％]|百分/.test(unit) || (!unit && a.lte(1) && t.gt(1) && t.lte(100));
  if (pct && !text.includes('%') && a.lte(1) && t.gt(1)) return { value: a.times(100), slip: 'fraction' };
  if (pct && a.gt(100)) return { value: a, slip: 'over100' };
  return { value: a };
}

/** The fraction slips of one form: one finding, on the first indicator's cell and each of the others'. */
function fractionFindings(f: Form, xs: { i: Indicator; what: string; right: string; sign: string; t: Decimal }[]): Finding[] {
  if (!xs.length) return [];
  const [first] = xs;
  if (xs.length === 1)
    return [
      formFinding(
        'form-indicator',
        'warning',
        f,
        first.i.actual,
        `${first.what}实际完成值写作 ${first.i.actual!.text}，而预期值以 % 计（${first.sign}${show(first.t)}%），应写作 ${first.right}`,
        {
          expected: first.right,
          actual: first.i.actual!.text,
        },
      ),
    ];
  const SHOWN = 5;
  const listed = xs.slice(0, SHOWN).map((x) => `${x.what}写作 ${x.i.actual!.text}，应为 ${x.right}`);
  return [
    formFinding(
      'form-indicator',
      'warning',
      f,
      first.i.actual,
      `${xs.length} 个指标的实际完成值把百分数写成了小数（预期值以 % 计）：${listed.join('；')}${xs.length > SHOWN ? `；等 ${xs.length} 个` : ''}，均应写作百分数`,
      { also: xs.slice(1).map((x) => ({ sheet: f.sheet.name, cell: a1(x.i.actual!.r, x.i.actual!.c) })), expected: first.right, actual: first.i.actual!.text },
    ),
  ];
}

/**
 * An indicator marked 完成 meets its 符号 and 值 (in the indicator's unit; 0.98 against a % target
 * is a unit slip, a warning); a failed comparison marked 完成, or 未完成 with full marks, is an
 * error; a deduction on a 完成 indicator with nothing written under 五、存在问题 is a hint.
 */
export const formIndicators: Rule = {
  id: 'form-indicator',
  name: '指标完成值',
  level: '提示',
  title: '指标完成情况与预期指标值、得分一致（单位按指标计）',
  run(ctx) {
    const out: Finding[] = [];
    for (const f of ctx.forms()) {
      // Fractions for percentages are one habit of whoever filled the form: one finding per form.
      const fractions: { i: Indicator; what: string; right: string; sign: string; t: Decimal }[] = [];
      for (const i of f.indicators) {
        const what = `指标“${i.name || i.level2 || '（未命名）'}”`;
        const status = i.status?.text ?? '';
        const done = /完成$/.test(status) && !/未完成|部分完成/.test(status);
        const w = num(i.weight);
        const s = num(i.score);
        const t = num(i.target);
        if (i.sign && i.sign !== '文字描述' && t) {
          const a = actualInUnit(i);
          if (a?.slip === 'fraction') fractions.push({ i, what, right: `${show(a.value)}%`, sign: i.sign, t });
          if (a?.slip === 'over100')
            out.push(
              formFinding(
                'form-indicator',
                'warning',
                f,
                i.actual,
                `${what}实际完成值 ${i.actual!.text} 超过 100%，疑为录入错误（预期 ${i.sign}${show(t)}%）`,
                { actual: i.actual!.text },
              ),
            );
          if (a && a.slip !== 'over100' && done && !holds(a.value, i.sign, t))
            out.push(
              formFinding(
                'form-indicator',
                'error',
                f,
                i.status,
                `${what}标为“完成”，但实际完成值 ${i.actual!.text} 不满足预期 ${i.sign}${show(t)}${i.unit ?? ''}`,
              ),
            );
        }
        if (/未完成/.test(status) && w && s && s.eq(w)) out.push(formFinding('form-indicator', 'error', f, i.score, `${what}标为“未完成”却得满分 ${show(s)}`));
        if (done && w && s && s.lt(w) && !f.problems.trim())
          out.push(formFinding('form-indicator', 'info', f, i.score, `${what}标为“完成”但扣了 ${show(w.minus(s))} 分，“存在问题原因及整改措施”中未作说明`));
      }
      out.push(...fractionFindings(f, fractions));
    }
    return out;
  },
};
