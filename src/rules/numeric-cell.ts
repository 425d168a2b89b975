import { Rule, finding } from './engine';
import { readAmount } from '../core/amount';
import { Finding } from '../core/findings';
import { cellAt } from '../core/grid';
import { scanOfSheet, holdsNonNumber, holdsNoNonNumber, columnMask } from '../core/textScan';
import { Item } from '../recognize/model';
import { isHeaderWords } from '../recognize/doubt';

/** Amount cells hold numbers (or are blank): text in an amount cell cannot be added up. */
export const numericCells: Rule = {
  id: 'numeric-cell',
  name: '金额格式',
  perDisclosure: true,
  level: '强制',
  title: '金额栏只能填写数字或留空',
  run(ctx) {
    const out: Finding[] = [];
    const scanOf = scanOfSheet(ctx.wb, ctx.scan);
    for (const scope of ctx.scopes)
      for (const t of scope.tables.values()) {
        // A document's table read in doubt is reported once by table-presence, not cell by cell.
        if (t.doubt) continue;
        // The workbook's scan knows which cells hold no number: only those are read here.
        const scan = scanOf(t.sheet);
        let seen: Set<number> | undefined;
        // Rows share their table's (or side's, or column group's) column map: its columns listed
        // once per map, though the rows of two sides or groups take turns.
        const known: Columns[] = [];
        let columns = NO_COLUMNS;
        for (let i = 0; i < t.items.length; i++) {
          const it = t.items[i];
          if (it.cols !== columns.map) columns = columnsOf(it.cols, known);
          // No amount cell of the row holds anything but a number or a blank.
          if (holdsNoNonNumber(scan, it.row, columns.mask)) continue;
          // A header line standing as a row (合计 基本支出 项目支出 over an empty table) holds no amount.
          if (isHeaderWords(t, it)) continue;
          for (let j = 0; j < columns.list.length; j++) {
            const c = columns.list[j];
            if (!holdsNonNumber(scan, it.row, c)) continue;
            const v = cellAt(t.sheet, it.row, c)?.value;
            if (v === undefined || v === null || (typeof v === 'number' && Number.isFinite(v))) continue;
            // A cell listed under two items (a shared position) is reported once.
            const k = it.row * 65536 + c;
            if (seen?.has(k)) continue;
            (seen ??= new Set()).add(k);
            const pos = { r: it.row, c };
            const a = readAmount(cellAt(t.sheet, pos.r, pos.c));
            if (a.kind === 'text')
              out.push({
                ...finding(this.id, 'error', t, pos, `${t.spec.code} 金额栏填写了非数值内容“${a.text.slice(0, 20)}”，无法参与合计核对`),
                actual: a.text.slice(0, 50),
              });
          }
        }
      }
    return out;
  },
};

/** A column map, its columns, and their mask as the scan's nonNumbers writes it. */
interface Columns {
  map: Item['cols'];
  list: number[];
  mask: number;
}

const NO_COLUMNS: Columns = { map: {}, list: [], mask: 0 };

/** The map's columns, listed once among those already known. */
function columnsOf(map: Item['cols'], known: Columns[]): Columns {
  for (let k = 0; k < known.length; k++) if (known[k].map === map) return known[k];
  const list = Object.values(map);
  const columns = { map, list, mask: columnMask(list) };
  known.push(columns);
  return columns;
}
