/// <reference types="office-js" />
import { readWorkbook, applyFlags, clearFlags, saveExplanation, writeSheets, NoteSupport } from '../../src/adapters/officeExcel';
import { scaffold } from '../../src/scaffold/build';
import { draftNarrative, withDraft } from '../../src/narrative/draft';
import { checkWorkbook, CheckResult } from '../../src/check';
import { Finding } from '../../src/core/findings';

/** Excel mode: the task pane and the ribbon commands run the core against the open workbook. */

function noteSupport(): NoteSupport {
  const has = (v: string) => Office.context.requirements.isSetSupported('ExcelApi', v);
  return { notes: has('1.18') ? 'notes' : has('1.10') ? 'comments' : 'none' };
}

export async function checkOpenWorkbook(): Promise<CheckResult> {
  return Excel.run(async (context) => {
    const grid = await readWorkbook(context);
    const result = checkWorkbook(grid);
    await applyFlags(context, result.findings, noteSupport());
    return result;
  });
}

export async function clearOpenWorkbook(): Promise<boolean> {
  return Excel.run((context) => clearFlags(context, noteSupport()));
}

export async function selectFinding(f: Finding): Promise<void> {
  if (!f.sheet || !f.cell) return;
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(f.sheet);
    ws.activate();
    ws.getRange(f.cell).select();
    await context.sync();
  });
}

/**
 * Ribbon commands (shared runtime): 一键审核 checks and flags the workbook without the pane, then
 * shows the pane with the summary; 清除标记 removes the flags.
 */
export function registerCommands(onChecked: (r: CheckResult) => void): void {
  const done = (event: Office.AddinCommands.Event) => event.completed();
  Office.actions.associate('checkAll', async (event: Office.AddinCommands.Event) => {
    try {
      const r = await checkOpenWorkbook();
      onChecked(r);
      await Office.addin.showAsTaskpane().catch(() => undefined);
    } finally {
      done(event);
    }
  });
  Office.actions.associate('clearAllFlags', async (event: Office.AddinCommands.Event) => {
    try {
      await clearOpenWorkbook();
    } finally {
      done(event);
    }
  });
}

export async function explainInWorkbook(f: Finding, text: string): Promise<void> {
  await Excel.run((context) => saveExplanation(context, f, text));
}

export async function scaffoldInWorkbook(o: { unit: string; year: number; withForms: boolean }, overwrite: boolean) {
  const built = scaffold({ unit: o.unit, year: o.year, projectList: o.withForms });
  return Excel.run((context) => writeSheets(context, built.workbook, built.layouts, { overwrite }));
}

export async function draftInWorkbook(overwrite: boolean) {
  return Excel.run(async (context) => {
    const grid = await readWorkbook(context);
    const { workbook, sheet } = withDraft(grid, draftNarrative(grid));
    const only = { sheets: workbook.sheets.filter((s) => s.name === sheet) };
    return writeSheets(context, only, { [sheet]: { widths: [120] } }, { overwrite });
  });
}
