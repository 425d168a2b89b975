import { Edition } from '../types';
import { kemuReference } from '../reference';
import { TABLES_2024_SHANGHAI } from './tables';
import { NATIONAL_2023, NATIONAL_2023_KEMU } from '../national2023';
import { ATTESTED_FROM_2024 } from '../national2023/kemuAttested';
import { functionClasses } from '../reference';

/**
 * The 2024 上海市 edition (表一–表九; 七 = 三公, 八 = 政府性基金, 九 = 国有资本经营 with income and
 * carry-overs; 24 function classes), as in samples/2024-shanghai-template.layout.txt and the
 * corpus. The narrative, the sections and the draft speak of the same figures as the national
 * edition (the tables keep their role ids); the layout prints 国有资本经营 like 政府性基金.
 */

export const SHANGHAI_2024: Edition = {
  id: TABLES_2024_SHANGHAI.id,
  year: 2024,
  region: '上海市',
  name: TABLES_2024_SHANGHAI.name,
  tables: TABLES_2024_SHANGHAI,
  functionClasses: functionClasses(NATIONAL_2023.functionClasses.list, TABLES_2024_SHANGHAI.classRows!),
  kemu: kemuReference({
    // The 2023 names with the 2024 additions: a message quotes them as the 2023 table's.
    title: NATIONAL_2023_KEMU.title,
    source: `${NATIONAL_2023_KEMU.source}；2024 年增补科目（财预〔2024〕22号）`,
    completeness: 'partial',
    note: `2024 年版科目表未全文录入：以 2023 年版为准，另加 2024 年增补的科目。${NATIONAL_2023_KEMU.note}`,
    gongneng: [...NATIONAL_2023_KEMU.gongneng, ...ATTESTED_FROM_2024.filter((r) => r.classification === '功能')],
    jingji: [...NATIONAL_2023_KEMU.jingji, ...ATTESTED_FROM_2024.filter((r) => r.classification === '经济')],
    defaultScaffoldCodes: NATIONAL_2023_KEMU.defaultScaffoldCodes,
  }),
  narrative: NATIONAL_2023.narrative,
  sections: {
    emptyTables: [
      { table: 'gk07', words: /政府性基金|表\s*八/ },
      { table: 'gk08', words: /国有资本经营|表\s*九/ },
    ],
    performance: NATIONAL_2023.sections.performance,
    sangong: NATIONAL_2023.sections.sangong,
  },
  layout: { ...NATIONAL_2023.layout, codedHeaders: { ...NATIONAL_2023.layout.codedHeaders, gk08: NATIONAL_2023.layout.codedHeaders.gk07 } },
  draft: NATIONAL_2023.draft,
  // Its 收入决算表 and 支出决算表 are the national ones renumbered: the same columns to net.
  transfers: NATIONAL_2023.transfers,
};
