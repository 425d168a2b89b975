import Decimal from 'decimal.js';
import { a1 } from '../../core/grid';
import { Finding, Severity } from '../../core/findings';
import { Form, FormCell } from '../model';

/** A finding on a form's cell (or on its name when the cell is missing). */
export function formFinding(
  rule: string,
  severity: Severity,
  form: Form,
  at: FormCell | { r: number; c: number } | undefined,
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  const pos = at ?? form.nameCell;
  return { rule, severity, table: '绩效自评表', sheet: form.sheet.name, cell: a1(pos.r, pos.c), related: [], message: `「${form.name}」${message}`, ...extra };
}

export const num = (c?: FormCell | null): Decimal | undefined => c?.value;
export const show = (d: Decimal) => (d.isInteger() ? d.toString() : d.toDecimalPlaces(4).toString());

/** Expected 预算执行率得分: 10 × min(执行数 ÷ 预算数, 1), scaled to the row's weight. */
export function expectedRateScore(form: Form): Decimal | undefined {
  const b = num(form.budget.total);
  const e = num(form.executed.total);
  const w = num(form.rate?.weight) ?? new Decimal(10);
  if (!b || !e || b.isZero()) return undefined;
  return w.times(Decimal.min(e.div(b), 1));
}
