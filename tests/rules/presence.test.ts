import { workbookFromTsv } from '../helpers/grid';
import { table03, table05 } from '../helpers/tables';
import { checkWorkbook } from '../../src/check';
import { tablePresence } from '../../src/rules/tablePresence';
import { numericCells } from '../../src/rules/numericCells';

describe('table-presence', () => {
  test('missing tables are named, one warning each', () => {
    const fs = checkWorkbook(workbookFromTsv(table03([['合计', '', '1.00', '1.00']]) + table05([['合计', '', '1.00', '1.00', '']])), { rules: [tablePresence] }).findings;
    expect(fs.map((f) => f.table).sort()).toEqual(['公开01', '公开02', '公开04', '公开06', '公开07', '公开08', '公开09']);
    expect(fs.every((f) => f.severity === 'warning')).toBe(true);
    expect(fs.find((f) => f.table === '公开09')!.message).toContain('财政拨款“三公”经费支出决算表');
  });
  test('a title with no readable table under it is reported', () => {
    const fs = checkWorkbook(workbookFromTsv('支出决算表\n这里没有表格\n'), { rules: [tablePresence] }).findings;
    expect(fs.find((f) => f.table === '公开03')!.message).toMatch(/无法识别表格/);
  });
  test('a table listed twice in one disclosure is reported once', () => {
    const t = table03([['合计', '', '1.00', '1.00']]);
    const fs = checkWorkbook(workbookFromTsv(t + table05([['合计', '', '1.00', '1.00', '']]) + t), { rules: [tablePresence] }).findings;
    expect(fs.filter((f) => /重复/.test(f.message)).length).toBe(1);
  });
});

describe('numeric-cell', () => {
  test('text in an amount cell is an error; blanks and dashes are not', () => {
    const fs = checkWorkbook(workbookFromTsv(table03([['合计', '', '1.00', '约1万', '-'], ['201', '一般公共服务支出', '1.00', '1.00', '']])), { rules: [numericCells] }).findings;
    expect(fs.map((f) => [f.severity, f.cell, f.actual])).toEqual([['error', 'D8', '约1万']]);
  });
});
