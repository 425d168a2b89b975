import * as fs from 'fs';
import { workerEngine, workerMessage } from '../checkerClient';
import { fakeWorker, Behaviour } from '../../../tests/helpers/fakeWorker';
import { localEngine, Engine } from '../../../src/browserHost';
import { SAMPLE } from '../../../tests/helpers/grid';

/** The page's side of the checker worker, against a worker simulated in this process (tests/helpers/fakeWorker.ts). */

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
