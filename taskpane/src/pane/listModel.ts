import { Finding, Severity, worstSeverity, placeOf } from '../../../src/core/findings';
import { blocksSubmission, ruleLabel } from '../../../src/check/registry';
import type { ResultView } from '../../../src/check/view';

/**
 * What the findings list shows, as plain data (tested without React): which findings pass the
 * filters, their groups by part and cause, the rows a screen draws, the tiles and the verdict's
 * causes.
 */

export type Filter = 'all' | 'blocking' | Severity;
export const FILTERS: Filter[] = ['all', 'blocking', 'error', 'warning', 'info'];
export const FILTER_ZH: Record<Filter, string> = { all: '全部', blocking: '强制', error: '错误', warning: '警告', info: '提示' };

/**
 * Groups start folded, one line each (the causes fit a screen), unless the list is this short:
 * then there is nothing to fold.
 */
export const OPEN_ALL = 10;

/** The part of the disclosure a finding belongs to (a table, 情况说明, 绩效自评表 …). */
export const partOf = (f: Pick<Finding, 'table'>) => f.table || '工作簿';

/** The findings that pass the chosen part, severity filter and search. */
export function visibleFindings(findings: Finding[], o: { part?: string; filter: Filter; query: string }): Finding[] {
  const q = o.query.trim();
  return findings.filter(
    (f) =>
      (!o.part || partOf(f) === o.part) &&
      (o.filter === 'all' || (o.filter === 'blocking' ? blocksSubmission(f) : f.severity === o.filter)) &&
      (!q || `${f.table} ${f.sheet}!${f.cell} ${f.message}`.includes(q)),
  );
}

export interface Group {
  key: string;
  table: string;
  cause: string;
  list: Finding[];
}

/** Grouped by part of the disclosure and cause (rule): 95 indicators written without % are one group. */
export function groupFindings(findings: Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const table = partOf(f);
    const cause = ruleLabel(f.rule).name;
    const key = `${table}\u0000${cause}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, table, cause, list: [] }));
    g.list.push(f);
  }
  return [...groups.values()];
}

/** One line of the findings list. */
export type Row =
  | { kind: 'head'; key: string; group: string; text: string; count: number; worst: Severity; open: boolean }
  | { kind: 'requires'; key: string; text: string }
  | { kind: 'card' | 'work'; key: string; f: Finding };

/**
 * The list as rows: a group's one-line heading (its part, cause and count, coloured by its worst
 * finding); opened, what the cause requires, its cards and the workplace under the chosen card.
 */
export function listRows(groups: Group[], o: { toggled: Map<string, boolean>; selected?: Finding; total: number }): Row[] {
  const rows: Row[] = [];
  for (const { key, table, cause, list } of groups) {
    const open = o.toggled.get(key) ?? o.total <= OPEN_ALL;
    rows.push({
      kind: 'head',
      key: `h${key}`,
      group: key,
      text: `${table} · ${cause}`,
      count: list.length,
      worst: worstSeverity(list.map((f) => f.severity))!,
      open,
    });
    if (!open) continue;
    const requires = ruleLabel(list[0].rule).title;
    if (requires) rows.push({ kind: 'requires', key: `r${key}`, text: requires });
    list.forEach((f, i) => {
      rows.push({ kind: 'card', key: `c${key}\u0001${i}`, f });
      if (o.selected === f) rows.push({ kind: 'work', key: `w${key}\u0001${i}`, f });
    });
  }
  return rows;
}

/** Each part's open (not yet explained) severities: the tables recognized, then any other part named. */
export function partsOf(r: Pick<ResultView, 'tables' | 'findings'>): { name: string; open: Severity[]; worst?: Severity }[] {
  const parts = new Map<string, Severity[]>(r.tables.map((t) => [t, []]));
  for (const f of r.findings) {
    const open = parts.get(partOf(f)) ?? [];
    parts.set(partOf(f), open);
    if (f.explained === undefined) open.push(f.severity);
  }
  return [...parts.entries()].map(([name, open]) => ({ name, open, worst: worstSeverity(open) }));
}

/** The 强制 findings counted by cause, the most frequent first. */
export function blockingCauses(findings: Finding[]): [string, number][] {
  const causes = new Map<string, number>();
  for (const f of findings) {
    if (!blocksSubmission(f)) continue;
    const name = ruleLabel(f.rule).name;
    causes.set(name, (causes.get(name) ?? 0) + 1);
  }
  return [...causes.entries()].sort((a, b) => b[1] - a[1]);
}

/** The place in the table's words (公开02「201 一般公共服务支出」) and its address; a PDF's, its page and place. */
export function whereOf(f: Finding): string {
  if (!f.sheet || !f.cell) return '';
  // A PDF's finding: its page and place (the grid it was read into is not the reader's).
  if (f.page) return placeOf(f);
  return f.where ? `${f.where} · ${f.sheet}!${f.cell}` : `${f.sheet}!${f.cell}`;
}

/** What a 强制 finding asks: corrected where it stands (the narrative's in the narrative). */
export function mustFix(f: Finding): string | undefined {
  if (!blocksSubmission(f)) return undefined;
  return `这是强制问题：须在${f.table === '情况说明' ? '情况说明' : '表'}中改正，出错说明不能使其通过。`;
}

/** Whether the unit may answer a finding with an 出错说明 (a 提示 rule's warning or error, on a cell). */
export const explainable = (f: Finding) => f.severity !== 'info' && !blocksSubmission(f) && !!f.sheet && !!f.cell;
