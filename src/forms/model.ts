import Decimal from 'decimal.js';
import { Workbook, Sheet, cellText } from '../core/grid';
import { scanTexts, TextScan } from '../core/textScan';
import { readAmount } from '../core/amount';
import { normLabel } from '../core/text';
import { formDoubt } from './doubt';

/**
 * 项目支出绩效自评表, recognized in any layout: one form per sheet or many stacked in one, rows
 * shifted by PDF extraction, 一级/二级 left blank when repeated, weight and sign in one cell,
 * 自评总分 in the first or the last column. Rows are read by meaning (a weight, then the target,
 * the actual, the status, the score), not by column position.
 */

export type { FormCell, Money, Goal, Indicator, Form } from './types';
import type { FormCell, Money, Indicator, Form } from './types';

export const SIGNS = ['=', '≥', '≤', '>', '<'];
const SIGN_NORM: Record<string, string> = { '＝': '=', '≧': '≥', '>=': '≥', '≦': '≤', '<=': '≤', '＞': '>', '＜': '<' };
const WEIGHT = /^(\d{1,3}(?:\.\d+)?)\s*(=|≥|≤|>|<|＝|≧|≦|＞|＜|>=|<=|文字描述)?$/;
const STATUS = /^(完成|已完成|基本完成|部分完成|未完成)$/;

export function normSign(s: string): string {
  const t = s.trim();
  return SIGN_NORM[t] ?? t;
}

interface RowCell {
  c: number;
  text: string;
}

function rowCells(sheet: Sheet, r: number): RowCell[] {
  const out: RowCell[] = [];
  const row = sheet.rows[r] ?? [];
  for (let c = 0; c < row.length; c++) {
    const t = cellText(row[c]).trim();
    if (t) out.push({ c, text: t });
  }
  return out;
}

function fc(sheet: Sheet, r: number, x: RowCell): FormCell {
  const a = readAmount(sheet.rows[r]?.[x.c]);
  return a.kind === 'num'
    ? { sheet: sheet.name, r, c: x.c, text: x.text, value: a.value, decimals: a.decimals }
    : { sheet: sheet.name, r, c: x.c, text: x.text };
}

const isNum = (sheet: Sheet, r: number, x: RowCell) => readAmount(sheet.rows[r]?.[x.c]).kind === 'num';
const norm = (t: string) => normLabel(t).replace(/[:：]/g, ':');

/** The first number after a label cell in a row. */
function numberAfter(sheet: Sheet, r: number, cells: RowCell[], i: number): FormCell | undefined {
  for (let k = i + 1; k < cells.length; k++) {
    if (isNum(sheet, r, cells[k])) return fc(sheet, r, cells[k]);
    if (!/^\s*$/.test(cells[k].text)) return undefined;
  }
  return undefined;
}

function readIndicator(sheet: Sheet, r: number, cells: RowCell[], carry: { l1: string; l2: string }, header: Record<string, number>): Indicator | undefined {
  // The weight: the first figure of the row (names before it are words; a row may have none).
  let w = -1;
  for (let i = 0; i < cells.length; i++) {
    if (WEIGHT.test(cells[i].text)) {
      w = i;
      break;
    }
    if (isNum(sheet, r, cells[i])) return undefined;
  }
  if (w < 0 || (w === 0 && cells.length < 3)) return undefined;
  const names = cells.slice(0, w).map((x) => x.text);
  let level1 = carry.l1;
  let level2 = carry.l2;
  let name = '';
  let desc = '';
  const nameCells = cells.slice(0, w);
  const byHeader = nameCells.length > 0 && nameCells.every((x) => Object.values(header).includes(x.c));
  if (byHeader) {
    // The names stand under their headers: read them by column (blank 一级/二级 carry down).
    const at = (k: string) => nameCells.find((x) => x.c === header[k])?.text;
    level1 = at('一级指标') ?? level1;
    level2 = at('二级指标') ?? (at('一级指标') ? '' : level2);
    name = at('三级指标') ?? '';
    desc = at('指标说明') ?? '';
  } else if (names.length >= 4) [level1, level2, name, desc] = names.slice(-4);
  else if (names.length === 3) [level2, name, desc] = names;
  else if (names.length === 2) [name, desc] = names;
  else if (names.length === 1) name = names[0];
  carry.l1 = level1;
  carry.l2 = level2;
  const wm = WEIGHT.exec(cells[w].text)!;
  const weightCell = fc(sheet, r, cells[w]);
  if (wm[2]) {
    weightCell.value = new Decimal(wm[1]);
    weightCell.decimals = (wm[1].split('.')[1] ?? '').length;
  }
  const ind: Indicator = { row: r, level1, level2, name, desc, weight: weightCell };
  let rest = cells.slice(w + 1);
  if (rest.length && isNum(sheet, r, rest[rest.length - 1])) {
    ind.score = fc(sheet, r, rest[rest.length - 1]);
    rest = rest.slice(0, -1);
  }
  if (rest.length && STATUS.test(rest[rest.length - 1].text)) {
    ind.status = fc(sheet, r, rest[rest.length - 1]);
    rest = rest.slice(0, -1);
  }
  if (wm[2]) {
    ind.sign = wm[2] === '文字描述' ? '文字描述' : normSign(wm[2]);
    ind.signCell = weightCell;
  } else if (rest.length && (SIGNS.includes(normSign(rest[0].text)) || rest[0].text === '文字描述')) {
    ind.sign = normSign(rest[0].text);
    ind.signCell = fc(sheet, r, rest[0]);
    rest = rest.slice(1);
  }
  if (rest.length) ind.target = fc(sheet, r, rest[0]);
  if (ind.sign && ind.sign !== '文字描述') {
    if (rest.length >= 3) {
      ind.unit = rest[1].text;
      ind.actual = fc(sheet, r, rest[rest.length - 1]);
    } else if (rest.length === 2) {
      if (!/\d/.test(rest[1].text) && rest[1].text.length <= 6) ind.unit = rest[1].text;
      else ind.actual = fc(sheet, r, rest[1]);
    }
  } else if (rest.length >= 2) ind.actual = fc(sheet, r, rest[rest.length - 1]);
  return ind;
}

