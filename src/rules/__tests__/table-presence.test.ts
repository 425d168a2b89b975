import { workbookFromTsv } from '../../../tests/helpers/grid';
import { table03, table05 } from '../../../tests/helpers/tables';
import { checkWorkbook } from '../../check';
import { tablePresence } from '../table-presence';
import { numericCells } from '../numeric-cell';
import { buildContext } from '../engine';
import { scanTexts, recognize, pickTableSet } from '../../recognize';
import { Cell } from '../../core/grid';
import { RecognizedTable, newItem } from '../../recognize/model';
import { tableSet } from '../../editions';

describe('table-presence', () => {
  test('missing tables are named, one error each: the nine are mandatory', () => {
    const fs = checkWorkbook(workbookFromTsv(table03([['合计', '', '1.00', '1.00']]) + table05([['合计', '', '1.00', '1.00', '']])), {
      rules: [tablePresence],
    }).findings;
    expect(fs.map((f) => f.table).sort()).toEqual(['公开01', '公开02', '公开04', '公开06', '公开07', '公开08', '公开09']);
    expect(fs.every((f) => f.severity === 'error')).toBe(true);
    expect(fs.find((f) => f.table === '公开09')!.message).toMatch(/^缺少公开09表“财政拨款“三公”经费支出决算表”/);
  });
  test.each([
    ['本部门2023年度无政府性基金预算财政拨款收支，公开07表以空表列示。'],
    ['本单位没有政府性基金预算财政拨款收入和支出，故政府性基金预算财政拨款收入支出决算表为空表。'],
    ['2023年度本部门未发生政府性基金预算财政拨款收支。'],
  ])('a table the narrative says is empty (%s): only a warning that it should still be printed', (said) => {
    const fs = checkWorkbook(workbookFromTsv(table03([['合计', '', '1.00', '1.00']]) + `第三部分\n十、其他需要说明的情况\n${said}\n`), {
      rules: [tablePresence],
    }).findings;
    expect(fs.find((f) => f.table === '公开07')).toMatchObject({ severity: 'warning', message: expect.stringMatching(/情况说明称本表无数据/) });
    expect(fs.find((f) => f.table === '公开08')!.severity).toBe('error');
  });
  test('a table the contents list but the document lacks: one error, saying so', () => {
    const contents = '目录\n一、收入支出决算总表\n九、财政拨款“三公”经费支出决算表\n';
    const fs = checkWorkbook(workbookFromTsv(contents + table03([['合计', '', '1.00', '1.00']])), { rules: [tablePresence] }).findings;
    const t09 = fs.filter((f) => f.table === '公开09');
    expect(t09).toHaveLength(1);
    expect(t09[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('（目录中列有此表）') });
  });
  test('a title with no readable table under it is reported', () => {
    const fs = checkWorkbook(workbookFromTsv('支出决算表\n这里没有表格\n'), { rules: [tablePresence] }).findings;
    expect(fs.find((f) => f.table === '公开03')!.message).toMatch(/无法识别表格/);
  });
  test('a column not found: 表不完整 in a workbook, 未能完整读取 in a document’s text', () => {
    const text = table03([['合计', '', '1.00', '1.00']]).replace('\t项目支出', '\t');
    const doc = workbookFromTsv(text + table05([['合计', '', '1.00', '1.00', '']]));
    const of = (wb: typeof doc) =>
      checkWorkbook(wb, { rules: [tablePresence] })
        .findings.filter((f) => f.table === '公开03')
        .map((f) => f.message);
    expect(of(doc)).toEqual([expect.stringMatching(/^公开03未能完整读取：未读到栏目“项目支出”/)]);
    for (const s of doc.sheets) s.origin = 'xlsx';
    expect(of(doc)).toEqual([expect.stringMatching(/^公开03表不完整：缺少栏目“项目支出”/)]);
  });
  test.each([
    ['本表无数据 under the title', '政府性基金预算财政拨款收入支出决算表\n公开07表\n本表无数据。\n', 0],
    [
      'the unit’s own words under the title',
      '政府性基金预算财政拨款收入支出决算表\n公开07表\n说明：本单位本年度没有政府性基金预算财政拨款收入和支出，故本表为空表。\n',
      0,
    ],
    ['something else under the title', '政府性基金预算财政拨款收入支出决算表\n公开07表\n这里没有表格\n', 1],
  ])('a title with no table under it: %s', (_n, text, count) => {
    const fs = checkWorkbook(workbookFromTsv(text + table03([['合计', '', '1.00', '1.00']])), { rules: [tablePresence] }).findings;
    expect(fs.filter((f) => f.table === '公开07')).toHaveLength(count);
  });
  test('a table listed twice in one disclosure is reported once', () => {
    const t = table03([['合计', '', '1.00', '1.00']]);
    const fs = checkWorkbook(workbookFromTsv(t + table05([['合计', '', '1.00', '1.00', '']]) + t), { rules: [tablePresence] }).findings;
    expect(fs.filter((f) => /重复/.test(f.message)).length).toBe(1);
  });
});

