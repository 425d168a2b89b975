import { Badge, MessageBar, MessageBarBody, MessageBarTitle, ToggleButton } from '@fluentui/react-components';
import { Severity, SEVERITY_ZH, Summary } from '../../../src/core/findings';
import type { ResultView } from '../../../src/check/view';
import { partsOf, blockingCauses } from './listModel';
import { useStyles } from './styles';

const TILE_COLOR: Record<Severity | 'ok', string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7', ok: '#E2EFDA' };

/** The verdict first: 可提交 or not, and the 强制 findings counted by cause (rule). */
export function Verdict({ r }: { r: ResultView }) {
  const causes = blockingCauses(r.findings);
  const intent = r.verdict === '可提交' ? 'success' : r.verdict === '不可提交' ? 'error' : 'warning';
  return (
    <MessageBar intent={intent} data-testid="verdict" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{r.line}</MessageBarTitle>
        {causes.length ? (
          <div>
            强制问题：
            {causes.map(([name, n]) => `${name} ${n} 项`).join('、')}
            （须改正，出错说明不能使其通过）
          </div>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

/** One tile per part of the disclosure (each table, 情况说明, 绩效自评表, …), coloured by its worst open finding. */
export function Tiles({ r, part, choose }: { r: ResultView; part?: string; choose: (p?: string) => void }) {
  const styles = useStyles();
  return (
    <div role="group" aria-label="各部分概览" className={styles.tiles}>
      {partsOf(r).map(({ name, open, worst }) => (
        <ToggleButton
          key={name}
          size="small"
          data-testid="tile"
          checked={part === name}
          aria-label={`${name}：${worst ? `${open.length} 项待处理，最重为${SEVERITY_ZH[worst]}` : '无问题'}`}
          onClick={() => choose(part === name ? undefined : name)}
          className={styles.tile}
          // The tile's colour is its worst finding's.
          style={{ background: TILE_COLOR[worst ?? 'ok'] }}
        >
          <span>{name}</span>
          <span>{open.length || '✓'}</span>
        </ToggleButton>
      ))}
    </div>
  );
}

export function SummaryLine({ s }: { s: Summary }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={styles.wrapRow}>
      <Badge color="danger" appearance="filled">
        错误 {s.error} 项
      </Badge>
      <Badge color="warning" appearance="filled">
        警告 {s.warning} 项
      </Badge>
      <Badge color="informative" appearance="tint">
        提示 {s.info} 项
      </Badge>
    </div>
  );
}
