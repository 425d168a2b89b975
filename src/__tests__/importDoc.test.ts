import * as fs from 'fs';
import * as path from 'path';
import { importDocument, SECTION_SHEETS } from '../importDoc';
import { textToWorkbook } from '../hosts/text/textDocument';
import { pickTableSet } from '../recognize';
import { cellText } from '../core/grid';

/**
 * A document laid out as a workbook: its tables in the table set's order, and each part of the
 * text under its own sheet, whatever the names sort as and however the PDF spaced its headings.
 */

const CORPUS = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'corpus');
const texts = (rows: ReturnType<typeof importDocument>['sheets'][number]['rows']) =>
  rows.map((r) =>
    (r ?? [])
      .map((c) => (c ? cellText(c) : ''))
      .join('')
      .replace(/\s+/g, ''),
  );

describe.each(['ghzy-2024.layout.txt', 'shgzb-2024.layout.txt'])('%s (the 2024 Shanghai tables, 表一…表九)', (file) => {
  const doc = textToWorkbook(fs.readFileSync(path.join(CORPUS, file), 'utf8'), file);
  const set = pickTableSet(doc);
  const out = importDocument(doc, set);
  const names = out.sheets.map((s) => s.name);

  test('the tables in the set’s order, not in the order their names sort', () => {
    const tables = names.filter((n) => set.tables.some((t) => t.code === n));
    expect(tables).toEqual(set.tables.map((t) => t.code).filter((c) => tables.includes(c)));
    expect(tables.length).toBe(set.tables.length);
  });

  test('each part under its own sheet: the overview, the narrative, the glossary', () => {
    expect(names).toEqual(expect.arrayContaining([SECTION_SHEETS.overview, SECTION_SHEETS.narrative, SECTION_SHEETS.glossary]));
    const of = (name: string) => texts(out.sheets.find((s) => s.name === name)!.rows);
    // The narrative's numbered sections (一、收入支出决算总体情况说明 …) are under 情况说明, none under 名词解释.
    const sections = (lines: string[]) => lines.filter((l) => /^[一二三四五六七八九十]+、.*(决算|情况|说明)/.test(l)).length;
    expect(sections(of(SECTION_SHEETS.narrative))).toBeGreaterThanOrEqual(5);
    expect(of(SECTION_SHEETS.glossary).filter((l) => /\d+(\.\d+)?万元/.test(l))).toEqual([]);
    expect(of(SECTION_SHEETS.glossary)[0]).toMatch(/^第四部分/);
    expect(of(SECTION_SHEETS.overview)[0]).toMatch(/^第一部分/);
  });
});

test('a part whose heading is only in the table of contents does not swallow the part above it', () => {
  const lines = [
    '某某单位2024年度部门决算',
    '目录',
    '第一部分 某某单位概况',
    '第二部分 某某单位2024年度部门决算表',
    '第三部分 某某单位2024年度部门决算情况说明',
    '第一部分    某某单位概况',
    '一、主要职能',
    '负责本区有关工作。',
    // No heading of the second part: its tables begin at once.
    '收入支出决算总表',
    '第三部分    某某单位2024年度部门决算情况说明',
    '一、收入支出决算总体情况说明',
    '本年收入支出总计100.00万元。',
  ];
  const out = importDocument(textToWorkbook(lines.join('\n'), '某某.txt'));
  const of = (name: string) => texts(out.sheets.find((s) => s.name === name)?.rows ?? []);
  expect(of(SECTION_SHEETS.overview)).toEqual(['第一部分某某单位概况', '一、主要职能', '负责本区有关工作。', '收入支出决算总表']);
  expect(of(SECTION_SHEETS.narrative)).toEqual(['第三部分某某单位2024年度部门决算情况说明', '一、收入支出决算总体情况说明', '本年收入支出总计100.00万元。']);
});
