import Decimal from 'decimal.js';
import { sampleWorkbook } from '../../../tests/helpers/grid';
import { recognizeForms } from '../model';
import { checkWorkbook } from '../../check';
import { FORM_RULES } from '../../check/registry';

/** The sample's 29 forms: recognized with their names, real slips reported, every figure mutated. */

const wb = sampleWorkbook();
const forms = recognizeForms(wb);
const base = checkWorkbook(wb, { rules: FORM_RULES });

describe('the sample’s forms', () => {
  test('29 forms, each with its name, money, indicators and the 预算执行率 row', () => {
    expect(forms).toHaveLength(29);
    for (const f of forms) {
      expect(f.name.length).toBeGreaterThan(1);
      expect(f.budget.total?.value).toBeDefined();
      expect(f.executed.total?.value).toBeDefined();
      expect(f.indicators.length).toBeGreaterThanOrEqual(6);
      expect(f.rate?.weight?.value?.toNumber()).toBe(10);
    }
    // Every form's weights add to 100 once rows shifted by the PDF are read by meaning.
    const weights = forms.map((f) =>
      f.indicators
        .reduce((a, i) => a.plus(i.weight.value ?? 0), new Decimal(0))
        .plus(10)
        .toNumber(),
    );
    expect(new Set(weights)).toEqual(new Set([100]));
  });

  test('its real slips are reported', () => {
    const errs = base.findings.filter((f) => f.severity === 'error').map((f) => f.message);
    expect(errs.filter((m) => m.includes('自评总分未填写'))).toHaveLength(2);
    expect(errs.filter((m) => m.includes('预算执行率未填写得分'))).toHaveLength(2);
    expect(errs.filter((m) => m.startsWith('「政务信息稿酬费」') && m.includes('总体完成率却为 0'))).toHaveLength(3);
    const warn = base.findings.filter((f) => f.severity === 'warning').map((f) => f.message);
    expect(warn.some((m) => m.includes('955') && m.includes('超过 100%'))).toBe(true);
    expect(warn.some((m) => m.includes('写作 0.98，应为 98%'))).toBe(true);
    // One finding per form for its fractions, each of its cells flagged with it (95 cells, 29 forms).
    const fractions = base.findings.filter((f) => f.rule === 'form-indicator' && /把百分数写成了小数|而预期值以 % 计/.test(f.message));
    expect(new Set(fractions.map((f) => f.message.slice(0, f.message.indexOf('」')))).size).toBe(fractions.length);
    expect(fractions.reduce((n, f) => n + 1 + (f.also?.length ?? 0), 0)).toBeGreaterThan(fractions.length * 2);
    expect(warn.filter((m) => m.includes('未填写预算执行进度'))).toHaveLength(2);
  });

  test('no error outside those slips', () => {
    const errs = base.findings.filter((f) => f.severity === 'error');
    expect(errs).toHaveLength(7);
  });
});
