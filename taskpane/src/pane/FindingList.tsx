import * as React from 'react';
import { Badge, Button, Caption1, Card, Field, Text, Textarea } from '@fluentui/react-components';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { Finding, Severity, SEVERITY_ZH, placeOf } from '../../../src/core/findings';
import { blocksSubmission } from '../../../src/check/registry';
import type { ShownFinding } from '../../../src/check/view';
import type { HostApi } from '../hostApi';
import { Row, whereOf, mustFix, explainable } from './listModel';
import { PageView } from './PageView';
import { useStyles } from './styles';

export const COLORS: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

/**
 * Rows up to this many are all in the page (the browser's 查找 and a screen reader see every
 * card); a longer list (a 50 MB document gives tens of thousands) is drawn a screen at a time.
 */
const ALL_ROWS = 400;

export interface ListProps {
  rows: Row[];
  host: HostApi;
  busy: boolean;
  selected?: Finding;
  draft: string;
  saved?: string;
  toggle(group: string, open: boolean): void;
  pick(f: Finding): void;
  typeDraft(text: string): void;
  save(f: Finding): void;
}

/** The findings list: group headings, what each cause requires, cards, the workplace under the chosen one. */
export function FindingList(p: ListProps) {
  const styles = useStyles();
  const render = (r: Row) => <RowView {...p} r={r} />;
  if (p.rows.length <= ALL_ROWS)
    return (
      <div data-testid="findings" data-rows={p.rows.length}>
        {p.rows.map((r) => (
          <div key={r.key} className={styles.listRow}>
            {render(r)}
          </div>
        ))}
      </div>
    );
  return <WindowedRows rows={p.rows} render={render} />;
}

function WindowedRows({ rows, render }: { rows: Row[]; render: (r: Row) => React.ReactNode }) {
  const styles = useStyles();
  const list = React.useRef<HTMLDivElement>(null);
  const [top, setTop] = React.useState(0);
  // The list starts below the verdict, tiles and filters: the window's scroll is counted from there.
  React.useLayoutEffect(() => setTop(list.current ? list.current.getBoundingClientRect().top + window.scrollY : 0), []);
  const v = useWindowVirtualizer({ count: rows.length, estimateSize: () => 96, overscan: 8, scrollMargin: top, getItemKey: (i) => rows[i].key });
  return (
    <div ref={list} data-testid="findings" data-rows={rows.length} className={styles.windowed} style={{ height: v.getTotalSize() }}>
      {v.getVirtualItems().map((item) => (
        <div
          key={item.key}
          data-index={item.index}
          ref={v.measureElement}
          className={styles.windowRow}
          style={{ transform: `translateY(${item.start - top}px)` }}
        >
          {render(rows[item.index])}
        </div>
      ))}
    </div>
  );
}

function RowView(p: ListProps & { r: Row }) {
  const styles = useStyles();
  const { r } = p;
  if (r.kind === 'head')
    return (
      <Button
        data-testid="group"
        appearance="subtle"
        aria-expanded={r.open}
        icon={<span aria-hidden>{r.open ? '▾' : '▸'}</span>}
        onClick={() => p.toggle(r.group, !r.open)}
        className={styles.groupHead}
      >
        <span className={styles.groupText}>{r.text}</span>
        <Badge color={COLORS[r.worst]} appearance="tint" className={styles.noShrink}>
          {r.count}
        </Badge>
      </Button>
    );
  // What the cause requires, said once for the group.
  if (r.kind === 'requires')
    return (
      <Caption1 block as="p" data-testid="requires" className={styles.requires}>
        要求：{r.text}
      </Caption1>
    );
  if (r.kind === 'work') return <Workplace {...p} f={r.f} />;
  const f = r.f;
  return (
    <Card
      data-testid="finding"
      appearance={p.selected === f ? 'filled-alternative' : 'outline'}
      onClick={() => p.pick(f)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          p.pick(f);
        }
      }}
      tabIndex={0}
      role="button"
      aria-label={`${SEVERITY_ZH[f.severity]}：${f.message}`}
    >
      <div className={styles.cardTop}>
        <Badge color={COLORS[f.severity]} appearance="tint" className={styles.noShrink}>
          {SEVERITY_ZH[f.severity]}
        </Badge>
        {blocksSubmission(f) ? (
          <Badge color="danger" appearance="outline" data-testid="blocking" className={styles.noShrink}>
            强制
          </Badge>
        ) : null}
        {f.explained !== undefined ? (
          <Badge color="success" appearance="tint" className={styles.noShrink}>
            已说明
          </Badge>
        ) : null}
        <Caption1 data-testid="where">{whereOf(f)}</Caption1>
      </div>
      <Text>{f.message}</Text>
      <Fragment f={f} />
    </Card>
  );
}

/** The sentence a narrative finding quotes, its fragment marked, and the figure that would be right. */
function Fragment({ f }: { f: ShownFinding }) {
  const styles = useStyles();
  if (!f.text) return null;
  return (
    <Text as="p" block data-testid="sentence" className={styles.sentence}>
      原文：{f.sentence?.before}
      <mark data-testid="fragment">{f.text.fragment}</mark>
      {f.sentence?.after}
      {f.text.suggestion ? (
        <>
          {' '}
          → 应为 <strong>{f.text.suggestion}</strong>
        </>
      ) : null}
    </Text>
  );
}

/** The card is the workplace: under the chosen card, where it is, and the 出错说明 editor. */
function Workplace(p: ListProps & { f: Finding }) {
  const styles = useStyles();
  const { f, host } = p;
  const must = mustFix(f);
  return (
    <div data-testid="workplace" className={styles.workplace}>
      <Caption1 block as="p" data-testid="selected" className={styles.flush}>
        已定位：{placeOf(f)}
      </Caption1>
      {must ? (
        <Caption1 block as="p">
          {must}
        </Caption1>
      ) : null}
      {f.page && f.box && host.pageImage ? <PageView host={host} page={f.page} boxes={(f.boxes ?? [f.box]).filter((b) => b.page === f.page)} /> : null}
      {host.explain && explainable(f) ? (
        <Field label="出错说明（无法或不应修改时，写明原因；单元格内容改动后需重新说明）">
          <Textarea value={p.draft} onChange={(_, d) => p.typeDraft(d.value)} aria-label="出错说明" />
          <div className={styles.saveRow}>
            <Button onClick={() => p.save(f)} disabled={p.busy}>
              保存说明
            </Button>
            {p.saved ? (
              <Caption1 role="status" data-testid="saved">
                {p.saved}
              </Caption1>
            ) : null}
          </div>
        </Field>
      ) : null}
    </div>
  );
}
