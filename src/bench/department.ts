import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { spawnSync } from 'child_process';
import { unitXlsx } from './units';
import { readDisclosure } from '../hosts/files';
import { consolidateFiles } from '../app';

/**
 * A department at scale (issue 28 §5): DEPT_UNITS unit workbooks (distinct units filled with
 * figures that agree, written as 生成模板 writes them, copied to make up the number), consolidated
 * against reading the same files alone, in one run; and a batch of BATCH_DOCS documents checked
 * with one worker and with every core. Memory: the heap's peak while units are read, against the
 * heap with one unit read — bounded when it does not grow with the number of units.
 */

const DEPT_UNITS = Number(process.env.DEPT_UNITS ?? 500);
const BATCH_DOCS = Number(process.env.BATCH_DOCS ?? 200);
const DISTINCT = 20;

export async function departmentBench(root: string, fmt: (ms: number) => string): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-dept-'));
  try {
    const distinct: Uint8Array[] = [];
    for (let i = 0; i < DISTINCT; i++)
      distinct.push(await unitXlsx({ name: `东湖区第${i + 1}单位`, seed: 1000 + i, fromParent: i ? 10 : 0, toChildren: i ? 0 : 10 * (DISTINCT - 1) }));
    const units = path.join(dir, 'units');
    fs.mkdirSync(units);
    const files: string[] = [];
    for (let k = 0; k < DEPT_UNITS; k++) {
      const f = path.join(units, `unit-${String(k).padStart(4, '0')}.xlsx`);
      fs.writeFileSync(f, distinct[k % DISTINCT]);
      files.push(f);
    }
    const gc = (globalThis as { gc?: () => void }).gc;
    // Reading the files alone: the floor any 汇总 stands on.
    gc?.();
    let t0 = performance.now();
    for (const f of files) await readDisclosure(f);
    const parseMs = performance.now() - t0;
    // The 汇总, the heap watched as each unit is read.
    gc?.();
    const base = process.memoryUsage().heapUsed;
    let afterOne = 0;
    let beforeLast = 0;
    let peak = 0;
    t0 = performance.now();
    // What stays of each unit, measured after a collection at the second and the last unit (two
    // collections in the whole run): the growth between them, per unit.
    const r = await consolidateFiles(files, path.join(dir, '部门汇总.xlsx'), {
      progress: (done) => {
        if (done === 1 || done === DEPT_UNITS - 1) gc?.();
        const h = process.memoryUsage().heapUsed;
        if (done === 1) afterOne = h;
        if (done === DEPT_UNITS - 1) beforeLast = h;
        peak = Math.max(peak, h);
      },
    });
    const consolidateMs = performance.now() - t0;
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
    const lines = [
      `部门汇总：${DEPT_UNITS} 个单位（${DISTINCT} 个不同单位的工作簿复制而成），纳入 ${r.consolidated.included.length} 个，汇总表核对：${r.checked.verdict}`,
      `  只读取这些工作簿：${fmt(parseMs)}；读取 + 逐个核对 + 汇总 + 写出 + 核对汇总表：${fmt(consolidateMs)}；比值 ${(consolidateMs / parseMs).toFixed(2)}（目标 ≤ 1.5）`,
      `  堆内存：开始 ${mb(base)}，读入一个单位后 ${mb(afterOne)}，读入 ${DEPT_UNITS - 1} 个后 ${mb(beforeLast)}（每个单位保留约 ${((beforeLast - afterOne) / Math.max(1, DEPT_UNITS - 2) / 1024).toFixed(0)} KB：其金额，即“明细”的一列），峰值 ${mb(peak)}（含未回收的；工作簿读完即弃）`,
    ];
    // A batch checked with one worker, then with every core.
    const batch = path.join(dir, 'batch');
    fs.mkdirSync(batch);
    for (let k = 0; k < BATCH_DOCS; k++) fs.copyFileSync(files[k % files.length], path.join(batch, `doc-${String(k).padStart(4, '0')}.xlsx`));
    const bin = path.join(root, 'bin', 'juesuan.js');
    const timed = (workers?: number) => {
      const s = performance.now();
      spawnSync(process.execPath, [bin, 'check', batch], {
        env: { ...process.env, ...(workers ? { JUESUAN_WORKERS: String(workers) } : {}) },
        stdio: 'ignore',
      });
      return performance.now() - s;
    };
    const one = timed(1);
    const all = timed();
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    lines.push(
      `批量核对 ${BATCH_DOCS} 个工作簿：1 个工作线程 ${fmt(one)}，${cores} 个（每核一个）${fmt(all)}；加速 ${(one / all).toFixed(2)} 倍`,
      '  （一个工作线程已占用不止一个核：V8 的垃圾回收与编译线程并行；核少时加速有限）',
    );
    return lines;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
