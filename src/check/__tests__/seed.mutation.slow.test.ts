import { sampleText } from '../../../tests/helpers/grid';
import { checkWorkbook } from '..';
import { textToWorkbook } from '../../hosts/text/textDocument';
import { recognize } from '../../recognize';
import { TABLES_2023 } from '../../editions/national2023/tables';
import { Finding } from '../../core/findings';

/**
 * The sample disclosure: every table recognized, rounding-only differences are hints, and any single
 * amount changed beyond its rounding gives a new error at that table (mutation test over every amount).
 */

/** Findings on the tables (the narrative has its own tests: narrative.test.ts). */
const ofTables = (fs: Finding[]) => fs.filter((f) => f.table.startsWith('公开'));
const errorsOf = (fs: Finding[]) => ofTables(fs).filter((f) => f.severity === 'error');

describe('mutation: every amount of the sample’s tables, changed beyond rounding, is caught at its table', () => {
  const text = sampleText();
  const lines = text.split('\n');
  const wb = textToWorkbook(text, 'seed');
  const rec = recognize(wb, TABLES_2023);
  // Every cell in a table's rows that looks like an amount (has decimals), found without the recognizer's help.
  const targets: { line: number; field: number; value: string; table: string }[] = [];
  for (const t of rec.tables) {
    for (let r = t.dataStart; r <= t.dataEnd; r++) {
      const fields = lines[r].split('\t');
      fields.forEach((v, i) => {
        if (/^-?[\d,]+\.\d+$/.test(v.trim())) targets.push({ line: r, field: i, value: v.trim(), table: t.spec.code });
      });
    }
  }

  test('the sample has amounts in every non-empty table', () => {
    expect(new Set(targets.map((t) => t.table))).toEqual(new Set(['公开01', '公开02', '公开03', '公开04', '公开05', '公开06', '公开09']));
    expect(targets.length).toBeGreaterThan(150);
  });

  const mutate = (m: { line: number; field: number }, to: string) => {
    const copy = [...lines];
    const fields = copy[m.line].split('\t');
    fields[m.field] = to;
    copy[m.line] = fields.join('\t');
    return checkWorkbook(textToWorkbook(copy.join('\n'), 'seed'));
  };
  const baseKeys = new Set(errorsOf(checkWorkbook(wb).findings).map((f) => f.message));

  const plusOne = (v: string) => (Number(v.replace(/,/g, '')) + 1).toFixed(2);
  /** Swap the last two distinct digits ("74.74" → "74.47"). */
  const swap = (v: string) => {
    const digits = [...v].map((ch, i) => ({ ch, i })).filter((d) => /\d/.test(d.ch));
    for (let k = digits.length - 1; k > 0; k--) {
      const a = digits[k - 1];
      const b = digits[k];
      if (a.ch !== b.ch) {
        const arr = [...v];
        arr[a.i] = b.ch;
        arr[b.i] = a.ch;
        return arr.join('');
      }
    }
    return undefined;
  };

  test('adding 1.00 to any amount gives a new error at that table', () => {
    const missed: string[] = [];
    for (const m of targets) {
      const errs = errorsOf(mutate(m, plusOne(m.value)).findings).filter((f) => !baseKeys.has(f.message));
      if (!errs.some((f) => f.table === m.table)) missed.push(`${m.table} 第${m.line + 1}行 ${m.value}`);
    }
    expect(missed).toEqual([]);
  });

  test('swapping two digits of any amount gives a new error at that table', () => {
    const missed: string[] = [];
    let n = 0;
    for (const m of targets) {
      const to = swap(m.value);
      if (!to || Number(to.replace(/,/g, '')) === Number(m.value.replace(/,/g, ''))) continue;
      n++;
      const errs = errorsOf(mutate(m, to).findings).filter((f) => !baseKeys.has(f.message));
      if (!errs.some((f) => f.table === m.table)) missed.push(`${m.table} 第${m.line + 1}行 ${m.value}→${to}`);
    }
    expect(n).toBeGreaterThan(100);
    expect(missed).toEqual([]);
  });
});
