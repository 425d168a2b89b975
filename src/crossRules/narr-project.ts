import Decimal from 'decimal.js';
import { Rule } from '../rules/engine';
import { Finding } from '../core/findings';
import { a1 } from '../core/grid';
import { meets, printed } from '../core/interval';
import { mentionInterval, textFinding, quote } from '../narrative/model';
import { projectKey, formFigures, FormSummary } from '../forms/read';
import { Paragraph } from '../narrative/paragraphs';
import { Mention } from '../narrative/mentions';

const ITEM = /^\s*(\d{1,2})\s*[、.．]\s*(.+?)项目(?:绩效)?(?:自评情况|自评综述|绩效自评|自评结果)/;
const NAMED_SCORE = /([^，,：:。；;]+?)项目(?:绩效)?自评得分(?:为)?\s*$/;

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

/** The form of a project: same name, else one name containing the other, else a near spelling. */
function findForm(forms: FormSummary[], title: string): { form: FormSummary; exact: boolean } | undefined {
  const k = projectKey(title);
  const same = forms.find((f) => projectKey(f.name) === k) ?? forms.find((f) => projectKey(f.name).includes(k) || k.includes(projectKey(f.name)));
  if (same) return { form: same, exact: true };
  const near = forms
    .map((f) => ({ f, d: editDistance(projectKey(f.name), k) }))
    .filter((x) => x.d <= Math.max(1, Math.floor(k.length / 10)))
    .sort((a, b) => a.d - b.d)[0];
  return near ? { form: near.f, exact: false } : undefined;
}

/**
 * The numbered project items of 预算绩效情况说明, each with its title and its figures: an item runs
 * from its numbered paragraph over the paragraphs a PDF's line breaks cut it into (same item
 * number, same sub-section), up to the next item.
 */
function projectItems(paragraphs: Paragraph[], byParagraph: Map<Paragraph, Mention[]>, performance: RegExp): Item[] {
  const out: Item[] = [];
  let cur: Item | undefined;
  for (const p of paragraphs) {
    if (!performance.test(p.section) || p.heading) {
      cur = undefined;
      continue;
    }
    const item = ITEM.exec(p.text);
    if (item) {
      cur = { p, title: item[2].trim(), ms: [...(byParagraph.get(p) ?? [])] };
      out.push(cur);
    } else if (cur && p.item && p.item === cur.p.item && p.subsection === cur.p.subsection) cur.ms.push(...(byParagraph.get(p) ?? []));
    else cur = undefined;
  }
  for (const it of out) it.score = it.ms.find((m) => m.unit === '分' && /自评得分/.test(m.context.slice(-20)));
  return out;
}

/** Scores are whole numbers as written: compared exactly unless written with decimals. */
function sameScore(a: { value: Decimal; decimals: number }, b: { value: Decimal; decimals: number }): boolean {
  if (a.decimals === 0 && b.decimals === 0) return a.value.eq(b.value);
  return meets(printed(a.value, a.decimals), printed(b.value, b.decimals));
}

function formFigure(f: { value: Decimal; decimals: number }) {
  return printed(f.value, f.decimals);
}

/**
 * 九、预算绩效情况说明: each numbered project paragraph speaks of its own project (the name in its
 * sentence is its title's), and its 自评得分, 全年预算数, 执行数 match that project's form; the
 * number of projects matches the forms.
 */
const RULE = 'narr-project';

/** A numbered project item of the narrative, with its 自评得分 mention when it states one. */
interface Item {
  p: Paragraph;
  title: string;
  ms: Mention[];
  score?: Mention;
}

const related = (f: { sheet: string; r: number; c: number }) => [{ sheet: f.sheet, cell: a1(f.r, f.c) }];

/** The project its score sentence names is the item's own (…X项目自评得分为…). */
function nameInScoreSentence({ title, score }: Item): Finding[] {
  if (!score) return [];
  const named = NAMED_SCORE.exec(score.para.text.slice(0, score.start));
  if (!named) return [];
  const who = named[1].replace(/^.*?(?:根据年初设定的绩效目标|绩效目标)\s*[，,]?\s*/, '').trim();
  const start = named.index + named[0].indexOf(named[1]) + named[1].indexOf(who);
  if (!who || projectKey(who) === projectKey(title)) return [];
  return [
    textFinding({
      rule: RULE,
      severity: 'error',
      p: score.para,
      start,
      end: start + who.length,
      message: `项目名称不符：本段是“${title}”项目，句中却写成 ${quote(score.para, start, start + who.length)} 项目的自评得分`,
      suggestion: title,
    }),
  ];
}

/** The item's form is there, under the same name (a near spelling is said). */
function formOfItem({ p, title }: Item, found: ReturnType<typeof findForm>): Finding[] {
  const ts = Math.max(0, p.text.indexOf(title));
  if (!found)
    return [
      textFinding({
        rule: RULE,
        severity: 'warning',
        p,
        start: ts,
        end: ts + title.length,
        message: `未找到“${title}”项目的绩效自评表，无法核对其自评得分和金额`,
      }),
    ];
  if (found.exact) return [];
  return [
    textFinding({
      rule: RULE,
      severity: 'warning',
      p,
      start: ts,
      end: ts + title.length,
      message: `项目名称与绩效自评表不一致：${quote(p, ts, ts + title.length)}，自评表为“${found.form.name}”`,
      suggestion: found.form.name,
    }),
  ];
}

