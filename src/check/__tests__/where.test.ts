import { checkWorkbook } from '..';
import { sampleWithNarrative } from '../../../tests/helpers/narrative';

/** A narrative finding says where it is in words: the section and the paragraph, or the numbered item. */
describe('a narrative finding’s place in words', () => {
  test.each([
    [
      'the second paragraph of a section',
      '三、支出决算情况说明\n本年支出合计1920.38万元。\n其中：基本支出1320.27万元，占66.8%。',
      /^情况说明「三、支出决算情况说明」第 2 段$/,
    ],
    [
      'a numbered item cut over lines keeps its number',
      '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1、行政运行（项）。年初预算为 355.81 万元，支出决算为 355.81 万元。\n2、卫生健康支出（类）行政事业单位医疗（款）\n行政单位医疗（项）。年初预算为 40.00 万元，支出决算为 30.00 万元，完成年初预算的 80.5%。',
      /^情况说明「\(三\)一般公共预算财政拨款支出决算具体情况」第 2 项$/,
    ],
  ])('%s', (_n, text, where) => {
    const fs = checkWorkbook(sampleWithNarrative(text)).findings.filter((f) => f.table === '情况说明' && f.severity === 'error');
    expect(fs.length).toBeGreaterThan(0);
    for (const f of fs) expect(f.where).toMatch(where);
  });
});
