import { TableSetSpec, TableSpec, CrossSpec, CodedTableSpec } from '../../specs/types';
import { TABLES_2023 } from '../national2023/tables';

/**
 * The 2024 上海市 layout (../shared/reference/2024-shanghai-template.layout.txt): the same tables
 * as 2023 but numbered 一…九 in another order (七 = 三公, 八 = 政府性基金, 九 = 国有资本经营), the
 * 国有资本经营 table with income and carry-overs like the 政府性基金 one, and 24 function classes.
 * Derived from the 2023 set so shared relations stay one definition.
 */

const NUMBER: Record<string, string> = {
  gk01: '表一',
  gk02: '表二',
  gk03: '表三',
  gk04: '表四',
  gk05: '表五',
  gk06: '表六',
  gk09: '表七',
  gk07: '表八',
  gk08: '表九',
};

const gk07 = TABLES_2023.tables.find((t) => t.id === 'gk07') as CodedTableSpec;

const ORDER = ['gk01', 'gk02', 'gk03', 'gk04', 'gk05', 'gk06', 'gk09', 'gk07', 'gk08'];

const tables: TableSpec[] = TABLES_2023.tables
  .map((t) => {
    if (t.id === 'gk08')
      return {
        ...gk07,
        id: 'gk08',
        code: NUMBER.gk08,
        title: '国有资本经营预算财政拨款收入支出决算表',
        titles: ['国有资本经营预算财政拨款收入支出决算表'],
        note: '注：本表反映部门本年度国有资本经营预算财政拨款收入支出及结转和结余情况。',
      };
    return { ...t, code: NUMBER[t.id] } as TableSpec;
  })
  .sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));

// Relations with 国有资本经营: its 本年支出 is now the 'zc' column.
const cross: CrossSpec[] = TABLES_2023.cross.map((x) => {
  const swap = <T extends { table: string; col: string }>(s: T): T => (s.table === 'gk08' && s.col === 'hj' ? { ...s, col: 'zc' } : s);
  if (x.kind === 'eq') return { ...x, a: x.a.map(swap), b: x.b.map(swap) };
  if (x.kind === 'eqByClass' || x.kind === 'leByCode') return { ...x, a: swap(x.a), b: swap(x.b) };
  return { ...x, a: swap(x.a), b: swap(x.b) };
});

export const TABLES_2024_SHANGHAI: TableSetSpec = {
  id: '2024-shanghai',
  year: 2024,
  name: '2024年度部门决算（上海市模板：表一至表九）',
  tables,
  cross,
  classRows: [
    '201',
    '202',
    '203',
    '204',
    '205',
    '206',
    '207',
    '208',
    '210',
    '211',
    '212',
    '213',
    '214',
    '215',
    '216',
    '217',
    '219',
    '220',
    '221',
    '222',
    '223',
    '224',
    '229',
    '234',
  ],
};
