import { Edition } from '../types';
import { kemuReference } from '../reference';
import { TABLES_2023 } from './tables';
import { NATIONAL_FUNCTION_CLASSES } from './functionClasses';
import { GONGNENG_2023, DEFAULT_SCAFFOLD_CODES } from './kemuGongneng';
import { JINGJI_2023 } from './kemuJingji';
import { ATTESTED_2023 } from './kemuAttested';
import { NATIONAL_2023_NARRATIVE } from './narrative';
import { NATIONAL_2023_LAYOUT } from './printLayout';
import { NATIONAL_2023_DRAFT } from './draftPlan';

/**
 * The national 2023 edition (公开01–09, 26 function classes), as in the sample disclosure
 * (samples/seed-2023.txt): the default when a workbook's titles say nothing else.
 */

export const NATIONAL_2023_KEMU = kemuReference({
  title: '2023 年科目表',
  source:
    '财政部《2023年政府收支分类科目》（支出功能分类：全部类，常用款、项；部门预算支出经济分类：公开06 所列类、款），另加公开来源所见科目（kemuAttested.ts，各注来源）',
  completeness: 'partial',
  note: '功能分类的款、项只收录行政事业单位常用部分；经济分类 309、311、313 等类的款未全列。未收录的编码视为未知，不作为错误。',
  gongneng: [...GONGNENG_2023, ...ATTESTED_2023.filter((r) => r.classification === '功能')],
  jingji: [...JINGJI_2023, ...ATTESTED_2023.filter((r) => r.classification === '经济')],
  defaultScaffoldCodes: DEFAULT_SCAFFOLD_CODES,
});

export const NATIONAL_2023: Edition = {
  id: TABLES_2023.id,
  year: 2023,
  region: '全国通用',
  name: TABLES_2023.name,
  tables: TABLES_2023,
  functionClasses: NATIONAL_FUNCTION_CLASSES,
  kemu: NATIONAL_2023_KEMU,
  narrative: NATIONAL_2023_NARRATIVE,
  sections: {
    emptyTables: [
      { table: 'gk07', words: /政府性基金|公开\s*0?7\s*表/ },
      { table: 'gk08', words: /国有资本经营|公开\s*0?8\s*表/ },
    ],
    performance: /绩效/,
    sangong: /三公/,
  },
  layout: NATIONAL_2023_LAYOUT,
  draft: NATIONAL_2023_DRAFT,
  // 上级补助 and 上缴上级 as 收入决算表 and 支出决算表 print them (their columns by 科目).
  transfers: [
    {
      name: '上级补助收入 — 对附属单位补助支出',
      child: { table: 'gk02', col: 'sjbz', name: '上级补助收入' },
      parent: { table: 'gk03', col: 'fsbz', name: '对附属单位补助支出' },
    },
    {
      name: '上缴上级支出 — 附属单位上缴收入',
      child: { table: 'gk03', col: 'sjjs', name: '上缴上级支出' },
      parent: { table: 'gk02', col: 'fs', name: '附属单位上缴收入' },
    },
  ],
};
