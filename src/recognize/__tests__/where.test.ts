import { checkWorkbook } from '../../check';
import { sampleWorkbook } from '../../../tests/helpers/grid';
import { whereInWords } from '../where';

/** A finding's place said as the accountant finds it: the table and the row's 科目 or line. */

const r = checkWorkbook(sampleWorkbook());
const on = (table: string, predicate: (words: string) => boolean) =>
  r.findings
    .filter((f) => f.table === table)
    .some((f) => {
      const words = whereInWords(r.recognition, f);
      return words !== undefined && predicate(words);
    });

test.each([
  ['a 科目 row of a coded table names its code and name', '公开02', (w: string) => /^公开02「\d{3,7} \S+」$/.test(w)],
  ['a row of a two-sided table names the side’s line the cell is on', '公开01', (w: string) => /^公开01「\S+」$/.test(w)],
])('%s', (_, table, predicate) => {
  expect(on(table, predicate)).toBe(true);
});

test('a cell off the tables’ rows (a title, the narrative) has no words: the address stands alone', () => {
  const narrative = r.findings.find((f) => f.table === '情况说明')!;
  expect(whereInWords(r.recognition, narrative)).toBeUndefined();
  expect(whereInWords(r.recognition, { sheet: narrative.sheet, cell: '', table: '' })).toBeUndefined();
  expect(whereInWords(r.recognition, { sheet: '没有这张表', cell: 'C7', table: '' })).toBeUndefined();
});

test('the words name the very row of the cell', () => {
  const f = r.findings.find((x) => x.table === '公开02' && whereInWords(r.recognition, x))!;
  const t = r.recognition.tables.find((x) => x.spec.code === '公开02')!;
  const row = Number(/\d+$/.exec(f.cell)![0]) - 1;
  const item = t.items.find((i) => i.row === row)!;
  expect(whereInWords(r.recognition, f)).toBe(`公开02「${item.code ? `${item.code} ` : ''}${item.label}」`);
});