describe('numeric-cell', () => {
  test('text in an amount cell is an error; blanks and dashes are not', () => {
    const fs = checkWorkbook(
      workbookFromTsv(
        table03([
          ['合计', '', '1.00', '约1万', '-'],
          ['201', '一般公共服务支出', '1.00', '1.00', ''],
        ]),
      ),
      { rules: [numericCells] },
    ).findings;
    expect(fs.map((f) => [f.severity, f.cell, f.actual])).toEqual([['error', 'D8', '约1万']]);
  });

  test('amounts stored as numbers: only the cells the scan marks are read, with the same findings', () => {
    const wb = workbookFromTsv(
      table03([
        ['合计', '', '3.00', '约1万', '-'],
        ['201', '一般公共服务支出', '1.00', '1.00', ''],
        ['20101', '人大事务', '见附注', '1.00', '2.00'],
      ]),
    );
    for (const sheet of wb.sheets)
      for (const row of sheet.rows)
        for (const cell of row ?? []) if (cell && typeof cell.value === 'string' && /^\d+\.\d\d$/.test(cell.value)) cell.value = Number(cell.value);
    const scan = scanTexts(wb);
    const set = pickTableSet(wb, scan);
    const rec = recognize(wb, set, scan);
    const withScan = numericCells.run(buildContext(set, rec, wb, scan));
    expect(withScan.map((f) => f.actual)).toEqual(['约1万', '见附注']);
    expect(withScan).toEqual(numericCells.run(buildContext(set, rec, wb)));
  });

  test.each([
    ['columns below the 32nd', [2, 5, 9, 12]],
    ['columns beyond the 31st', [31, 35, 60, 61]],
    ['columns on both sides of it', [3, 30, 31, 44]],
  ])("%s: the same findings with the check's scan as with one made for the rule alone", (_n, columns) => {
    // Rows of numbers, blanks, texts and a boolean; one more text sits beside the amount cells.
    const values: Cell['value'][][] = [
      [1, 2, 3, 4],
      ['约1万', null, 7, '-'],
      [5, 6, true, 8],
      [0, '', 9, '见附注'],
    ];
    const rows: (Cell | undefined)[][] = values.map((vs) => {
      const row: (Cell | undefined)[] = [{ value: '标签' }];
      vs.forEach((v, i) => (row[columns[i]] = { value: v }));
      row[columns[columns.length - 1] + 1] = { value: '表外文字' };
      return row;
    });
    const sheet = { name: '表', merges: [], rows };
    const wb = { sheets: [sheet] };
    const cols = Object.fromEntries(columns.map((c, i) => ['k' + i, c]));
    const table: RecognizedTable = {
      spec: tableSet(2023).tables[2],
      sheet,
      scope: 'workbook',
      titleAt: { r: 0, c: 0 },
      headerTop: 0,
      dataStart: 0,
      dataEnd: 3,
      columns: cols,
      items: values.map((_, r) => newItem('标签', r, cols, {})),
      missing: [],
    };
    const rec = { tables: [table], unreadable: [], duplicates: [], scopes: ['workbook'] };
    const withScan = numericCells.run(buildContext(tableSet(2023), rec, wb, scanTexts(wb)));
    expect(withScan.map((f) => f.actual)).toEqual(['约1万', 'true', '见附注']);
    expect(withScan).toEqual(numericCells.run(buildContext(tableSet(2023), rec, wb)));
  });
});
