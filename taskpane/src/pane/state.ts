import type { Finding } from '../../../src/core/findings';
import type { ResultView } from '../../../src/check/view';
import type { Progress } from '../../../src/browserHost';
import type { HostEvent, Notice, PaneView } from '../hostApi';
import type { Filter } from './listModel';

/** The pane's state in one place, changed only by the actions below (tested without React). */

export type Tab = 'check' | 'scaffold' | 'draft' | 'consolidate';

export interface PaneState {
  tab: Tab;
  busy: boolean;
  error?: string;
  progress?: Progress;
  /** Browser mode: the chosen file's name. */
  file?: string;
  /** The 情况说明 written apart in Word, checked with the tables: its name. */
  narrative?: string;
  result?: ResultView;
  filter: Filter;
  query: string;
  /** The part a tile chose (a table, 情况说明 …). */
  part?: string;
  /** Groups the user opened or closed; the others follow OPEN_ALL. */
  toggled: Map<string, boolean>;
  selected?: Finding;
  /** The 出错说明 being typed for the selected finding, and what saving it said. */
  draft: string;
  saved?: string;
  /** What 起草情况说明 did. */
  notice?: string;
  /** What the host said (清除标记, a ribbon command, a protected sheet …). */
  hostNotice?: Notice;
  /** Bumped each time 生成模板 is asked for: its form comes into view with the cursor in it. */
  scaffoldFocus: number;
}

export type PaneAction =
  | { type: 'start' }
  | { type: 'fail'; error: string }
  | { type: 'done' }
  | { type: 'checking' }
  | { type: 'progress'; progress?: Progress }
  | { type: 'result'; result?: ResultView }
  | { type: 'file'; file: string }
  | { type: 'narrative'; narrative?: string }
  | { type: 'filter'; filter: Filter }
  | { type: 'query'; query: string }
  | { type: 'part'; part?: string }
  | { type: 'toggle'; group: string; open: boolean }
  | { type: 'pick'; finding: Finding }
  | { type: 'draft'; text: string }
  | { type: 'explained'; result: ResultView; finding: Finding; saved: string }
  | { type: 'notice'; text: string }
  | { type: 'hostNotice'; notice?: Notice }
  | { type: 'cleared'; notice: Notice }
  | { type: 'event'; event: HostEvent }
  | { type: 'tab'; tab: Tab };

export function initialState(view: PaneView = 'check'): PaneState {
  return {
    tab: view === 'scaffold' ? 'scaffold' : 'check',
    busy: false,
    filter: 'all',
    query: '',
    toggled: new Map(),
    draft: '',
    scaffoldFocus: view === 'scaffold' ? 1 : 0,
  };
}

export function paneReducer(s: PaneState, a: PaneAction): PaneState {
  switch (a.type) {
    case 'start':
      return { ...s, busy: true, error: undefined };
    case 'fail':
      return { ...s, error: a.error };
    case 'done':
      return { ...s, busy: false };
    case 'checking':
      return { ...s, hostNotice: undefined, result: undefined };
    case 'progress':
      return { ...s, progress: a.progress };
    case 'result':
      return { ...s, result: a.result };
    case 'file':
      return { ...s, file: a.file };
    case 'narrative':
      // What was checked without (or with) it is not what the next check will be.
      return { ...s, narrative: a.narrative, result: undefined };
    case 'filter':
      return { ...s, filter: a.filter };
    case 'query':
      return { ...s, query: a.query };
    case 'part':
      return { ...s, part: a.part };
    case 'toggle':
      return { ...s, toggled: new Map(s.toggled).set(a.group, a.open) };
    case 'pick':
      return { ...s, saved: undefined, selected: a.finding, draft: a.finding.explained ?? '' };
    case 'draft':
      return { ...s, draft: a.text, saved: undefined };
    case 'explained':
      // The same finding in the re-checked result (now 已说明, or open again when removed).
      return {
        ...s,
        result: a.result,
        selected: a.result.findings.find((x) => x.rule === a.finding.rule && x.sheet === a.finding.sheet && x.cell === a.finding.cell),
        saved: a.saved,
      };
    case 'notice':
      return { ...s, notice: a.text };
    case 'hostNotice':
      return { ...s, hostNotice: a.notice };
    case 'cleared':
      return { ...s, hostNotice: a.notice, result: undefined };
    case 'tab':
      return { ...s, tab: a.tab };
    case 'event': {
      const e = a.event;
      if (e.kind === 'checked') return { ...s, result: e.result, hostNotice: undefined, tab: 'check' };
      if (e.kind === 'notice') return { ...s, hostNotice: e.notice };
      if (e.view === 'scaffold') return { ...s, tab: 'scaffold', scaffoldFocus: s.scaffoldFocus + 1 };
      return { ...s, tab: 'check' };
    }
  }
}
