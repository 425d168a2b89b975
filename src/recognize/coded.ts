import Decimal from 'decimal.js';
import { CodedTableSpec } from '../specs/types';
import { SheetView, TOTAL_LABELS, isNoteText } from './sheetView';
import { CodeReader, codePartColumns, codePartColumnsByData } from './codeParts';
import { headerPaths, matchColumns } from './headers';
import { Item, newItem } from './model';
import { BodyResult, BodyOk } from './body';
import { amountInterval, readMilli, Milli } from '../core/amount';
import { cellAt } from '../core/grid';

/** Read a table whose rows are 功能分类科目编码 (类/款/项) plus a 合计 row. */
export function readCoded(spec: CodedTableSpec, view: SheetView, headerTop: number, end: number): BodyResult {
  const width = view.colCount;
  const scanTo = Math.min(end, headerTop + 8);
  let codeCol = -1;
  let nameCol = -1;
  for (let r = headerTop; r <= scanTo && codeCol < 0; r++)
    for (let c = 0; c < Math.min(width, 6); c++)
      if (view.text(r, c).includes('编码')) {
        codeCol = c;
        break;
      }
  // The code split over 类 | 款 | 项 under its heading, or in one column.
  const parts = codeCol >= 0 ? codePartColumns(view, headerTop, scanTo, codeCol) : undefined;
  // A heading that names the code column but holds no code below it (功能分类 | 科目编码 spread
  // over two cells by a document's layout): the codes are where the rows show them.
  const byData = () => {
    const counts: number[] = [];
    for (let c = 0; c < Math.min(width, 4); c++) {
      const reader = new CodeReader(view, [c]);
      for (let r = headerTop; r <= end; r++) if (reader.read(r)) counts[c] = (counts[c] ?? 0) + 1;
    }
    // Two codes at least: a figure that begins with three digits is no column of codes.
    let best = 1;
    let col = -1;
    counts.forEach((n, c) => {
      if (n > best) {
        best = n;
        col = c;
      }
    });
    return col;
  };
  if (codeCol >= 0 && !parts) {
    const reader = new CodeReader(view, [codeCol]);
    let any = false;
    for (let r = headerTop; r <= end && !any; r++) any = !!reader.read(r);
    const found = any ? -1 : byData();
    if (found >= 0) codeCol = found;
  }
  if (codeCol < 0) codeCol = Math.max(0, byData());
  const codeCols = (parts && parts[0] <= codeCol + 2 ? parts : codeCol >= 0 && codePartColumnsByData(view, codeCol, headerTop, end)) || [codeCol];
  let nameWithCode = false;
  for (let r = headerTop; r <= scanTo && nameCol < 0; r++)
    for (let c = 0; c < Math.min(width, 8); c++) {
      if (!view.text(r, c).includes('名称')) continue;
      if (codeCols.includes(c)) nameWithCode = true;
      else {
        nameCol = c;
        break;
      }
    }
  // 科目名称 printed in the code's own column ("205 教育支出"): the name is read from that cell.
  if (nameCol < 0) nameCol = nameWithCode ? codeCol : codeCols[codeCols.length - 1] + 1;
  codeCol = codeCols[0];
  const probe = new CodeReader(view, codeCols);

  const isDataRow = (r: number) => !!probe.read(r) || TOTAL_LABELS.has(view.text(r, codeCol)) || TOTAL_LABELS.has(view.text(r, nameCol));
  let dataStart = -1;
  for (let r = headerTop; r <= end; r++) {
    // A stray note line above the header (PDF text order) does not end the table here.
    if (isDataRow(r)) {
      dataStart = r;
      break;
    }
  }
  if (dataStart < 0) return { error: '未找到科目编码行或“合计”行' };
  // Text can share the first data line with the header's last (a 合计 row printed on the line of
  // 合计 | 基本支出 | 项目支出): then that line's words belong to the header too.
  const wordsOnFirstRow = view.rowTexts(dataStart).some(({ c, t }) => !codeCols.includes(c) && c !== nameCol && !TOTAL_LABELS.has(t) && !/\d/.test(t));
  const paths = headerPaths(view, headerTop, wordsOnFirstRow ? dataStart : dataStart - 1, 0, width);
  const columns = matchColumns(spec.columns, paths, 0, width, new Set([...codeCols, nameCol]));
  const missing = spec.columns.filter((s) => !s.optional && columns[s.key] === undefined).map((s) => `栏目“${s.name}”`);
  if (Object.keys(columns).length === 0) return { error: '表头中找不到任何金额栏目' };

  const items: Item[] = [];
  let dataEnd = end;
  let closed = false;
  const codes = new CodeReader(view, codeCols);
  for (let r = dataStart; r <= end; r++) {
    if (isNoteText(view.firstText(r))) {
      dataEnd = r - 1;
      closed = true;
      break;
    }
    const code = codes.read(r);
    const isTotal = !code && (TOTAL_LABELS.has(view.text(r, codeCol)) || TOTAL_LABELS.has(view.text(r, nameCol)));
    if (!code && !isTotal) continue;
    if (code) items.push(newItem((nameCol !== codeCol && view.text(r, nameCol)) || code.rest || '', r, columns, { code: code.code }));
    else items.push(newItem('合计', r, columns, { isTotal: true }));
  }
  const result: BodyOk = { dataStart, dataEnd, columns, items, missing, truncated: undefined };
  if (!closed) {
    const open = openChain(view, items, spec.hierarchy[0] !== undefined ? columns[spec.hierarchy[0]] : undefined);
    if (open) result.truncated = open;
  }
  return result;
}

