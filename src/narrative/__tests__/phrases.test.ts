import Decimal from 'decimal.js';
import { versusPrior } from '../phrases';
import { growthtext } from '../../customFunctions/core';

/** This year against last, as the drafting and the GROWTHTEXT function both write it. */

test.each([
  ['1920.38', '1442.81', '比上年增加477.57万元，增长33.1%'],
  ['90', '100', '比上年减少10.00万元，下降10.0%'],
  ['100', '100', '与上年持平'],
  ['100.004', '100', '与上年持平'],
  ['100.005', '100', '比上年增加0.01万元，增长0.0%'],
  ['5', '0', '比上年增加5.00万元'],
  ['0', '5', '比上年减少5.00万元，下降100.0%'],
])('%s against %s: %s', (cur, prev, text) => {
  expect(versusPrior(new Decimal(cur), new Decimal(prev))).toBe(text);
  expect(growthtext('支出', Number(cur), Number(prev))).toBe(`支出${new Decimal(cur).toFixed(2, Decimal.ROUND_HALF_UP)}万元，${text}`);
});
