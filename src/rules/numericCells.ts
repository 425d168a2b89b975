import { Rule, finding, amountOf } from './engine';
import { Finding } from '../core/findings';
import { cellAt } from '../core/grid';
import { Item } from '../recognize/model';

/** Amount cells hold numbers (or are blank): text in an amount cell cannot be added up. */
export const numericCells: Rule = {
  id: 'numeric-cell',
  level: '强制',
  title: '金额栏只能填写数字或留空',
  run(ctx) {
    const out: Finding[] = [];
    for (const scope of ctx.scopes)
      for (const t of scope.tables.values()) {
        const seen = new Set<number>();
        // Rows share their table's (or side's) column map: its columns listed once per map.
        let map: Item['cols'] | undefined;
        let columns: number[] = [];
        for (let i = 0; i < t.items.length; i++) {
          const it = t.items[i];
          if (it.cols !== map) {
            map = it.cols;
            columns = Object.values(map);
          }
          for (let j = 0; j < columns.length; j++) {
            const c = columns[j];
            const v = cellAt(t.sheet, it.row, c)?.value;
            if (v === undefined || v === null || (typeof v === 'number' && Number.isFinite(v))) continue;
            // A cell listed under two items (a shared position) is reported once.
            const k = it.row * 65536 + c;
            if (seen.has(k)) continue;
            seen.add(k);
            const pos = { r: it.row, c };
            const a = amountOf({ table: t, pos, name: '' });
            if (a.kind === 'text') out.push({ ...finding(this.id, 'error', t, pos, `${t.spec.code} 金额栏填写了非数值内容“${a.text.slice(0, 20)}”，无法参与合计核对`), actual: a.text.slice(0, 50) });
          }
        }
      }
    return out;
  },
};
