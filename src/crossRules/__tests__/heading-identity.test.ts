import { checkWorkbook } from '../../check';
import { textToWorkbook } from '../../hosts/text/textDocument';
import { headingIdentity } from '../heading-identity';

/** A disclosure's cover, contents and narrative, in the words of a made-up unit. */
const UNIT = '上海市某区示例和测试管理局';
function doc(o: { heading2?: string; heading3?: string; text?: string; cover?: boolean } = {}): string {
  return [
    ...(o.cover === false ? [] : ['上海市某区示例和', '测试管理局', '2024 年度部门决算']),
    '目   录',
    `第一部分 ${UNIT}概况`,
    o.heading2 ?? `第二部分 ${UNIT} 2024 年度部门决算表`,
    o.heading3 ?? `第三部分 ${UNIT} 2024 年度部门决算情况说明`,
    `${UNIT} 2024 年度部门决算表`,
    '一、收入支出决算总体情况说明',
    o.text ?? `${UNIT}2024 年度收入支出总计 10.00 万元。`,
  ].join('\n');
}

const run = (text: string) => checkWorkbook(textToWorkbook(text, '示例'), { rules: [headingIdentity] }).findings;

describe('heading-identity: the unit and the year of every heading against the cover', () => {
  test.each([
    ['every heading as the cover', doc(), []],
    [
      'a part heading without the district',
      doc({ heading2: '第二部分 上海市示例和测试管理局 2024 年度部门决算表' }),
      ['标题中的单位名称“上海市示例和测试管理局”与封面（“上海市某区示例和测试管理局”）不一致'],
    ],
    ['a part heading of last year', doc({ heading3: `第三部分 ${UNIT} 2023 年度部门决算情况说明` }), ['标题中的年度 2023 与封面（2024 年度）不一致']],
    [
      'the text writing 与 for 和 in the unit’s name',
      doc({ text: '上海市某区示例与测试管理局2024 年度收入支出总计 10.00 万元。' }),
      ['单位名称写错：“上海市某区示例与测试管理局”，封面为“上海市某区示例和测试管理局”'],
    ],
    ['the text naming a subordinate unit', doc({ text: '上海市某区示例和测试管理事务中心2024 年度收入支出总计 10.00 万元。' }), []],
    ['the text naming the city’s bureau', doc({ text: '根据上海市示例和测试管理局的要求，收入支出总计 10.00 万元。' }), []],
    [
      'a sentence ending a line with 部门决算 is no heading',
      doc({ text: `纳入${UNIT.slice(0, 5)}其他单位 2024 年度部门决算\n编制范围的单位共 2 个，收入支出总计 10.00 万元。` }),
      [],
    ],
  ])('%s', (_n, text, messages) => {
    const fs = run(text);
    expect(fs.map((f) => f.message)).toEqual(messages);
    for (const f of fs) expect(f.severity).toBe('error');
  });

  test('without a cover, the name most headings state is the unit’s', () => {
    const fs = run(doc({ cover: false, heading2: '第二部分 上海市示例和测试管理局 2024 年度部门决算表' }));
    expect(fs.map((f) => f.message)).toEqual(['标题中的单位名称“上海市示例和测试管理局”与多数标题（“上海市某区示例和测试管理局”）不一致']);
  });

  test('the finding stands on the heading’s own line', () => {
    const [f] = run(doc({ heading2: '第二部分 上海市示例和测试管理局 2024 年度部门决算表' }));
    expect(f.cell).toBe('A6');
  });
});
