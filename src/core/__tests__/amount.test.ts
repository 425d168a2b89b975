import Decimal from 'decimal.js';
import { parseAmountText, textAmountKind, readAmount, formatDecimals, fmtMoney, amountInterval, readMilli, groupDigits } from '../amount';
import { normLabel, isAsciiDigits } from '../text';

describe('amount cells as accountants write them', () => {
  test.each([
    ['1,920.38', '1920.38', 2],
    ['１２３．４５', '123.45', 2],
    ['１，２３４．５０', '1234.5', 2],
    ['  410.00 ', '410', 2],
    ['4 10.00', '410', 2],
    ['(1.00)', '-1', 2],
    ['（36.00）', '-36', 2],
    ['-36.00', '-36', 2],
    ['−0.01', '-0.01', 2],
    ['16', '16', 0],
    ['.5', '0.5', 1],
  ])('%s reads as %s with %d decimals', (raw, value, decimals) => {
    const a = parseAmountText(raw);
    expect(a.kind).toBe('num');
    if (a.kind === 'num') {
      expect(a.value.equals(new Decimal(value))).toBe(true);
      expect(a.decimals).toBe(decimals);
    }
  });

  test.each(['', '   ', '-', '－', '—', '——', '/', '\n'])('%j is blank (zero)', (raw) => {
    expect(parseAmountText(raw).kind).toBe('blank');
  });

  test('a percentage keeps its sign', () => {
    const a = parseAmountText('68.8%');
    expect(a).toMatchObject({ kind: 'num', percent: true, decimals: 1 });
  });

  test.each(['abc', '12a', '1.2.3', '约100', '万元'])('%s is text, not a number', (raw) => {
    expect(parseAmountText(raw).kind).toBe('text');
  });

  test.each([
    '',
    ' ',
    '\u3000',
    '\u200b',
    '\u00a0-',
    '－',
    '—–',
    '‐−',
    '~～',
    '/／',
    '\\',
    '＼',
    '-%',
    '(-)',
    '（—）',
    '.',
    '，',
    '。',
    '+',
    '%',
    '万元',
    '合计',
    '一、',
    '表1',
    '12',
    '１２',
    '（1.00）',
    '－5',
    '1-2',
    '2023年',
    '第1部分',
  ])('textAmountKind(%j) is the kind parseAmountText reads, without parsing digit-free texts', (raw) => {
    expect(textAmountKind(raw)).toBe(parseAmountText(raw).kind);
  });

  test('textAmountKind agrees with parseAmountText on random texts of spaces, dashes, marks and digits', () => {
    const alphabet = [
      ' ',
      '\u3000',
      '\n',
      '-',
      '－',
      '—',
      '/',
      '／',
      '\\',
      '~',
      '～',
      '(',
      '（',
      ')',
      '）',
      '%',
      '.',
      '。',
      ',',
      '，',
      '+',
      '合',
      '计',
      'a',
      '1',
      '９',
      '0',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 3000; n++) {
      let raw = '';
      const len = Math.floor(next() * 6);
      for (let k = 0; k < len; k++) raw += alphabet[Math.floor(next() * alphabet.length)];
      expect([raw, textAmountKind(raw)]).toEqual([raw, parseAmountText(raw).kind]);
    }
  });

  test('numbers stored as numbers use the number format to know what the reader sees', () => {
    const a = readAmount({ value: 1224.8712, numFmt: '#,##0.00' });
    expect(a).toMatchObject({ kind: 'num', decimals: 2 });
    if (a.kind === 'num') expect(a.value.toString()).toBe('1224.87');
    const g = readAmount({ value: 0.1 + 0.2 });
    if (g.kind === 'num') expect(g.value.toString()).toBe('0.3');
  });

  test.each([
    ['#,##0.00', 2],
    ['0.0', 1],
    ['0', 0],
    ['General', undefined],
    ['#,##0.00;[Red]-#,##0.00', 2],
    ['0.00%', 2],
  ])('format %s shows %s decimals', (fmt, d) => {
    expect(formatDecimals(fmt)).toBe(d);
  });

  test('blank is exact zero; a printed 0.01 stands for ±0.005', () => {
    const z = amountInterval({ kind: 'blank' })!;
    expect(z.lo.isZero() && z.hi.isZero()).toBe(true);
    const p = amountInterval(parseAmountText('74.74'))!;
    expect(p.lo.toString()).toBe('74.735');
    expect(p.hi.toString()).toBe('74.745');
    const coarse = amountInterval(parseAmountText('16'))!;
    expect(coarse.hi.minus(coarse.lo).toString()).toBe('0.01');
  });

  test('money is printed with grouping and two decimals', () => {
    expect(fmtMoney(new Decimal('1248.32'))).toBe('1,248.32');
    expect(fmtMoney(new Decimal('-36'))).toBe('-36.00');
    expect(fmtMoney(new Decimal('-0.001'))).toBe('0.00');
  });
});

