import { parseA1 } from '../core/grid';
import type { Recognition } from './model';

/**
 * Where a finding is, in the words of the table: 公开02「201 一般公共服务支出」 for a cell of that
 * row (the 科目 or line the accountant looks for), rather than an address. Undefined when the cell
 * is not on a row of a recognized table (a title, the narrative): the address then stands alone.
 */
export function whereInWords(rec: Pick<Recognition, 'tables'>, f: { sheet: string; cell: string; table: string }): string | undefined {
  const at = f.cell ? parseA1(f.cell) : undefined;
  if (!at) return undefined;
  for (const t of rec.tables) {
    if (t.sheet.name !== f.sheet || at.r < t.dataStart || at.r > t.dataEnd) continue;
    const onRow = t.items.filter((i) => i.row === at.r);
    // A two-sided table has a 收入 item and a 支出 item on one row: the one whose columns hold the cell.
    const item = onRow.find((i) => Object.values(i.cols).includes(at.c)) ?? onRow[0];
    if (!item) continue;
    return `${t.spec.code}「${item.code ? `${item.code} ` : ''}${item.label}」`;
  }
  return undefined;
}
