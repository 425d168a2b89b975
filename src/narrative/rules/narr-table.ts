import { a1 } from '../../core/grid';
import { meets } from '../../core/interval';
import { mentionInterval, textFinding, quote, money, bindingOf, isEmptyTable } from '../model';
import { tableValue } from '../../recognize/query';
import { RecognizedTable } from '../../recognize/model';
import { mentionRule } from './mentionRule';

/** Whether a table is empty (or all zero), worked out once per table of a check. */
const emptyTables = new WeakMap<RecognizedTable, boolean>();
const isEmpty = (t: RecognizedTable) => emptyTables.get(t) ?? emptyTables.set(t, isEmptyTable(t)).get(t)!;

/** Every quoted amount that names a table figure equals it (收支总计, 本年收入合计, 各类支出, 三公 …). */
export const narrTables = mentionRule({
  id: 'narr-table',
  name: '引用金额',
  level: '强制',
  title: '情况说明中引用的金额与公开表一致（收支总计、收入支出合计、各类支出、人员/公用经费、“三公”经费等）',
  reads: (m) => m.kind === 'amount' && !m.change,
  check(m, { id, n }) {
    if (m.unit !== n.unit) return undefined;
    const b = bindingOf(m, n.edition);
    if (!b) return undefined;
    // An empty (or all-zero) table quoted with figures is one cause, narr-table-empty's.
    const t = n.tables.get(b.sel.table);
    if (t && !t.missing.length && !t.truncated && !m.value.isZero() && isEmpty(t)) return undefined;
    const tv = tableValue(n.tables, b.sel, n.edition);
    if (!tv || meets(mentionInterval(m), tv.interval)) return undefined;
    const p = m.para;
    return textFinding({
      rule: id,
      severity: 'error',
      p,
      start: m.start,
      end: m.end,
      message: `与公开表不符：${quote(p, m.start, m.end)}，${tv.name} 为 ${money(tv.value)}`,
      suggestion: `${money(tv.value).replace(/,/g, '')}${m.unit}`,
      expected: money(tv.value),
      actual: m.value.toFixed(m.decimals),
      related: tv.r >= 0 ? [{ sheet: tv.table.sheet.name, cell: a1(tv.r, tv.c) }] : [],
    });
  },
});
