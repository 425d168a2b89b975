import { cellAt } from '../core/grid';
import { readMilli } from '../core/amount';
import { RecognizedTable, RowShift } from './model';

/**
 * Amounts written one row off their 科目 (a block pasted a line too low or too high, a PDF whose
 * figures slid against their names): every 类 and 款 of the block then disagrees with its parts,
 * dozens of errors for one cause. Told here by trying the block's amounts one row up or down: when
 * that makes every 合计/类/款 add up where many did not, the table has one finding (row-shift) and
 * no arithmetic is done on it.
 */

export type { RowShift } from './model';

/**
 * Sums that do not hold: parent against its children, values in integer thousandths (amounts are
 * printed to the cent: each may be off by half a cent), read once per table.
 */
function broken(vals: (number | null)[], relations: [number, number[]][], enough = Infinity): number {
  let n = 0;
  for (const [p, cs] of relations) {
    const pv = vals[p];
    if (pv === null) continue;
    let sum = 0;
    let known = true;
    for (const c of cs) {
      const v = vals[c];
      if (v === null) known = false;
      else sum += v;
    }
    if (known && Math.abs(sum - pv) > 5 * (cs.length + 1) && ++n >= enough) return n;
  }
  return n;
}

const MILLI = { v: 0, h: 0 };

export function rowShift(t: RecognizedTable): RowShift | undefined {
  if (t.spec.kind !== 'coded') return undefined;
  const rows = t.items.filter((i) => i.code || i.isTotal);
  if (rows.length < 6) return undefined;
  // Each row's parent: the nearest row above whose code is its code cut by two digits (合计 for a 类).
  const index = new Map<string, number>();
  const children = new Map<number, number[]>();
  rows.forEach((it, k) => {
    const code = it.code;
    if (!code) {
      index.set('合计', k);
      return;
    }
    const parent = code.length === 3 ? index.get('合计') : index.get(code.slice(0, code.length - 2));
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), k]);
    if (!index.has(code)) index.set(code, k);
  });
  const relations = [...children.entries()];
  if (relations.length < 3) return undefined;
  for (const col of t.spec.hierarchy) {
    const vals: (number | null)[] = [];
    let readable = true;
    for (const it of rows) {
      const c = it.cols[col];
      if (c !== undefined && !readMilli(cellAt(t.sheet, it.row, c), MILLI)) readable = false;
      vals.push(c === undefined ? 0 : MILLI.v);
    }
    // A table that adds up (nearly all) is passed at the third broken sum it does not find.
    if (!readable || broken(vals, relations, 3) < 3) continue;
    for (let a = 0; a < rows.length - 2; a++)
      for (const by of [1, -1] as const) {
        // The block from row a on, each amount taken from the row it slid to.
        const moved = vals.map((v, i) => (i < a ? v : (vals[i + by] ?? null)));
        const holder = rows[a + by];
        if (holder && broken(moved, relations, 1) === 0)
          return {
            top: Math.min(rows[a].row, holder.row),
            bottom: rows[rows.length - 1].row,
            by,
            holder: holder.code ?? '合计',
            owner: rows[a].code ?? '合计',
          };
      }
  }
  return undefined;
}
