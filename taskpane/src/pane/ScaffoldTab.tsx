import * as React from 'react';
import { Button, Card, Caption1, Checkbox, Field, Input, Select, Text } from '@fluentui/react-components';
import { EDITIONS, DEFAULT_EDITION, editionChoice } from '../../../src/editions';
import { TEMPLATE_HINT } from '../../../src/core/layout';
import { defaultYear } from '../../../src/core/year';
import type { HostApi } from '../hostApi';
import { useStyles } from './styles';
import { OverwriteBar } from './controls';

/** 生成模板: the unit, the table set (with a picture of its first table), the year, and whether a 项目清单 comes too. */
export function ScaffoldTab({ host, busy, run, focus }: { host: HostApi; busy: boolean; run: (f: () => Promise<void>) => Promise<void>; focus: number }) {
  const styles = useStyles();
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
        className={styles.sample}
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
      {conflicts ? <OverwriteBar sheets={conflicts} onOverwrite={() => go(true)} onCancel={() => setConflicts(undefined)} /> : null}
      {done ? <Caption1>{done}</Caption1> : null}
    </Card>
  );
}
