import { FakeBook } from '../../../tests/helpers/fakeExcel';
import { importDocument } from '../../../src/importDoc';
import { sampleWorkbook } from '../../../tests/helpers/grid';
import { checkWorkbook } from '../../../src/check';
import { HostEvent, HostEvents } from '../hostApi';

/**
 * The ribbon commands in the shared runtime, with Office and Excel simulated: each tells the user
 * what happened (the result or a notice in the pane, opened when there is something to read),
 * completes its event, and never fails silently.
 */

type Handler = (e: { completed(): void }) => Promise<void>;

async function setup(book: FakeBook) {
  const handlers = new Map<string, Handler>();
  let shown = 0;
  const g = globalThis as Record<string, unknown>;
  g.Office = {
    actions: { associate: (id: string, f: Handler) => handlers.set(id, f) },
    addin: {
      showAsTaskpane: async () => {
        shown++;
      },
    },
    context: { requirements: { isSetSupported: (_: string, v: string) => v !== '1.18' } },
  };
  g.Excel = { run: <T>(f: (ctx: unknown) => Promise<T>) => f(book.context()) };
  const { registerCommands } = await import('../commands');
  const events = new HostEvents();
  const seen: HostEvent[] = [];
  events.subscribe((e) => seen.push(e));
  registerCommands(g.Office as typeof Office, events);
  let completed = 0;
  const click = (id: string) => handlers.get(id)!({ completed: () => completed++ });
  return { handlers, seen, click, shown: () => shown, completed: () => completed };
}

const notices = (seen: HostEvent[]) => seen.flatMap((e) => (e.kind === 'notice' ? [e.notice] : []));

test('一键审核, 生成模板 and 清除标记 from the ribbon', async () => {
  const book = FakeBook.fromGrid(importDocument(sampleWorkbook()));
  const before = book.snapshot();
  const r = await setup(book);
  expect([...r.handlers.keys()].sort()).toEqual(['checkAll', 'clearAllFlags', 'openScaffold']);

  await r.click('checkAll');
  expect(r.completed()).toBe(1);
  const checked = r.seen.find((e) => e.kind === 'checked');
  expect(checked && checked.kind === 'checked' && checked.result.summary.error).toBeGreaterThan(0);
  expect(r.shown()).toBe(1);
  expect(book.sheet('审核报告')).toBeDefined();
  // ExcelApi 1.18 missing here: flags carry comments.
  expect(book.sheets.some((s) => (s.comments?.size ?? 0) > 0)).toBe(true);

  // 生成模板 opens the same pane page, on its 生成模板 view.
  await r.click('openScaffold');
  expect(r.seen.at(-1)).toEqual({ kind: 'view', view: 'scaffold' });
  expect(r.shown()).toBe(2);

  // A second 一键审核 works (the store sheet is made Hidden before it is deleted).
  await r.click('checkAll');
  expect(notices(r.seen)).toEqual([]);

  await r.click('clearAllFlags');
  expect(r.completed()).toBe(4);
  expect(notices(r.seen).at(-1)).toEqual({ intent: 'success', text: expect.stringContaining('已清除全部审核标记') });
  expect(book.snapshot()).toEqual(before);
  // Nothing left to clear: said, in the pane.
  await r.click('clearAllFlags');
  expect(notices(r.seen).at(-1)!.text).toContain('没有审核标记');
  expect(r.shown()).toBe(4);
});

test('cell-edit mode, a protected sheet and a second click while checking: each told in Chinese', async () => {
  const grid = importDocument(sampleWorkbook());
  const book = FakeBook.fromGrid(grid);
  const r = await setup(book);

  book.editing = true;
  await r.click('checkAll');
  expect(notices(r.seen).at(-1)).toEqual({ intent: 'error', text: '请先结束单元格编辑（按 Enter 或 Esc），再点一键审核' });
  expect(r.completed()).toBe(1);
  expect(r.shown()).toBe(1);
  book.editing = false;

  const target = checkWorkbook(grid).findings.find((f) => f.severity === 'error' && f.cell)!;
  book.sheet(target.sheet)!.protected = true;
  await r.click('checkAll');
  expect(notices(r.seen).at(-1)).toEqual({ intent: 'warning', text: expect.stringContaining(`工作表“${target.sheet}”受保护`) });

  const first = r.click('checkAll');
  const second = r.click('checkAll');
  await Promise.all([first, second]);
  expect(notices(r.seen).some((n) => n.text === '正在一键审核，请等本次完成')).toBe(true);
  expect(r.completed()).toBe(4);
});

test('a script that cannot be loaded is a message, not a silent failure', async () => {
  const book = FakeBook.fromGrid(importDocument(sampleWorkbook()));
  const g = globalThis as Record<string, unknown>;
  const handlers = new Map<string, Handler>();
  g.Office = { actions: { associate: (id: string, f: Handler) => handlers.set(id, f) }, addin: { showAsTaskpane: async () => undefined } };
  void book;
  const { registerCommands } = await import('../commands');
  const events = new HostEvents();
  const seen: HostEvent[] = [];
  events.subscribe((e) => seen.push(e));
  registerCommands(g.Office as typeof Office, events, () => Promise.reject(new Error('Failed to fetch dynamically imported module')));
  let completed = 0;
  await handlers.get('checkAll')!({ completed: () => completed++ });
  expect(completed).toBe(1);
  expect(notices(seen)).toEqual([{ intent: 'error', text: '加载程序文件失败：请检查网络后重试，或重新打开工作簿' }]);
});

test('events sent before the pane listens are shown when it does', () => {
  const events = new HostEvents();
  events.emit({ kind: 'view', view: 'scaffold' });
  const seen: HostEvent[] = [];
  events.subscribe((e) => seen.push(e));
  expect(seen).toEqual([{ kind: 'view', view: 'scaffold' }]);
  events.emit({ kind: 'notice', notice: { intent: 'info', text: '提示' } });
  expect(seen).toHaveLength(2);
});
