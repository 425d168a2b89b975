import { ROOT } from '../../../tests/helpers/paths';
import * as path from 'path';
import { sampleText } from '../../../tests/helpers/grid';
import { textToWorkbook } from '../../hosts/text/textDocument';
import { checkWorkbook } from '../../check';
import { TABLE_RULES } from '../../rules';

/** The JUESUAN custom functions through the entry points Excel calls, and the 科目 reference. */

class CFError {
  constructor(
    public code: string,
    public message: string,
  ) {}
}
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CFError,
  ErrorCode: { invalidValue: '#VALUE!', divisionByZero: '#DIV/0!', notAvailable: '#N/A' },
  associate: () => undefined,
};

const F = require('../../../functions/functions') as typeof import('../../../functions/functions');

function err(f: () => unknown): CFError {
  try {
    f();
  } catch (e) {
    return e as CFError;
  }
  throw new Error('expected an error');
}

describe('shares, growth, rounding', () => {
  test.each([
    ['PCT 基本支出 / 本年支出', () => F.pct(1320.27, 1920.38), 68.8],
    ['PCT with 2 decimals', () => F.pct(1, 3, 2), 33.33],
    ['PCT half up on a tie (0.05 → 0.1)', () => F.pct(1, 2000), 0.1],
    ['GROWTH 33.1', () => F.growth(1920.38, 1442.81), 33.1],
    ['GROWTH negative for a decrease', () => F.growth(90, 100), -10],
    ['GROWTH from a negative base', () => F.growth(-50, -100), 50],
    ['PREV from an increase', () => F.prev(1920.38, 477.57), 1442.81],
    ['PREV from a decrease', () => F.prev(90, -10), 100],
    ['WAN half up where floats would not (1.005 → 1.01)', () => F.wan(10050), 1.01],
    ['WAN of 19,203,800 元', () => F.wan(19203800), 1920.38],
  ])('%s', (_n, f, expected) => expect(f()).toBe(expected));

  test.each([
    ['parts add up', () => F.sumcheck(1920.38, [[1320.27], [600.11]]), 0],
    [
      'a rounding gap within tolerance',
      () =>
        F.sumcheck(
          74.74,
          [
            [6.89, 2.03],
            [14.56, 2.13],
          ],
          [[0.06, 0.18, 6.91, 9.3, 6.48, 2.58, 17.32, 6.31]],
        ),
      0,
    ],
    ['a real gap is the difference', () => F.sumcheck(100, [[50, 40]]), 10],
    ['blank cells are zero', () => F.sumcheck(5, [[5, '' as unknown as number]]), 0],
  ])('SUMCHECK: %s', (_n, f, expected) => expect(f()).toBe(expected));

  test.each([
    ['68.8% of 1920.38 is 1320.27', 68.8, 1320.27, 1920.38, true],
    ['66.8% is not', 66.8, 1320.27, 1920.38, false],
    ['21.3% within the rounding of its inputs', 21.3, 410.0, 1920.38, true],
    ['100 written without decimals', 100, 600.11, 600.11, true],
  ])('CONSISTENT: %s', (_n, s, p, w, expected) => expect(F.consistent(s, p, w)).toBe(expected));
});

