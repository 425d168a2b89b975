import type { Workbook } from '../../src/core/grid';
import type { Finding } from '../../src/core/findings';
import type { Engine, Progress, ChosenFile } from '../../src/browserHost';
import type { ResultView } from '../../src/check/view';

/**
 * The page's side of the checker worker (checker.worker.ts): the same calls as the engine
 * in the page, each a message. If the worker cannot start (its script missing, workers not
 * allowed), the engine runs in the page instead: slower to the eye, the same findings.
 */

export type Request =
  | { id: number; op: 'check'; name: string; bytes: Uint8Array; pdf?: Workbook; narrative?: ChosenFile }
  | { id: number; op: 'explain'; finding: Pick<Finding, 'rule' | 'sheet' | 'cell' | 'message'>; text: string }
  | { id: number; op: 'download' }
  | { id: number; op: 'word' }
  | { id: number; op: 'grid'; grid: Workbook };

export type Reply =
  { ready: true } | { id: number; progress: Progress } | { id: number; value: ResultView | Uint8Array | undefined } | { id: number; error: string };

/** A request before it is numbered (each kind of request on its own). */
type Unnumbered = Request extends infer Q ? (Q extends { id: number } ? Omit<Q, 'id'> : never) : never;

/** A message fit to show: ours are Chinese; anything else (a fault of the program) is said in Chinese. */
export function workerMessage(m: string): string {
  return /[\u4e00-\u9fff]/.test(m) ? m : '审核未能完成（程序内部错误）：请刷新页面后重试；如仍出现，请将文件反馈给开发者';
}

/** Start the worker; resolves to undefined when it cannot run here. */
function start(url: string): Promise<Worker | undefined> {
  if (typeof Worker === 'undefined') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let w: Worker;
    try {
      w = new Worker(url);
    } catch {
      resolve(undefined);
      return;
    }
    const ready = (e: MessageEvent<Reply>) => {
      if ('ready' in e.data) {
        w.removeEventListener('message', ready);
        w.removeEventListener('error', failed);
        resolve(w);
      }
    };
    const failed = (e: Event) => {
      e.preventDefault?.();
      w.terminate();
      resolve(undefined);
    };
    w.addEventListener('message', ready);
    w.addEventListener('error', failed);
  });
}

/** The checker worker's script, beside the pane's page (taskpane/build.mjs writes it); outside a page, its bare name. */
export const checkerUrl = (): string => (typeof document === 'undefined' ? 'checker.js' : new URL('checker.js', document.baseURI).href);

/** The checker in a worker at `url`, or `fallback()` (the engine in the page) when none can start. */
export function workerEngine(url: string, fallback: () => Promise<Engine>): Engine {
  let worker: Promise<Worker | undefined> | undefined;
  let local: Promise<Engine> | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: (p: Progress) => void }>();
  const listen = (w: Worker) => {
    w.addEventListener('message', (e: MessageEvent<Reply>) => {
      const m = e.data;
      if ('ready' in m) return;
      const p = pending.get(m.id);
      if (!p) return;
      if ('progress' in m) return p.progress?.(m.progress);
      pending.delete(m.id);
      if ('error' in m) p.reject(new Error(workerMessage(m.error)));
      else p.resolve(m.value);
    });
    // The worker itself failing (out of memory on a huge file) ends what it was doing, with a message.
    w.addEventListener('error', (e) => {
      e.preventDefault();
      for (const p of pending.values()) p.reject(new Error('审核未能完成：文件过大或浏览器内存不足，请关闭其他页面后重试'));
      pending.clear();
      worker = undefined;
      w.terminate();
    });
  };
  const ready = async (): Promise<Worker | undefined> => {
    if (!worker) {
      worker = start(url);
      const w = await worker;
      if (w) listen(w);
    }
    return worker;
  };
  async function call<T>(q: Unnumbered, progress?: (p: Progress) => void, transfer: Transferable[] = []): Promise<T> {
    const w = await ready();
    if (!w) throw new Error('no worker');
    const id = ++next;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      w.postMessage({ ...q, id }, transfer);
    });
  }
  /** In the worker when it runs, else in the page. */
  const either = async <T>(inWorker: () => Promise<T>, inPage: (e: Engine) => Promise<T>): Promise<T> => {
    if (local) return inPage(await local);
    if (await ready()) return inWorker();
    local = fallback();
    return inPage(await local);
  };
  return {
    check: (name, bytes, o = {}) =>
      either(
        // A copy crosses to the worker: the page keeps its bytes (a PDF's pages are drawn from them).
        () => {
          const copy = bytes.slice();
          return call<ResultView>({ op: 'check', name, bytes: copy, pdf: o.pdf, narrative: o.narrative }, o.progress, [copy.buffer]);
        },
        (e) => e.check(name, bytes, o),
      ),
    explain: (finding, text) =>
      either(
        () => call<ResultView>({ op: 'explain', finding: { rule: finding.rule, sheet: finding.sheet, cell: finding.cell, message: finding.message }, text }),
        (e) => e.explain(finding, text),
      ),
    download: () =>
      either(
        () => call<Uint8Array | undefined>({ op: 'download' }),
        (e) => e.download(),
      ),
    downloadWord: () =>
      either(
        () => call<Uint8Array | undefined>({ op: 'word' }),
        (e) => e.downloadWord(),
      ),
    checkGrid: (grid, progress) =>
      either(
        () => call<ResultView>({ op: 'grid', grid }, progress),
        (e) => e.checkGrid(grid, progress),
      ),
  };
}
