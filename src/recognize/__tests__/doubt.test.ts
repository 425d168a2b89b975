import { workbookFromTsv } from '../../../tests/helpers/grid';
import { table03 } from '../../../tests/helpers/tables';
import { checkWorkbook } from '../../check';
import { Workbook } from '../../core/grid';

/**
 * A table read from a document's text whose columns ran together is in doubt: one warning names
 * its rows, and no arithmetic error comes out of it. The same cells typed into a workbook are the
 * unit's mistakes and stay errors.
 */

const errorsOf = (wb: Workbook) => checkWorkbook(wb).findings.filter((f) => f.table === '公开03' && f.severity === 'error');
const doubtsOf = (wb: Workbook) => checkWorkbook(wb).findings.filter((f) => f.table === '公开03' && /未能可靠读取/.test(f.message));

const asWorkbook = (wb: Workbook): Workbook => {
  for (const s of wb.sheets) s.origin = 'xlsx';
  return wb;
};

describe('reading doubt in a document table', () => {
  const cases: { name: string; rows: (string | number)[][]; doubt: boolean }[] = [
    {
      name: 'two figures in one cell (基本支出 and 项目支出 run together)',
      rows: [
        ['合计', '', '5.00', '3.00 2.00', ''],
        ['201', '一般公共服务支出', '5.00', '3.00 2.00', ''],
      ],
      doubt: true,
    },
    {
      name: 'a figure glued to the 科目 name, the rest shifted left',
      rows: [
        ['合计', '', '5.00', '5.00', ''],
        ['201', '一般公共服务支出5.00', '5.00', '', ''],
      ],
      doubt: true,
    },
    {
      name: 'a name that is only figures',
      rows: [
        ['合计', '', '5.00', '5.00', ''],
        ['201', '5.005.00', '', '', ''],
      ],
      doubt: true,
    },
    {
      name: 'a row’s total read as blank while its parts hold figures (figures slid a column)',
      rows: [
        ['合计', '', '5.00', '5.00', ''],
        ['201', '一般公共服务支出', '', '5.00', ''],
      ],
      doubt: true,
    },
    {
      name: 'a clean table that does not add up',
      rows: [
        ['合计', '', '9.00', '5.00', ''],
        ['201', '一般公共服务支出', '5.00', '5.00', ''],
      ],
      doubt: false,
    },
    {
      name: 'a 科目 name with a number inside it (not glued at its end)',
      rows: [
        ['合计', '', '5.00', '5.00', ''],
        ['201', '2024年专项支出', '5.00', '5.00', ''],
      ],
      doubt: false,
    },
  ];
  test.each(cases)('$name', ({ rows, doubt }) => {
    const wb = workbookFromTsv(table03(rows));
    expect(doubtsOf(wb).length).toBe(doubt ? 1 : 0);
    if (doubt) {
      expect(doubtsOf(wb)[0].severity).toBe('warning');
      expect(doubtsOf(wb)[0].message).toMatch(/^公开03 第 \d+(–\d+)? 行未能可靠读取/);
      expect(errorsOf(wb)).toEqual([]);
    }
  });

  test('a clean table that does not add up is still an error', () => {
    const wb = workbookFromTsv(table03(cases.find((c) => c.name === 'a clean table that does not add up')!.rows));
    expect(errorsOf(wb).length).toBeGreaterThan(0);
  });

  test('the same run-together cell typed into a workbook is the unit’s error, cell by cell', () => {
    const wb = asWorkbook(workbookFromTsv(table03(cases[0].rows)));
    expect(doubtsOf(wb)).toEqual([]);
    expect(errorsOf(wb).filter((f) => f.rule === 'numeric-cell').length).toBe(2);
  });

  test('one doubt replaces the table’s 表不完整 warning (one cause, one finding)', () => {
    const wb = workbookFromTsv(table03(cases[0].rows));
    const own = checkWorkbook(wb).findings.filter((f) => f.table === '公开03' && f.rule === 'table-presence');
    expect(own.map((f) => f.message.includes('未能可靠读取'))).toEqual([true]);
  });

  test('a header line standing as a row (合计 基本支出 项目支出) is not text in amount cells', () => {
    const wb = workbookFromTsv(
      table03([
        ['合计', '', '本年支出合计', '基本支出', '项目支出'],
        ['201', '一般公共服务支出', '', '', ''],
      ]),
    );
    expect(errorsOf(wb).filter((f) => f.rule === 'numeric-cell')).toEqual([]);
    // The same line in a workbook imported from a document: column names, not the unit's text.
    expect(errorsOf(asWorkbook(wb)).filter((f) => f.rule === 'numeric-cell')).toEqual([]);
  });

  test('words that are no column names in amount cells are text to correct, in a document too', () => {
    const wb = workbookFromTsv(
      table03([
        ['合计', '', '约5万', '见附表', ''],
        ['201', '一般公共服务支出', '', '', ''],
      ]),
    );
    expect(errorsOf(asWorkbook(wb)).filter((f) => f.rule === 'numeric-cell').length).toBe(2);
  });
});