describe('the narrative’s phrases', () => {
  test('SHARETEXT', () => expect(F.sharetext('一般公共服务（类）支出', 1248.32, 1920.38)).toBe('一般公共服务（类）支出1248.32万元，占65.0%'));
  test.each([
    [1920.38, 1442.81, '本年收入合计1920.38万元，比上年增加477.57万元，增长33.1%'],
    [90, 100, '本年收入合计90.00万元，比上年减少10.00万元，下降10.0%'],
    [100, 100, '本年收入合计100.00万元，与上年持平'],
    [5, 0, '本年收入合计5.00万元，比上年增加5.00万元'],
  ])('GROWTHTEXT %s vs %s', (c, p, text) => expect(F.growthtext('本年收入合计', c, p)).toBe(text));

  test('CHECKTEXT counts the inconsistencies of a paragraph; CHECKTEXTMSG gives the first', () => {
    const bad = '本年支出合计1920.38万元，其中：基本支出1320.27万元，占66.8%；项目支出600.11万元，占31.2%。';
    expect(F.checktext(bad)).toBe(1);
    expect(F.checktextmsg(bad)).toContain('应为 68.8%');
    expect(F.checktext(bad.replace('66.8', '68.8'))).toBe(0);
    expect(F.checktextmsg(bad.replace('66.8', '68.8'))).toBe('');
    expect(F.checktext('其中：基本支出1320.27万元，占66.8%。', 1920.38)).toBe(1);
  });

  test.each([
    [
      'a growth of the sentence before’s total',
      '本年支出合计820.00万元，其中：基本支出600.00万元，占73.2%；项目支出220.00万元，占26.8%。与2022年度决算相比，支出增加40.00万元，增长6.1%。',
    ],
    ['a percentage without %', '本年收入合计820.00万元，比上年增加40.00万元，增长5.13。'],
    ['growth from zero', '本年支出合计820.00万元，比上年增加820.00万元，增长100.00%。'],
    ['a clean paragraph', '本年支出合计820.00万元，其中：基本支出600.00万元，占73.2%；项目支出220.00万元，占26.8%。'],
  ])('CHECKTEXT finds what the command line finds on the paragraph as a .txt: %s', (_n, text) => {
    const cli = checkWorkbook(textToWorkbook(text, '段落'))
      .findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
      .map((f) => f.message);
    expect(cli.length > 0).toBe(!text.endsWith('占26.8%。'));
    expect(F.checktext(text)).toBe(cli.length);
    expect(F.checktextmsg(text)).toBe(cli[0] ?? '');
  });

  test('a paragraph checked alone is asked for no table', () => {
    const r = checkWorkbook(textToWorkbook('本年支出合计820.00万元，比上年增加40.00万元，增长5.1%。', '段落'));
    expect(r.findings.filter((f) => f.rule === 'table-presence')).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('科目 names', () => {
  test.each([
    ['201', '一般公共服务支出', '类'],
    ['20103', '政府办公厅（室）及相关机构事务', '款'],
    ['2010301', '行政运行', '项'],
    ['2210201', '住房公积金', '项'],
  ])('KEMU %s', (code, name, level) => {
    expect(F.kemu(code)).toBe(name);
    expect(F.kemulevel(code)).toBe(level);
  });
  test('JINGJI', () => {
    expect(F.jingji('30101')).toBe('基本工资');
    expect(F.jingji('302')).toBe('商品和服务支出');
  });
});

describe('bad input is #VALUE! (or #N/A) with a Chinese message Excel shows, never a wrong number or a bare #DIV/0!', () => {
  test.each([
    ['text for a number', () => F.pct('abc' as unknown as number, 1), '#VALUE!', /不是数字/],
    ['missing argument', () => F.pct(undefined as unknown as number, 1), '#VALUE!', /缺少/],
    ['zero base (an empty cell)', () => F.pct(1, 0), '#VALUE!', /总额为 0/],
    ['zero last year', () => F.growth(1, 0), '#VALUE!', /上年数为 0/],
    ['bad digits', () => F.pct(1, 3, 1.5), '#VALUE!', /小数位数/],
    ['text in a range', () => F.sumcheck(1, [[1, 'x' as unknown as number]]), '#VALUE!', /不是数字/],
    ['no parts', () => F.sumcheck(1), '#VALUE!', /缺少分项/],
    ['malformed code', () => F.kemu('12'), '#VALUE!', /3、5 或 7 位/],
    ['unknown code', () => F.kemu('2999999'), '#N/A', /未收录/],
    ['项 code for 经济分类', () => F.jingji('3010101'), '#VALUE!', /只有类/],
    ['empty paragraph', () => F.checktext(''), '#VALUE!', /缺少段落/],
  ])('%s', (_n, f, code, message) => {
    const e = err(f);
    expect(e).toBeInstanceOf(CFError);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});

describe('functions.json and the bundle', () => {
  test('metadata generated from the JSDoc lists every function with Chinese descriptions', async () => {
    const { generateCustomFunctionsMetadata } = await import('custom-functions-metadata');
    const r = await generateCustomFunctionsMetadata(path.join(ROOT, 'functions', 'functions.ts'));
    expect(r.errors).toEqual([]);
    const meta = JSON.parse(r.metadataJson) as {
      functions: { id: string; description: string; parameters: { name: string; description: string; optional?: boolean; repeating?: boolean }[] }[];
    };
    expect(meta.functions.map((f) => f.id)).toEqual(Object.keys(F.FUNCTIONS));
    for (const f of meta.functions) {
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(
      meta.functions.map((f) => `${f.id}(${f.parameters.map((p) => p.name + (p.optional ? '?' : '') + (p.repeating ? '…' : '')).join(', ')})`),
    ).toMatchSnapshot();
  });

  test('the functions bundle builds', async () => {
    const { build } = await import('esbuild');
    const r = await build({
      entryPoints: [path.join(ROOT, 'functions', 'register.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      logLevel: 'silent',
    });
    expect(r.errors).toEqual([]);
    expect(r.outputFiles[0].text).toContain('associate');
  });
});

describe('the 科目 check on the tables', () => {
  test('the sample raises no 科目 warning', () => {
    const r = checkWorkbook(textToWorkbook(sampleText(), 's'), { rules: TABLE_RULES });
    expect(r.findings.filter((f) => f.rule === 'kemu-names')).toEqual([]);
  });
  test('a code printed with another name, and a missing parent, are warnings', () => {
    const text = sampleText()
      .replace('2010301\t行政运行\t355.81\t355.81', '2010301\t一般行政管理事务\t355.81\t355.81')
      .replace(/^20113\t商贸事务.*\n/m, '');
    const fs = checkWorkbook(textToWorkbook(text, 's'), { rules: TABLE_RULES }).findings.filter((f) => f.rule === 'kemu-names');
    expect(fs.some((f) => f.message.includes('2010301') && f.message.includes('行政运行'))).toBe(true);
    expect(fs.some((f) => f.message.includes('2011308') && f.message.includes('上级科目 20113'))).toBe(true);
    expect(fs.every((f) => f.severity === 'warning')).toBe(true);
  });
});
