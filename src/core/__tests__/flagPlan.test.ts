import { planFlags } from '../flagPlan';
import { Finding } from '../findings';

/** The flag plan: one cause on several cells is one report row and a flag on each of its cells. */

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'form-indicator',
  severity: 'warning',
  table: '绩效自评表',
  sheet: '表',
  cell: 'J10',
  related: [],
  message: '「甲」2 个指标…',
  ...over,
});

describe('planFlags', () => {
  test.each([
    ['one cell', finding({}), ['表!J10']],
    [
      'the same cause on three cells',
      finding({
        also: [
          { sheet: '表', cell: 'J11' },
          { sheet: '表', cell: 'J12' },
        ],
      }),
      ['表!J10', '表!J11', '表!J12'],
    ],
    ['a related cell is pointed to, not flagged', finding({ related: [{ sheet: '表', cell: 'B2' }] }), ['表!J10']],
    ['a cell on a sheet that is not there is left', finding({ also: [{ sheet: '别处', cell: 'A1' }] }), ['表!J10']],
  ])('%s', (_n, f, cells) => {
    const plan = planFlags([f], (name) => name === '表');
    expect(plan.cells.map((c) => `${c.sheet}!${c.cell}`)).toEqual(cells);
    expect(plan.cells.every((c) => c.note.includes('「甲」2 个指标') && c.severity === 'warning')).toBe(true);
    expect(plan.report).toHaveLength(1);
  });

  test('a cell flagged by two findings, one of them through `also`, carries both messages, worst first', () => {
    const plan = planFlags(
      [finding({ also: [{ sheet: '表', cell: 'J11' }] }), finding({ cell: 'J11', severity: 'error', message: '「甲」标为完成却未达预期' })],
      () => true,
    );
    const j11 = plan.cells.find((c) => c.cell === 'J11')!;
    expect(j11.severity).toBe('error');
    expect(j11.note.indexOf('标为完成')).toBeLessThan(j11.note.indexOf('2 个指标'));
  });
});

describe('a report row is as tall as its longest wrapped cell (printed whole in LibreOffice and WPS)', () => {
  const { reportRowHeight, REPORT_WIDTHS, REPORT_COL } = require('../flagPlan') as typeof import('../flagPlan');
  const row = (message: string, explanation = '') => {
    const v: (string | number)[] = REPORT_WIDTHS.map(() => '');
    v[0] = 1;
    v[REPORT_COL.message] = message;
    v[REPORT_COL.explanation] = explanation;
    return v;
  };
  // The message column holds 79 half-width characters a line: 39 Chinese characters.
  test.each([
    ['a short message', row('合计不符'), 1],
    ['39 Chinese characters: one line', row('字'.repeat(39)), 1],
    ['40: two lines', row('字'.repeat(40)), 2],
    ['100 Chinese characters: three lines', row('字'.repeat(100)), 3],
    ['its own line breaks count', row('第一行\n第二行\n第三行\n第四行'), 4],
    ['the narrow 说明 column decides when longer', row('短', '说明'.repeat(40)), 5],
  ])('%s', (_, values, lines) => {
    expect(reportRowHeight(values)).toBe(lines * 15 + 3);
  });
  test('never above Excel’s largest row height', () => {
    expect(reportRowHeight(row('字'.repeat(5000)))).toBe(409);
  });
});
