import { cellText, cellAt } from '../core/grid';
import { readMilli } from '../core/amount';
import { RecognizedTable, Item, ReadingDoubt } from './model';

/**
 * Doubt in reading a table from a document's text (a PDF through pdftotext): narrow columns run
 * together ("2.85 0.39 0.00 0.00" in one cell), figures glued to a 科目 name ("住房保障支出29.42")
 * or standing where the name should be. Once that happens the figures of the rows around it may
 * sit in the wrong columns, so the whole body of the table is in doubt: no arithmetic is done on
 * it and one warning says which rows could not be read. A workbook's cells are what the unit
 * typed, never in doubt: text in its amount cells is the unit's to correct.
 */

export type { ReadingDoubt } from './model';

/** Two or more figures in one cell: columns run together. */
const RUN_TOGETHER = /^-?[\d,]*\.?\d+(?:\s+-?[\d,]*\.?\d+)+$/;
/** A name ending in a figure glued to it, or a name that is only figures. */
const GLUED_NAME = /[\u4e00-\u9fff）)]\s*-?\d[\d,.]*\.\d+$|^-?\d[\d,.]*\.\d+$/;

/** The words tables name their amount columns with. */
const COLUMN_WORDS =
  /^(合计|小计|总计|本年|上年|年初|年末|基本支出|项目支出|支出|收入|结转|结余|预算数?|决算数?|金额|上缴上级支出|经营支出|对附属单位补助支出|财政拨款|[\u4e00-\u9fff]{0,8}(支出|收入|结余|经费|费|合计|小计|总计))$/;

/**
 * A header line standing where a row's amounts go (合计 基本支出 项目支出 over an empty table, as
 * a document or a workbook copied from one lays it out): column names only, no figure. Not text
 * typed in amount cells, so not the unit's to correct.
 */
export function isHeaderWords(t: RecognizedTable, it: Item): boolean {
  let words = 0;
  for (const k in it.cols) {
    const s = cellText(t.sheet.rows[it.row]?.[it.cols[k]]).trim();
    if (!s) continue;
    if (!COLUMN_WORDS.test(s.replace(/\s+/g, ''))) return false;
    words++;
  }
  return words > 1;
}

/** The words of a header that never stand in an amount cell of a row: a heading read as a row's figure. */
const HEADING_WORDS = /^(类|款|项|栏次|行次|项目|科目名称|科目编码|功能分类科目编码|经济分类科目编码|金额|决算数|预算数|小计|合计)$/;

/**
 * Where reading a table went wrong, or undefined when nothing is in doubt. In any host: a heading
 * standing in a row's amount cell, codes read twice over (a split code read as its 类 alone), a
 * 合计 that is an exact multiple of its parts (each row read as its 类). In a document's text
 * also: columns run together, figures glued to names, a total read blank beside its parts.
 */
export function readingDoubt(t: RecognizedTable): ReadingDoubt | undefined {
  let doubt: ReadingDoubt | undefined;
  const note = (r: number, sample: string, why: string) => {
    if (!doubt) doubt = { top: r, bottom: r, sample, why };
    else {
      doubt.top = Math.min(doubt.top, r);
      doubt.bottom = Math.max(doubt.bottom, r);
    }
  };
  structuralDoubt(t, note);
  if (t.sheet.origin !== 'text') return doubt;
  for (const it of t.items) {
    const row = t.sheet.rows[it.row] ?? [];
    for (const k in it.cols) {
      const s = cellText(row[it.cols[k]]).trim();
      if (RUN_TOGETHER.test(s)) note(it.row, s, '多栏数字并在一格');
    }
    const label = it.label.replace(/\s+/g, '');
    if (it.code && GLUED_NAME.test(label)) note(it.row, it.label, '数字与科目名称粘连');
    // A row's total read as blank or 0 while its parts hold figures: its figures slid left or right.
    for (const rs of 'rowSums' in t.spec ? (t.spec.rowSums ?? []) : []) {
      const at = it.cols[rs.total];
      if (at === undefined) continue;
      const total = cellText(row[at]).trim();
      if (total && Number(total.replace(/,/g, '')) !== 0) continue;
      const part = rs.plus.map((k) => it.cols[k]).find((c) => c !== undefined && Number(cellText(row[c]).replace(/,/g, '')) > 0);
      if (part !== undefined) note(it.row, `${it.label || it.code || ''}`, '合计栏为空或为 0 而分项有数，数字可能错栏');
    }
  }
  return doubt;
}

