import { Workbook, cellBox, a1, isProseOnly, parseA1 } from '../core/grid';
import type { Paragraph } from '../narrative/paragraphs';
import { Finding, sortFindings, summarize, Summary, blocksSubmission } from '../core/findings';
import { TableSetSpec } from '../specs/types';
import { recognizeSheet, assemble, pickTableSet, scanTexts, Recognition } from '../recognize';
import type { Rule, RuleContext } from './contract';
import { RULES } from './registry';
import { ruleContext } from './context';
import { withExplanations } from '../core/explanations';
import { oneCausePerCell } from './causes';
import { isEmptyTable } from '../narrative/model';
import { fragmentBoxes } from './pageBoxes';
import { whereInWords } from '../recognize/where';

export interface CheckResult {
  findings: Finding[];
  summary: Summary;
  recognition: Recognition;
  /** 可提交: no error or warning of a 强制 rule is open (提示 rules may be answered with an explanation). */
  submittable: boolean;
  /** Open findings of 强制 rules (errors and warnings). */
  blocking: number;
  /** The same by severity: the 错误 and the 警告 among them. */
  blockingBy?: { error: number; warning: number };
  /**
   * 可提交, 不可提交 (open 强制 findings), 未填写: tables found but not one amount in them (a
   * blank template is not a disclosure ready to submit), 未找到公开表: not one table found in a
   * document of tables, or 仅核对情况说明: prose alone (a 情况说明 checked by itself). Only 可提交
   * can be submitted.
   */
  verdict: Verdict;
}

export type Verdict = '可提交' | '不可提交' | '未填写' | '未找到公开表' | '仅核对情况说明';

/**
 * A narrative finding's place in words: the section it is under and which paragraph of it
 * (情况说明「五、一般公共预算财政拨款支出决算情况说明」第 2 段), as the accountant finds it in the text.
 */
function inParagraphs(findings: Finding[], paragraphs: Paragraph[]): void {
  const at = new Map<string, string>();
  const count = new Map<string, number>();
  for (const p of paragraphs) {
    if (p.heading) continue;
    const section = p.subsection || p.section;
    const n = (count.get(section) ?? 0) + 1;
    count.set(section, n);
    // A numbered item (1、2、… one per 科目 or project) is named by its number: PDF line breaks may
    // cut it into several pieces, its number stays.
    const where = `情况说明${section ? `「${section.length > 24 ? section.slice(0, 24) + '…' : section}」` : ''}${p.item ? `第 ${p.item} 项` : `第 ${n} 段`}`;
    for (const pc of p.pieces) {
      const key = `${pc.sheet}!${a1(pc.r, pc.c)}`;
      if (!at.has(key)) at.set(key, where);
    }
  }
  for (const f of findings) if (f.text && f.table === '情况说明') f.where = at.get(`${f.sheet}!${f.cell}`);
}

/**
 * A Word document's findings named in words: the narrative's by its paragraph (inParagraphs), a
 * table's by its row (公开02「201 一般公共服务支出」), anything else by its place in the body.
 */
function inWords(findings: Finding[], wb: Workbook, rec: Recognition): void {
  const worded = new Set(wb.sheets.filter((s) => s.inWords).map((s) => s.name));
  if (!worded.size) return;
  for (const f of findings) {
    if (!worded.has(f.sheet) || !f.cell) continue;
    f.inWords = true;
    f.where ??= whereInWords(rec, f) ?? `文档第 ${(parseA1(f.cell)?.r ?? 0) + 1} 段`;
  }
}

/** A document read from a PDF: each finding gets the page its cell stands on (第N页). */
function onPages(findings: Finding[], wb: Workbook): boolean {
  if (!wb.sheets.some((s) => s.rows.some((r) => r[0]?.box))) return false;
  for (const f of findings) {
    const box = cellBox(wb, f.sheet, f.cell);
    if (box) {
      f.page = box.page;
      f.box = box;
    }
  }
  return true;
}

/** How far a check has come, for a progress bar: rules run of all (0 of n while tables are recognized). */
export type CheckProgress = (done: number, total: number) => void;

