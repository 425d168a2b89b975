import { parentPort } from 'worker_threads';
import { checkFile, InputError } from '../app';

/** Worker thread for directory checks: one file per message. */
parentPort?.on('message', async (file: string) => {
  try {
    const r = await checkFile(file);
    parentPort!.postMessage({ file, summary: r.summary, findings: r.findings, submittable: r.submittable, blocking: r.blocking, verdict: r.verdict });
  } catch (e) {
    parentPort!.postMessage({ file, error: e instanceof InputError ? e.message : `无法处理：${(e as Error).message}` });
  }
});
