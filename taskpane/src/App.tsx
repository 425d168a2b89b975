import * as React from 'react';
import {
  Button,
  TabList,
  Tab,
  Input,
  Spinner,
  Text,
  Title3,
  Badge,
  ToggleButton,
  MessageBar,
  MessageBarBody,
  MessageBarActions,
  Field,
  Card,
  Caption1,
  Textarea,
  Checkbox,
  Select,
  MessageBarTitle,
  ProgressBar,
} from '@fluentui/react-components';
import { blocksSubmission, ruleLabel } from '../../src/check/registry';
import { EDITIONS, DEFAULT_EDITION, editionChoice } from '../../src/editions';
import { TEMPLATE_HINT } from '../../src/core/layout';
import { Finding, Severity, SEVERITY_ZH, Summary, worstSeverity, placeOf } from '../../src/core/findings';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { ResultView, ShownFinding } from '../../src/check/view';
import type { Progress } from '../../src/browserHost';

import { HostApi, Notice, PaneView } from './hostApi';
import { defaultYear } from '../../src/core/year';

/** The task pane: one button to check, a summary, findings grouped by table, filters, a search. */

export type { HostApi } from './hostApi';

/** A script chunk that could not be fetched (network, a redeployed add-in): said in Chinese. */
export function userMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/dynamically imported module|Importing a module script failed|Loading chunk|Failed to fetch/i.test(m)) return '加载程序文件失败：请检查网络连接后重试。';
  return m;
}

