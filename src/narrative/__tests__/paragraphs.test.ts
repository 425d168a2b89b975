import { readNarrative } from '../paragraphs';
import { textToWorkbook } from '../../hosts/text/textDocument';
import { Workbook } from '../../core/grid';
import { displayWidth, toHalfWidth } from '../../core/text';
import { rewrap } from '../../../tests/helpers/wordings';

/**
 * A PDF's narrative comes out as lines cut at the page's width (pdftotext, a PDF host). A line as
 * wide as the page was cut by the page, not ended: what ends there (a 。, a ：, a numbered line's
 * end) is not a paragraph's end. A workbook's cells and a re-flowed text are paragraphs each.
 */

const paragraphs = (wb: Workbook) =>
  readNarrative(wb)
    .filter((p) => !p.heading)
    .map((p) => p.text);

const doc = (text: string) => textToWorkbook(['第三部分', text, '第四部分'].join('\n'), 'doc');

// The first sentence is 56 columns wide: at a page of 56 columns it ends at the margin.
const PARAGRAPHS = [
  '一、收入支出决算总体情况说明',
  '本部门2023年度收入、支出总计（含结转和结余）1920.38万元。与上年相比，收支总计各增加477.57万元，增长33.1%，主要原因是人员调资、清算养老保险及职业年金，以及新增大气污染防治等项目，导致收入比上年增加。',
  '二、收入决算情况说明',
  '本年收入合计1920.38万元，其中：财政拨款收入1920.38万元，占100.0%；上级补助收入0.00万元，占0.0%；其他收入0.00万元，占0.0%。',
  '九、预算绩效情况说明',
  '1、追加2022年环境管理体系监督审核费项目绩效自评情况：根据年初设定的绩效目标，追加2022年环境管理体系监督审核费项目绩效自评得分为96分（绩效自评表附后）。全年预算数为3万元，执行数为3万元，完成预算的100%。',
  '2、培训费项目绩效自评情况：根据年初设定的绩效目标，培训费项目绩效自评得分为97分（绩效自评表附后）。全年预算数为1万元，执行数为1万元，完成预算的100%。培训费全部用于干部培训，效果良好。',
];

describe('a PDF’s lines cut at the page width', () => {
  test.each([56, 60, 72])('at %i columns, every paragraph comes back whole', (columns) => {
    const text = rewrap(PARAGRAPHS.join('\n\n'), columns);
    expect(text.split('\n').filter((l) => l.trim()).length).toBeGreaterThan(PARAGRAPHS.length + 6);
    expect(paragraphs(doc(text))).toEqual(PARAGRAPHS.filter((p) => !/^[一二九]、/.test(p)).map(toHalfWidth));
  });

  test('a sentence ended at the very margin runs on into its paragraph', () => {
    const text = rewrap(PARAGRAPHS.join('\n\n'), 56);
    const lines = text.split('\n');
    const atMargin = lines.find((l) => l.endsWith('1920.38万元。'))!;
    expect(displayWidth(atMargin)).toBeGreaterThanOrEqual(55);
    expect(paragraphs(doc(text)).find((t) => t.startsWith('本部门'))).toContain('1920.38万元。与上年相比');
  });

  test('a numbered heading short of the margin stays a heading over its item', () => {
    const text = rewrap(
      [
        ...PARAGRAPHS,
        '五、一般公共预算财政拨款支出决算情况说明',
        '1、行政运行（项）',
        '支出决算为355.81万元，年初预算为300.00万元，主要用于机关日常运转及人员支出。',
      ].join('\n\n'),
      56,
    ).replace(/\n\n(?=支出决算为)/, '\n');
    expect(paragraphs(doc(text))).toContain('1、行政运行(项)');
  });
});

describe('paragraphs that are lines of their own', () => {
  test('a text whose lines are apart (a re-flowed text): a line ending a sentence ends its paragraph', () => {
    const text = PARAGRAPHS.map((p) => p.replace(/。(?=.)/g, '。\n\n')).join('\n\n');
    const ps = paragraphs(doc(text));
    expect(ps).toContain(toHalfWidth('本部门2023年度收入、支出总计（含结转和结余）1920.38万元。'));
  });

  test('a workbook’s rows, one paragraph each, are never run together', () => {
    const rows = [
      '一、收入支出决算总体情况说明',
      '本部门2023年度收入、支出总计1920.38万元。与上年相比，收支总计各增加477.57万元，增长33.1%，主要原因是：',
      '人员调资导致收入增加。',
      '二、收入决算情况说明',
      '本年收入合计1920.38万元，其中：',
      '财政拨款收入1920.38万元，占100.0%；',
      '其他收入0.00万元，占0.0%。',
      '三、支出决算情况说明',
      '本年支出合计1920.38万元，其中：',
      '基本支出1320.27万元，占68.8%；',
      '项目支出600.11万元，占31.2%。',
    ];
    const wb: Workbook = { name: 'wb', sheets: [{ name: '情况说明', rows: rows.map((t) => [{ value: t }]) }] };
    expect(paragraphs(wb)).toEqual(rows.filter((t) => !/^[一二三]、/.test(t)).map(toHalfWidth));
  });
});
