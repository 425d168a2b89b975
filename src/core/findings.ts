/** Findings: what every rule produces and every host renders. */

import { parseA1 } from './grid';

export type Severity = 'error' | 'warning' | 'info';

export interface CellLocation {
  sheet: string;
  cell: string; // A1
}

export interface Finding {
  /** Rule id, e.g. 'code-hierarchy'. */
  rule: string;
  severity: Severity;
  /** Table label, e.g. '公开03', or '' for workbook-level findings. */
  table: string;
  sheet: string;
  cell: string;
  related: CellLocation[];
  /**
   * Further cells of the same cause (the other indicators of one form written as fractions): the
   * finding is one, each of these cells is flagged with it. `related` cells are only pointed to.
   */
  also?: CellLocation[];
  /** Chinese, concrete: what, where, by how much. */
  message: string;
  /**
   * The other relations the same figure breaks (one cause, one finding: check/causes.ts), each as
   * its own finding would have said it; the message says them too.
   */
  consequences?: string[];
  expected?: string;
  actual?: string;
  /** Narrative findings: the quoted fragment, where it starts in the cell's text, the fix. */
  text?: TextSpan;
  /**
   * The narrative's own figures a narrative finding computed with (a rate's base, a list's parts):
   * where one of them is itself wrong against its table, this finding is that one's consequence.
   */
  figures?: TextAt[];
  /** Where a narrative finding is, in words: 情况说明「五、一般公共预算…」第 2 段. */
  where?: string;
  /** Its place said in words only (`where`): a Word document's finding, whose grid address the reader never sees. */
  inWords?: boolean;
  /** The page a finding stands on, for a document read from a PDF (1-based), and its box there. */
  page?: number;
  box?: import('./grid').PageBox;
  /** A narrative fragment the PDF wraps over lines (or pages): a box on each, the first being `box`. */
  boxes?: import('./grid').PageBox[];
  /** The unit's 出错说明 for this finding, when one is on file for the cell as it is now. */
  explained?: string;
  /**
   * The relation of the edition the finding is about: a relation between tables by its id
   * ('04-07-total'), one within a table as table/id ('gk03/basic-project', 'gk02/hierarchy').
   */
  relation?: string;
}

/** Every cell a finding flags: its own and those of the same cause (`also`). */
export function flaggedCells(f: Finding): CellLocation[] {
  const own = f.sheet && f.cell ? [{ sheet: f.sheet, cell: f.cell }] : [];
  return f.also?.length ? [...own, ...f.also] : own;
}

/** A place in the text: the cell, and the offset in the cell's text where a figure starts. */
export interface TextAt {
  sheet: string;
  cell: string;
  offset: number;
}

export interface TextSpan {
  fragment: string;
  /** Character offset of the fragment in the cell's text, and its length. */
  offset: number;
  length: number;
  /** The figure or wording that would be right, when one can be computed. */
  suggestion?: string;
  /**
   * The words of its sentence before and after the fragment, as the check read the paragraph (a
   * PDF's sentence over several lines whole): the note and the pane quote it without reading the
   * cell again.
   */
  sentence?: { before: string; after: string };
}

export interface Summary {
  /** Open findings by severity (those of 提示 rules with an 出错说明 are counted under `explained`). */
  error: number;
  warning: number;
  info: number;
  explained?: number;
}

/**
 * Findings counted as the verdict counts them: an explained finding leaves the open count only when
 * an explanation may answer it (a 提示 rule's); a 强制 finding stays open, explained or not.
 */
export function summarize(findings: Finding[], blocks: (f: Finding) => boolean = () => false): Summary {
  const s: Summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) {
    if (f.explained !== undefined && f.severity !== 'info' && !blocks(f)) s.explained = (s.explained ?? 0) + 1;
    else s[f.severity]++;
  }
  return s;
}

const SEV_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** The worst of some severities (错误 before 警告 before 提示); undefined for none. */
export function worstSeverity(list: Iterable<Severity>): Severity | undefined {
  let worst: Severity | undefined;
  for (const s of list) if (!worst || SEV_ORDER[s] < SEV_ORDER[worst]) worst = s;
  return worst;
}

/**
 * Whether a finding keeps the disclosure from 可提交: an 错误 or 警告 of a rule whose level is not
 * 提示 (an 出错说明 does not lift it). The check's verdict and the pane's 强制 tag both ask this.
 */
export function blocksSubmission(f: Pick<Finding, 'rule' | 'severity'>, levelOf: (rule: string) => string | undefined): boolean {
  return f.severity !== 'info' && levelOf(f.rule) !== '提示';
}

/**
 * A cell's place in reading order (row, then column) as one number; -1 for no cell. Plain
 * addresses (every rule writes them: "F40") are read without a regex, others by parseA1.
 */
export function cellOrder(cell: string): number {
  let c = 0;
  let i = 0;
  for (; i < cell.length; i++) {
    const k = cell.charCodeAt(i);
    if (k < 65 || k > 90) break;
    c = c * 26 + (k - 64);
  }
  let r = 0;
  const digitsAt = i;
  for (; i < cell.length; i++) {
    const k = cell.charCodeAt(i);
    if (k < 48 || k > 57) break;
    r = r * 10 + (k - 48);
  }
  if (i === cell.length && digitsAt > 0 && digitsAt <= 3 && i > digitsAt && i - digitsAt <= 7) return (r - 1) * 20000 + (c - 1);
  const p = parseA1(cell);
  return p ? p.r * 20000 + p.c : -1;
}

/** Stable order: by severity, then table, sheet, row, column. */
export function sortFindings(fs: Finding[]): Finding[] {
  // Tables and sheets ranked once (a dozen tables, a sheet per unit), in the order their names
  // compare: thousands of comparisons are then between numbers, not strings.
  const tables = ranks(fs, (f) => f.table);
  const sheets = ranks(fs, (f) => f.sheet);
  const keyed = fs.map((f) => ({ f, sev: SEV_ORDER[f.severity], table: tables.get(f.table)!, sheet: sheets.get(f.sheet)!, pos: cellOrder(f.cell) }));
  keyed.sort((x, y) => {
    if (x.sev !== y.sev) return x.sev - y.sev;
    if (x.table !== y.table) return x.table - y.table;
    if (x.sheet !== y.sheet) return x.sheet - y.sheet;
    const a = x.f.rule;
    const b = y.f.rule;
    return x.pos - y.pos || (a < b ? -1 : a > b ? 1 : 0);
  });
  return keyed.map((k) => k.f);
}

/** Each distinct value's place among them all, in string order. */
function ranks(fs: Finding[], of: (f: Finding) => string): Map<string, number> {
  const distinct = [...new Set(fs.map(of))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(distinct.map((v, i) => [v, i]));
}

/**
 * Where a reader finds it: in a workbook its cell (公开05!C12); in a document read from a PDF its
 * page, and for the narrative its section and paragraph (第21页 情况说明「…」第 1 段) — the grid the
 * PDF was read into is the checker's, never the reader's.
 */
export function placeOf(f: Pick<Finding, 'sheet' | 'cell' | 'page' | 'where' | 'inWords'>): string {
  if (f.page) return `第${f.page}页${f.where ? ` ${f.where}` : ''}`;
  if (f.inWords && f.where) return f.where;
  return f.sheet && f.cell ? `${f.sheet}!${f.cell}` : f.sheet || '—';
}

/** Key that identifies a finding across runs (rule + place + message). */
export function findingKey(f: Finding): string {
  return `${f.rule}|${f.sheet}|${f.cell}|${f.message}`;
}
