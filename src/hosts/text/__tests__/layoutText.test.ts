import { ROOT } from '../../../../tests/helpers/paths';
import * as fs from 'fs';
import * as path from 'path';
import { textToWorkbook } from '../textDocument';
import { looksLikeLayoutText } from '../layoutText';
import { recognize } from '../../../recognize';
import { sampleText } from '../../../../tests/helpers/grid';

/**
 * Text laid out by spaces (pdftotext -layout), as the 2024 Shanghai reference template is:
 * columns found per block from positions blank in every line. (Issue 7's full 2024 table set is
 * not done: this is the reader it will stand on.)
 */

// A copy of ../shared/reference/2024-shanghai-template.layout.txt kept in the repository.
const REF = path.join(ROOT, 'samples', '2024-shanghai-template.layout.txt');
const have = fs.existsSync(REF);

test('tab-separated text (the sample) is not taken for layout text', () => {
  expect(looksLikeLayoutText(sampleText().split('\n'))).toBe(false);
});

test('a space-aligned two-sided table becomes columns: labels under 项目 on both sides', () => {
  // Fields placed at fixed character positions, as pdftotext -layout does.
  const at = (...cells: [number, string][]) => cells.reduce((line, [pos, t]) => line.padEnd(pos) + t, '');
  const text = [
    at([22, '收入支出决算总表']),
    at([60, '单位：万元']),
    at([15, '收入'], [58, '支出']),
    at([10, '项目'], [32, '决算数'], [54, '项目'], [76, '决算数']),
    at([0, '一、一般公共预算财政拨款收入'], [32, '100.00'], [44, '一、一般公共服务支出'], [76, '60.00']),
    at([0, '二、政府性基金预算财政拨款收入'], [44, '二、外交支出']),
    at([44, '三、国防支出']),
    at([5, '本年收入合计'], [32, '100.00'], [49, '本年支出合计'], [76, '60.00']),
    '注：本表反映部门本年度的总收支。',
    ...Array.from({ length: 16 }, (_, i) => at([0, `附注${i + 1}`], [20, '文字'])),
  ];
  const wb = textToWorkbook(text.join('\n'), 'layout');
  const row = (r: number) => (wb.sheets[0].rows[r] ?? []).map((c) => c?.value ?? '');
  expect(row(3).filter(Boolean)).toEqual(['项目', '决算数', '项目', '决算数']);
  const r4 = row(4);
  expect(r4.indexOf('一、一般公共预算财政拨款收入')).toBe(row(3).indexOf('项目'));
  expect(r4.indexOf('一、一般公共服务支出')).toBe(row(3).lastIndexOf('项目'));
  expect(row(6).indexOf('三、国防支出')).toBe(row(3).lastIndexOf('项目'));
});

(have ? test : test.skip)('the 2024 Shanghai template: every one of its nine tables is recognized, table by table, nothing missing', () => {
  const { pickTableSet } = require('../../../recognize') as typeof import('../../../recognize');
  const wb = textToWorkbook(fs.readFileSync(REF, 'utf8'), 'sh');
  const rec = recognize(wb, pickTableSet(wb));
  expect(rec.unreadable).toEqual([]);
  expect(rec.tables.map((t) => t.spec.code)).toEqual(['表一', '表二', '表三', '表四', '表五', '表六', '表七', '表八', '表九']);
  for (const t of rec.tables) expect([t.spec.code, t.missing]).toEqual([t.spec.code, []]);
  const byId = new Map(rec.tables.map((t) => [t.spec.id, t]));
  // The 24 function classes of the 2024 list, in 表四 too, where two labels wrap onto a second line.
  expect(byId.get('gk01')!.items.filter((i) => i.classCode)).toHaveLength(24);
  const classes04 = byId.get('gk04')!.items.filter((i) => i.classCode);
  expect(classes04).toHaveLength(24);
  expect(classes04.find((i) => i.classCode === '224')!.label).toBe('灾害防治及应急管理支出');
  // 表六: both column groups of 经济分类, codes and names read even where they are glued (30207邮电费).
  const econ = byId.get('gk06')!.items;
  expect(econ.find((i) => i.code === '30207')!.label).toBe('邮电费');
  expect(econ.filter((i) => i.code?.startsWith('302')).length).toBeGreaterThan(20);
});

(have ? test : test.skip)('the 2024 Shanghai template picks the 2024 Shanghai table set, by its titles and year', () => {
  const { pickTableSet } = require('../../../recognize') as typeof import('../../../recognize');
  const wb = textToWorkbook(fs.readFileSync(REF, 'utf8'), 'sh');
  expect(pickTableSet(wb).id).toBe('2024-shanghai');
  const rec = recognize(wb, pickTableSet(wb));
  // 表九 (国有资本经营 收入支出, a 2024 table) is found with the 2024 set.
  expect(rec.tables.map((t) => t.spec.code)).toContain('表九');
});

test('the sample (2023) keeps the 2023 set', () => {
  const { pickTableSet } = require('../../../recognize') as typeof import('../../../recognize');
  expect(pickTableSet(textToWorkbook(sampleText(), 's')).id).toBe('2023');
});

test('the year alone never switches the tables: a 2024 template is 公开01—09 unless 上海市 is chosen', () => {
  const { scaffold } = require('../../../scaffold/build') as typeof import('../../../scaffold/build');
  expect(scaffold({ unit: '某某局', year: 2024 }).workbook.sheets.map((s) => s.name)[0]).toBe('公开01');
  expect(() => scaffold({ unit: '某某局', edition: '北京市' })).toThrow('未知的表格式“北京市”，可选：全国通用（公开01—公开09）、上海市（表一—表九）');
});

test('scaffolding offers both sets: a 上海市 template has the 2024 tables and 24 classes, and checks clean', () => {
  const { scaffold } = require('../../../scaffold/build') as typeof import('../../../scaffold/build');
  const { pickTableSet } = require('../../../recognize') as typeof import('../../../recognize');
  const { checkWorkbook } = require('../../../check') as typeof import('../../../check');
  const built = scaffold({ unit: '某某局', year: 2024, edition: '上海市' });
  expect(built.workbook.sheets.map((s) => s.name)).toEqual(['表一', '表二', '表三', '表四', '表五', '表六', '表七', '表八', '表九']);
  const set = pickTableSet(built.workbook);
  expect(set.id).toBe('2024-shanghai');
  const rec = recognize(built.workbook, set);
  expect(rec.tables.every((t) => t.missing.length === 0)).toBe(true);
  expect(rec.tables.find((t) => t.spec.id === 'gk01')!.items.filter((i) => i.classCode)).toHaveLength(24);
  expect(checkWorkbook(built.workbook).summary).toMatchObject({ error: 0, warning: 0 });
});
