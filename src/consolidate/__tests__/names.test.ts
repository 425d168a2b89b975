import { namesFromText, namesFromSheet, sameUnit } from '../names';
import { newSheet, setCell } from '../../core/grid';

describe('the department’s list of its units, as accountants write it', () => {
  test.each([
    ['one name per line', '东湖区水务局本级\n东湖区水文站\n', [{ name: '东湖区水务局本级' }, { name: '东湖区水文站' }]],
    [
      'a header line and a parent after a tab',
      '单位名称\t上级单位\n东湖区水务局本级\n东湖区水文站\t东湖区水务局本级',
      [{ name: '东湖区水务局本级' }, { name: '东湖区水文站', parent: '东湖区水务局本级' }],
    ],
    [
      'a parent after a full-width comma, blank lines and a comment',
      '# 2024 年汇总范围\n\n东湖区水文站，东湖区水务局\n',
      [{ name: '东湖区水文站', parent: '东湖区水务局' }],
    ],
    ['a parent after two spaces, a byte-order mark', '\uFEFF东湖区水文站  东湖区水务局\r\n', [{ name: '东湖区水文站', parent: '东湖区水务局' }]],
  ])('%s', (_what, text, want) => {
    expect(namesFromText(text)).toEqual(want);
  });

  test('a sheet: the columns headed 单位名称 and 上级单位, wherever they stand', () => {
    const s = newSheet('名单');
    const rows = [['东湖区水务局所属单位名单'], ['序号', '上级单位', '单位名称'], ['1', '', '东湖区水务局本级'], ['2', '东湖区水务局本级', '东湖区水文站']];
    rows.forEach((row, r) => row.forEach((v, c) => setCell(s, r, c, { value: v })));
    expect(namesFromSheet(s)).toEqual([{ name: '东湖区水务局本级' }, { name: '东湖区水文站', parent: '东湖区水务局本级' }]);
  });

  test.each([
    ['东湖区水务局（本级）', '东湖区水务局本级', true],
    ['东湖区 水务局', '东湖区水务局', true],
    ['东湖区水务局', '东湖区水文站', false],
  ])('%s and %s are one unit: %s', (a, b, same) => {
    expect(sameUnit(a, b)).toBe(same);
  });
});
