import { oneCausePerCell } from '../causes';
import { checkWorkbook } from '..';
import { TABLE_RULES } from '../../rules';
import { RULES } from '../registry';
import { ruleContext } from '../context';
import type { Rule } from '../contract';
import { recognize, recognizeSheet, assemble, scopeOfSheet, pickTableSet, scanTexts, PRIOR_PREFIX } from '../../recognize';
import { sortFindings, Finding } from '../../core/findings';
import { Workbook, Sheet } from '../../core/grid';
import { sampleTablesText, sheetFromTsv } from '../../../tests/helpers/grid';
import { table03 } from '../../../tests/helpers/tables';

/** A copy of a sheet under another name, its cells copied (changing one changes no other sheet). */
function copySheet(s: Sheet, name: string): Sheet {
  return { ...s, name, rows: s.rows.map((row) => row.map((c) => (c ? { ...c } : c))), merges: [...s.merges] };
}

/** Set the first cell holding `from` to `to`. */
function replaceFirst(s: Sheet, from: string, to: string): void {
  for (const row of s.rows)
    for (const c of row)
      if (c && c.value === from) {
        c.value = to;
        return;
      }
  throw new Error(`no cell ${from}`);
}

const rows03 = [
  ['合计', '', '100.00'],
  ['201', '一般公共服务支出', '100.00'],
  ['20103', '政府办公厅（室）及相关机构事务', '100.00'],
  ['2010301', '行政运行', '60.00'],
];

/**
 * A consolidated workbook: three units, each a disclosure on a sheet of its own (one with a
 * broken 款 and one a 项 off by 1.00), last year's disclosure, and two sheets of one table each
 * (the workbook's own disclosure: a 公开03 whose 项 do not add up, and the same table again).
 */
function consolidated(): Workbook {
  const unit = sheetFromTsv('单位001', sampleTablesText());
  const second = copySheet(unit, '单位002');
  replaceFirst(second, '355.81', '356.81');
  const third = copySheet(unit, '单位003');
  replaceFirst(third, '1,920.38', '1,921.38');
  const prior = copySheet(unit, `${PRIOR_PREFIX}单位001`);
  return { sheets: [unit, second, prior, sheetFromTsv('公开03', table03(rows03)), third, sheetFromTsv('公开03副本', table03(rows03))] };
}

/** Every rule run once on the whole workbook's context: what a check finds, in its order. */
function allAtOnce(wb: Workbook, rules: Rule[]): Finding[] {
  const scan = scanTexts(wb);
  const set = pickTableSet(wb, scan);
  const ctx = ruleContext(set, recognize(wb, set, scan), wb, scan);
  return sortFindings(oneCausePerCell(rules.flatMap((r) => r.run(ctx))));
}

describe('a consolidated workbook is checked one disclosure at a time', () => {
  test('the same findings as every rule run once on the whole workbook', () => {
    const wb = consolidated();
    const r = checkWorkbook(wb, { rules: RULES });
    const expected = allAtOnce(wb, RULES);
    expect(r.findings).toEqual(expected);
    // The case is not empty: broken relations in the units and in the workbook's own disclosure.
    const errorsBySheet = new Set(r.findings.filter((f) => f.severity === 'error' && f.rule !== 'table-presence').map((f) => f.sheet));
    expect([...errorsBySheet].sort()).toEqual(['公开03', '单位002', '单位003']);
    expect(r.findings.some((f) => f.rule === 'table-presence' && f.message.includes('重复出现'))).toBe(true);
    expect(r.recognition).toEqual(recognize(wb, pickTableSet(wb)));
  });

  test("last year's sheets are not checked", () => {
    const wb = consolidated();
    const prior = wb.sheets.find((s) => s.name.startsWith(PRIOR_PREFIX))!;
    replaceFirst(prior, '355.81', '999.81');
    expect(checkWorkbook(wb).findings.filter((f) => f.sheet === prior.name)).toEqual([]);
  });

  test('a per-disclosure rule that fails on one unit says so once, and what it found elsewhere is kept', () => {
    let calls = 0;
    const flaky: Rule = {
      id: 'flaky',
      level: '强制',
      title: '测试规则',
      perDisclosure: true,
      run(ctx) {
        calls++;
        const out: Finding[] = [];
        for (const scope of ctx.scopes) {
          if (scope.id === 'sheet:单位002') throw new Error('坏了');
          for (const t of scope.tables.values())
            out.push({ rule: 'flaky', severity: 'warning', table: t.spec.code, sheet: t.sheet.name, cell: 'A1', related: [], message: '有' });
        }
        return out;
      },
    };
    const r = checkWorkbook(consolidated(), { rules: [...TABLE_RULES, flaky] });
    const mine = r.findings.filter((f) => f.rule === 'flaky');
    expect(mine.filter((f) => f.message.includes('执行异常'))).toHaveLength(1);
    expect(mine.filter((f) => f.message.includes('执行异常'))[0].message).toBe('规则“测试规则”执行异常，未完成核对：坏了');
    expect(new Set(mine.filter((f) => f.message === '有').map((f) => f.sheet))).toEqual(new Set(['单位001', '单位003', '公开03']));
    // Once per unit sheet, then once for the rest (the workbook's own disclosure).
    expect(calls).toBe(4);
  });
});

describe("scopeOfSheet: which disclosure a sheet's tables belong to", () => {
  const set = pickTableSet({ sheets: [] });
  const unit = sheetFromTsv('单位001', sampleTablesText());
  test.each([
    ['several tables: a disclosure of its own', unit, 'sheet:单位001'],
    ["one table: part of the workbook's", sheetFromTsv('公开03', table03(rows03)), 'workbook'],
    ["last year's, several tables", copySheet(unit, `${PRIOR_PREFIX}单位001`), `prior:${PRIOR_PREFIX}单位001`],
    ["last year's, one table", sheetFromTsv(`${PRIOR_PREFIX}公开03`, table03(rows03)), 'prior'],
    ['no table at all', sheetFromTsv('封面', '部门名称：某局'), 'workbook'],
  ])('%s', (_n, sheet, scope) => {
    expect(scopeOfSheet(recognizeSheet(sheet as Sheet, set))).toBe(scope);
  });

  test('recognize is assemble over each sheet recognized on its own', () => {
    const wb = consolidated();
    const s = pickTableSet(wb);
    expect(assemble(wb.sheets.map((x) => recognizeSheet(x, s)))).toEqual(recognize(wb, s));
  });
});