function Scaffold({ host, busy, run, focus }: { host: HostApi; busy: boolean; run: (f: () => Promise<void>) => Promise<void>; focus: number }) {
  const [unit, setUnit] = React.useState('');
  const [year, setYear] = React.useState(String(defaultYear()));
  const [edition, setEdition] = React.useState(DEFAULT_EDITION.id);
  const [withForms, setWithForms] = React.useState(true);
  const [conflicts, setConflicts] = React.useState<string[]>();
  const [done, setDone] = React.useState<string>();
  // What is wrong with a field is said on the field, not in the page's banner.
  const [unitError, setUnitError] = React.useState<string>();
  const [yearError, setYearError] = React.useState<string>();
  const card = React.useRef<HTMLDivElement>(null);
  const unitInput = React.useRef<HTMLInputElement>(null);
  // Opened on 生成模板 (the ribbon's button, or #scaffold): bring the form into view, cursor in 单位名称.
  React.useEffect(() => {
    if (!focus) return;
    card.current?.scrollIntoView?.({ block: 'start' });
    unitInput.current?.focus();
  }, [focus]);
  const go = (overwrite: boolean) => {
    const y = Number(year);
    const badUnit = unit.trim() ? undefined : '请填写单位名称';
    const badYear = Number.isInteger(y) && y >= 2000 && y <= 2100 ? undefined : '年度应为四位年份，如 2024';
    setUnitError(badUnit);
    setYearError(badYear);
    if (badUnit) unitInput.current?.focus();
    if (badUnit || badYear) return;
    return run(async () => {
      const r = await host.scaffold!({ unit: unit.trim(), year: y, edition, withForms }, overwrite);
      setConflicts(r.conflicts.length && !r.written.length ? r.conflicts : undefined);
      setDone(r.written.length ? `已生成：${r.written.join('、')}。${TEMPLATE_HINT}` : undefined);
    });
  };
  return (
    <Card id="scaffold" ref={card}>
      <Text weight="semibold">生成模板</Text>
      <Field label="单位名称" required validationState={unitError ? 'error' : 'none'} validationMessage={unitError}>
        <Input
          value={unit}
          onChange={(_, d) => {
            setUnit(d.value);
            setUnitError(undefined);
          }}
          ref={unitInput}
        />
      </Field>
      <Field label="表格式" hint="按本地区财政部门下发的格式选择；年度不改变表格式">
        <Select value={edition} onChange={(_, d) => setEdition(d.value)}>
          {EDITIONS.map((e) => (
            <option key={e.id} value={e.id}>
              {editionChoice(e)}
            </option>
          ))}
        </Select>
      </Field>
      {/* What the chosen set looks like: its first table, printed (taskpane/previews.mjs draws them). */}
      <img
        data-testid="edition-sample"
        src={`assets/tables-${edition}.png`}
        alt={`${editionChoice(EDITIONS.find((e) => e.id === edition) ?? DEFAULT_EDITION)}示例：第一张表`}
        style={{ width: '100%', border: '1px solid #ddd' }}
      />
      <Field label="年度" validationState={yearError ? 'error' : 'none'} validationMessage={yearError}>
        <Input
          type="number"
          value={year}
          onChange={(_, d) => {
            setYear(d.value);
            setYearError(undefined);
          }}
        />
      </Field>
      <Checkbox label="同时添加项目清单（用于生成绩效自评表）" checked={withForms} onChange={(_, d) => setWithForms(!!d.checked)} />
      <Button onClick={() => go(false)} disabled={busy}>
        {host.mode === 'excel' ? '生成模板' : '下载模板'}
      </Button>
      {conflicts ? (
        <MessageBar intent="warning">
          <MessageBarBody>工作簿中已有工作表：{conflicts.join('、')}。覆盖将删除其中的内容。</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => go(true)}>
              覆盖
            </Button>
            <Button size="small" onClick={() => setConflicts(undefined)}>
              取消
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {done ? <Caption1>{done}</Caption1> : null}
    </Card>
  );
}

/** A PDF's page with the finding's box marked: drawn on request (rendering a page takes a moment). */
function PageView({ host, page, boxes }: { host: HostApi; page: number; boxes: NonNullable<Finding['box']>[] }) {
  const [image, setImage] = React.useState<{ url: string; width: number; height: number } | null | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);
  if (image === undefined)
    return (
      <Button
        size="small"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          host.pageImage!(page)
            .then((img) => setImage(img ?? null))
            .catch(() => setImage(null))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? `正在显示第${page}页…` : `查看第${page}页`}
      </Button>
    );
  if (!image)
    return (
      <Caption1 block as="p">
        无法显示第{page}页。
      </Caption1>
    );
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;
  return (
    <div style={{ position: 'relative', border: '1px solid #ccc', marginTop: 4 }}>
      <img data-testid="page-image" src={image.url} alt={`第${page}页`} style={{ width: '100%', display: 'block' }} />
      {/* A fragment wrapped onto the next line: a mark on each of its lines. */}
      {boxes.map((box, i) => (
        <div
          key={i}
          data-testid={i ? 'page-box-more' : 'page-box'}
          aria-label="问题所在位置"
          style={{
            position: 'absolute',
            left: pct(box.x - 2, image.width),
            top: pct(box.y - 2, image.height),
            width: pct(box.w + 4, image.width),
            height: pct(box.h + 4, image.height),
            border: '2px solid #C00000',
            background: 'rgba(255, 199, 206, 0.35)',
          }}
        />
      ))}
    </div>
  );
}

type Filter = 'all' | 'blocking' | Severity;
/**
 * Groups start folded, one line each (the causes fit a screen), unless the list is this short:
 * then there is nothing to fold.
 */
const OPEN_ALL = 10;
const FILTER_ZH: Record<Filter, string> = { all: '全部', blocking: '强制', error: '错误', warning: '警告', info: '提示' };

const TILE_COLOR: Record<Severity | 'ok', string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7', ok: '#E2EFDA' };

/** One tile per part of the disclosure (each table, 情况说明, 绩效自评表, …), coloured by its worst open finding. */
function Tiles({ r, part, choose }: { r: ResultView; part?: string; choose: (p?: string) => void }) {
  // Each part's open (not yet explained) severities: the tables recognized, then any other part named.
  const parts = new Map<string, Severity[]>(r.tables.map((t) => [t, []]));
  for (const f of r.findings) {
    const name = f.table || '工作簿';
    const open = parts.get(name) ?? [];
    parts.set(name, open);
    if (f.explained === undefined) open.push(f.severity);
  }
  return (
    <div role="group" aria-label="各部分概览" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))', gap: 6 }}>
      {[...parts.entries()].map(([name, open]) => {
        const worst = worstSeverity(open);
        return (
          <ToggleButton
            key={name}
            size="small"
            data-testid="tile"
            checked={part === name}
            aria-label={`${name}：${worst ? `${open.length} 项待处理，最重为${SEVERITY_ZH[worst]}` : '无问题'}`}
            onClick={() => choose(part === name ? undefined : name)}
            style={{ background: TILE_COLOR[worst ?? 'ok'], justifyContent: 'space-between', minWidth: 0 }}
          >
            <span>{name}</span>
            <span>{open.length || '✓'}</span>
          </ToggleButton>
        );
      })}
    </div>
  );
}