/**
 * A table that stops mid-way (no closing note) leaves the ancestors of its last row short of
 * their children (合计 > Σ 类, 类 > Σ 款 …) and none in excess. Returns the short ones.
 */
function openChain(view: SheetView, items: Item[], col: number | undefined): { afterRow: number; openCodes: string[] } | undefined {
  if (col === undefined || items.length === 0) return undefined;
  const last = items[items.length - 1];
  if (last.isTotal || !last.code) return undefined;
  const ancestors: Item[] = [];
  for (const it of items) {
    if (it.isTotal) ancestors.push(it);
    else if (it.code && it.code.length < last.code.length && last.code.startsWith(it.code)) ancestors.push(it);
  }
  if (ancestors.length === 0) return undefined;
  // In integer thousandths when every cell shows cents; in Decimal otherwise.
  const m: Milli = { v: 0, h: 0 };
  let inMilli = true;
  const milli: Arith<number> = {
    zero: 0,
    add: (a, b) => a + b,
    lt: (a, b) => a < b,
    value: (it) => {
      if (readMilli(cellAt(view.sheet, it.row, col), m)) return { lo: m.v - m.h, hi: m.v + m.h };
      inMilli = false;
      return undefined;
    },
  };
  const open = shortAncestors(items, ancestors, milli);
  const found = inMilli
    ? open
    : shortAncestors(
        items,
        ancestors,
        decimalArith((it) => amountInterval(view.amount(it.row, col))),
      );
  if (!found) return undefined;
  // The last row's own parent must be short: that is where the cut happened.
  const parent = ancestors[ancestors.length - 1];
  if (!found.includes(parent)) return undefined;
  return { afterRow: last.row, openCodes: found.map((a) => (a.isTotal ? '合计' : a.code!)) };
}

/** The little arithmetic openChain needs, over numbers or Decimals. */
interface Arith<T> {
  zero: T;
  add(a: T, b: T): T;
  lt(a: T, b: T): boolean;
  /** A row's interval in the column, or undefined when it does not read as a number. */
  value(it: Item): { lo: T; hi: T } | undefined;
}

function decimalArith(value: (it: Item) => { lo: Decimal; hi: Decimal } | undefined): Arith<Decimal> {
  return { zero: new Decimal(0), add: (a, b) => a.plus(b), lt: (a, b) => a.lt(b), value };
}

/** The ancestors whose children fall short of them; undefined when a value is unreadable or one is exceeded. */
function shortAncestors<T>(items: Item[], ancestors: Item[], n: Arith<T>): Item[] | undefined {
  const open: Item[] = [];
  for (const anc of ancestors) {
    const parentVal = n.value(anc);
    if (!parentVal) return undefined;
    let sumLo = n.zero;
    let sumHi = n.zero;
    for (const it of items) {
      if (it === anc || !it.code || !(anc.isTotal ? it.code.length === 3 : it.code.length === anc.code!.length + 2 && it.code.startsWith(anc.code!))) continue;
      const v = n.value(it);
      if (!v) return undefined;
      sumLo = n.add(sumLo, v.lo);
      sumHi = n.add(sumHi, v.hi);
    }
    if (n.lt(sumHi, parentVal.lo)) open.push(anc);
    else if (n.lt(parentVal.hi, sumLo)) return undefined; // an excess is an error, not a cut
  }
  return open;
}
