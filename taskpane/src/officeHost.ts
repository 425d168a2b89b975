/// <reference types="office-js" />
import { ExcelSupport } from '../../src/hosts/office/officeExcel';
import { OfficeHost } from '../../src/hosts/office/officeHost';
import * as usecases from '../../src/usecases';
import type { ResultView } from '../../src/check/view';
import { localEngine, Engine, Progress, unitsFromFiles, namesFromFile, consolidateOn, ConsolidateView, narrativeHost } from '../../src/browserHost';
import { WithNarrative } from '../../src/hosts/narrativeHost';
import type { DocxHost } from '../../src/hosts/word/docxHost';
import type { Host } from '../../src/usecases/host';
import type { PdfReader } from '../../src/hosts/disclosure';
import { workerEngine, checkerUrl } from './checkerClient';
import { Finding } from '../../src/core/findings';
import type { Notice } from './hostApi';

/**
 * Excel mode: the task pane and the ribbon commands run the use cases (src/usecases) on the open
 * workbook (src/hosts/office). One operation at a time (the ribbon and the pane share this
 * runtime); Excel's refusals become one Chinese sentence saying what to do.
 */

function excelSupport(): ExcelSupport {
  const has = (v: string) => Office.context.requirements.isSetSupported('ExcelApi', v);
  return { notes: has('1.18') ? 'notes' : has('1.10') ? 'comments' : 'none', pageLayout: has('1.9') };
}

/**
 * The check itself runs in the checker worker (checker.js beside the page) while Office.js reads
 * and flags from this thread: the pane and Excel stay responsive on a large workbook. Where no
 * worker starts (or outside a page), the same check runs here.
 */
let engine: Engine | undefined;
function checker(progress?: (p: Progress) => void) {
  engine ??= workerEngine(checkerUrl(), async () => localEngine());
  const e = engine;
  return async (grid: import('../../src/core/grid').Workbook) => {
    const view = await e.checkGrid(grid, progress);
    progress?.({ text: '正在标记问题单元格…', fraction: 1 });
    return view;
  };
}

/** The open workbook as a host (made on each call: Office is there by then). */
const workbook = () => new OfficeHost((work) => Excel.run(work), excelSupport());

/** The 情况说明 the unit wrote in Word, chosen in the pane: checked with the open workbook's tables. */
let narrative: DocxHost | undefined;

/** Choose (or with no file, set aside) the Word 情况说明; its name, or undefined. */
export async function chooseNarrative(file?: File): Promise<string | undefined> {
  narrative = file ? await narrativeHost({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }) : undefined;
  return narrative?.name;
}

/** The open workbook, with the Word 情况说明 beside it when one is chosen. */
const checked = (): Host => (narrative ? new WithNarrative(workbook(), narrative) : workbook());

/** The Word 情况说明 as last checked, with a comment on each of its findings (made by the check's flag). */
export function commentedNarrative(): { name: string; bytes: Uint8Array } | undefined {
  const out = narrative?.copyBytes();
  return out && narrative && { name: narrative.name, bytes: out.bytes };
}

type Action = '一键审核' | '清除标记' | '保存说明' | '生成模板' | '起草情况说明' | '生成汇总' | '定位';

/** Excel's error, as the user should read it. */
export function excelMessage(e: unknown, action: Action): string {
  const code = String((e as { code?: string })?.code ?? '');
  const message = String((e as Error)?.message ?? e);
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return `请先结束单元格编辑（按 Enter 或 Esc），再点${action}`;
    case 'AccessDenied':
      return `工作簿或工作表受保护，Excel 拒绝写入：请撤销保护后再点${action}`;
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return `工作簿过大，Excel 拒绝了本次请求：请在桌面版 Excel 中${action}，或分表核对`;
    case 'ItemNotFound':
      return `找不到要操作的工作表或单元格（可能已被删除或改名）：请重新${action === '定位' ? '审核' : action}`;
    case 'GeneralException':
    case 'InvalidOperation':
      return `Excel 未能完成“${action}”：请再试一次；如已标记了一部分，点“清除标记”即可复原`;
    default:
      // Our own messages are Chinese already; anything else is not shown raw.
      return /[\u4e00-\u9fff]/.test(message) ? message : `Excel 未能完成“${action}”（${code || '未知错误'}）：请再试一次`;
  }
}

