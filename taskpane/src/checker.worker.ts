/// <reference lib="webworker" />
import { localEngine } from '../../src/browserHost';
import type { Request, Reply } from './checkerClient';

/**
 * The browser mode's checker, off the page's thread: reads the chosen file, checks it, records
 * explanations and writes the flagged workbook (and the commented Word 情况说明), telling the page how far it has come. Built as
 * its own script (checker.js) by taskpane/build.mjs.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = localEngine();
const post = (m: Reply, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

scope.onmessage = async (e: MessageEvent<Request>) => {
  const q = e.data;
  try {
    if (q.op === 'check')
      post({ id: q.id, value: await engine.check(q.name, q.bytes, { pdf: q.pdf, narrative: q.narrative, progress: (p) => post({ id: q.id, progress: p }) }) });
    else if (q.op === 'explain') post({ id: q.id, value: await engine.explain(q.finding, q.text) });
    else if (q.op === 'grid') post({ id: q.id, value: await engine.checkGrid(q.grid, (p) => post({ id: q.id, progress: p })) });
    else {
      const bytes = await (q.op === 'word' ? engine.downloadWord() : engine.download());
      post({ id: q.id, value: bytes }, bytes ? [bytes.buffer] : []);
    }
  } catch (err) {
    post({ id: q.id, error: err instanceof Error ? err.message : String(err) });
  }
};
post({ ready: true });
