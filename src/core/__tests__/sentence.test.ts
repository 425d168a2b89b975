import { sentenceAround } from '../sentence';

/** The sentence a cell's note shows for a narrative finding, its fragment marked. */

const para = '2023年度收入总计1920.38万元。其中：财政拨款收入1920.38元，占100%；其他收入0万元。';
const at = (fragment: string, text = para) => ({ fragment, offset: text.indexOf(fragment), length: fragment.length });

test.each([
  ['the fragment’s own sentence, not the paragraph', '1920.38元', '其中：财政拨款收入〖1920.38元〗，占100%；'],
  ['a fragment in the first sentence', '1920.38万元', '2023年度收入总计〖1920.38万元〗。'],
  ['a fragment in the last sentence, without an end mark after it', '0万元', '其他收入〖0万元〗。'],
])('%s', (_, fragment, sentence) => {
  expect(sentenceAround(para, at(fragment))).toBe(sentence);
});

test('a long sentence is cut around the fragment', () => {
  const long = '甲'.repeat(300) + '比上年增加5%' + '乙'.repeat(300) + '。';
  const s = sentenceAround(long, at('比上年增加5%', long), 40)!;
  expect(s).toMatch(/^…甲+〖比上年增加5%〗乙+…$/);
  expect(s.length).toBeLessThanOrEqual(40 + 4);
});

test('lines of a paragraph cell end a sentence too', () => {
  const text = '一、收入支出决算总体情况\n收入合计100万元';
  expect(sentenceAround(text, at('100万元', text))).toBe('收入合计〖100万元〗');
});

test.each([
  ['the cell was edited since: the fragment is not where the finding says', { fragment: '1920.38元', offset: 3, length: 8 }],
  ['an offset past the text', { fragment: '万元', offset: 999, length: 2 }],
])('no sentence when %s', (_, span) => {
  expect(sentenceAround(para, span)).toBeUndefined();
});
