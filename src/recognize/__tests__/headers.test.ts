import { headerPaths, matchColumns } from '../headers';
import { SheetView } from '../sheetView';
import { Sheet, Cell } from '../../core/grid';
import { ColumnSpec } from '../../specs/types';

const view = (rows: (Cell['value'] | undefined)[][], top = 0): SheetView =>
  new SheetView({
    name: 's',
    merges: [],
    rows: [...Array(top).fill([]), ...rows].map((r) => r.map((v: Cell['value'] | undefined) => (v === undefined ? undefined : { value: v }))),
  } as Sheet);

const SPECS: ColumnSpec[] = [
  { key: 'total', name: '合计', match: [['合计']] },
  { key: 'jb', name: '基本支出', match: [['基本支出']] },
  { key: 'xm', name: '项目支出', match: [['项目支出']] },
];

describe('header paths and column matching, remembered by header text', () => {
  const header = [
    ['科目编码', '科目名称', '本年支出', undefined, undefined],
    [undefined, undefined, '合计', '基本支出', '项目支出'],
  ];

  test('a group header over its sub-headers gives each column its path', () => {
    const v = view(header);
    expect(headerPaths(v, 0, 1, 0, 5)).toEqual([['科目编码'], ['科目名称'], ['本年支出', '合计'], ['本年支出', '基本支出'], ['本年支出', '项目支出']]);
  });

  test('the same header lower down another sheet reads the same', () => {
    const a = headerPaths(view(header), 0, 1, 0, 5);
    const b = headerPaths(view(header, 30), 30, 31, 0, 5);
    expect(b).toEqual(a);
    expect(matchColumns(SPECS, b, 0, 5, new Set([0, 1]))).toEqual({ total: 2, jb: 3, xm: 4 });
  });

  test('a header with its columns in another order is not taken for the first one', () => {
    headerPaths(view(header), 0, 1, 0, 5);
    const swapped = [header[0], [undefined, undefined, '合计', '项目支出', '基本支出']];
    const p = headerPaths(view(swapped), 0, 1, 0, 5);
    expect(p[3]).toEqual(['本年支出', '项目支出']);
    expect(matchColumns(SPECS, p, 0, 5, new Set([0, 1]))).toEqual({ total: 2, xm: 3, jb: 4 });
  });

  test('the same paths matched over another range or with other columns excluded', () => {
    const p = headerPaths(view(header), 0, 1, 0, 5);
    expect(matchColumns(SPECS, p, 0, 5, new Set([0, 1]))).toEqual({ total: 2, jb: 3, xm: 4 });
    expect(matchColumns(SPECS, p, 0, 5, new Set([0, 1, 2]))).toEqual({ jb: 3, xm: 4 });
    expect(matchColumns(SPECS, p, 3, 5)).toEqual({ jb: 3, xm: 4 });
    expect(matchColumns(SPECS.slice(0, 1), p, 0, 5)).toEqual({ total: 2 });
  });

  test('headers alike in range and first text are told apart by every other text and column', () => {
    headerPaths(view(header), 0, 1, 0, 5);
    const variants: [(Cell['value'] | undefined)[][], string[]][] = [
      [
        [header[0], [undefined, undefined, '合计', '基本支出', '其他支出']],
        ['本年支出', '其他支出'],
      ],
      [[header[0], [undefined, undefined, '合计', '基本支出']], []],
      [[header[0], [undefined, undefined, '合计', '基本支出', undefined, '项目支出']], []],
      [[header[0], [undefined, '合计', undefined, '基本支出', '项目支出']], ['项目支出']],
    ];
    for (const [rows, last] of variants) expect(headerPaths(view(rows), 0, 1, 0, 5)[4] ?? []).toEqual(last);
  });

  test('more headers of one range and first text than a memo bucket holds all read right', () => {
    const read = (n: number) => headerPaths(view([header[0], [undefined, undefined, '合计', `支出${n}`, '项目支出']]), 0, 1, 0, 5);
    for (let n = 0; n < 40; n++) expect(read(n)[3]).toEqual(['本年支出', `支出${n}`]);
    for (let n = 39; n >= 0; n--) expect(read(n)[3]).toEqual(['本年支出', `支出${n}`]);
  });
});
