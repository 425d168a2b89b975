import Decimal from 'decimal.js';
import type { Form } from './types';

/**
 * A 绩效自评表 read from a document's text whose reading went wrong (a form printed without borders,
 * its columns run together): its figures no longer belong to their labels, and every rule would find
 * something — weights adding up to 445, scores above their weights, 执行数 without its 财政资金,
 * a 自评总分 far from its scores. A sloppy form shows one or two of these; a misread one most of
 * them. Such a form is one doubt and none of its figures is checked or quoted. A workbook's form is
 * what the unit typed: never in doubt.
 */
export function formDoubt(f: Form): string | undefined {
  if (f.sheet.origin !== 'text') return undefined;
  const signs: string[] = [];
  const weights = [...f.indicators.map((i) => i.weight.value), f.rate?.weight?.value].filter((v): v is Decimal => !!v);
  const sum = weights.reduce((a, v) => a.plus(v), new Decimal(0));
  const far = weights.length > 0 && sum.minus(100).abs().gt(25);
  if (far) signs.push(`指标分值合计 ${sum.toString()}`);
  const over = f.indicators.filter((i) => i.score?.value && i.weight.value && i.score.value.gt(i.weight.value)).length;
  if (over >= 2) signs.push(`${over} 个指标得分超过分值`);
  const unscored = f.indicators.filter((i) => i.weight.value && !i.score?.value).length;
  if (unscored >= 2) signs.push(`${unscored} 个指标未读到得分`);
  const e = f.executed;
  if (e.total?.value?.gt(0) && !e.fiscal?.value?.gt(0) && !e.other?.value?.gt(0)) signs.push('执行数未读到资金来源');
  const scores = [...f.indicators.map((i) => i.score?.value), f.rate?.score?.value].filter((v): v is Decimal => !!v);
  const total = f.total?.value;
  if (
    total &&
    scores.length &&
    total
      .minus(scores.reduce((a, v) => a.plus(v), new Decimal(0)))
      .abs()
      .gt(10)
  )
    signs.push('自评总分与各项得分相差甚远');
  return signs.length >= 2 ? signs.join('，') : undefined;
}
