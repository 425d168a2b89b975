import { workbookFromTsv } from '../../../tests/helpers/grid';
import { table03 } from '../../../tests/helpers/tables';
import { scanTexts, recognize, pickTableSet } from '../../recognize';
import { mentions, holdsNonNumber, holdsNoNonNumber, columnMask, textsInRows, scanOfSheet } from '../textScan';
import { Cell } from '../grid';
import { tableSet } from '../../editions';

const rows = [
  ['合计', '', '100.00'],
  ['201', '一般公共服务支出', '100.00'],
  ['20101', '人大事务', '100.00'],
];

describe('scanTexts: one pass finds the texts titles and part headings are read from', () => {
  test('texts with 表, 部 or 项, where they are, and the year stated', () => {
    const wb = workbookFromTsv(
      ['第一部分\t部门概况', '\t\t2023年度', '附表\t\t一般公共预算财政拨款支出决算表', '201\t一般公共服务支出\t1.00', '项目名称\t某项目'].join('\n'),
    );
    const scan = scanTexts(wb);
    expect(scan.sheets[0].marked).toEqual([
      { r: 0, c: 0, raw: '第一部分' },
      { r: 0, c: 1, raw: '部门概况' },
      { r: 2, c: 0, raw: '附表' },
      { r: 2, c: 2, raw: '一般公共预算财政拨款支出决算表' },
      { r: 4, c: 0, raw: '项目名称' },
      { r: 4, c: 1, raw: '某项目' },
    ]);
    expect(scan.year).toBe(2023);
  });

  test("each row's sole text, as a narrative line is read", () => {
    const sheet = {
      name: 's',
      merges: [],
      rows: [
        [{ value: '一、收入支出决算总体情况' }],
        [{ value: '  ' }, { value: '说明文字。' }],
        [{ value: '说明文字。' }, { value: '  ' }],
        [{ value: '合计' }, { value: 12 }],
        [{ value: 12 }],
        [undefined, { value: '' }, { value: '第三部分' }],
        [{ value: '甲' }, { value: '乙' }],
        [],
      ],
    };
    expect(scanTexts({ sheets: [sheet] }).sheets[0].sole.map((x) => [x.r, x.c, x.raw])).toEqual([
      [0, 0, '一、收入支出决算总体情况'],
      [1, 1, '说明文字。'],
      [5, 2, '第三部分'],
    ]);
  });

  test('a title after another text with 表 on its row is still the title', () => {
    const tsv = table03(rows).split('\n');
    const at = tsv.findIndex((l) => l.includes('支出决算表'));
    tsv[at] = '附表三\t\t' + tsv[at].trim();
    const wb = workbookFromTsv(tsv.join('\n'));
    const rec = recognize(wb, tableSet());
    expect(rec.tables.map((t) => [t.spec.code, t.titleAt.r, t.titleAt.c])).toEqual([['公开03', at, 2]]);
  });

  test('a part heading after a table ends it, however it is spaced', () => {
    const wb = workbookFromTsv(table03(rows, false) + '\n第 三 部 分\n说明文字\t' + '\n');
    const t = recognize(wb, tableSet()).tables[0];
    expect(wb.sheets[0].rows[t.dataEnd + 1]?.[0]?.value).toBe('第 三 部 分');
  });

  test('the scan handed in and the one recognize makes itself give the same tables and table set', () => {
    const wb = workbookFromTsv(table03(rows));
    const scan = scanTexts(wb);
    expect(pickTableSet(wb, scan)).toBe(pickTableSet(wb));
    expect(recognize(wb, tableSet(), scan).tables.map((t) => t.titleAt)).toEqual(recognize(wb, tableSet()).tables.map((t) => t.titleAt));
  });
});

describe('which texts can hold a part heading (第…部分, …绩效自评表): those with 部 or 表', () => {
  const STOP = ['部', '表'];
  test.each([
    ['a spaced part heading', ['第 三 部 分  名词解释'], true],
    ['a form title', ['项目支出绩效自评表'], true],
    ['a table row', ['201', '一般公共服务支出'], false],
    ['no text at all', [], false],
  ])('%s', (_n, texts, expected) => {
    expect((texts as string[]).some((t) => mentions(t, STOP))).toBe(expected);
  });

  test('on a sheet with merges every row is read for one (a text there can come from a merged cell)', () => {
    const wb = workbookFromTsv(table03(rows, false) + '\n第三部分\n说明文字\t' + '\n');
    const sheet = wb.sheets[0];
    const heading = sheet.rows.findIndex((row) => row?.[0]?.value === '第三部分');
    // The heading's cell merged down over the next line: that line reads 第三部分 too.
    sheet.merges.push({ top: heading, left: 0, bottom: heading + 1, right: 0 });
    const t = recognize(wb, tableSet()).tables[0];
    expect(t.dataEnd).toBe(heading - 1);
  });
});

