import * as React from 'react';
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Text, ToggleButton } from '@fluentui/react-components';
import type { Finding } from '../../../src/core/findings';
import type { HostApi } from '../hostApi';
import type { PaneAction, PaneState } from './state';
import { FILTERS, FILTER_ZH, visibleFindings, groupFindings, listRows } from './listModel';
import { Verdict, Tiles, SummaryLine } from './Overview';
import { FindingList } from './FindingList';
import { useStyles } from './styles';
import { FilePicker } from './controls';

type Run = (what: () => Promise<void>) => Promise<void>;

interface TabProps {
  host: HostApi;
  state: PaneState;
  dispatch: React.Dispatch<PaneAction>;
  run: Run;
}

/** 审核, above the pane's messages: the file (browser mode) and the buttons. */
export function CheckControls({ host, state: s, dispatch, run }: TabProps) {
  const styles = useStyles();
  const result = s.result;
  const check = () =>
    run(async () => {
      dispatch({ type: 'checking' });
      try {
        dispatch({ type: 'result', result: await host.check((progress) => dispatch({ type: 'progress', progress })) });
      } finally {
        dispatch({ type: 'progress' });
      }
    });
  return (
    <>
      {host.mode === 'browser' ? (
        <Field label="要核对的文件（.xlsx 工作簿、Word 文档 .docx、PDF 或 .txt 公开文本）" hint="文件只在本机浏览器中处理，不会上传。">
          <FilePicker
            button="选择文件…"
            chosen={s.file ?? '尚未选择文件'}
            label="选择文件"
            accept=".xlsx,.docx,.pdf,.txt"
            onFiles={([f]) => {
              if (f && host.chooseFile)
                void run(async () => {
                  dispatch({ type: 'result' });
                  dispatch({ type: 'file', file: await host.chooseFile!(f) });
                });
            }}
          />
        </Field>
      ) : null}
      {host.chooseNarrative ? (
        <Field
          label="情况说明另成 Word 文档时（可选）"
          hint={`与${host.mode === 'excel' ? '本工作簿' : '上面所选文件'}中的公开表一起核对；审核后可下载在问题处加了批注的副本。`}
        >
          <div>
            <FilePicker
              button="添加 Word 情况说明…"
              chosen={s.narrative ?? '未添加'}
              label="添加 Word 情况说明"
              accept=".docx"
              testId="narrative-chosen"
              onFiles={([f]) => {
                if (f) void run(async () => dispatch({ type: 'narrative', narrative: await host.chooseNarrative!(f) }));
              }}
            />
            {s.narrative ? (
              <Button
                size="small"
                appearance="subtle"
                onClick={() => run(async () => dispatch({ type: 'narrative', narrative: await host.chooseNarrative!() }))}
                disabled={s.busy}
              >
                移除
              </Button>
            ) : null}
          </div>
        </Field>
      ) : null}
      <div className={styles.wrapRow}>
        <Button appearance="primary" onClick={check} disabled={s.busy || (host.mode === 'browser' && !s.file)}>
          审核
        </Button>
        {host.clear ? (
          <Button onClick={() => run(async () => dispatch({ type: 'cleared', notice: await host.clear!() }))} disabled={s.busy}>
            清除标记
          </Button>
        ) : null}
        {host.download && result ? (
          <Button onClick={() => run(() => host.download!())} disabled={s.busy}>
            下载标记后的工作簿
          </Button>
        ) : null}
        {host.downloadWord && result && (s.narrative || /\.docx$/i.test(s.file ?? '')) ? (
          <Button onClick={() => run(() => host.downloadWord!())} disabled={s.busy}>
            {s.narrative ? '下载加批注的情况说明' : '下载加批注的 Word 文档'}
          </Button>
        ) : null}
        {host.download && result?.copyLacks ? (
          <Text size={200} data-testid="copy-lacks">
            {result.copyLacks}
          </Text>
        ) : null}
      </div>
    </>
  );
}

/** 审核, below the pane's messages: the verdict, the tiles, the filters and the findings. */
export function CheckResults({ host, state: s, dispatch, run }: TabProps) {
  const styles = useStyles();
  const pick = (f: Finding) => {
    dispatch({ type: 'pick', finding: f });
    void host.select(f);
  };
  const save = (f: Finding) =>
    run(async () => {
      const result = await host.explain!(f, s.draft);
      dispatch({ type: 'explained', result, finding: f, saved: s.draft.trim() ? '已保存说明' : '已删除说明' });
    });
  const result = s.result;
  const notDisclosure = result && !result.disclosure;
  const findings = result ? visibleFindings(result.findings, s) : [];
  const rows = listRows(groupFindings(findings), { toggled: s.toggled, selected: s.selected, total: findings.length });
  return (
    <>
      {!result && !s.busy && !s.error ? (
        <Text>{host.mode === 'browser' ? '请先选择文件，再点击“审核”。' : '点击“审核”核对本工作簿的全部公开表、绩效自评表和情况说明。'}</Text>
      ) : null}
      {notDisclosure ? (
        <MessageBar intent="warning">
          <MessageBarBody>未找到部门决算公开表格：请确认文件中包含“收入支出决算总表”等公开表。</MessageBarBody>
        </MessageBar>
      ) : null}
      {result && !notDisclosure ? (
        <>
          <Verdict r={result} />
          <Tiles r={result} part={s.part} choose={(part) => dispatch({ type: 'part', part })} />
          <SummaryLine s={result.summary} />
          <Caption1>
            识别到 {result.tables.length} 张公开表{s.file ? `（${s.file}）` : ''}
          </Caption1>
          <div role="group" aria-label="按级别筛选" className={styles.filters}>
            {FILTERS.map((k) => (
              <ToggleButton key={k} size="small" checked={s.filter === k} onClick={() => dispatch({ type: 'filter', filter: k })}>
                {FILTER_ZH[k]}
              </ToggleButton>
            ))}
          </div>
          <Input
            aria-label="搜索问题"
            placeholder="搜索（表名、位置或说明）"
            value={s.query}
            onChange={(_, d) => dispatch({ type: 'query', query: d.value })}
          />
          {findings.length === 0 ? <Text>{result.findings.length ? '没有符合筛选条件的问题。' : '未发现问题。'}</Text> : null}
          <FindingList
            rows={rows}
            host={host}
            busy={s.busy}
            selected={s.selected}
            draft={s.draft}
            saved={s.saved}
            toggle={(group, open) => dispatch({ type: 'toggle', group, open })}
            pick={pick}
            typeDraft={(text) => dispatch({ type: 'draft', text })}
            save={save}
          />
        </>
      ) : null}
    </>
  );
}
