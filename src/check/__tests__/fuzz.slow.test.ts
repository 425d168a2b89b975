import { sampleText } from '../../../tests/helpers/grid';
import { textToWorkbook } from '../../hosts/text/textDocument';
import { checkWorkbook } from '..';
import { Workbook, Cell } from '../../core/grid';

/** Thousands of random and mangled grids through recognition and rules: nothing throws. */

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const JUNK = [
  '',
  ' ',
  '合计',
  '总计',
  '项目',
  '栏次',
  '201',
  '20103',
  '2010301',
  '301',
  '30101',
  '1,920.38',
  'abc',
  '—',
  '1e308',
  '-1e308',
  '99999999999999999999.99',
  'NaN',
  '（1.00）',
  '注：',
  '收入',
  '支出',
  '本年支出合计',
  '小计',
  '公开03表',
  '支出决算表',
  '收入支出决算总表',
  '财政拨款“三公”经费支出决算表',
  '一般公共预算财政拨款基本支出决算表',
  '人员经费合计',
];

describe('fuzz: recognition and rules never throw', () => {
  const lines = sampleText().split('\n');

  test('mangled sample text (shuffled rows, text in number cells, deleted header cells, huge values)', () => {
    const rand = rng(20231);
    for (let i = 0; i < 200; i++) {
      const copy = lines.map((l) => l.split('\t'));
      const ops = 1 + Math.floor(rand() * 30);
      for (let k = 0; k < ops; k++) {
        const r = Math.floor(rand() * copy.length);
        const op = rand();
        if (op < 0.25) {
          const r2 = Math.floor(rand() * copy.length);
          [copy[r], copy[r2]] = [copy[r2], copy[r]];
        } else if (op < 0.5) copy[r][Math.floor(rand() * (copy[r].length + 2))] = JUNK[Math.floor(rand() * JUNK.length)];
        else if (op < 0.65) copy[r] = [];
        else if (op < 0.8) copy.splice(r, Math.floor(rand() * 20));
        else copy[r] = copy[r].map((v) => (/\d\.\d\d$/.test(v) ? String(rand() * 1e15) : v));
      }
      const r = checkWorkbook(textToWorkbook(copy.map((c) => c.join('\t')).join('\n')));
      expect(r.findings.filter((f) => f.message.includes('执行异常'))).toEqual([]);
    }
  });

  test('random grids of junk, empty sheets, numbers and merges', () => {
    const rand = rng(7);
    for (let i = 0; i < 3000; i++) {
      const sheets = Array.from({ length: Math.floor(rand() * 3) }, (_, s) => {
        const rows: (Cell | undefined)[][] = Array.from({ length: Math.floor(rand() * 25) }, () =>
          Array.from({ length: Math.floor(rand() * 10) }, () => {
            const p = rand();
            if (p < 0.3) return undefined;
            if (p < 0.5)
              return { value: rand() < 0.1 ? Number.NaN : (rand() - 0.5) * 10 ** Math.floor(rand() * 20), numFmt: rand() < 0.5 ? '#,##0.00' : undefined };
            if (p < 0.55) return { value: rand() < 0.5 };
            return { value: JUNK[Math.floor(rand() * JUNK.length)] };
          }),
        );
        const merges = rand() < 0.3 ? [{ top: 0, left: 0, bottom: Math.floor(rand() * 3), right: Math.floor(rand() * 5) }] : [];
        return { name: `S${s}`, rows, merges };
      });
      const wb: Workbook = { sheets };
      expect(checkWorkbook(wb).findings.filter((f) => f.message.includes('执行异常'))).toEqual([]);
    }
  });
});
