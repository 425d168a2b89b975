import { FakeBook } from './helpers/fakeExcel';
import { importDocument } from '../src/importDoc';
import { sampleWorkbook } from './helpers/grid';
import { CheckResult } from '../src/check';

/**
 * The ribbon commands in the shared runtime, with Office and Excel simulated: 一键审核 checks and
 * flags the open workbook without the pane, then shows the pane with the summary; 清除标记 restores it.
 */

test('一键审核 and 清除标记 from the ribbon', async () => {
  const book = FakeBook.fromGrid(importDocument(sampleWorkbook()));
  const before = book.snapshot();
  const handlers = new Map<string, (e: { completed(): void }) => Promise<void>>();
  let shown = 0;
  const g = globalThis as Record<string, unknown>;
  g.Office = {
    actions: { associate: (id: string, f: (e: { completed(): void }) => Promise<void>) => handlers.set(id, f) },
    addin: { showAsTaskpane: async () => { shown++; } },
    context: { requirements: { isSetSupported: (_: string, v: string) => v !== '1.18' } },
  };
  g.Excel = { run: <T>(f: (ctx: unknown) => Promise<T>) => f(book.context()) };
  const { registerCommands } = await import('../taskpane/src/officeHost');
  const results: CheckResult[] = [];
  registerCommands((r) => results.push(r));
  expect([...handlers.keys()].sort()).toEqual(['checkAll', 'clearAllFlags']);

  let completed = 0;
  await handlers.get('checkAll')!({ completed: () => completed++ });
  expect(completed).toBe(1);
  expect(results).toHaveLength(1);
  expect(results[0].summary.error).toBeGreaterThan(0);
  expect(shown).toBe(1);
  expect(book.sheet('审核报告')).toBeDefined();
  // ExcelApi 1.18 missing here: flags carry comments.
  expect(book.sheets.some((s) => (s.comments?.size ?? 0) > 0)).toBe(true);

  await handlers.get('clearAllFlags')!({ completed: () => completed++ });
  expect(completed).toBe(2);
  expect(book.snapshot()).toEqual(before);
});
