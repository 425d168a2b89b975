import Decimal from 'decimal.js';
import { printed, sum, sub, div, contains, exact } from '../interval';

const d = (s: string) => new Decimal(s);

describe('interval arithmetic for printed figures', () => {
  test('twelve items adding to 74.75 are consistent with a printed total of 74.74', () => {
    const items = ['6.89', '2.03', '14.56', '2.13', '0.06', '0.18', '6.91', '9.30', '6.48', '2.58', '17.32', '6.31'].map((v) => printed(d(v), 2));
    const diff = sub(printed(d('74.74'), 2), sum(items));
    expect(contains(diff, d(0))).toBe(true);
  });

  test('a difference of 1.00 cannot be rounding', () => {
    const diff = sub(printed(d('1248.32'), 2), sum([printed(d('1224.87'), 2), printed(d('24.45'), 2)]));
    expect(contains(diff, d(0))).toBe(false);
  });

  test('a growth of 2030.4% is consistent with +24.81 on 26.03 (computes to 2033.6%)', () => {
    const inc = printed(d('24.81'), 2);
    const prev = sub(printed(d('26.03'), 2), inc);
    const g = div(inc, prev)!;
    expect(contains({ lo: g.lo.times(100), hi: g.hi.times(100) }, d('2030.4'))).toBe(true);
  });

  test('division by an interval containing zero has no answer', () => {
    expect(div(exact(d(1)), printed(d('0.00'), 2))).toBeUndefined();
  });
});
