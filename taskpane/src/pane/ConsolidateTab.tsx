import * as React from 'react';
import { Button, Card, Caption1, Field, Input, Text } from '@fluentui/react-components';
import type { HostApi } from '../hostApi';
import type { ConsolidateView } from '../../../src/browserHost';
import type { PaneAction } from './state';
import { useStyles } from './styles';
import { FilePicker, OverwriteBar } from './controls';

/**
 * 汇总: the department picks its units' files and, if it has one, its names list (who should be
 * in, each unit's parent); the 汇总 is written — new sheets of the open workbook in Excel (asked
 * before any sheet of that name is replaced), a new workbook downloaded in the browser — and what
 * it says of itself is shown: units in, with open problems, not in and why, missing, netted.
 */
export function ConsolidateTab({
  host,
  busy,
  dispatch,
  run,
}: {
  host: HostApi;
  busy: boolean;
  dispatch: React.Dispatch<PaneAction>;
  run: (what: () => Promise<void>) => Promise<void>;
}) {
  const styles = useStyles();
  const [units, setUnits] = React.useState<File[]>([]);
  const [names, setNames] = React.useState<File>();
  const [department, setDepartment] = React.useState('');
  const [view, setView] = React.useState<ConsolidateView>();
  const [conflicts, setConflicts] = React.useState<string[]>();
  const [unitsError, setUnitsError] = React.useState<string>();
  const go = (overwrite: boolean) => {
    if (!units.length) {
      setUnitsError('请选择各单位的文件');
      return;
    }
    return run(async () => {
      setView(undefined);
      try {
        const r = await host.consolidate!({ units, names, department: department.trim() || undefined }, overwrite, (progress) =>
          dispatch({ type: 'progress', progress }),
        );
        const blocked = r.conflicts.length > 0 && !r.written.length;
        setConflicts(blocked ? r.conflicts : undefined);
        setView(blocked ? undefined : r);
      } finally {
        dispatch({ type: 'progress' });
      }
    });
  };
  return (
    <Card id="consolidate">
      <Text weight="semibold">部门汇总</Text>
      <Caption1>
        选择各单位报送的文件（按同一模板填报的工作簿，也可是 Word 文档、PDF
        或文本），按科目编码汇总为部门决算，另附单位清单、明细和调整表。文件只在本机处理，不会上传。
      </Caption1>
      <Field label="各单位的文件" required validationState={unitsError ? 'error' : 'none'} validationMessage={unitsError}>
        <FilePicker
          button="选择文件…"
          chosen={units.length ? `已选择 ${units.length} 个文件` : '尚未选择'}
          label="选择各单位的文件"
          accept=".xlsx,.docx,.pdf,.txt"
          multiple
          testId="units-chosen"
          onFiles={(files) => {
            setUnits(files);
            setUnitsError(undefined);
          }}
        />
      </Field>
      <Field
        label="单位名单（可选）"
        hint="每行一个单位，上级单位写在同一行、用 Tab 隔开；或含“单位名称”“上级单位”两列的工作簿。给出上级单位时抵消上下级之间的补助和上缴。"
      >
        <FilePicker button="选择名单…" chosen={names?.name ?? '未选择'} label="选择单位名单" accept=".txt,.csv,.xlsx" onFiles={(files) => setNames(files[0])} />
      </Field>
      <Field label="部门名称（可选）" hint="不填时取名单中的上级单位">
        <Input value={department} onChange={(_, d) => setDepartment(d.value)} />
      </Field>
      <Button appearance="primary" onClick={() => go(false)} disabled={busy}>
        {host.mode === 'excel' ? '生成汇总' : '下载汇总'}
      </Button>
      {conflicts ? <OverwriteBar sheets={conflicts} onOverwrite={() => go(true)} onCancel={() => setConflicts(undefined)} /> : null}
      {view ? (
        <div data-testid="consolidated">
          {/* One line each, as the command line prints them. */}
          <ul className={styles.lines}>
            {view.lines.map((line) => (
              <li key={line}>
                <Caption1>{line}</Caption1>
              </li>
            ))}
          </ul>
          <div>
            <Text weight="semibold" data-testid="consolidated-verdict">
              汇总表核对：{view.verdict}
            </Text>
          </div>
          <div>
            <Caption1>{host.mode === 'excel' ? `已写入工作表：${view.written.join('、')}` : '已下载汇总工作簿。'}</Caption1>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
