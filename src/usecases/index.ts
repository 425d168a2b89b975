import type { Host, FlagOutcome, ClearOutcome, WriteOutcome } from './host';
import type { Workbook } from '../core/grid';
import { checkWorkbook, CheckResult } from '../check';
import { reportHeading } from '../check/heading';
import { upsertExplanation } from '../core/explanations';
import { scaffold, ScaffoldOptions } from '../scaffold/build';
import { draftNarrative, draftSheetName, draftSheet, DRAFT_LAYOUT } from '../narrative/draft';
import { importDocument, importLayouts } from '../importDoc';
import { readProjectList, projectListSheet, PROJECT_LIST_LAYOUT, formBlock, formSheetName, formsSheet } from '../forms/generate';
import { recognizeForms } from '../forms/model';
import { projectKey } from '../forms/read';
import { defaultYear } from '../core/year';
import { TemplateIdentity, identityProperties, TEMPLATE_SHEET } from '../scaffold/identity';
import type { UnitFigures } from '../consolidate/unit';
import { tellAgainst } from '../core/templateRecord';
import { consolidate, Consolidated, ConsolidateOptions } from '../consolidate/build';

/**
 * The use cases, written once against the host contract (src/hosts/host.ts): the command line's
 * files, the task pane's browser mode and the workbook open in Excel all run these.
 */

/** What flagging and the report need of a check: its findings, counts and verdict. */
export type Checked = Pick<CheckResult, 'findings' | 'summary' | 'submittable' | 'blocking' | 'verdict'>;

/**
 * How a use case has a workbook checked: checkWorkbook here, by default; the task pane passes one
 * that runs it in a worker (the page stays responsive) and gives back the pane's view of it.
 */
export type Checker<R extends Checked> = (grid: Workbook) => Promise<R> | R;

/** The checker given, or checkWorkbook here (whose result is a CheckResult, the default R). */
const checkerOr = <R extends Checked>(c?: Checker<R>): Checker<R> => c ?? (checkWorkbook as unknown as Checker<R>);

