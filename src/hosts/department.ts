import type { PdfReader } from './disclosure';
import { readDisclosureBytes } from './disclosure';
import { InputError, foreignProblem } from './problems';
import type { Host } from '../usecases/host';
import * as usecases from '../usecases';
import { checkWorkbook, CheckResult } from '../check';
import { unitFigures, refusedUnit, UnitFigures } from '../consolidate/unit';
import type { Consolidated, ConsolidateOptions } from '../consolidate/build';
import { namesFromText, namesFromSheet, NamedUnit } from '../consolidate/names';

/**
 * A department's 汇总 from files, wherever they come from (the command line's paths, the files
 * chosen in the pane): its units read one at a time, its names list, the 汇总 written into a host.
 */

/**
 * Each unit read and checked in turn, only what the 汇总 needs of it kept (its bytes read when its
 * turn comes, let go with its workbook). A file that cannot be read is a unit refused under its
 * own name; any other failure too when `unreadable` says how to name it, else it stops the run.
 */
export async function readUnits(
  files: { name: string; bytes: () => Promise<Uint8Array> | Uint8Array }[],
  opts: { readPdf?: PdfReader; progress?: (done: number, total: number, name: string) => void; pause?: () => Promise<void>; unreadable?: string } = {},
): Promise<UnitFigures[]> {
  const units: UnitFigures[] = [];
  for (const [i, f] of files.entries()) {
    opts.progress?.(i, files.length, f.name);
    await opts.pause?.();
    try {
      const { workbook } = await readDisclosureBytes(f.name, await f.bytes(), opts.readPdf);
      units.push(unitFigures(workbook, checkWorkbook(workbook), f.name));
    } catch (e) {
      if (e instanceof InputError) units.push(refusedUnit(f.name, e.message));
      else if (opts.unreadable) units.push(refusedUnit(f.name, opts.unreadable));
      else throw e;
    }
  }
  opts.progress?.(files.length, files.length, '');
  return units;
}

/** The names list: a text (one unit per line, its parent after a tab) or a workbook (单位名称, 上级单位 columns). */
export async function namesFromFile(name: string, bytes: Uint8Array): Promise<NamedUnit[]> {
  if (/\.(txt|csv)$/i.test(name)) return namesFromText(new TextDecoder('utf-8').decode(bytes));
  const foreign = foreignProblem(name, bytes);
  if (foreign) throw new InputError(`单位名单“${name}”：${foreign}`);
  const { XlsxHost } = await import('./xlsx/xlsxHost');
  const grid = await (await XlsxHost.fromBytes(bytes, name)).read();
  const sheet = grid.sheets.find((s) => s.rows.length);
  if (!sheet) throw new InputError(`单位名单“${name}”是空的`);
  return namesFromSheet(sheet);
}

/**
 * The 汇总 written into a host (a new workbook, or new sheets of the one open in Excel) and
 * checked like any disclosure; nothing written when not one unit can be added.
 */
export async function consolidateUnits(
  host: Host,
  units: UnitFigures[],
  opts: ConsolidateOptions & { overwrite?: boolean } = {},
): Promise<{ consolidated: Consolidated; checked: CheckResult; written: string[]; conflicts: string[] }> {
  if (!units.some((u) => !u.refused)) throw new InputError(`没有可以汇总的单位：${units.map((u) => `${u.file}（${u.refused}）`).join('；')}`);
  const r = await usecases.consolidateInto(host, units, opts);
  return { consolidated: r.consolidated, checked: checkWorkbook(r.consolidated.workbook), written: r.written, conflicts: r.conflicts };
}
