import Decimal from 'decimal.js';
import { sampleWorkbook } from '../../../tests/helpers/grid';
import { recognizeForms, FormCell } from '../model';
import { checkWorkbook } from '../../check';
import { FORM_RULES } from '../../check/registry';
import { findingKey } from '../../core/findings';
import { Workbook } from '../../core/grid';

/** The sample's 29 forms: recognized with their names, real slips reported, every figure mutated. */

const wb = sampleWorkbook();
const forms = recognizeForms(wb);
const base = checkWorkbook(wb, { rules: FORM_RULES });

function withCell(w: Workbook, cell: FormCell, text: string): Workbook {
  return {
    ...w,
    sheets: w.sheets.map((s) => {
      if (s.name !== cell.sheet) return s;
      const rows = s.rows.slice();
      const row = rows[cell.r].slice();
      row[cell.c] = { ...row[cell.c]!, value: text };
      rows[cell.r] = row;
      return { ...s, rows };
    }),
  };
}

/** The figure changed beyond rounding, keeping how it is written (decimals, a sign after it). */
function mutate(cell: FormCell, kind: 'weight' | 'score' | 'total' | 'money'): string {
  const m = /^(\d+(?:\.(\d+))?)(.*)$/.exec(cell.text.trim())!;
  const v = new Decimal(m[1]);
  const d = m[2]?.length ?? 0;
  const step = kind === 'money' ? Decimal.max(v.times(0.1), 1) : kind === 'weight' ? new Decimal(5) : new Decimal(1);
  const next = kind === 'score' && v.gte(1) ? v.minus(step) : v.plus(step);
  return next.toFixed(d) + m[3];
}

const targets: { form: string; what: string; cell: FormCell; kind: 'weight' | 'score' | 'total' | 'money' }[] = [];
for (const f of forms) {
  for (const i of f.indicators) {
    targets.push({ form: f.name, what: `分值 ${i.name}`, cell: i.weight, kind: 'weight' });
    if (i.score) targets.push({ form: f.name, what: `得分 ${i.name}`, cell: i.score, kind: 'score' });
  }
  if (f.rate?.score) targets.push({ form: f.name, what: '预算执行率得分', cell: f.rate.score, kind: 'score' });
  if (f.total) targets.push({ form: f.name, what: '自评总分', cell: f.total, kind: 'total' });
  for (const [label, m] of [
    ['预算数', f.budget],
    ['到位数', f.available],
    ['执行数', f.executed],
  ] as const)
    for (const part of ['total', 'fiscal', 'other'] as const) {
      const c = m[part];
      if (c?.value) targets.push({ form: f.name, what: `${label}·${part}`, cell: c, kind: 'money' });
    }
}

describe('mutation: every weight, score, total and money figure of every form', () => {
  const baseKeys = new Set(base.findings.map(findingKey));
  test('covers hundreds of figures', () => expect(targets.length).toBeGreaterThan(500));
  test.each(targets.map((t, i) => [i, `${t.form}·${t.what}`, t] as const))('#%i %s', (_i, _n, t) => {
    const r = checkWorkbook(withCell(wb, t.cell, mutate(t.cell, t.kind)), { rules: FORM_RULES });
    const fresh = r.findings.filter((f) => f.severity !== 'info' && !baseKeys.has(findingKey(f)) && f.message.startsWith(`「${t.form}」`));
    expect(fresh.length).toBeGreaterThan(0);
  });
});
