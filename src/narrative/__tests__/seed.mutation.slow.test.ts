import Decimal from 'decimal.js';
import { sampleWorkbook } from '../../../tests/helpers/grid';
import { narrativeFigures, withFigure, Located } from '../../../tests/helpers/narrative';
import { checkWorkbook } from '../../check';
import { findingKey } from '../../core/findings';
import { bindingOf } from '../model';
import { NATIONAL_2023 } from '../../editions/national2023';

/**
 * The sample's narrative: its real mistakes are reported, nothing else is an error, and any figure
 * a table, a form or a share/growth/completion/sum relation determines, changed beyond rounding,
 * is caught (mutation test over every figure of the narrative).
 */

/** Whether the document determines a figure: a table, a form, a stated relation or a listed split. */
function determined(f: Located, all: Located[]): boolean {
  const m = f.m;
  const same = all.filter((o) => o.m.para === m.para && o.m.sentence === m.sentence);
  if (m.kind === 'percent') return m.relation !== 'other' && !(m.value.isZero() && same.some((o) => o.m.kind === 'amount' && o.m.value.isZero()));
  if (m.kind === 'count') return m.unit === '分' || (m.unit === '个' && /二级项目$|等$/.test(m.label));
  if (m.kind !== 'amount') return false;
  if (!m.change && bindingOf(m, NATIONAL_2023)) return true;
  const section = `${m.para.section} ${m.para.subsection}`;
  if (NATIONAL_2023.narrative.splits.some((s) => s.section.test(section) && (s.total.test(m.label) || s.parts.some((p) => p.test(m.label))))) return true;
  // An operand of a rate: the last amount before it, or a change (增加/减少) in its sentence.
  const ms = all.filter((o) => o.m.para === m.para).map((o) => o.m);
  const i = ms.indexOf(m);
  const next = ms.slice(i + 1).find((x) => x.kind === 'amount' || x.kind === 'percent');
  if (next?.kind === 'percent' && next.relation !== 'other' && next.sentence <= m.sentence + 1) return true;
  if (
    m.change &&
    ms.some((x) => x.kind === 'percent' && x.sentence === m.sentence && (x.relation === 'growth' || x.relation === 'decrease' || x.relation === 'completion'))
  )
    return true;
  return false;
}

describe('mutation: every determined figure of the sample narrative, changed beyond rounding, is caught', () => {
  const wb = sampleWorkbook();
  const baseKeys = new Set(checkWorkbook(wb).findings.map(findingKey));
  const figures = narrativeFigures(wb);
  const targets = figures.filter((f) => determined(f, figures));

  test('the sample has many determined figures', () => {
    expect(targets.length).toBeGreaterThan(150);
  });

  test.each(targets.map((f, i) => [i, `${f.sheet}!A${f.r + 1} ${f.m.label}${f.m.value.toString()}${f.m.unit ?? ''}`, f] as const))('#%i %s', (_i, _name, f) => {
    const m = f.m;
    // Beyond rounding: +10% (at least one unit of the figure) keeps the figure's decimals.
    const step = m.kind === 'count' ? new Decimal(1) : Decimal.max(1, m.value.times(0.1)).toDecimalPlaces(m.decimals, Decimal.ROUND_UP);
    const mutated = withFigure(wb, f, m.value.plus(step).toFixed(m.decimals));
    const fresh = checkWorkbook(mutated).findings.filter((x) => x.severity !== 'info' && !baseKeys.has(findingKey(x)));
    expect(fresh.length).toBeGreaterThan(0);
  });
});
