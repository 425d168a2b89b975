import * as fs from 'fs';
import { workerEngine, workerMessage, Request, Reply } from '../checkerClient';
import { localEngine, Engine } from '../../../src/browserHost';
import { SAMPLE } from '../../../tests/helpers/grid';

/**
 * The page's side of the checker worker, against a worker simulated in this process: it answers
 * as checker.worker.ts does (ready, progress, a value or an error), or fails to start, or dies.
 */

type Behaviour = 'works' | 'cannot-start' | 'dies';

function fakeWorker(behaviour: Behaviour) {
  const engine = localEngine();
  return class FakeWorker extends EventTarget {
    posted: Request[] = [];
    constructor() {
      super();
      setTimeout(() => {
        if (behaviour === 'cannot-start') this.dispatchEvent(new Event('error', { cancelable: true }));
        else this.reply({ ready: true });
      });
    }
    reply(m: Reply) {
      this.dispatchEvent(new MessageEvent('message', { data: structuredClone(m) }));
    }
    postMessage(q: Request) {
      this.posted.push(q);
      if (behaviour === 'dies') return setTimeout(() => this.dispatchEvent(new Event('error', { cancelable: true })));
      void (async () => {
        try {
          if (q.op === 'check')
            this.reply({ id: q.id, value: await engine.check(q.name, q.bytes, { progress: (p) => this.reply({ id: q.id, progress: p }) }) });
          else if (q.op === 'explain') this.reply({ id: q.id, value: await engine.explain(q.finding, q.text) });
          else this.reply({ id: q.id, value: await engine.download() });
        } catch (e) {
          this.reply({ id: q.id, error: (e as Error).message });
        }
      })();
    }
    terminate() {}
  };
}

const bytes = () => new Uint8Array(fs.readFileSync(SAMPLE));

async function withWorker(behaviour: Behaviour, use: (engine: Engine, inPage: () => number) => Promise<void>) {
  const g = globalThis as { Worker?: unknown };
  const before = g.Worker;
  g.Worker = fakeWorker(behaviour);
  let pageEngines = 0;
  try {
    await use(
      workerEngine('checker.js', async () => {
        pageEngines++;
        return localEngine();
      }),
      () => pageEngines,
    );
  } finally {
    g.Worker = before;
  }
}

describe('the checker worker, from the page', () => {
  test('a check in the worker: progress arrives, then the findings; the page keeps its bytes', async () => {
    await withWorker('works', async (engine, inPage) => {
      const mine = bytes();
      const steps: string[] = [];
      const view = await engine.check('sample.txt', mine, { progress: (p) => steps.push(p.text) });
      expect(view.summary.error).toBeGreaterThan(0);
      expect(steps[0]).toBe('正在读取文件…');
      expect(steps).toContain('正在核对…');
      expect(mine.byteLength).toBe(fs.statSync(SAMPLE).size);
      // An explanation and the download go to the same worker, which holds the checked file.
      const f = view.findings.find((x) => x.table === '情况说明' && x.severity === 'error')!;
      expect((await engine.explain(f, '已更正')).findings.find((x) => x.message === f.message)!.explained).toBe('已更正');
      expect((await engine.download())!.byteLength).toBeGreaterThan(1000);
      expect(inPage()).toBe(0);
    });
  });

  test('a worker that cannot start: the page checks, with the same findings', async () => {
    await withWorker('cannot-start', async (engine, inPage) => {
      const view = await engine.check('sample.txt', bytes());
      expect(inPage()).toBe(1);
      expect(view.summary).toEqual((await localEngine().check('sample.txt', bytes())).summary);
    });
  });

  test('a worker that dies mid-check (out of memory) ends the check with a Chinese message', async () => {
    await withWorker('dies', async (engine) => {
      await expect(engine.check('sample.txt', bytes())).rejects.toThrow('审核未能完成：文件过大或浏览器内存不足');
    });
  });

  test.each([
    ['文件为空', '文件为空'],
    ["Cannot read properties of undefined (reading 'x')", /^审核未能完成（程序内部错误/],
  ])('the worker’s message “%s” is shown as %s', (m, shown) => {
    expect(workerMessage(m)).toMatch(shown);
    expect(workerMessage(m)).toMatch(/[\u4e00-\u9fff]/);
  });
});
