import { EconTableSpec } from '../specs/types';
import { SheetView, isNoteText, isColumnNumberRow } from './sheetView';
import { Item, newItem } from './model';
import { headerPaths } from './headers';
import { BodyResult } from './body';
import { CodeReader, codePartColumns } from './codeParts';
import { normLabel, isAsciiDigits } from '../core/text';

const ECON_CODE = /^(\d{3}|\d{5})(\D.*)?$/;

/** A 3- or 5-digit code alone in its cell (the usual case), told without a regex: thousands of cells. */
function isBareCode(t: string): boolean {
  return (t.length === 3 || t.length === 5) && isAsciiDigits(t);
}

/** Read 公开06: groups of (经济分类科目编码, 科目名称, 决算数) side by side, and the 合计 rows. */
export function readEcon(spec: EconTableSpec, view: SheetView, headerTop: number, end: number): BodyResult {
  // The header may span several lines (经济分类 / 科目编码 over one column, 决算数 on another
  // line): read each column's header texts together, down to the first line with a 科目编码.
  let first = -1;
  for (let r = headerTop; r <= Math.min(end, headerTop + 10) && first < 0; r++)
    if (view.rowTexts(r).some(({ t }) => ECON_CODE.test(t) && /^\d{3}/.test(t))) first = r;
  if (first < 0) return { error: '表头中找不到“科目编码”与“决算数”栏' };
  const width = view.colCount;
  const paths = headerPaths(view, headerTop, first - 1, 0, width).map((p) => (p ?? []).join('|'));
  const codeCols = paths.map((p, c) => (p.includes('编码') ? c : -1)).filter((c) => c >= 0);
  const amountCols = paths.map((p, c) => (/决算数|金额/.test(p) ? c : -1)).filter((c) => c >= 0);
  if (!codeCols.length || !amountCols.length) return { error: '表头中找不到“科目编码”与“决算数”栏' };
  // A code split over 类 | 款 (two columns under one 科目编码 heading) is one group's code.
  const codeGroups: number[][] = [];
  for (const cc of codeCols) {
    const last = codeGroups[codeGroups.length - 1];
    if (last && last.length === 1 && cc === last[0] + 1 && codePartColumns(view, headerTop, first - 1, last[0])?.[0] === last[0]) last.push(cc);
    else codeGroups.push([cc]);
  }
  const groups: { code: number[]; name: number; amount: number; cols: Record<string, number> }[] = [];
  codeGroups.forEach((cc, i) => {
    const next = codeGroups[i + 1]?.[0] ?? Infinity;
    const lastCol = cc[cc.length - 1];
    const amt = amountCols.find((a) => a > lastCol && a < next);
    if (amt !== undefined) groups.push({ code: cc, name: lastCol + 1 < amt ? lastCol + 1 : lastCol, amount: amt, cols: { amount: amt } });
  });
  if (groups.length === 0) return { error: '无法确定科目编码与决算数的对应栏' };
  let dataStart = first;
  while (dataStart <= end && isColumnNumberRow(view.rowTexts(dataStart))) dataStart++;
  const totalLabels = new Map<string, string>();
  for (const t of spec.totals) for (const l of t.labels) totalLabels.set(normLabel(l), t.key);
  // A text can name a 合计 only if it holds each label's last ideograph (normalizing never adds
  // one): other texts are not normalized to find out. A label without one is always looked up.
  const lastMarks = [...totalLabels.keys()].map((l) => [...l].reverse().find((ch) => /[\u4e00-\u9fff]/.test(ch)));
  const lookAlways = lastMarks.some((m) => m === undefined);
  const marks = [...new Set(lastMarks as string[])];
  const mayName = (v: string) => {
    if (lookAlways) return true;
    for (let k = 0; k < marks.length; k++) if (v.includes(marks[k])) return true;
    return false;
  };
  const items: Item[] = [];
  const readers = groups.map((g) => new CodeReader(view, g.code));
  let dataEnd = end;
  for (let r = dataStart; r <= end; r++) {
    if (isNoteText(view.firstText(r))) {
      dataEnd = r - 1;
      break;
    }
    for (const [k, g] of groups.entries()) {
      if (g.code.length > 1) {
        const split = readers[k].read(r);
        if (split) items.push(newItem(view.text(r, g.name), r, g.cols, { code: split.code }));
        continue;
      }
      const t = view.text(r, g.code[0]);
      // A code alone in its cell (the usual case) needs no match object.
      const m = isBareCode(t) ? undefined : ECON_CODE.exec(t);
      if (m === null) continue;
      const code = m ? m[1] : t;
      const rest = m ? (m[2] ?? '').trim() : '';
      items.push(newItem((g.name !== g.code[0] ? view.text(r, g.name) : '') || rest, r, g.cols, { code }));
    }
    // 合计 labels are texts (an amount never is one): the row's numbers are not written out to look.
    const width = view.textWidth(r);
    for (let c = 0; c < width; c++) {
      const v = view.cell(r, c)?.value;
      if (typeof v !== 'string' || !mayName(v)) continue;
      const label = normLabel(v);
      const key = totalLabels.get(label);
      if (!key) continue;
      let next: number | undefined;
      for (let x = c + 1; x < width && next === undefined; x++) if (view.text(r, x)) next = x;
      const col = totalAmountCol(view, r, c, next, amountCols);
      if (col !== undefined) items.push(newItem(label, r, { amount: col }, { key }));
    }
  }
  const missing = spec.totals.filter((t) => !items.some((it) => it.key === t.key)).map((t) => `“${t.name}”行`);
  return { dataStart, dataEnd, columns: { amount: groups[0].amount }, items, missing };
}

/** The amount of a 合计 label: the first number to its right, else the first 决算数 column to its right. */
function totalAmountCol(view: SheetView, r: number, c: number, nextTextCol: number | undefined, amountCols: number[]): number | undefined {
  const limit = view.colCount;
  for (let x = c + 1; x < limit; x++) {
    const kind = view.amountKind(r, x);
    if (kind === 'num') return x;
    if (kind === 'text') break;
  }
  return amountCols.find((a) => a > c && (nextTextCol === undefined || a < nextTextCol || view.amountKind(r, nextTextCol) !== 'text'));
}