describe('readMilli: cent amounts as integer thousandths, else the Decimal path', () => {
  test.each([
    ['blank', undefined, { v: 0, h: 0 }],
    ['empty text', { value: '' }, { v: 0, h: 0 }],
    ['a dash', { value: '－' }, { v: 0, h: 0 }],
    ['a number shown with 2 decimals', { value: 1920.38, numFmt: '#,##0.00' }, { v: 1920380, h: 5 }],
    ['a number with binary noise, shown with 2 decimals', { value: 0.1 + 0.2, numFmt: '0.00' }, { v: 300, h: 5 }],
    ['a negative number shown with 1 decimal', { value: -12.5, numFmt: '0.0' }, { v: -12500, h: 5 }],
    ['a number as text', { value: '1,920.38' }, { v: 1920380, h: 5 }],
    ['a whole number with General format', { value: 7 }, { v: 7000, h: 5 }],
    ['a number with more decimals than its format shows: read as shown', { value: 1.234, numFmt: '0.00' }, { v: 1230, h: 5 }],
  ])('%s', (_n, cell, expected) => {
    const out = { v: NaN, h: NaN };
    expect(readMilli(cell as never, out)).toBe(true);
    expect(out).toEqual(expected);
  });

  test.each([
    ['three decimals', { value: '1.005' }],
    ['a percentage', { value: 0.5, numFmt: '0.0%' }],
    ['a percentage as text', { value: '68.8%' }],
    ['text', { value: '见说明' }],
    ['a huge number', { value: 1e13, numFmt: '0.00' }],
  ])('%s is left to Decimal', (_n, cell) => {
    expect(readMilli(cell as never, { v: 0, h: 0 })).toBe(false);
  });

  test('cells of different formats read one after another each by their own format', () => {
    const read = (value: number, numFmt: string) => {
      const out = { v: NaN, h: NaN };
      return readMilli({ value, numFmt }, out) ? out.v : 'Decimal';
    };
    const seq: [number, string, number | string][] = [
      [1.5, '0.00', 1500],
      [0.5, '0.0%', 'Decimal'],
      [1.5, '0.00', 1500],
      [1.2345, '0.000', 'Decimal'],
      [1.2345, '0.0', 1200],
      [2, '#,##0', 2000],
      [1.2345, '0.00', 1230],
    ];
    expect(seq.map(([v, f]) => read(v, f))).toEqual(seq.map(([, , want]) => want));
  });
});

describe('groupDigits: a comma every three digits from the right', () => {
  test.each([
    ['', ''],
    ['7', '7'],
    ['999', '999'],
    ['1000', '1,000'],
    ['12345', '12,345'],
    ['123456', '123,456'],
    ['1234567', '1,234,567'],
    ['999999999999', '999,999,999,999'],
  ])('%s → %s', (digits, grouped) => expect(groupDigits(digits)).toBe(grouped));
});

describe('labels', () => {
  test.each(['1', '12', '2010301', '', '１２', '1.0', '-1', '12a', ' 12', '一'])('isAsciiDigits(%j) agrees with /^\\d+$/', (t) => {
    expect(isAsciiDigits(t)).toBe(/^\d+$/.test(t));
  });

  test.each([
    ['一、一般公共服务支出', '一般公共服务支出'],
    ['（三）财政拨款支出', '财政拨款支出'],
    ['二十六、抗疫特别国债安排的支出', '抗疫特别国债安排的支出'],
    ['使用非财政拨款结余（含专用结余）', '使用非财政拨款结余(含专用结余)'],
    ['本年收入\n合计', '本年收入合计'],
    ['财政拨款“三公”经费支出决算表', '财政拨款三公经费支出决算表'],
    ['1. 基本工资', '基本工资'],
  ])('%j normalizes to %s', (raw, norm) => {
    expect(normLabel(raw)).toBe(norm);
  });
});

describe('matchAllNotAfter: a one-character lookbehind without lookbehind', () => {
  const { matchAllNotAfter } = require('../text') as typeof import('../text');
  const cases: [string, RegExp, RegExp, RegExp][] = [
    [
      '1920.38万元，a12 与 3.5%，x1.2y，12.5.6，2023年度',
      /(\d+)(?:\.(\d+))?(?![\d.]*[A-Za-z])\s*(万元|%)?/g,
      /[\dA-Za-z.]/,
      new RegExp('(?<![\\dA-Za-z.])(\\d+)(?:\\.(\\d+))?(?![\\d.]*[A-Za-z])\\s*(万元|%)?', 'g'),
    ],
    ['XX项目、TEXX、xx、×× 与 AXXB', /(X{2,}|x{2,})(?![A-Za-z])|×{2,}/g, /[A-Za-z]/, new RegExp('(?<![A-Za-z])(X{2,}|x{2,})(?![A-Za-z])|×{2,}', 'g')],
    ['截至2023年度、12023年度、202年度、2024 年度', /(\d{4})\s*年度/g, /[\d截至止]/, new RegExp('(?<![\\d截至止])(\\d{4})\\s*年度', 'g')],
  ];
  test.each(cases)('%s', (text, re, refused, native) => {
    const guard = re.source.startsWith('(X') ? (m: RegExpExecArray) => m[1] !== undefined : undefined;
    const ours = matchAllNotAfter(text, re, refused, guard).map((m) => [m.index, m[0]]);
    const theirs = [...text.matchAll(native)].map((m) => [m.index, m[0]]);
    expect(ours).toEqual(theirs);
    expect(theirs.length).toBeGreaterThan(0);
  });
});
