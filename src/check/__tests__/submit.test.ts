import { checkWorkbook, submitLine } from '..';
import { table03 } from '../../../tests/helpers/tables';
import { RULES } from '../registry';
import { workbookFromTsv, sampleWorkbook } from '../../../tests/helpers/grid';

/** 强制 vs 提示: the summary says 可提交 only when no finding of a 强制 rule is open. */

test('every rule declares 强制 or 提示', () => {
  for (const r of RULES) expect(['强制', '提示']).toContain(r.level);
  expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
});

test('the sample is not submittable: its 强制 findings are counted, 提示 ones are not', () => {
  const r = checkWorkbook(sampleWorkbook());
  const level = new Map(RULES.map((x) => [x.id, x.level]));
  expect(r.submittable).toBe(false);
  expect(r.blocking).toBe(r.findings.filter((f) => f.severity !== 'info' && level.get(f.rule) === '强制').length);
  expect(r.blocking).toBeLessThan(r.summary.error + r.summary.warning);
});

test('only 提示 findings left: submittable', () => {
  // A table that adds up, and a narrative whose only slip is a repeated word (提示).
  const wb = workbookFromTsv(
    table03([
      ['合计', '', '63.94', '63.94', ''],
      ['201', '一般公共服务支出', '63.94', '63.94', ''],
    ]) + '第三部分\n六、机关运行经费支出说明\n机关运行经费支出 63.94 万元，较上年增加增加 9.74 万元。\n第四部分',
  );
  const r = checkWorkbook(wb, { rules: RULES.filter((x) => x.id === 'narr-repeat' || x.level === '强制').filter((x) => x.id !== 'table-presence') });
  expect(r.findings.map((f) => f.rule)).toEqual(['narr-repeat']);
  expect(r.verdict).toBe('可提交');
  expect(r.submittable).toBe(true);
});

describe('a document in which no table is found is never 可提交', () => {
  test('prose alone (a 情况说明 checked by itself) says it checked only the narrative', () => {
    const r = checkWorkbook(workbookFromTsv('第三部分\n六、机关运行经费支出说明\n机关运行经费支出 63.94 万元，较上年增加 9.74 万元。'));
    expect(r.verdict).toBe('仅核对情况说明');
    expect(r.submittable).toBe(false);
    expect(submitLine(r)).toMatch(/^仅核对了情况说明/);
  });

  test('a document of lines and fields with no table in it: 未找到公开表, one finding for all nine', () => {
    const r = checkWorkbook(workbookFromTsv('会议纪要\n议题\t负责人\n预算执行\t张三\n资产清查\t李四'));
    expect(r.verdict).toBe('未找到公开表');
    expect(r.submittable).toBe(false);
    const missing = r.findings.filter((f) => f.rule === 'table-presence');
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toMatch(/^未找到任何公开表/);
  });

  test('one table found: the others are named one by one, and the verdict is the tables’', () => {
    const r = checkWorkbook(workbookFromTsv(table03([['合计', '', '1.00', '1.00', '']])));
    expect(r.verdict).toBe('不可提交');
    expect(r.findings.filter((f) => f.rule === 'table-presence' && /^缺少公开/.test(f.message))).toHaveLength(8);
  });
});