/** Its 自评得分 is the form's 自评总分 (or, the total left blank, the sum of its scores). */
function scoreAgainstForm({ score }: Item, form: FormSummary): Finding[] {
  if (!score) return [];
  if (form.total) {
    if (sameScore(score, form.total)) return [];
    return [
      textFinding({
        rule: RULE,
        severity: 'error',
        p: score.para,
        start: score.start,
        end: score.end,
        message: `自评得分不符：${quote(score.para, score.start, score.end)}，“${form.name}”绩效自评表的自评总分为 ${form.total.value.toString()} 分`,
        suggestion: `${form.total.value.toString()}分`,
        related: related(form.total),
        expected: form.total.value.toString(),
        actual: score.value.toString(),
      }),
    ];
  }
  // The form leaves its total blank: its scores add up to what the total should be.
  if (form.total !== null || !form.scoreSum || form.scoreSum.isZero()) return [];
  if (sameScore(score, { value: form.scoreSum, decimals: form.scoreSum.decimalPlaces() })) return [];
  return [
    textFinding({
      rule: RULE,
      severity: 'error',
      p: score.para,
      start: score.start,
      end: score.end,
      message: `自评得分不符：${quote(score.para, score.start, score.end)}，“${form.name}”绩效自评表未填自评总分，其各项自评得分合计为 ${form.scoreSum.toString()} 分`,
      suggestion: `${form.scoreSum.toString()}分`,
    }),
  ];
}

/** 完成预算的 p% against the form's own 执行数 ÷ 预算数. */
function completionAgainstForm({ ms }: Item, form: FormSummary): Finding[] {
  const rate = ms.find((x) => x.kind === 'percent' && x.relation === 'completion');
  if (!rate || !form.budget || !form.executed || form.budget.value.isZero()) return [];
  const exactPct = form.executed.value.div(form.budget.value).times(100);
  if (meets(printed(rate.value, rate.decimals), printed(exactPct, 6))) return [];
  const right = exactPct.toFixed(rate.decimals, Decimal.ROUND_HALF_UP);
  return [
    textFinding({
      rule: RULE,
      severity: 'error',
      p: rate.para,
      start: rate.start,
      end: rate.end,
      message: `预算完成率不符：${quote(rate.para, rate.start, rate.end)}，“${form.name}”绩效自评表执行数 ${form.executed.value.toString()} ÷ 预算数 ${form.budget.value.toString()} = ${exactPct.toFixed(2)}%，应为 ${right}%`,
      suggestion: `${right}%`,
    }),
  ];
}

/** Its 预算数 and 执行数 are the form's. */
function moneyAgainstForm({ ms }: Item, form: FormSummary): Finding[] {
  const out: Finding[] = [];
  for (const [re, fig, what] of [
    [/(全年)?预算数$/, form.budget, '预算数'],
    [/执行数$/, form.executed, '执行数'],
  ] as const) {
    const m = ms.find((x) => x.kind === 'amount' && re.test(x.label));
    if (!m || !fig || meets(mentionInterval(m), formFigure(fig))) continue;
    out.push(
      textFinding({
        rule: RULE,
        severity: 'error',
        p: m.para,
        start: m.start,
        end: m.end,
        message: `${what}不符：${quote(m.para, m.start, m.end)}，“${form.name}”绩效自评表的${what}为 ${fig.value.toString()} 万元`,
        suggestion: `${fig.value.toString()}万元`,
        related: related(fig),
        expected: fig.value.toString(),
        actual: m.value.toString(),
      }),
    );
  }
  return out;
}

/** The number of projects the text states is the number of forms. */
function projectCount(mentions: Mention[], forms: FormSummary[], performance: RegExp): Finding[] {
  const out: Finding[] = [];
  for (const m of mentions) {
    if (m.kind !== 'count' || m.unit !== '个' || !performance.test(m.para.section)) continue;
    if (!/二级项目$/.test(m.label) && !/等$/.test(m.label)) continue;
    if (m.value.eq(forms.length) || m.decimals > 0) continue;
    out.push(
      textFinding({
        rule: RULE,
        severity: 'error',
        p: m.para,
        start: m.start,
        end: m.end,
        message: `项目个数不符：${quote(m.para, m.start, m.end)}，附后的绩效自评表共 ${forms.length} 张`,
        suggestion: `${forms.length}个`,
      }),
    );
  }
  return out;
}

export const narrProjects: Rule = {
  id: RULE,
  name: '项目绩效段落',
  level: '强制',
  title: '项目绩效段落与其绩效自评表一致（项目名称、自评得分、预算数、执行数、项目个数）',
  run(ctx) {
    const n = ctx.narrative();
    const forms = ctx.forms().map(formFigures);
    const out: Finding[] = [];
    // The performance section, as the edition names it.
    const performance = n.edition.sections.performance;
    for (const item of projectItems(n.paragraphs, n.byParagraph, performance)) {
      out.push(...nameInScoreSentence(item));
      if (!forms.length) continue;
      const found = findForm(forms, item.title);
      out.push(...formOfItem(item, found));
      if (!found) continue;
      out.push(...scoreAgainstForm(item, found.form), ...completionAgainstForm(item, found.form), ...moneyAgainstForm(item, found.form));
    }
    if (forms.length) out.push(...projectCount(n.mentions, forms, performance));
    return out;
  },
};
