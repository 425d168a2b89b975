import { FakeBook } from '../../../tests/helpers/fakeExcel';
import { fakeWorker } from '../../../tests/helpers/fakeWorker';
import { importDocument } from '../../../src/importDoc';
import { sampleWorkbook } from '../../../tests/helpers/grid';
import { checkWorkbook } from '../../../src/check';
import { readWorkbook } from '../../../src/hosts/office/officeExcel';

/**
 * Excel mode: Office.js reads and flags the open workbook from the page's thread, the check itself
 * runs in the checker worker, and the pane hears how far it has come (Office and the worker simulated).
 */
test('一键审核 in Excel: the workbook read here, checked in the worker, flagged here, with progress', async () => {
  const book = FakeBook.fromGrid(importDocument(sampleWorkbook()));
  const g = globalThis as Record<string, unknown>;
  const Worker = fakeWorker('works');
  Object.assign(g, {
    Worker,
    Office: { context: { requirements: { isSetSupported: () => true } } },
    Excel: { run: <T>(f: (ctx: unknown) => Promise<T>) => f(book.context()) },
  });
  try {
    const { checkOpenWorkbook } = await import('../officeHost');
    const steps: string[] = [];
    const { result } = await checkOpenWorkbook((p) => steps.push(p.text));
    // The grid went to the worker once; what came back is the pane's view, the same as checking here.
    expect(Worker.sent.map((q) => q.op)).toEqual(['grid']);
    const here = checkWorkbook(await readWorkbook(book.context() as unknown as Excel.RequestContext));
    expect(result.findings.map((f) => f.message)).toEqual(here.findings.map((f) => f.message));
    expect(result.line).toMatch(new RegExp(`^不可提交：${here.blocking} 项强制问题未解决`));
    // Flagged in the workbook, from this thread.
    expect(book.sheet('审核报告')).toBeDefined();
    expect(steps[0]).toBe('正在读取工作簿…');
    expect(steps).toContain('正在核对…');
    expect(steps.at(-1)).toBe('正在标记问题单元格…');
  } finally {
    for (const k of ['Worker', 'Office', 'Excel']) delete g[k];
  }
});

test('a workbook whose structure is protected: 一键审核 and 清除标记 say why nothing was written, and the findings are still listed', async () => {
  const book = FakeBook.fromGrid(importDocument(sampleWorkbook()));
  book.structureProtected = true;
  const before = book.snapshot();
  const g = globalThis as Record<string, unknown>;
  Object.assign(g, {
    Worker: fakeWorker('works'),
    Office: { context: { requirements: { isSetSupported: () => true } } },
    Excel: { run: <T>(f: (ctx: unknown) => Promise<T>) => f(book.context()) },
  });
  try {
    const { checkOpenWorkbook, clearOpenWorkbook } = await import('../officeHost');
    const { result, notice } = await checkOpenWorkbook();
    expect(result.findings.length).toBeGreaterThan(20);
    expect(notice).toEqual({ intent: 'warning', text: expect.stringMatching(/^工作簿结构受保护.*本次未写入任何标记/) });
    expect(await clearOpenWorkbook()).toEqual({ intent: 'warning', text: expect.stringMatching(/^工作簿结构受保护.*审核标记未能清除/) });
    expect(book.snapshot()).toEqual(before);
  } finally {
    for (const k of ['Worker', 'Office', 'Excel']) delete g[k];
  }
});
