import type { Request, Reply } from '../../taskpane/src/checkerClient';
import { localEngine } from '../../src/browserHost';

/**
 * A Web Worker simulated in this process, answering as taskpane/src/checker.worker.ts does
 * (ready, progress, a value or an error) — or failing to start, or dying mid-request. Every
 * request it was sent is kept in `FakeWorker.sent`.
 */
export type Behaviour = 'works' | 'cannot-start' | 'dies';

export function fakeWorker(behaviour: Behaviour) {
  const engine = localEngine();
  const sent: Request[] = [];
  return class FakeWorker extends EventTarget {
    static sent = sent;
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
      sent.push(structuredClone(q));
      if (behaviour === 'dies') return setTimeout(() => this.dispatchEvent(new Event('error', { cancelable: true })));
      void (async () => {
        try {
          const progress = (p: import('../../src/browserHost').Progress) => this.reply({ id: q.id, progress: p });
          if (q.op === 'check') this.reply({ id: q.id, value: await engine.check(q.name, q.bytes, { progress }) });
          else if (q.op === 'explain') this.reply({ id: q.id, value: await engine.explain(q.finding, q.text) });
          else if (q.op === 'grid') this.reply({ id: q.id, value: await engine.checkGrid(q.grid, progress) });
          else this.reply({ id: q.id, value: await engine.download() });
        } catch (e) {
          this.reply({ id: q.id, error: (e as Error).message });
        }
      })();
    }
    terminate() {}
  };
}