/** The verdict first: 可提交 or not, and the 强制 findings counted by cause (rule). */
function Verdict({ r }: { r: ResultView }) {
  const causes = new Map<string, number>();
  for (const f of r.findings) {
    if (!blocksSubmission(f)) continue;
    const name = ruleLabel(f.rule).name;
    causes.set(name, (causes.get(name) ?? 0) + 1);
  }
  const intent = r.verdict === '可提交' ? 'success' : r.verdict === '不可提交' ? 'error' : 'warning';
  return (
    <MessageBar intent={intent} data-testid="verdict" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{r.line}</MessageBarTitle>
        {causes.size ? (
          <div>
            强制问题：
            {[...causes.entries()]
              .sort((a, b) => b[1] - a[1])
              .map(([name, n]) => `${name} ${n} 项`)
              .join('、')}
            （须改正，出错说明不能使其通过）
          </div>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
const COLORS: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

function SummaryLine({ s }: { s: Summary }) {
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
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

/** The sentence a narrative finding quotes, its fragment marked, and the figure that would be right. */
function Fragment({ f }: { f: ShownFinding }) {
  if (!f.text) return null;
  return (
    <Text as="p" block data-testid="sentence" style={{ margin: '4px 0 0' }}>
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

const NOTICE_INTENT: Record<Notice['intent'], 'success' | 'warning' | 'error' | 'info'> = {
  success: 'success',
  warning: 'warning',
  error: 'error',
  info: 'info',
};

/** One line of the findings list. */
type Row =
  | { kind: 'head'; key: string; group: string; text: string; count: number; worst: Severity; open: boolean }
  | { kind: 'requires'; key: string; text: string }
  | { kind: 'card' | 'work'; key: string; f: Finding };

/**
 * Rows up to this many are all in the page (the browser's 查找 and a screen reader see every
 * card); a longer list (a 50 MB document gives tens of thousands) is drawn a screen at a time.
 */
const ALL_ROWS = 400;

function FindingRows({ rows, render }: { rows: Row[]; render: (r: Row) => React.ReactNode }) {
  if (rows.length <= ALL_ROWS)
    return (
      <div data-testid="findings" data-rows={rows.length}>
        {rows.map((r) => (
          <div key={r.key} style={{ paddingBottom: 6 }}>
            {render(r)}
          </div>
        ))}
      </div>
    );
  return <WindowedRows rows={rows} render={render} />;
}

function WindowedRows({ rows, render }: { rows: Row[]; render: (r: Row) => React.ReactNode }) {
  const list = React.useRef<HTMLDivElement>(null);
  const [top, setTop] = React.useState(0);
  // The list starts below the verdict, tiles and filters: the window's scroll is counted from there.
  React.useLayoutEffect(() => setTop(list.current ? list.current.getBoundingClientRect().top + window.scrollY : 0), []);
  const v = useWindowVirtualizer({ count: rows.length, estimateSize: () => 96, overscan: 8, scrollMargin: top, getItemKey: (i) => rows[i].key });
  return (
    <div ref={list} data-testid="findings" data-rows={rows.length} style={{ height: v.getTotalSize(), position: 'relative' }}>
      {v.getVirtualItems().map((item) => (
        <div
          key={item.key}
          data-index={item.index}
          ref={v.measureElement}
          style={{ position: 'absolute', top: 0, left: 0, width: '100%', paddingBottom: 6, transform: `translateY(${item.start - top}px)` }}
        >
          {render(rows[item.index])}
        </div>
      ))}
    </div>
  );
}

export function App({ host, initialView = 'check' }: { host: HostApi; initialView?: PaneView }) {
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string>();
  const [result, setResult] = React.useState<ResultView>();
  const [progress, setProgress] = React.useState<Progress>();
  const [file, setFile] = React.useState<string>();
  const [filter, setFilter] = React.useState<Filter>('all');
  const [query, setQuery] = React.useState('');
  const [selected, setSelected] = React.useState<Finding>();
  const [draft, setDraft] = React.useState('');
  const [notice, setNotice] = React.useState<string>();
  const [hostNotice, setHostNotice] = React.useState<Notice>();
  const [saved, setSaved] = React.useState<string>();
  const [part, setPart] = React.useState<string>();
  // Groups the user opened or closed; the others follow OPEN_ALL.
  const [toggled, setToggled] = React.useState<Map<string, boolean>>(new Map());
  const [scaffoldFocus, setScaffoldFocus] = React.useState(initialView === 'scaffold' ? 1 : 0);
  // 审核, 生成模板 and 起草情况说明 each in a tab of its own, at the top of the pane.
  const [tab, setTab] = React.useState<'check' | 'scaffold' | 'draft'>(initialView === 'scaffold' ? 'scaffold' : 'check');

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await what();
    } catch (e) {
      setError(userMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const check = () =>
    run(async () => {
      setHostNotice(undefined);
      setResult(undefined);
      try {
        setResult(await host.check(setProgress));
      } finally {
        setProgress(undefined);
      }
    });
  const pick = (f: Finding) => {
    setSaved(undefined);
    setSelected(f);
    setDraft(f.explained ?? '');
    void host.select(f);
  };
  React.useEffect(
    () =>
      host.subscribe?.((e) => {
        if (e.kind === 'checked') {
          setResult(e.result);
          setHostNotice(undefined);
          setTab('check');
        } else if (e.kind === 'notice') setHostNotice(e.notice);
        else if (e.view === 'scaffold') {
          setTab('scaffold');
          setScaffoldFocus((n) => n + 1);
        } else setTab('check');
      }),
    [host],
  );
  const findings = (result?.findings ?? []).filter(
    (f) =>
      (!part || (f.table || '工作簿') === part) &&
      (filter === 'all' || (filter === 'blocking' ? blocksSubmission(f) : f.severity === filter)) &&
      (!query || `${f.table} ${f.sheet}!${f.cell} ${f.message}`.includes(query.trim())),
  );
  // Grouped by part of the disclosure and cause (rule): 95 indicators written without % are one group.
  const groups = new Map<string, { table: string; cause: string; list: Finding[] }>();
  for (const f of findings) {
    const table = f.table || '工作簿';
    const cause = ruleLabel(f.rule).name;
    const key = `${table}\u0000${cause}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { table, cause, list: [] }));
    g.list.push(f);
  }
  const notDisclosure = result && !result.disclosure;
  /** The place in the table's words (公开02「201 一般公共服务支出」) and its address. */
  const whereOf = (f: Finding) => {
    if (!f.sheet || !f.cell) return '';
    // A PDF's finding: its page and place (the grid it was read into is not the reader's).
    if (f.page) return placeOf(f);
    return f.where ? `${f.where} · ${f.sheet}!${f.cell}` : `${f.sheet}!${f.cell}`;
  };
  // The card is the workplace: under the chosen card, where it is, and the 出错说明 editor.
  const workplace = (f: Finding) => (
    <div data-testid="workplace" style={{ padding: '4px 8px 8px' }}>
      <Caption1 block as="p" data-testid="selected" style={{ margin: 0 }}>
        已定位：{placeOf(f)}
      </Caption1>
      {blocksSubmission(f) ? (
        <Caption1 block as="p">
          这是强制问题：须在{f.table === '情况说明' ? '情况说明' : '表'}中改正，出错说明不能使其通过。
        </Caption1>
      ) : null}
      {f.page && f.box && host.pageImage ? <PageView host={host} page={f.page} boxes={(f.boxes ?? [f.box]).filter((b) => b.page === f.page)} /> : null}
      {host.explain && f.severity !== 'info' && !blocksSubmission(f) && f.sheet && f.cell ? (
        <Field label="出错说明（无法或不应修改时，写明原因；单元格内容改动后需重新说明）">
          <Textarea
            value={draft}
            onChange={(_, d) => {
              setDraft(d.value);
              setSaved(undefined);
            }}
            aria-label="出错说明"
          />
          <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 4 }}>
            <Button
              onClick={() =>
                run(async () => {
                  const r = await host.explain!(f, draft);
                  setResult(r);
                  setSelected(r.findings.find((x) => x.rule === f.rule && x.sheet === f.sheet && x.cell === f.cell));
                  setSaved(draft.trim() ? '已保存说明' : '已删除说明');
                })
              }
              disabled={busy}
            >
              保存说明
            </Button>
            {saved ? (
              <Caption1 role="status" data-testid="saved">
                {saved}
              </Caption1>
            ) : null}
          </div>
        </Field>
      ) : null}
    </div>
  );
  // The list as rows: a group's one-line heading (its part, cause and count, coloured by its
  // worst finding); opened, what the cause requires, its cards and the workplace under the chosen
  // card. A long list is drawn a screen at a time (FindingRows).
  const rows: Row[] = [];
  for (const [key, { table, cause, list }] of groups) {
    const open = toggled.get(key) ?? findings.length <= OPEN_ALL;
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
      if (selected === f) rows.push({ kind: 'work', key: `w${key}\u0001${i}`, f });
    });
  }
  const row = (r: Row): React.ReactNode => {
    if (r.kind === 'head')
      return (
        <Button
          data-testid="group"
          appearance="subtle"
          aria-expanded={r.open}
          icon={<span aria-hidden>{r.open ? '▾' : '▸'}</span>}
          onClick={() => setToggled((m) => new Map(m).set(r.group, !r.open))}
          style={{ width: '100%', justifyContent: 'flex-start', fontWeight: 'normal', borderBottom: '1px solid #e0e0e0', borderRadius: 0 }}
        >
          <span style={{ flex: 1, textAlign: 'left' }}>{r.text}</span>
          <Badge color={COLORS[r.worst]} appearance="tint" style={{ flexShrink: 0 }}>
            {r.count}
          </Badge>
        </Button>
      );
    // What the cause requires, said once for the group.
    if (r.kind === 'requires')
      return (
        <Caption1 block as="p" data-testid="requires" style={{ margin: '2px 8px 0' }}>
          要求：{r.text}
        </Caption1>
      );
    if (r.kind === 'work') return workplace(r.f);
    const f = r.f;
    return (
      <Card
        data-testid="finding"
        appearance={selected === f ? 'filled-alternative' : 'outline'}
        onClick={() => pick(f)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            pick(f);
          }
        }}
        tabIndex={0}
        role="button"
        aria-label={`${SEVERITY_ZH[f.severity]}：${f.message}`}
      >
        <div style={{ display: 'flex', gap: 6, alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Badge color={COLORS[f.severity]} appearance="tint" style={{ flexShrink: 0 }}>
            {SEVERITY_ZH[f.severity]}
          </Badge>
          {blocksSubmission(f) ? (
            <Badge color="danger" appearance="outline" data-testid="blocking" style={{ flexShrink: 0 }}>
              强制
            </Badge>
          ) : null}
          {f.explained !== undefined ? (
            <Badge color="success" appearance="tint" style={{ flexShrink: 0 }}>
              已说明
            </Badge>
          ) : null}
          <Caption1 data-testid="where">{whereOf(f)}</Caption1>
        </div>
        <Text>{f.message}</Text>
        <Fragment f={f} />
      </Card>
    );
  };
  const fileInput = React.useRef<HTMLInputElement>(null);

  return (
    <main style={{ padding: 12, display: 'flex', flexDirection: 'column', gap: 10, fontFamily: 'inherit' }}>
      <Title3 as="h1">决算公开助手</Title3>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)} size="small">
        <Tab value="check">审核</Tab>
        {host.scaffold ? <Tab value="scaffold">生成模板</Tab> : null}
        {host.draft ? <Tab value="draft">起草情况说明</Tab> : null}
      </TabList>
      {tab === 'check' && host.mode === 'browser' ? (
        <Field label="要核对的文件（.xlsx 工作簿、PDF 或 .txt 公开文本）" hint="文件只在本机浏览器中处理，不会上传。">
          <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <Button onClick={() => fileInput.current?.click()}>选择文件…</Button>
            <Text>{file ?? '尚未选择文件'}</Text>
          </div>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,.pdf,.txt"
            aria-label="选择文件"
            style={{ position: 'absolute', width: 1, height: 1, opacity: 0, pointerEvents: 'none' }}
            tabIndex={-1}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f && host.chooseFile)
                void run(async () => {
                  setResult(undefined);
                  setFile(await host.chooseFile!(f));
                });
            }}
          />
        </Field>
      ) : null}
      {tab === 'check' ? (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Button appearance="primary" onClick={check} disabled={busy || (host.mode === 'browser' && !file)}>
            审核
          </Button>
          {host.clear ? (
            <Button
              onClick={() =>
                run(async () => {
                  setHostNotice(await host.clear!());
                  setResult(undefined);
                })
              }
              disabled={busy}
            >
              清除标记
            </Button>
          ) : null}
          {host.download && result ? (
            <Button onClick={() => run(() => host.download!())} disabled={busy}>
              下载标记后的工作簿
            </Button>
          ) : null}
          {host.download && result?.copyLacks ? (
            <Text size={200} data-testid="copy-lacks">
              {result.copyLacks}
            </Text>
          ) : null}
        </div>
      ) : null}
      {tab === 'draft' && host.draft ? (
        <>
          <Text>从本工作簿的公开表起草“情况说明”各部分（金额、占比、结构、“三公”、空表说明），写入新工作表；表中没有的内容留【请填写…】。</Text>
          <Button
            onClick={() =>
              run(async () => {
                const r = await host.draft!(false);
                setNotice(
                  r.written.length
                    ? `已起草情况说明，写入工作表“${r.written[0]}”；【请填写…】处需补充。`
                    : `工作表“${r.conflicts[0]}”已存在，请先重命名或删除后再起草。`,
                );
              })
            }
            disabled={busy}
          >
            起草情况说明
          </Button>
        </>
      ) : null}
      {notice ? <Caption1>{notice}</Caption1> : null}
      {busy && progress ? (
        <Field validationMessage={progress.text} validationState="none" data-testid="progress">
          <ProgressBar value={progress.fraction} max={1} aria-label="审核进度" />
        </Field>
      ) : busy ? (
        <Spinner size="tiny" label="正在处理…" />
      ) : null}
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {hostNotice ? (
        <MessageBar intent={NOTICE_INTENT[hostNotice.intent]} data-testid="notice">
          <MessageBarBody>{hostNotice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {tab === 'check' && !result && !busy && !error ? (
        <Text>{host.mode === 'browser' ? '请先选择文件，再点击“审核”。' : '点击“审核”核对本工作簿的全部公开表、绩效自评表和情况说明。'}</Text>
      ) : null}
      {tab === 'check' && notDisclosure ? (
        <MessageBar intent="warning">
          <MessageBarBody>未找到部门决算公开表格：请确认文件中包含“收入支出决算总表”等公开表。</MessageBarBody>
        </MessageBar>
      ) : null}
      {tab === 'check' && result && !notDisclosure ? (
        <>
          <Verdict r={result} />
          <Tiles r={result} part={part} choose={setPart} />
          <SummaryLine s={result.summary} />
          <Caption1>
            识别到 {result.tables.length} 张公开表{file ? `（${file}）` : ''}
          </Caption1>
          <div role="group" aria-label="按级别筛选" style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
            {(['all', 'blocking', 'error', 'warning', 'info'] as Filter[]).map((k) => (
              <ToggleButton key={k} size="small" checked={filter === k} onClick={() => setFilter(k)}>
                {FILTER_ZH[k]}
              </ToggleButton>
            ))}
          </div>
          <Input aria-label="搜索问题" placeholder="搜索（表名、位置或说明）" value={query} onChange={(_, d) => setQuery(d.value)} />
          {findings.length === 0 ? <Text>{result.findings.length ? '没有符合筛选条件的问题。' : '未发现问题。'}</Text> : null}
          <FindingRows rows={rows} render={row} />
        </>
      ) : null}
      {tab === 'scaffold' && host.scaffold ? <Scaffold host={host} busy={busy} run={run} focus={scaffoldFocus} /> : null}
    </main>
  );
}