/** Check the host's workbook (with last year's sheets beside it, told against another template, when given); flag it on request. */
export async function check<R extends Checked = CheckResult>(
  host: Host,
  opts: { flag?: boolean; prior?: Workbook; checker?: Checker<R>; template?: string[][] } = {},
): Promise<{ result: R; flagged?: FlagOutcome }> {
  const grid = await host.read();
  if (opts.prior) grid.sheets.push(...opts.prior.sheets);
  tellAgainst(grid, opts.template);
  const result = await checkerOr(opts.checker)(grid);
  return { result, flagged: opts.flag ? await host.flag(result.findings, reportHeading(result, grid.source ?? '')) : undefined };
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
 * re-flag (unless `flag: false`: the pane's browser mode flags when the copy is downloaded), so
 * explained findings show as 已说明. A blank entry with nothing on file is skipped; a
 * blank entry with an explanation on file removes it.
 */
export async function explain<R extends Checked = CheckResult>(
  host: Host,
  entries: ExplanationEntry[],
  checker?: Checker<R>,
  opts: { flag?: boolean } = {},
): Promise<{ result: R; explained: number }> {
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
  const result = await checkerOr(checker)(grid);
  if (opts.flag !== false) await host.flag(result.findings, reportHeading(result, grid.source ?? ''));
  return { result, explained: result.findings.filter((f) => f.explained !== undefined).length };
}

/**
 * Flag with a check already made — the findings the user has been reading (the pane's download) —
 * rather than checking the workbook once more.
 */
export function flagChecked(host: Host, result: Checked, source: string): Promise<FlagOutcome> {
  return host.flag(result.findings, reportHeading(result, source));
}

/** 生成模板: the edition's nine tables (and an empty 项目清单), written into the host's workbook. */
export async function scaffoldInto(
  host: Host,
  opts: ScaffoldOptions,
  overwrite = false,
): Promise<WriteOutcome & { codes: number; identity?: TemplateIdentity }> {
  const built = scaffold(opts);
  // The tables, and the template's record of itself (very hidden) after them.
  const grid = { ...built.workbook, sheets: [...built.workbook.sheets, built.record] };
  const layouts = { ...built.layouts, [TEMPLATE_SHEET]: { veryHidden: true } };
  let written = await host.writeSheets(grid, layouts, { overwrite });
  // A record left by an earlier template whose sheets are gone is replaced without asking.
  if (!written.written.length && written.conflicts.length === 1 && written.conflicts[0] === TEMPLATE_SHEET)
    written = await host.writeSheets(grid, layouts, { overwrite: true });
  // The template's record of itself is no sheet of the user's: never named to them.
  const out = { written: written.written.filter((n) => n !== TEMPLATE_SHEET), conflicts: written.conflicts.filter((n) => n !== TEMPLATE_SHEET) };
  if (!out.written.length) return { ...out, codes: built.codes.length };
  // The workbook now is this template: its identity stamped as custom document properties.
  await host.setProperties?.(identityProperties(built.identity));
  return { ...out, codes: built.codes.length, identity: built.identity };
}

/**
 * 汇总: the department's workbook from its units' parts, written into the host as new sheets (the
 * nine tables, 单位清单, 明细, 调整表, 汇总核对); a sheet of that name already there is a conflict
 * unless `overwrite`, and nothing is written then.
 */
export async function consolidateInto(
  host: Host,
  units: UnitFigures[],
  opts: ConsolidateOptions & { overwrite?: boolean } = {},
): Promise<WriteOutcome & { consolidated: Consolidated }> {
  const consolidated = consolidate(units, opts);
  const out = await host.writeSheets(consolidated.workbook, consolidated.layouts, { overwrite: opts.overwrite });
  return { ...out, consolidated };
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

export interface FormsResult {
  /** The list was missing: an empty 项目清单 was added for the user to fill in. */
  listAdded?: boolean;
  /** Sheets written (one per project), or the stacked sheet's name. */
  added: string[];
  /** Projects that had a form already (kept as the unit typed it). */
  kept: number;
  problems: string[];
}

/**
 * 生成绩效自评表: a form for every project of 项目清单 that has none yet — one sheet each, or all
 * stacked in 绩效自评表 below the forms already there. Forms the unit typed in are kept as they
 * are. A workbook without a list gets an empty 项目清单 first.
 */
export async function formsInto(host: Host, opts: { stacked?: boolean; year?: number } = {}): Promise<FormsResult> {
  const grid = await host.read();
  const listSheet = grid.sheets.find((s) => s.name === '项目清单');
  if (!listSheet) {
    await host.writeSheets({ sheets: [projectListSheet()] }, { 项目清单: PROJECT_LIST_LAYOUT });
    return { listAdded: true, added: [], kept: 0, problems: [] };
  }
  const { projects, problems } = readProjectList(listSheet);
  if (!projects.length) problems.push('项目清单中没有项目');
  const existing = new Set(recognizeForms(grid).map((f) => projectKey(f.name)));
  const fresh = projects.filter((p) => !existing.has(projectKey(p.name)));
  const year = opts.year ?? defaultYear();
  const kept = projects.length - fresh.length;
  if (!fresh.length) return { added: [], kept, problems };
  if (opts.stacked) {
    const name = '绩效自评表';
    const there = grid.sheets.find((s) => s.name === name);
    // Below what the sheet holds, two rows apart.
    let top = there && there.rows.some((r) => r?.some(Boolean)) ? lastFilledRow(there.rows) + 3 : 0;
    const blocks = fresh.map((p) => {
      const block = formBlock(p, year, top);
      const at = { top, block };
      top += block.rows.length + 2;
      return at;
    });
    const { sheet, layout } = formsSheet(name, blocks);
    await host.writeSheets({ sheets: [sheet] }, { [name]: layout }, { into: true });
    return { added: fresh.map((p) => p.name), kept, problems };
  }
  const taken = new Set(grid.sheets.map((s) => s.name));
  const written = fresh.map((p, i) => formsSheet(formSheetName(existing.size + 1 + i, p.name, taken), [{ top: 0, block: formBlock(p, year, 0) }]));
  await host.writeSheets({ sheets: written.map((w) => w.sheet) }, Object.fromEntries(written.map((w) => [w.sheet.name, w.layout])));
  return { added: written.map((w) => w.sheet.name), kept, problems };
}

function lastFilledRow(rows: Workbook['sheets'][number]['rows']): number {
  for (let r = rows.length - 1; r >= 0; r--) if (rows[r]?.some(Boolean)) return r;
  return -1;
}
