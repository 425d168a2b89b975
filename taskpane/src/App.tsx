import * as React from 'react';
import { TabList, Tab, Spinner, Title3, MessageBar, MessageBarBody, Field, Caption1, ProgressBar } from '@fluentui/react-components';
import { HostApi, Notice, PaneView } from './hostApi';
import { initialState, paneReducer, Tab as PaneTab } from './pane/state';
import { CheckControls, CheckResults } from './pane/CheckTab';
import { ScaffoldTab } from './pane/ScaffoldTab';
import { DraftTab } from './pane/DraftTab';
import { ConsolidateTab } from './pane/ConsolidateTab';
import { useStyles } from './pane/styles';

/**
 * The task pane: a tab per task (审核, 生成模板, 起草情况说明, 部门汇总), the pane's messages between the
 * controls and the results. Its state is one reducer (pane/state.ts); what the list shows is
 * computed by plain functions (pane/findingList.ts); the components draw them (pane/).
 */

export type { HostApi } from './hostApi';

/** A script chunk that could not be fetched (network, a redeployed add-in): said in Chinese. */
export function userMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/dynamically imported module|Importing a module script failed|Loading chunk|Failed to fetch/i.test(m)) return '加载程序文件失败：请检查网络连接后重试。';
  return m;
}

const NOTICE_INTENT: Record<Notice['intent'], 'success' | 'warning' | 'error' | 'info'> = {
  success: 'success',
  warning: 'warning',
  error: 'error',
  info: 'info',
};

export function App({ host, initialView = 'check' }: { host: HostApi; initialView?: PaneView }) {
  const styles = useStyles();
  const [s, dispatch] = React.useReducer(paneReducer, initialView, initialState);
  const run = React.useCallback(async (what: () => Promise<void>) => {
    dispatch({ type: 'start' });
    try {
      await what();
    } catch (e) {
      dispatch({ type: 'fail', error: userMessage(e) });
    } finally {
      dispatch({ type: 'done' });
    }
  }, []);
  // What the ribbon's commands did, shown when it arrives.
  React.useEffect(() => host.subscribe?.((event) => dispatch({ type: 'event', event })), [host]);
  const tab = { host, state: s, dispatch, run };

  return (
    <main className={styles.main}>
      <Title3 as="h1">决算公开助手</Title3>
      <TabList selectedValue={s.tab} onTabSelect={(_, d) => dispatch({ type: 'tab', tab: d.value as PaneTab })} size="small">
        <Tab value="check">审核</Tab>
        {host.scaffold ? <Tab value="scaffold">生成模板</Tab> : null}
        {host.draft ? <Tab value="draft">起草情况说明</Tab> : null}
        {host.consolidate ? <Tab value="consolidate">部门汇总</Tab> : null}
      </TabList>
      {s.tab === 'check' ? <CheckControls {...tab} /> : null}
      {s.tab === 'draft' && host.draft ? <DraftTab host={host} busy={s.busy} dispatch={dispatch} run={run} /> : null}
      {s.notice ? <Caption1>{s.notice}</Caption1> : null}
      {s.busy && s.progress ? (
        <Field validationMessage={s.progress.text} validationState="none" data-testid="progress">
          <ProgressBar value={s.progress.fraction} max={1} aria-label={s.tab === 'consolidate' ? '汇总进度' : '审核进度'} />
        </Field>
      ) : s.busy ? (
        <Spinner size="tiny" label="正在处理…" />
      ) : null}
      {s.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{s.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {s.hostNotice ? (
        <MessageBar intent={NOTICE_INTENT[s.hostNotice.intent]} data-testid="notice">
          <MessageBarBody>{s.hostNotice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {s.tab === 'check' ? <CheckResults {...tab} /> : null}
      {s.tab === 'scaffold' && host.scaffold ? <ScaffoldTab host={host} busy={s.busy} run={run} focus={s.scaffoldFocus} /> : null}
      {s.tab === 'consolidate' && host.consolidate ? <ConsolidateTab host={host} busy={s.busy} dispatch={dispatch} run={run} /> : null}
    </main>
  );
}
