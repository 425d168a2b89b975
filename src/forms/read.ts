import Decimal from 'decimal.js';
import { normLabel } from '../core/text';
import { Form, FormCell } from './model';

/**
 * The figures of each 绩效自评表 the narrative quotes: project name, 预算数, 执行数, 自评总分
 * (and Σ 自评得分 for a form whose total is blank). Built on the form recognizer.
 */

export interface FormFigure {
  value: Decimal;
  decimals: number;
  sheet: string;
  r: number;
  c: number;
}

export interface FormSummary {
  name: string;
  sheet: string;
  r: number;
  c: number;
  budget?: FormFigure;
  executed?: FormFigure;
  /** undefined: no 自评总分 row; null: the row is there but the total is blank. */
  total?: FormFigure | null;
  /** Σ of the 自评得分 (indicators and 预算执行率). */
  scoreSum?: Decimal;
}

const figure = (c?: FormCell | null): FormFigure | undefined =>
  c?.value ? { value: c.value, decimals: c.decimals ?? 0, sheet: c.sheet, r: c.r, c: c.c } : undefined;

/** A recognized form's figures the narrative quotes. */
export function formFigures(f: Form): FormSummary {
  const scores = [...f.indicators.map((i) => i.score), f.rate?.score].filter((x): x is FormCell => !!x?.value);
  return {
    name: f.name,
    sheet: f.nameCell.sheet,
    r: f.nameCell.r,
    c: f.nameCell.c,
    budget: figure(f.budget.total),
    executed: figure(f.executed.total),
    total: f.total === undefined ? undefined : f.total === null ? null : (figure(f.total) ?? null),
    scoreSum: scores.length ? scores.reduce((a, x) => a.plus(x.value!), new Decimal(0)) : undefined,
  };
}

/** Canonical project name for matching: no quotes, brackets, spaces; half-width. */
export function projectKey(name: string): string {
  return normLabel(name)
    .replace(/[《》〈〉<>“”"'‘’【】\[\]()（）·•]/g, '')
    .replace(/(项目|经费)$/, '')
    .toLowerCase();
}
