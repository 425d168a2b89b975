import { visibleFindings, groupFindings, listRows, partsOf, blockingCauses, whereOf, mustFix, explainable, OPEN_ALL } from '../pane/listModel';
import { initialState, paneReducer } from '../pane/state';
import { checkWorkbook } from '../../../src/check';
import { importDocument } from '../../../src/importDoc';
import { sampleWorkbook } from '../../../tests/helpers/grid';
import { Finding } from '../../../src/core/findings';
import type { ResultView } from '../../../src/check/view';

/** What the pane's list shows, computed without React: filters, groups, rows, tiles, the verdict's causes; and its state. */

const result = checkWorkbook(importDocument(sampleWorkbook()));
const findings = result.findings;

describe('the findings list', () => {
  test.each([
    ['all', {}, (f: Finding) => !!f],
    ['errors', { filter: 'error' as const }, (f: Finding) => f.severity === 'error'],
    ['one part', { part: '情况说明' }, (f: Finding) => f.table === '情况说明'],
    ['a search', { query: ' 公开05 ' }, (f: Finding) => `${f.table} ${f.sheet}!${f.cell} ${f.message}`.includes('公开05')],
  ])('%s', (_, o, keep) => {
    const got = visibleFindings(findings, { filter: 'all', query: '', ...o });
    expect(got).toEqual(findings.filter(keep));
    expect(got.length).toBeGreaterThan(0);
  });

  test('强制 keeps the findings that block submission, and only those', () => {
    const forced = visibleFindings(findings, { filter: 'blocking', query: '' });
    expect(forced.length).toBe(result.blocking);
  });

  test('groups by part and cause; a long list starts folded, a short one open; the chosen card has its workplace under it', () => {
    const groups = groupFindings(findings);
    expect(groups.reduce((n, g) => n + g.list.length, 0)).toBe(findings.length);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
    const folded = listRows(groups, { toggled: new Map(), total: findings.length });
    expect(findings.length).toBeGreaterThan(OPEN_ALL);
    expect(folded.every((r) => r.kind === 'head' && !r.open)).toBe(true);
    const g = groups[0];
    const opened = listRows(groups, { toggled: new Map([[g.key, true]]), selected: g.list[0], total: findings.length });
    expect(opened.slice(0, 2 + g.list.length + 1).map((r) => r.kind)).toEqual(['head', 'requires', 'card', 'work', ...g.list.slice(1).map(() => 'card')]);
    const few = groupFindings(findings.slice(0, 3));
    expect(listRows(few, { toggled: new Map(), total: 3 }).filter((r) => r.kind === 'card')).toHaveLength(3);
  });

  test('tiles: each table recognized, then the other parts; coloured by the worst open finding', () => {
    const view = { tables: ['公开01', '公开02'], findings } as unknown as ResultView;
    const parts = partsOf(view);
    expect(parts.slice(0, 2).map((p) => p.name)).toEqual(['公开01', '公开02']);
    const narrative = parts.find((p) => p.name === '情况说明')!;
    expect(narrative.worst).toBe('error');
    expect(narrative.open.length).toBe(findings.filter((f) => f.table === '情况说明' && f.explained === undefined).length);
  });

  test('the verdict’s causes add up to the 强制 count, the most frequent first', () => {
    const causes = blockingCauses(findings);
    expect(causes.reduce((n, [, k]) => n + k, 0)).toBe(result.blocking);
    expect(causes.map(([, k]) => k)).toEqual([...causes.map(([, k]) => k)].sort((a, b) => b - a));
  });

  test('where a finding is, and what it asks', () => {
    const narrative = findings.find((f) => f.table === '情况说明' && f.severity === 'error')!;
    expect(whereOf(narrative)).toMatch(/^情况说明「.+」第 \d+ (段|项) · 情况说明!A\d+$/);
    expect(whereOf({ ...narrative, page: 21 })).toMatch(/^第21页 情况说明「/);
    expect(mustFix(narrative)).toContain('须在情况说明中改正');
    const table = findings.find((f) => f.table.startsWith('公开') && !!mustFix(f))!;
    expect(mustFix(table)).toContain('须在表中改正');
    expect(explainable(table)).toBe(false);
    const hint = findings.find((f) => f.severity === 'warning' && !mustFix(f) && f.cell);
    if (hint) expect(explainable(hint)).toBe(true);
  });
});

describe('the pane’s state', () => {
  const view = { findings, tables: [], summary: result.summary } as unknown as ResultView;
  test('a check in progress clears the last result and notice; the ribbon’s events land where they belong', () => {
    let s = paneReducer(initialState(), { type: 'result', result: view });
    s = paneReducer(s, { type: 'hostNotice', notice: { intent: 'info', text: '旧消息' } });
    s = paneReducer(s, { type: 'checking' });
    expect([s.result, s.hostNotice]).toEqual([undefined, undefined]);
    s = paneReducer(s, { type: 'event', event: { kind: 'view', view: 'scaffold' } });
    expect([s.tab, s.scaffoldFocus]).toEqual(['scaffold', 1]);
    s = paneReducer(s, { type: 'event', event: { kind: 'checked', result: view } });
    expect([s.tab, s.result]).toEqual(['check', view]);
  });

  test('picking a card starts its 出错说明 from what is on file; saving finds the same finding in the new result', () => {
    const f = { ...findings[0], explained: '已核对' };
    let s = paneReducer(initialState(), { type: 'pick', finding: f });
    expect([s.selected, s.draft, s.saved]).toEqual([f, '已核对', undefined]);
    s = paneReducer(s, { type: 'draft', text: '新说明' });
    const again = { ...findings[0], explained: '新说明' };
    s = paneReducer(s, { type: 'explained', result: { ...view, findings: [again] } as ResultView, finding: f, saved: '已保存说明' });
    expect([s.selected, s.saved]).toEqual([again, '已保存说明']);
  });

  test('a group opened stays opened; opened from 生成模板, the form is focused', () => {
    const s = paneReducer(initialState('scaffold'), { type: 'toggle', group: 'g', open: true });
    expect(s.toggled.get('g')).toBe(true);
    expect([s.tab, s.scaffoldFocus]).toEqual(['scaffold', 1]);
  });
});