/** The doubts any host's table can show: headings as figures, codes twice over, a 合计 a multiple of its 类. */
function structuralDoubt(t: RecognizedTable, note: (r: number, sample: string, why: string) => void): void {
  for (const it of t.items) {
    if (isHeaderWords(t, it)) continue;
    const row = t.sheet.rows[it.row] ?? [];
    for (const k in it.cols) {
      const s = cellText(row[it.cols[k]]).replace(/\s+/g, '');
      if (HEADING_WORDS.test(s)) note(it.row, s, '表头文字出现在金额栏');
    }
  }
  if (t.spec.kind !== 'coded') return;
  const seen = new Map<string, Item[]>();
  for (const it of t.items) if (it.code) seen.set(it.code, [...(seen.get(it.code) ?? []), it]);
  const twice = [...seen.values()].filter((l) => l.length > 1);
  if (twice.reduce((n, l) => n + l.length - 1, 0) >= 2)
    for (const l of twice) for (const it of l) note(it.row, `${it.code} 出现 ${l.length} 次`, '科目编码重复，疑为类、款、项分栏的编码未能读出');
  // A 合计 that is two or more times the sum of its 类 (rows read as 类 over and over).
  const total = t.items.find((it) => it.isTotal);
  const col = t.spec.hierarchy.map((h) => total?.cols[h]).find((c) => c !== undefined);
  if (!total || col === undefined) return;
  const m = { v: 0, h: 0 };
  if (!readMilli(cellAt(t.sheet, total.row, col), m)) return;
  const tv = m.v;
  let sum = 0;
  let n = 0;
  for (const it of t.items)
    if (it.code?.length === 3) {
      if (!readMilli(cellAt(t.sheet, it.row, col), m)) return;
      sum += m.v;
      n++;
    }
  if (sum <= 0 || n < 2) return;
  const k = Math.round(sum / tv);
  if (k >= 2 && Math.abs(sum - k * tv) <= 5 * (n + 1) * k) note(total.row, `各类之和为合计的 ${k} 倍`, '合计与各类之和成整数倍，疑为各行重复读入');
}

/**
 * A table most of whose own relations fail at once (a third or more, four at least) has been read
 * with its figures in the wrong columns or rows, in a document, or typed so in a workbook: one
 * doubt, no arithmetic. A single wrong figure breaks three relations at most (its row, its parent's
 * sum, its own children's), so it never reaches this. Relations: a coded table's 合计/类/款/项 by
 * code and its rows' sums; a one-row table's (三公) sums.
 */
export function relationDoubt(t: RecognizedTable): ReadingDoubt | undefined {
  const m = { v: 0, h: 0 };
  const val = (it: Item, key: string): { v: number; h: number } | undefined => {
    const c = it.cols[key];
    if (c === undefined) return undefined;
    if (!readMilli(cellAt(t.sheet, it.row, c), m)) return undefined;
    return { v: m.v, h: m.h };
  };
  let evaluated = 0;
  const failing: number[] = [];
  const relation = (row: number, left: { v: number; h: number } | undefined, parts: ({ v: number; h: number } | undefined)[]) => {
    if (!left || parts.some((p) => !p)) return;
    evaluated++;
    const sum = parts.reduce((a, p) => a + p!.v, 0);
    const slack = parts.reduce((a, p) => a + p!.h, left.h);
    if (Math.abs(sum - left.v) > slack) failing.push(row);
  };
  for (const rs of t.spec.rowSums ?? [])
    for (const it of t.items) {
      if (rs.side && it.side !== rs.side) continue;
      const total = val(it, rs.total);
      const plus = rs.plus.map((k) => val(it, k));
      const minus = (rs.minus ?? []).map((k) => val(it, k));
      if (!total || plus.some((p) => !p) || minus.some((p) => !p)) continue;
      relation(it.row, { v: total.v + minus.reduce((a, p) => a + p!.v, 0), h: total.h + minus.reduce((a, p) => a + p!.h, 0) }, plus);
    }
  if (t.spec.kind === 'coded' && !t.truncated) {
    // Each row's children by code (合计's are the 类), found once for every column.
    const byCode = new Map<string, Item>();
    for (const it of t.items) if (it.code && !byCode.has(it.code)) byCode.set(it.code, it);
    const total = t.items.find((it) => it.isTotal);
    const kids = new Map<Item, Item[]>();
    for (const it of t.items) {
      if (!it.code) continue;
      const parent = it.code.length === 3 ? total : byCode.get(it.code.slice(0, it.code.length - 2));
      if (parent) kids.set(parent, [...(kids.get(parent) ?? []), it]);
    }
    for (const key of t.spec.hierarchy)
      for (const [parent, list] of kids)
        relation(
          parent.row,
          val(parent, key),
          list.map((it) => val(it, key)),
        );
  }
  if (failing.length < 4 || failing.length * 3 < evaluated) return undefined;
  const top = Math.min(...failing);
  const bottom = Math.max(...failing);
  return { top, bottom, sample: '', why: `${evaluated} 项合计关系中 ${failing.length} 项同时不成立，疑为金额错栏或错行` };
}
