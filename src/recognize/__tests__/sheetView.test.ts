import { SheetView, isNoteText, isKemuCode, CODE_RE } from '../sheetView';
import { Sheet, Cell } from '../../core/grid';

const sheet = (rows: (Cell['value'] | undefined)[][], merges: Sheet['merges'] = []): Sheet => ({
  name: 's',
  merges,
  rows: rows.map((r) => r.map((v) => (v === undefined ? undefined : { value: v }))),
});

describe('SheetView: reading a row without normalizing all of it', () => {
  test.each([
    ['a number', 1920.38, 'num'],
    ['zero', 0, 'num'],
    ['a number written as text', '1,920.38', 'num'],
    ['full-width digits', '１２３．４５', 'num'],
    ['a dash', '－', 'blank'],
    ['empty', '', 'blank'],
    ['absent', undefined, 'blank'],
    ['a word', '合计', 'text'],
    ['not a finite number', Infinity, 'text'],
    ['a boolean', true, 'text'],
  ])('amountKind of %s', (_n, v, kind) => {
    expect(new SheetView(sheet([[v]])).amountKind(0, 0)).toBe(kind);
  });

  test.each([
    ['a label first', [undefined, ' 注：本表…', 12], '注:本表…'],
    ['a number first', [undefined, 3, '合计'], '3'],
    ['a blank-only row', [undefined, '  ', ''], ''],
    ['an empty row', [], ''],
  ])('firstText: %s', (_n, row, first) => {
    expect(new SheetView(sheet([row])).firstText(0)).toBe(first);
  });

  test('firstText and textCountAtMost see a merged title where it spans', () => {
    const v = new SheetView(sheet([['第三部分', undefined, undefined]], [{ top: 0, left: 0, bottom: 0, right: 2 }]));
    expect(v.firstText(0)).toBe('第三部分');
    expect(v.textCountAtMost(0, 2)).toBe(false); // the merge repeats it in three columns
    expect(v.textCountAtMost(0, 3)).toBe(true);
  });

  test.each([
    [['一般公共服务支出'], 2, true],
    [['201', '一般公共服务支出'], 2, true],
    [['201', '一般公共服务支出', 1248.32], 2, false],
    [['201', ' ', 1248.32], 2, true], // a text of spaces is blank
    [[], 0, true],
  ])('textCountAtMost(%j, %i) is %s', (row, n, expected) => {
    expect(new SheetView(sheet([row])).textCountAtMost(0, n)).toBe(expected);
  });

  test('titleColumn: the first cell whose text is a title', () => {
    const isTitle = (t: string) => t.endsWith('决算表');
    const v = new SheetView(sheet([['部门：某局', 2023, '收入支出决算表', '支出决算表']]));
    expect(v.titleColumn(0, isTitle)).toBe(2);
    expect(new SheetView(sheet([['收入', 1]])).titleColumn(0, isTitle)).toBe(-1);
  });
});

describe('row tests asked of every data row', () => {
  test.each(['注：本表为空', '注1：', '说明：无', '备注:', '注意事项', '说明', '备忘', '（注：）', '', '合计', '201', '注'])(
    'isNoteText(%j) reads as the regex /^(注|说明|备注)[:：1-9]/',
    (t) => {
      expect(isNoteText(t)).toBe(/^(注|说明|备注)[:：1-9]/.test(t));
    },
  );

  test.each(['201', '20101', '2010101', '20', '2010', '201010', '20101011', '２０１', '201 ', 'a01', '', '20a01'])(
    'isKemuCode(%j) agrees with CODE_RE',
    (t) => {
      expect(isKemuCode(t)).toBe(CODE_RE.test(t));
    },
  );
});
