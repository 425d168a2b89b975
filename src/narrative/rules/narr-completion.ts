import Decimal from 'decimal.js';
import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { Interval, div, mul, meets, exact, printed, sub } from '../../core/interval';
import { mentionInterval, textFinding, quote, money, percentFinding, figuresOf } from '../model';
import { Mention, itemOf } from '../mentions';
import { isValue, changeInterval, isBudget, budgetFor, BUDGET_LABEL } from './helpers';

/** The words a completion rate is stated with, that name no item: 完成年初预算的, 预算完成率为, 较年初… */
const RATE_WORDS = /其中|总体|全年|年初|调整|预算|决算|数|较|比|完成|执行|率|为|达到|达|的|了|约|共|总|计|\s/g;

/** Whether a rate's own clause names what it is the rate of (a project, a 科目). */
export function namesOwnSubject(m: Mention): boolean {
  const t = m.context;
  const clause = t.slice(t.search(/[^，,；;：:]*$/));
  return clause.replace(/[（(][^）)]*[）)]/g, '').replace(RATE_WORDS, '').length >= 2;
}

/** 完成(年初)预算的 p%: the rate equals 决算(执行)数 ÷ 预算数; a stated 比预算增加/减少 gives the budget. */
export const narrCompletion: Rule = {
  id: 'narr-completion',
  name: '预算完成率',
  level: '强制',
  title: '情况说明中的预算完成率与决算数、预算数相符：决算数 ÷ 预算数',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    for (const [p, ms] of n.byParagraph)
      ms.forEach((m, i) => {
        if (m.kind !== 'percent' || m.relation !== 'completion') return;
        // Figures of this sentence (and 科目 item) before the rate, else of the previous sentence.
        let pool = ms.slice(0, i).filter((x) => x.sentence === m.sentence && itemOf(x) === itemOf(m) && isValue(x));
        // The previous sentence's figures, only for a rate that names no subject of its own: "其中
        // 项目支出规划服务较年初完成 92%" is one project's rate, not the sentence before's.
        if (!pool.length && !namesOwnSubject(m)) pool = ms.slice(0, i).filter((x) => x.sentence === m.sentence - 1 && itemOf(x) === itemOf(m) && isValue(x));
        // A rate stated before its base ("支出决算为 A 万元，完成预算的 R%，年初预算为 B 万元"): the
        // base the rest of its sentence gives.
        const later = ms.slice(i + 1).filter((x) => x.sentence === m.sentence && itemOf(x) === itemOf(m) && isValue(x) && isBudget(x));
        const budget = budgetFor(pool, m) ?? budgetFor(later, m);
        const actual = [...pool].reverse().find((x) => x !== budget && !isBudget(x) && (!budget || x.unit === budget.unit));
        if (!actual) return;
        let budgetIv: Interval | undefined;
        let budgetV: Decimal | undefined;
        let budgetName = '预算数';
        // The text's figures the rate is computed with (the budget, or the change it is told by).
        let via: Mention | undefined = budget;
        if (budget) {
          budgetIv = mentionInterval(budget);
          budgetV = budget.value;
          budgetName = budget.label || budgetName;
        } else {
          const ch = ms
            .slice(i + 1)
            .find((x: Mention) => x.sentence === m.sentence && x.kind === 'amount' && x.change?.against === 'budget' && x.unit === actual.unit);
          if (!ch) return;
          via = ch;
          const d = changeInterval(ch);
          budgetIv = sub(mentionInterval(actual), d);
          budgetV = actual.value.minus(ch.value.times(ch.change!.sign));
          budgetName = `预算数（${money(actual.value)} ${ch.change!.sign > 0 ? '−' : '+'} ${money(ch.value)}）`;
        }
        if (budget) {
          // A stated 比预算增加/减少 with both figures given: it is 决算 − 预算.
          const ch = ms.find(
            (x) => x.sentence >= actual.sentence && x.sentence <= m.sentence && x.kind === 'amount' && x.change?.against === 'budget' && x.unit === actual.unit,
          );
          if (ch) {
            const stated = changeInterval(ch);
            if (!meets(stated, sub(mentionInterval(actual), budgetIv))) {
              const d = actual.value.minus(budgetV!);
              out.push(
                textFinding({
                  rule: this.id,
                  severity: 'error',
                  p,
                  start: ch.start,
                  end: ch.end,
                  message: `与预算比较不符：${quote(p, ch.start, ch.end)}，而决算 ${money(actual.value)} − 预算 ${money(budgetV!)} = ${money(d)}`,
                  suggestion: `${d.gte(0) ? '增加' : '减少'}${d.abs().toFixed(2)}万元`,
                  ...figuresOf([actual, budget]),
                }),
              );
            }
          }
        }
        if (budgetIv.lo.lte(0)) return; // against a zero budget: another rule's concern
        const rate = div(mul(mentionInterval(actual), exact(new Decimal(100))), budgetIv);
        if (!rate || meets(rate, printed(m.value, m.decimals))) return;
        const exactPct = actual.value.div(budgetV!).times(100);
        out.push(
          percentFinding(
            this.id,
            m,
            (q, right) =>
              `预算完成率不符：${q}，而 ${actual.label || '决算数'} ${money(actual.value)} ÷ ${budgetName} ${money(budgetV!)} = ${exactPct.toFixed(2)}%，应为 ${right}%`,
            exactPct,
            [actual, via],
          ),
        );
      });
    // 与预算持平: the 决算 and 预算 of the sentence, or of the last sentence before it that states
    // figures ("预算为 A，决算 B。完成预算的 100%。与预算持平" speaks of A and B).
    for (const [p, ms] of n.byParagraph) {
      const re = /与(年初)?预算(数)?持平/g;
      let lv: RegExpExecArray | null;
      while ((lv = re.exec(p.text))) {
        const at = lv.index;
        const sentence = p.text.slice(0, at).split('。').length - 1;
        const values = ms.filter((x) => x.end <= at && isValue(x));
        const stated = values.filter((x) => x.sentence < sentence).pop()?.sentence;
        const near = values.filter((x) => x.sentence === sentence || x.sentence === stated);
        const budget = [...near].reverse().find(isBudget);
        const actual = [...near].reverse().find((x) => x !== budget && /决算|执行|支出|收入/.test(x.label) && !BUDGET_LABEL.test(x.label));
        if (!budget || !actual || actual.unit !== budget.unit || meets(mentionInterval(actual), mentionInterval(budget))) continue;
        const d = actual.value.minus(budget.value);
        out.push(
          textFinding({
            rule: this.id,
            severity: 'error',
            p,
            start: at,
            end: at + lv[0].length,
            message: `与预算比较不符：${quote(p, at, at + lv[0].length)}，而决算 ${money(actual.value)}、预算 ${money(budget.value)}，${d.gt(0) ? '超出' : '低于'}预算 ${money(d.abs())}`,
            ...figuresOf([actual, budget]),
          }),
        );
      }
    }
    return out;
  },
};
