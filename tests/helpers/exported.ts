import { Workbook, Sheet, Cell } from '../../src/core/grid';
import { recognize } from '../../src/recognize';
import { TABLES_2023 } from '../../src/editions/national2023/tables';

/**
 * Re-lay an imported workbook the way other software exports it: a spacer column on the left,
 * the title merged across the table, an extra group-header row, blank spacer rows between
 * header and body, amount columns in reverse order, and numbering prefixes on code-table labels.
 */
export function asExported(wb: Workbook): Workbook {
  const rec = recognize(wb, TABLES_2023);
  const sheets: Sheet[] = wb.sheets.map((s) => {
    const t = rec.tables.find((x) => x.sheet === s);
    if (!t) return s;
    const width = Math.max(...s.rows.map((r) => r.length));
    // Column permutation: reverse the amount columns of coded tables, keep others.
    const amountCols = Object.values(t.columns).sort((a, b) => a - b);
    const perm = new Map<number, number>();
    if (t.spec.kind === 'coded') amountCols.forEach((c, i) => perm.set(c, amountCols[amountCols.length - 1 - i]));
    const mapCol = (c: number) => 1 + (perm.get(c) ?? c); // +1: spacer column
    const rows: (Cell | undefined)[][] = [];
    const push = (r: (Cell | undefined)[]) => rows.push(r);
    s.rows.forEach((row, r) => {
      if (r === t.headerTop && t.spec.kind === 'coded') {
        const extra: (Cell | undefined)[] = [];
        extra[mapCol(amountCols[0])] = { value: '本年决算数' };
        push(extra);
      }
      const out: (Cell | undefined)[] = [];
      (row ?? []).forEach((cell, c) => {
        if (!cell) return;
        let v = cell.value;
        if (t.spec.kind === 'coded' && r >= t.dataStart && typeof v === 'string' && c === 1 && v) v = `（${String(r - t.dataStart + 1)}）${v}`;
        out[r === t.titleAt.r ? 1 : mapCol(c)] = { ...cell, value: v };
      });
      push(out);
      if (r === t.dataStart - 1) push([]);
    });
    const titleRow = 0;
    return { ...s, rows, merges: [{ top: titleRow, left: 1, bottom: titleRow, right: width }] };
  });
  return { ...wb, sheets };
}