/** Check a workbook: recognize its tables, run every rule, return findings in a stable order. */
export function checkWorkbook(wb: Workbook, opts: { set?: TableSetSpec; rules?: Rule[]; progress?: CheckProgress } = {}): CheckResult {
  // One pass over every cell finds the texts both choosing the table set and finding the tables start from.
  const scan = scanTexts(wb);
  const set = opts.set ?? pickTableSet(wb, scan);
  const rules = opts.rules ?? RULES;
  const findings: Finding[] = [];
  const failed = new Set<Rule>();
  const recognition = assemble(wb.sheets.map((sheet, s) => recognizeSheet(sheet, set, scan.sheets[s])));
  const ctx = ruleContext(set, recognition, wb, scan);
  opts.progress?.(0, rules.length);
  for (const [i, rule] of rules.entries()) {
    // A rule that reads each disclosure on its own (one unit of a consolidated workbook) runs
    // disclosure by disclosure: if it fails on one, the others' findings are kept.
    if (rule.perDisclosure && ctx.scopes.length > 1) for (const scope of ctx.scopes) run(rule, { ...ctx, scopes: [scope] }, findings, failed);
    else run(rule, ctx, findings, failed);
    opts.progress?.(i + 1, rules.length);
  }
  const sorted = withExplanations(sortFindings(oneCausePerCell(findings)), wb);
  const onPdf = onPages(sorted, wb);
  if (sorted.some((f) => f.text)) {
    const { paragraphs } = ctx.narrative();
    inParagraphs(sorted, paragraphs);
    // On a PDF's page a fragment is marked where it stands, on every line it covers.
    if (onPdf)
      for (const f of sorted) {
        const boxes = f.text && f.box ? fragmentBoxes(f, wb, paragraphs) : [];
        if (!boxes.length) continue;
        f.box = boxes[0];
        if (boxes.length > 1) f.boxes = boxes;
      }
  }
  inWords(sorted, wb, recognition);
  const level = new Map(rules.map((r) => [r.id, r.level]));
  // An explanation answers a 提示 finding; a 强制 one must be fixed.
  const blocks = (f: Finding) => blocksSubmission(f, (id) => level.get(id));
  const blocking = sorted.filter(blocks).length;
  const blockingErrors = sorted.filter((f) => f.severity === 'error' && blocks(f)).length;
  const blank = recognition.tables.length > 0 && recognition.tables.every(isEmptyTable);
  const none = recognition.tables.length === 0 && recognition.unreadable.length === 0;
  const verdict: Verdict = none ? (isProseOnly(wb) ? '仅核对情况说明' : '未找到公开表') : blank ? '未填写' : blocking === 0 ? '可提交' : '不可提交';
  return {
    findings: sorted,
    summary: summarize(sorted, blocks),
    recognition,
    submittable: verdict === '可提交',
    blocking,
    blockingBy: { error: blockingErrors, warning: blocking - blockingErrors },
    verdict,
  };
}

/** Run a rule, its findings appended; a rule that fails says so once, whatever it had found kept. */
function run(rule: Rule, ctx: RuleContext, out: Finding[], failed: Set<Rule>): void {
  try {
    // A loop, not push(...found): a rule may return thousands of findings.
    for (const f of rule.run(ctx)) out.push(f);
  } catch (e) {
    if (failed.has(rule)) return;
    failed.add(rule);
    out.push({
      rule: rule.id,
      severity: 'warning',
      table: '',
      sheet: '',
      cell: '',
      related: [],
      message: `规则“${rule.title}”执行异常，未完成核对：${(e as Error).message}`,
    });
  }
}

/** Whether it can be submitted, or why not, in the words the command line and the pane show. */
export function submitLine(r: Pick<CheckResult, 'submittable' | 'blocking' | 'blockingBy'> & { verdict?: CheckResult['verdict'] }): string {
  if (r.verdict === '未填写') return '未填写：公开表中还没有填写任何金额';
  if (r.verdict === '未找到公开表') return '未找到公开表：文件中没有识别到任何一张公开表，不能作为决算公开提交（请确认文件内容，或改用 Excel 工作簿）';
  if (r.verdict === '仅核对情况说明')
    return `仅核对了情况说明（未提供公开表，不能作为决算公开提交）：${r.blocking ? `${r.blocking} 项强制问题未解决` : '情况说明未发现强制问题'}`;
  const by = r.blockingBy && r.blockingBy.warning ? `（错误 ${r.blockingBy.error} 项、强制警告 ${r.blockingBy.warning} 项）` : '';
  return r.submittable ? '可提交（无强制问题）' : `不可提交：${r.blocking} 项强制问题未解决${by}`;
}

/** The verdict in a word or two, as a folder's summary table shows each file. */
export function verdictWord(r: Pick<CheckResult, 'submittable' | 'blocking'> & { verdict?: CheckResult['verdict'] }): string {
  if (r.verdict === '未填写' || r.verdict === '未找到公开表' || r.verdict === '仅核对情况说明') return r.verdict;
  return r.submittable ? '可提交' : `不可提交（${r.blocking} 项强制问题）`;
}

/** Whether a check found anything of a disclosure at all (tables, narrative or forms). */
export function looksLikeDisclosure(r: CheckResult): boolean {
  return r.recognition.tables.length > 0 || r.findings.some((f) => f.table === '情况说明' || f.table === '绩效自评表');
}
