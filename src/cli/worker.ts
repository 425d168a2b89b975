import { parentPort } from 'worker_threads';
import { checkForBatch, InputError } from '../app';

/** Worker thread for directory checks: one file per message (and where its flagged copy goes, if anywhere). */
parentPort?.on('message', async ({ file, out, force, template }: { file: string; out?: string; force?: boolean; template?: string[][] }) => {
  try {
    const r = await checkForBatch(file, out, { force, template });
    parentPort!.postMessage({
      file,
      unit: r.unit,
      copy: out,
      summary: r.summary,
      findings: r.findings,
      submittable: r.submittable,
      blocking: r.blocking,
      verdict: r.verdict,
    });
  } catch (e) {
    parentPort!.postMessage({ file, error: e instanceof InputError ? e.message : `无法处理：${(e as Error).message}` });
  }
});
