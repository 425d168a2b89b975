import type { Host, FlagOutcome, ClearOutcome, WriteOutcome } from '../hosts/host';
import type { Workbook } from '../core/grid';
import { checkWorkbook, CheckResult } from '../check';
import { upsertExplanation } from '../core/explanations';
import { scaffold, ScaffoldOptions } from '../scaffold/build';
import { draftNarrative, draftSheetName, draftSheet, DRAFT_LAYOUT } from '../narrative/draft';
import { importDocument, importLayouts } from '../importDoc';

/**
 * The use cases, written once against the host contract (src/hosts/host.ts): the command line's
 * files, the task pane's browser mode and the workbook open in Excel all run these.
 */

/** Check the host's workbook (with last year's sheets beside it, when given); flag it on request. */
export async function check(host: Host, opts: { flag?: boolean; prior?: Workbook } = {}): Promise<{ result: CheckResult; flagged?: FlagOutcome }> {
  const grid = await host.read();
  if (opts.prior) grid.sheets.push(...opts.prior.sheets);
  const result = checkWorkbook(grid);
  return { result, flagged: opts.flag ? await host.flag(result.findings) : undefined };
}

/** Remove every flag, restoring each cell. */
export function clear(host: Host): Promise<ClearOutcome> {
  return host.clear();
}

export interface ExplanationEntry {
  rule: string;
  sheet: string;
  cell: string;
  /** '' removes the explanation on file. */
  text: string;
}

/**
 * Record 出错说明 (one from the pane, or every row of 审核报告's 说明 column), then re-check and
 * re-flag, so explained findings show as 已说明. A blank entry with nothing on file is skipped; a
 * blank entry with an explanation on file removes it.
 */
export async function explain(host: Host, entries: ExplanationEntry[]): Promise<{ result: CheckResult; explained: number }> {
  const grid = await host.read();
  let list = grid.explanations ?? [];
  for (const e of entries) {
    if (!grid.sheets.some((s) => s.name === e.sheet)) continue;
    const had = list.some((x) => x.rule === e.rule && x.sheet === e.sheet && x.cell === e.cell);
    if (!e.text.trim() && !had) continue;
    list = upsertExplanation(list, e, e.text, grid);
  }
  grid.explanations = list;
  await host.saveExplanations(list);
  const result = checkWorkbook(grid);
  await host.flag(result.findings);
  return { result, explained: result.findings.filter((f) => f.explained !== undefined).length };
}

/** 生成模板: the edition's nine tables (and an empty 项目清单), written into the host's workbook. */
export async function scaffoldInto(host: Host, opts: ScaffoldOptions, overwrite = false): Promise<WriteOutcome & { codes: number }> {
  const built = scaffold(opts);
  return { ...(await host.writeSheets(built.workbook, built.layouts, { overwrite })), codes: built.codes.length };
}

/**
 * 起草情况说明: the narrative drafted from the host's tables, as a sheet of one paragraph per row —
 * 情况说明, or 情况说明（草稿） when the workbook has a 情况说明 of its own (never overwritten).
 * An earlier draft is a conflict unless `overwrite`.
 */
export async function draftInto(
  host: Host,
  opts: { prior?: Workbook; overwrite?: boolean } = {},
): Promise<WriteOutcome & { sheet: string; paragraphs: string[] }> {
  const grid = await host.read();
  const paragraphs = draftNarrative(grid, { prior: opts.prior });
  const name = draftSheetName((n) => grid.sheets.some((s) => s.name === n));
  const sheet = draftSheet(name, paragraphs);
  const out = await host.writeSheets({ sheets: [sheet] }, { [name]: DRAFT_LAYOUT(paragraphs.length) }, { overwrite: opts.overwrite });
  return { ...out, sheet: name, paragraphs };
}

/**
 * import: a text document laid out as a workbook in the host — one sheet per table (amounts as
 * numbers), 部门概况, 情况说明 (one paragraph per row), 绩效自评表, 封面, 名词解释 — with last
 * year's sheets beside it when given.
 */
export async function importInto(target: Host, document: Workbook, opts: { prior?: Workbook; overwrite?: boolean } = {}): Promise<Workbook> {
  const grid = importDocument(document);
  if (opts.prior) grid.sheets.push(...opts.prior.sheets);
  await target.writeSheets(grid, importLayouts(grid), { overwrite: opts.overwrite });
  return grid;
}