/** A row with something written in it besides its 分值: a target, an actual value or a score. */
function filledIn(i: Indicator): boolean {
  return !!(i.target?.text || i.actual?.text || i.score?.text);
}

function sameFigures(a: Indicator, b: Indicator): boolean {
  const t = (x?: FormCell) => x?.text ?? '';
  return t(a.weight) === t(b.weight) && a.sign === b.sign && t(a.target) === t(b.target) && t(a.actual) === t(b.actual) && t(a.score) === t(b.score);
}

const FORM_START = /项\s*目\s*名\s*称/;

// A rule's context reads the forms on first ask (src/rules/contract.ts).
declare module '../rules/contract' {
  interface ContextParts {
    /** The 项目支出绩效自评表 of the workbook, recognized on first ask and kept for the check. */
    forms(): Form[];
  }
}

/** Every form of the workbook (last year's sheets 上年… excepted). */
export function recognizeForms(wb: Workbook, scan: TextScan = scanTexts(wb)): Form[] {
  const out: Form[] = [];
  for (let s = 0; s < wb.sheets.length; s++) {
    const sheet = wb.sheets[s];
    if (sheet.name.startsWith('上年') || sheet.name === '项目清单') continue;
    const starts: { r: number; name: string; cell: FormCell }[] = [];
    // Only a row with a text mentioning 项目名称 can start a form: the scan lists every text with 项.
    const marked = scan.sheets[s].marked;
    let done = -1;
    for (let k = 0; k < marked.length; k++) {
      const r = marked[k].r;
      if (r === done || !FORM_START.test(marked[k].raw)) continue;
      done = r;
      const cells = rowCells(sheet, r);
      const i = cells.findIndex((x) => norm(x.text) === '项目名称');
      if (i >= 0 && cells[i + 1]) starts.push({ r, name: cells[i + 1].text, cell: fc(sheet, r, cells[i + 1]) });
    }
    starts.forEach((s, k) => {
      const end = (starts[k + 1]?.r ?? sheet.rows.length) - 1;
      const form = readForm(sheet, s.r, end, s.name, s.cell);
      // A 项目名称 header elsewhere (a project list) is not a form: a form has money or indicators.
      if (form.budget.total || form.executed.total || form.indicators.length || form.total !== undefined) out.push(unfilledOr(inDoubt(form)));
    });
  }
  return out;
}

/** A form read in doubt keeps its name and place for the finding that says so, and none of its figures. */
function inDoubt(form: Form): Form {
  const doubt = formDoubt(form);
  if (!doubt) return form;
  return { ...form, doubt, budget: {}, available: {}, executed: {}, progress: undefined, goals: [], indicators: [], rate: undefined, total: undefined };
}

/**
 * A form nobody has filled in: indicators with no 预期指标值, 实际完成值 or 自评得分, goals with
 * nothing achieved, no 自评总分 (or the 0 its formula gives). Its blanks are not errors yet.
 */
function unfilledOr(form: Form): Form {
  if (form.doubt || !form.indicators.length) return form;
  const empty = (c?: FormCell | null) => !c || !c.text.trim();
  // The generated 自评总分 and 预算执行率得分 are formulas: with the indicators blank the total is
  // the rate's score alone (its money may come from the project list), or 0.
  const rateScore = form.rate?.score?.value;
  const totalUntouched = empty(form.total) || !!form.total?.value?.isZero() || (rateScore !== undefined && !!form.total?.value?.eq(rateScore));
  const untouched =
    form.indicators.every((i) => empty(i.target) && empty(i.actual) && (empty(i.score) || !!i.score?.value?.isZero())) &&
    form.goals.every((g) => !g.actual.trim()) &&
    totalUntouched;
  if (!untouched) return form;
  // Its money (from the project list) stays, to be checked and added up with the others.
  return { ...form, unfilled: true, goals: [], indicators: [] };
}

