import { scaffold } from '../build';
import { identityOf, identityProperties, structureFingerprint, IDENTITY_KEYS } from '../identity';
import { EDITIONS, editionChoice, editionByChoice } from '../../editions';

/** A template knows what it is: one identity for every unit's copy of it, another for any change of structure. */

const CODES = ['2010301', '2080505'].map((code) => ({ code }));

test('the same template for two units and two years has one fingerprint; another 科目 or table set, another', () => {
  const a = scaffold({ unit: '某某局', year: 2024, codes: CODES }).identity;
  const b = scaffold({ unit: '另一个单位', year: 2025, codes: CODES }).identity;
  expect(a.fingerprint).toBe(b.fingerprint);
  expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  expect(scaffold({ unit: '某某局', year: 2024, codes: [...CODES, { code: '2210201' }] }).identity.fingerprint).not.toBe(a.fingerprint);
  const fingerprints = new Set(EDITIONS.map((e) => scaffold({ unit: '某某局', edition: e.id, codes: CODES }).identity.fingerprint));
  expect(fingerprints.size).toBe(EDITIONS.length);
});

test.each([
  [
    'a formula typed over with a number',
    (wb: ReturnType<typeof scaffold>) => {
      const cell = wb.workbook.sheets[2].rows.flat().find((c) => c?.formula)!;
      delete cell.formula;
      cell.value = 1234;
    },
  ],
  [
    'a header changed',
    (wb: ReturnType<typeof scaffold>) => {
      const cell = wb.workbook.sheets[1].rows.flat().find((c) => c?.value === '项目')!;
      cell.value = '科目';
    },
  ],
  [
    'an input cell less',
    (wb: ReturnType<typeof scaffold>) => {
      wb.inputs[wb.workbook.sheets[2].name].pop();
    },
  ],
  [
    'a sheet less',
    (wb: ReturnType<typeof scaffold>) => {
      wb.workbook.sheets.pop();
    },
  ],
])('%s changes the fingerprint', (_, change) => {
  const built = scaffold({ unit: '某某局', codes: CODES });
  const before = structureFingerprint(built.workbook, built.inputs, '某某局');
  change(built);
  expect(structureFingerprint(built.workbook, built.inputs, '某某局')).not.toBe(before);
});

test('the identity as properties and back; the table set named as 生成模板 names it; a department’s own id and version', () => {
  const t = scaffold({ unit: '某某局', year: 2025, templateId: '市财政局决算模板', templateVersion: '2.1', codes: CODES }).identity;
  expect([t.id, t.version, t.year]).toEqual(['市财政局决算模板', '2.1', 2025]);
  expect(editionByChoice(t.edition)).toBeDefined();
  expect(t.edition).toBe(editionChoice(editionByChoice(t.edition)!));
  const props = identityProperties(t);
  expect(Object.keys(props)).toEqual(Object.values(IDENTITY_KEYS));
  expect(identityOf(props)).toEqual(t);
  expect(identityOf({ ...props, [IDENTITY_KEYS.fingerprint]: '' })).toBeUndefined();
  expect(identityOf({})).toBeUndefined();
  const plain = scaffold({ unit: '某某局', year: 2025, codes: CODES }).identity;
  expect([plain.id, plain.version]).toEqual([`${editionByChoice(plain.edition)!.region}-2025`, '1']);
});