let running: Action | undefined;

/** Run one operation; a second while one runs is refused politely. */
async function exclusive<T>(action: Action, work: () => Promise<T>): Promise<T> {
  if (running) throw new Error(running === action ? `正在${action}，请等本次完成` : `正在${running}，请等其完成后再点${action}`);
  running = action;
  try {
    return await work();
  } catch (e) {
    throw new Error(excelMessage(e, action));
  } finally {
    running = undefined;
  }
}

const protectedNotice = (sheets: string[], what: string): Notice | undefined =>
  sheets.length ? { intent: 'warning', text: `工作表${sheets.map((s) => `“${s}”`).join('、')}受保护，${what}；撤销保护后再点一次即可。` } : undefined;

export async function checkOpenWorkbook(progress?: (p: Progress) => void): Promise<{ result: ResultView; notice?: Notice }> {
  return exclusive('一键审核', async () => {
    progress?.({ text: '正在读取工作簿…', fraction: 0 });
    const { result, flagged } = await usecases.check(checked(), { flag: true, checker: checker(progress) });
    if (flagged?.refused) return { result, notice: { intent: 'warning', text: flagged.refused + '。' } };
    return { result, notice: protectedNotice(flagged!.protectedSheets, '其上的问题未标记（已列入审核报告）') };
  });
}

export async function clearOpenWorkbook(): Promise<Notice> {
  return exclusive('清除标记', async () => {
    const out = await usecases.clear(workbook());
    if (out.refused) return { intent: 'warning', text: out.refused + '。' };
    if (!out.cleared) return { intent: 'info', text: '工作簿中没有审核标记，无需清除。' };
    return protectedNotice(out.protectedSheets, '其上的标记未能清除') ?? { intent: 'success', text: '已清除全部审核标记，单元格恢复原有填充色和批注。' };
  });
}

export async function selectFinding(f: Finding): Promise<void> {
  // A finding of the Word 情况说明 is not in the workbook: the pane shows its paragraph.
  if (!f.sheet || !f.cell || f.inWords) return;
  await exclusive('定位', () =>
    Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(f.sheet);
      ws.activate();
      ws.getRange(f.cell).select();
      await context.sync();
    }),
  );
}

/** Save (or with '' remove) an explanation; the workbook is re-checked and re-flagged. */
export async function explainInWorkbook(f: Finding, text: string): Promise<ResultView> {
  return exclusive('保存说明', async () => (await usecases.explain(checked(), [{ rule: f.rule, sheet: f.sheet, cell: f.cell, text }], checker())).result);
}

export async function scaffoldInWorkbook(o: { unit: string; year: number; edition: string; withForms: boolean }, overwrite: boolean) {
  return exclusive('生成模板', () =>
    usecases.scaffoldInto(workbook(), { unit: o.unit, year: o.year, edition: o.edition, projectList: o.withForms }, overwrite),
  );
}

export async function draftInWorkbook(overwrite: boolean) {
  return exclusive('起草情况说明', () => usecases.draftInto(workbook(), { overwrite }));
}

/** 汇总 into the open workbook: the units' files read and checked here, the 汇总's sheets added (conflicts asked about). */
export async function consolidateInWorkbook(
  o: { units: File[]; names?: File; department?: string },
  overwrite: boolean,
  progress?: (p: Progress) => void,
  readPdf?: PdfReader,
): Promise<ConsolidateView> {
  const units = await unitsFromFiles(
    o.units.map((f) => ({ name: f.name, bytes: async () => new Uint8Array(await f.arrayBuffer()) })),
    readPdf,
    progress,
  );
  const names = o.names ? await namesFromFile(o.names.name, new Uint8Array(await o.names.arrayBuffer())) : undefined;
  return exclusive('生成汇总', () => consolidateOn(workbook(), units, { names, department: o.department, overwrite }));
}