describe('nonNumbers: which cells hold something other than a number or a blank', () => {
  const at = (c: number, value: Cell['value']) => {
    const row: (Cell | undefined)[] = [];
    row[c] = { value };
    return scanTexts({ sheets: [{ name: 's', merges: [], rows: [row] }] }).sheets[0];
  };
  test.each([
    ['a number', 1920.38, false],
    ['zero', 0, false],
    ['a negative number', -5, false],
    ['blank', null, false],
    ['an empty text', '', false],
    ['text', '约1万', true],
    ['a number written as text', '1,920.38', true],
    ['spaces', '  ', true],
    ['a boolean', true, true],
    ['NaN', NaN, true],
    ['infinity', Infinity, true],
  ])('%s', (_n, value, expected) => {
    for (const c of [0, 5, 30, 31, 40]) {
      const scan = at(c, value as Cell['value']);
      expect(holdsNonNumber(scan, 0, c)).toBe(expected);
      expect(holdsNoNonNumber(scan, 0, columnMask([c]))).toBe(!expected);
    }
  });
  test('a cell counts only in its own column (below the 32nd); beyond it, any wide column counts', () => {
    const scan = at(3, 'x');
    expect([2, 3, 4].map((c) => holdsNonNumber(scan, 0, c))).toEqual([false, true, false]);
    expect(holdsNoNonNumber(scan, 0, columnMask([1, 2, 4]))).toBe(true);
    expect(holdsNoNonNumber(scan, 0, columnMask([1, 3]))).toBe(false);
    const wide = at(35, 'x');
    expect([31, 35, 60, 34].map((c) => holdsNonNumber(wide, 0, c))).toEqual([true, true, true, true]);
    expect(holdsNonNumber(wide, 0, 30)).toBe(false);
    expect(holdsNoNonNumber(wide, 0, columnMask([2, 3]))).toBe(true);
    expect(holdsNoNonNumber(wide, 0, columnMask([2, 50]))).toBe(false);
  });
  test('rows past the sheet and missing rows hold nothing', () => {
    const scan = scanTexts({ sheets: [{ name: 's', merges: [], rows: [undefined as unknown as Cell[], [{ value: 'x' }]] }] }).sheets[0];
    expect(holdsNonNumber(scan, 0, 0)).toBe(false);
    expect(holdsNonNumber(scan, 1, 0)).toBe(true);
    expect(holdsNonNumber(scan, 9, 0)).toBe(false);
    expect(holdsNoNonNumber(scan, 9, columnMask([0]))).toBe(true);
  });
});

describe('colons: the texts holding a colon (标签：内容 lines), in reading order', () => {
  const wb = workbookFromTsv(['收入支出决算总表', '部门：某局\t\t单位:万元', '项目\t金额', '合计\t12', '注：无', '比例 1:2\t时间 12：30\t无冒号'].join('\n'));
  const colons = scanTexts(wb).sheets[0].colons;
  test('full-width and half-width colons, with or without a marker character, never a text without one', () => {
    expect(colons.map((t) => [t.r, t.c, t.raw])).toEqual([
      [1, 0, '部门：某局'],
      [1, 2, '单位:万元'],
      [4, 0, '注：无'],
      [5, 0, '比例 1:2'],
      [5, 1, '时间 12：30'],
    ]);
  });
  test('a text with both a marker and a colon is in both lists', () => {
    expect(scanTexts(workbookFromTsv('部门：某局')).sheets[0].marked.map((t) => t.raw)).toEqual(['部门：某局']);
  });
  test.each([
    ["the rows of a table's head", 1, 3, ['部门：某局', '单位:万元']],
    ['one row', 5, 6, ['比例 1:2', '时间 12：30']],
    ['rows holding none', 2, 4, []],
    ['before the first', 0, 1, []],
    ['past the last', 6, 40, []],
    ['all', 0, 99, ['部门：某局', '单位:万元', '注：无', '比例 1:2', '时间 12：30']],
    ['an empty range', 4, 4, []],
  ])('textsInRows: %s', (_n, top, bottom, expected) => {
    expect(textsInRows(colons, top as number, bottom as number).map((t) => t.raw)).toEqual(expected);
  });
});

describe("scanOfSheet: each sheet's scan, by the sheet", () => {
  const a = workbookFromTsv('部门：甲').sheets[0];
  const b = { ...workbookFromTsv('部门：乙').sheets[0], name: 'b' };
  const wb = { sheets: [a, b] };
  test('from the scan handed in', () => {
    const scan = scanTexts(wb);
    const of = scanOfSheet(wb, scan);
    expect(of(b)).toBe(scan.sheets[1]);
    expect(of(a)).toBe(scan.sheets[0]);
  });
  test('scanned on first ask when none is handed in, or when it is of another workbook', () => {
    for (const of of [scanOfSheet(wb), scanOfSheet(wb, scanTexts({ sheets: [a] }))]) {
      expect(of(b).colons.map((t) => t.raw)).toEqual(['部门：乙']);
      expect(of(b)).toBe(of(b));
    }
  });
});
