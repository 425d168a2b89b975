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

describe('a doubt is a doubt in every host: one warning, never a run of errors', () => {
  const hosts: [string, (wb: Workbook) => Workbook][] = [
    ['a document', (wb) => wb],
    ['a workbook', asWorkbook],
  ];
  const warned = (wb: Workbook) =>
    checkWorkbook(wb).findings.filter((f) => f.table === '公开03' && f.rule === 'table-presence' && /未能可靠读取|数据疑似错位/.test(f.message));
  const cases: { name: string; rows: (string | number)[][]; why: RegExp }[] = [
    {
      name: 'a heading (款) standing in an amount column',
      rows: [
        ['合计', '', '5.00', '5.00', ''],
        ['201', '一般公共服务支出', '款', '5.00', ''],
        ['20101', '人大事务', '5.00', '5.00', ''],
      ],
      why: /表头文字出现在金额栏/,
    },
    {
      name: 'codes read twice over (类 | 款 | 项 read as the 类 alone)',
      rows: [
        ['合计', '', '15.00', '15.00', ''],
        ['201', '一般公共服务支出', '5.00', '5.00', ''],
        ['201', '人大事务', '5.00', '5.00', ''],
        ['201', '行政运行', '5.00', '5.00', ''],
      ],
      why: /科目编码重复/,
    },
    {
      name: 'a 合计 three times smaller than its 类 (each row read as a 类)',
      rows: [
        ['合计', '', '5.00', '5.00', ''],
        ['201', '一般公共服务支出', '5.00', '5.00', ''],
        ['208', '人大事务', '5.00', '5.00', ''],
        ['210', '行政运行', '5.00', '5.00', ''],
      ],
      why: /整数倍/,
    },
    {
      name: 'most relations failing at once (rows’ figures slid a column to the right)',
      rows: [
        ['合计', '', '30.00', '18.00', '12.00'],
        ['201', '一般公共服务支出', '', '20.00', '12.00', '8.00'],
        ['20101', '人大事务', '', '20.00', '12.00', '8.00'],
        ['2010101', '行政运行', '', '12.00', '12.00', ''],
        ['2010102', '一般行政管理事务', '', '8.00', '', '8.00'],
        ['208', '社会保障和就业支出', '', '10.00', '6.00', '4.00'],
        ['20805', '行政事业单位养老支出', '10.00', '6.00', '4.00'],
      ],
      why: /合计关系中 \d+ 项同时不成立/,
    },
  ];
  for (const [host, as] of hosts)
    test.each(cases)(`${host}: $name`, ({ rows, why }) => {
      const wb = as(workbookFromTsv(table03(rows)));
      const w = warned(wb);
      expect(w).toHaveLength(1);
      expect(w[0].severity).toBe('warning');
      // (In a document's text a total read blank beside its parts is already a reading doubt.)
      expect(w[0].message).toMatch(host === 'a document' && /不成立/.test(why.source) ? /不成立|数字可能错栏/ : why);
      expect(w[0].message).toMatch(host === 'a document' ? /未能可靠读取/ : /数据疑似错位/);
      expect(errorsOf(wb)).toEqual([]);
    });

  test('one wrong figure breaks three relations at most: errors, no doubt', () => {
    const wb = workbookFromTsv(
      table03([
        ['合计', '', '30.00', '20.00', '10.00'],
        ['201', '一般公共服务支出', '20.00', '20.00', ''],
        ['20101', '人大事务', '21.00', '20.00', ''],
        ['2010101', '行政运行', '20.00', '20.00', ''],
        ['208', '社会保障和就业支出', '10.00', '', '10.00'],
        ['20805', '行政事业单位养老支出', '10.00', '', '10.00'],
      ]),
    );
    expect(warned(wb)).toEqual([]);
    expect(errorsOf(wb).length).toBeGreaterThanOrEqual(1);
    expect(errorsOf(wb).every((f) => /\b201(01)? /.test(f.message))).toBe(true);
  });

  test('a block one row off its 科目 is the row shift it is, not a doubt', () => {
    const wb = workbookFromTsv(
      table03([
        ['合计', '', '30.00', '30.00', ''],
        ['201', '一般公共服务支出', '20.00', '20.00', ''],
        ['20101', '人大事务', '20.00', '20.00', ''],
        ['2010101', '行政运行', '', '', ''],
        ['208', '社会保障和就业支出', '20.00', '20.00', ''],
        ['20805', '行政事业单位养老支出', '10.00', '10.00', ''],
        ['2080501', '行政单位离退休', '10.00', '10.00', ''],
        ['', '', '10.00', '10.00', ''],
      ]),
    );
    expect(warned(wb)).toEqual([]);
  });
});
