import { batchRows, BATCH_HEADER } from '../batch';
import { checkWorkbook } from '..';
import { importDocument } from '../../importDoc';
import { sampleWorkbook } from '../../../tests/helpers/grid';

/** A batch's 检查表: one row per document, its verdict and counts, what is open by part, the main causes. */

const r = checkWorkbook(importDocument(sampleWorkbook()));

test.each([
  [
    'a checked document',
    { file: 'a.xlsx', unit: '中共某市委办公室', copy: '已标记/a.xlsx', ...r },
    (row: (string | number)[]) => {
      expect(row.slice(0, 8)).toEqual([
        1,
        '中共某市委办公室',
        'a.xlsx',
        expect.stringMatching(/^不可提交/),
        r.blocking,
        r.summary.error,
        r.summary.warning,
        r.summary.info,
      ]);
      expect(row[10]).toBe('已标记/a.xlsx');
      // Open findings by part add up to the errors and warnings open.
      const parts = String(row[8])
        .split('、')
        .map((p) => Number(p.split(' ').pop()));
      expect(parts.reduce((a, b) => a + b, 0)).toBe(r.findings.filter((f) => f.severity !== 'info' && f.explained === undefined).length);
      expect(String(row[9]).split('、')).toHaveLength(3);
    },
  ],
  [
    'a document that could not be read',
    { file: 'b.txt', error: '文件为空' },
    (row: (string | number)[]) => {
      expect(row).toEqual([1, '', 'b.txt', '文件为空', '—', '—', '—', '—', '', '', '']);
    },
  ],
])('%s', (_, entry, expectRow) => {
  const rows = batchRows([entry]);
  expect(rows[0]).toHaveLength(BATCH_HEADER.length);
  expectRow(rows[0]);
});
