import { checkWorkbook } from '../../check';
import { SLIP_RULES } from '../../check/registry';
import { textToWorkbook } from '../../hosts/text/textDocument';

/** Slips in the text around the narrative: headings, titles, notes, the contents, 名词解释. */

const doc = (o: { heading?: string; note?: string; glossary?: string; narrative?: string } = {}) =>
  [
    '目   录',
    o.heading ?? '第一部分 上海市某区示例局概况',
    '第三部分 上海市某区示例局 2024 年度部门决算情况说明',
    '一、收入支出决算总体情况说明',
    o.narrative ?? '本年收入支出总计 10.00 万元，与上年持平。',
    '第四部分 名词解释',
    o.glossary ?? '一、财政拨款收入：指本年度从本级财政部门取得的财政拨款。',
    o.note ?? '注：本表反映部门本年度“三公”经费支出预决算情况。',
  ].join('\n');

const run = (text: string) => checkWorkbook(textToWorkbook(text, '示例'), { rules: SLIP_RULES }).findings;
const own = (text: string) => run(text).filter((f) => f.rule === 'doc-slips');

describe('doc-slips: the whole document, not only 第三部分', () => {
  test.each([
    ['clean text', doc(), []],
    ['a placeholder in a part heading', doc({ heading: '第一部分 上海市 XX 局概况' }), ['XX']],
    ['某某 in 名词解释', doc({ glossary: '一、财政拨款收入：指某某部门取得的财政拨款。' }), ['某某']],
    ['doubled full stops in a table’s 注', doc({ note: '注：本表反映部门本年度“三公”经费支出预决算情况。。' }), ['。。']],
    ['a year cut short in a heading', doc({ heading: '第一部分 上海市某区示例局 202 年度概况' }), ['202 年度']],
    ['增加（减少） left in a note', doc({ note: '注：本表反映本年度收入增加（减少）情况。' }), ['增加（减少）']],
    ['letters of a name are no placeholder (IPV6, ISO)', doc({ glossary: '一、信息化支出：指 IPV6 改造和 ISO 认证等支出。' }), []],
  ])('%s', (_n, text, fragments) => {
    const fs = own(text);
    expect(fs.map((f) => f.text?.fragment)).toEqual(fragments);
    for (const f of fs) expect(f.severity).toBe('error');
  });

  test('a slip in the narrative is reported once, by the narrative’s rule', () => {
    const fs = run(doc({ narrative: '本年收入支出总计 10.00 万元。。与上年持平。' }));
    expect(fs.filter((f) => /标点重复/.test(f.message)).map((f) => f.rule)).toEqual(['narr-template']);
  });
});