function readForm(sheet: Sheet, top: number, end: number, name: string, nameCell: FormCell): Form {
  const form: Form = { name, nameCell, sheet, top, bottom: end, budget: {}, available: {}, executed: {}, goals: [], indicators: [], problems: '' };
  let part = '';
  const carry = { l1: '', l2: '' };
  let progressCol = false;
  const header: Record<string, number> = {};
  for (let r = top; r <= end; r++) {
    const cells = rowCells(sheet, r);
    if (!cells.length) continue;
    const texts = cells.map((x) => norm(x.text));
    const head = texts[0];
    if (/^填报人/.test(head)) {
      form.bottom = r;
      break;
    }
    const sec = /^\s*([二三四五])\s*[、.．]/.exec(cells[0].text);
    if (sec) part = sec[1];
    if (texts.some((t) => t.startsWith('预算执行进度'))) progressCol = true;
    // Money: 预算数 / 到位数 / 执行数 and their 财政资金 / 其他 rows.
    const budgetAt = texts.indexOf('预算数');
    if (budgetAt >= 0 && !form.budget.total) {
      form.budget.total = numberAfter(sheet, r, cells, budgetAt);
      const av = texts.indexOf('到位数');
      if (av >= 0) form.available.total = numberAfter(sheet, r, cells, av);
      const ex = texts.indexOf('执行数');
      if (ex >= 0) {
        form.executed.total = numberAfter(sheet, r, cells, ex);
        // 预算执行进度: the figure after the 执行数 one, when the form has the column.
        const after = cells.slice(ex + 2).filter((x) => isNum(sheet, r, x));
        form.progress = progressCol ? (after.length ? fc(sheet, r, after[after.length - 1]) : null) : undefined;
      }
      continue;
    }
    const kind = texts.some((t) => /财政资金$/.test(t)) ? 'fiscal' : texts.some((t) => t === '其他') && part === '二' ? 'other' : undefined;
    if (kind && part === '二') {
      const idx = texts.map((t, i) => ((kind === 'fiscal' ? /财政资金$/.test(t) : t === '其他') ? i : -1)).filter((i) => i >= 0);
      const slots: Money[] = [form.budget, form.available, form.executed];
      idx.slice(0, 3).forEach((i, k) => (slots[k][kind] = numberAfter(sheet, r, cells, i)));
      continue;
    }
    if (texts.some((t) => t === '自评总分')) {
      const i = texts.indexOf('自评总分');
      form.total =
        numberAfter(sheet, r, cells, i) ??
        cells
          .slice(i + 1)
          .map((x) => (isNum(sheet, r, x) ? fc(sheet, r, x) : undefined))
          .find(Boolean) ??
        null;
      form.totalRow = r;
      form.totalAt = { r, c: cells[i].c + 1 };
      continue;
    }
    if (part === '五') {
      const body = cells
        .filter((x) => !/^\s*五\s*[、.．]/.test(x.text))
        .map((x) => x.text)
        .join('');
      form.problems += body;
      continue;
    }
    if (texts.includes('预算执行率') && part === '四') {
      const nums = cells.filter((x) => isNum(sheet, r, x)).map((x) => fc(sheet, r, x));
      form.rate = { row: r, weight: nums[0], score: nums.length > 1 ? nums[nums.length - 1] : undefined };
      continue;
    }
    if (part === '三' && !sec) {
      const nums = cells.filter((x) => isNum(sheet, r, x));
      const words = cells.filter((x) => !isNum(sheet, r, x));
      if (!words.length) continue;
      form.goals.push({
        row: r,
        target: words[0].text,
        actual: words.length > 1 ? words[words.length - 1].text : '',
        rate: nums.length ? fc(sheet, r, nums[nums.length - 1]) : undefined,
      });
      continue;
    }
    if (part === '四' && sec) for (const x of cells) if (/^(一级指标|二级指标|三级指标|指标说明)$/.test(norm(x.text))) header[norm(x.text)] = x.c;
    if (part === '四' && !sec) {
      const ind = readIndicator(sheet, r, cells, carry, header);
      if (!ind) continue;
      // A row repeated across a PDF page break (once without its names): keep one.
      const prev = form.indicators[form.indicators.length - 1];
      // Blank rows of a form not yet filled in are not a repeat: the same 分值 alone says nothing.
      if (prev && prev.row === r - 1 && !prev.name && filledIn(prev) && sameFigures(prev, ind)) form.indicators[form.indicators.length - 1] = ind;
      else form.indicators.push(ind);
    }
  }
  return form;
}
