import { workbookFromTsv } from '../../../tests/helpers/grid';
import { table03 } from '../../../tests/helpers/tables';
import { checkWorkbook } from '../../check';
import { kemuNames } from '../kemu-names';

const run = (rows: string[][], note = true) => checkWorkbook(workbookFromTsv(table03(rows, note)), { rules: [kemuNames] }).findings.map((f) => f.message);

const row = (code: string, name: string): string[] => [code, name, '1.00'];
const TOTAL = ['合计', '', '1.00'];
const CLS = row('201', '一般公共服务支出');
const KUAN = row('20103', '政府办公厅（室）及相关机构事务');
const XIANG = row('2010301', '行政运行');

describe('kemu-names: a 款 or 项 whose parent is not listed', () => {
  test.each([
    ['类, 款, 项 in order', [TOTAL, CLS, KUAN, XIANG], []],
    ['a 项 after a sibling 款 of its own', [TOTAL, CLS, KUAN, row('20101', '人大事务'), XIANG], []],
    ['a 项 listed before its 款', [TOTAL, CLS, XIANG, KUAN], []],
    ['a 款 listed before its 类', [TOTAL, KUAN, CLS, XIANG], []],
    ['a 项 under another 款 of the same 类', [TOTAL, CLS, row('20101', '人大事务'), XIANG], ['20103']],
    ['a 项 with no 款 at all', [TOTAL, CLS, XIANG], ['20103']],
    ['a 款 with no 类', [TOTAL, KUAN, XIANG], ['201']],
    ['a 款 after another 类', [TOTAL, row('208', '社会保障和就业支出'), KUAN], ['201']],
  ])('%s', (_n, rows, missing) => {
    expect(run(rows as string[][]).map((m) => (m.match(/上级科目 (\d+) 未列出/) ?? [])[1])).toEqual(missing);
  });

  test('a table cut off mid-way is not judged on parents', () => {
    const wb = workbookFromTsv(
      table03(
        [
          ['合计', '', '100.00'],
          ['20103', '政府办公厅（室）及相关机构事务', '100.00'],
          ['2010301', '行政运行', '60.00'],
        ],
        false,
      ),
    );
    const r = checkWorkbook(wb, { rules: [kemuNames] });
    expect(r.recognition.tables[0].truncated).toBeDefined();
    expect(r.findings).toEqual([]);
  });
});

describe('kemu-names: a listed code printed with another name', () => {
  test.each([
    ['the 2023 name', XIANG, []],
    ['the name in full-width or half-width brackets alike', row('20103', '政府办公厅(室)及相关机构事务'), []],
    ['another name', row('2010301', '一般行政管理事务'), ['2010301']],
    ['a code the reference does not list', row('2010398', '某某事务'), []],
  ])('%s', (_n, r, codes) => {
    const rows = [TOTAL, CLS, KUAN, r as string[]];
    expect(
      run(rows)
        .filter((m) => m.includes('年科目表中为'))
        .map((m) => (m.match(/科目 (\d+)/) ?? [])[1]),
    ).toEqual(codes);
  });
});

describe('kemu-names: a wrapped name a document gives in part', () => {
  const wrapped = row('2080505', '基本养老保险');
  const rows = [TOTAL, row('208', '社会保障和就业支出'), row('20805', '行政事业单位养老支出'), wrapped];
  const named = (wb: ReturnType<typeof workbookFromTsv>) =>
    checkWorkbook(wb, { rules: [kemuNames] })
      .findings.filter((f) => f.message.includes('年科目表中为'))
      .map((f) => (f.message.match(/科目 (\d+)/) ?? [])[1]);
  test.each([
    ['a line of the wrapped name, read from a document', wrapped, 'text', []],
    ['the same piece typed into a workbook', wrapped, 'xlsx', ['2080505']],
    ['a piece too short to tell (2 characters)', row('2080505', '养老'), 'text', ['2080505']],
    ['another 科目’s name, read from a document', row('2080505', '职业年金缴费'), 'text', ['2080505']],
  ])('%s', (_n, r, origin, codes) => {
    const wb = workbookFromTsv(table03([...rows.slice(0, 3), r as string[]]));
    for (const s of wb.sheets) s.origin = origin as 'text' | 'xlsx';
    expect(named(wb)).toEqual(codes);
  });
});
