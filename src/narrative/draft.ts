import Decimal from 'decimal.js';
import { Workbook, Sheet } from '../core/grid';
import { SheetLayout } from '../core/layout';
import { readAmount } from '../core/amount';
import { cellAt } from '../core/grid';
import { TableSetSpec, CellSel } from '../specs/types';
import { recognize, pickTableSet, RecognizedTable, cellPos } from '../recognize';
import { buildContext, ScopeTables } from '../rules/engine';
import { isEmptyTable, tablesYear } from './model';
import { tableValue } from '../recognize/query';
import { Edition, editionOf } from '../editions';
import { versusPrior as versusLastYear, wan } from './phrases';
import { defaultYear } from '../core/year';

/**
 * Drafting the narrative (第三部分 情况说明) from the tables: the standard paragraphs with every
 * amount, share and split computed, and marked blanks (【请填写…】) for what the tables cannot
 * tell — reasons, budgets, last year's figures when no prior year is present.
 */

export const BLANK = (what: string) => `【请填写${what}】`;

export interface DraftOptions {
  set?: TableSetSpec;
  year?: number;
  /** Last year's tables (same layout), for 比上年 sentences. */
  prior?: Workbook;
}

const pct = (part: Decimal, base: Decimal) => (base.isZero() ? '0.0' : part.div(base).times(100).toFixed(1, Decimal.ROUND_HALF_UP));

function scopeTables(wb: Workbook, set: TableSetSpec): ScopeTables {
  const rec = recognize(wb, set);
  const ctx = buildContext(set, rec, wb);
  const best = [...ctx.scopes].sort((a, b) => b.tables.size - a.tables.size)[0];
  return best?.tables ?? new Map();
}

/** Growth sentence against last year, or a blank to fill in when last year is not at hand. */
function versusPrior(cur: Decimal, prev: Decimal | undefined): string {
  return prev === undefined ? `比上年${BLANK('增减金额及增减幅度')}` : versusLastYear(cur, prev);
}

/** The standard paragraphs, section headings included, one string per paragraph. */
export function draftNarrative(wb: Workbook, opts: DraftOptions = {}): string[] {
  // The tables the workbook holds decide the edition, never the year asked for.
  const set = opts.set ?? pickTableSet(wb);
  const edition = editionOf(set);
  const plan = edition.draft;
  const tables = scopeTables(wb, set);
  const prior = opts.prior ? scopeTables(opts.prior, set) : undefined;
  const year = opts.year ?? tablesYear(tables) ?? defaultYear();
  const v = (sel: CellSel): Decimal => tableValue(tables, sel, edition)?.value ?? new Decimal(0);
  const pv = (sel: CellSel): Decimal | undefined => (prior ? tableValue(prior, sel, edition)?.value : undefined);
  const out: string[] = [];

  // 一、收入支出决算总体情况
  const grand = plan.grandTotal;
  out.push('一、收入支出决算总体情况说明');
  out.push(
    `本部门${year}年度收、支总计（含结转和结余）${wan(v(grand))}万元。与${year - 1}年度决算相比，收支总计${versusPrior(v(grand), pv(grand))}，主要原因是：${BLANK('原因')}。`,
  );

  // 二、收入决算情况
  const incTotal = v(plan.incomeTotal);
  out.push('二、收入决算情况说明');
  out.push(
    `本部门${year}年度本年收入合计${wan(incTotal)}万元，其中：${plan.incomeSources.map(([n, s]) => `${n}${wan(v(s))}万元，占${pct(v(s), incTotal)}%`).join('；')}。`,
  );

  // 三、支出决算情况
  const expTotal = v(plan.expenseTotal);
  out.push('三、支出决算情况说明');
  out.push(
    `本部门${year}年度本年支出合计${wan(expTotal)}万元，其中：${plan.expenseKinds
      .map(([n, s]) => {
        const x = v(s);
        return `${n}${wan(x)}万元，占${pct(x, expTotal)}%`;
      })
      .join('；')}。`,
  );

  // 四、财政拨款收入支出决算总体情况
  out.push('四、财政拨款收入支出决算总体情况说明');
  out.push(`（一）财政拨款收支与${year - 1}年度决算对比情况`);
  const fInc = plan.fiscalIncome;
  const fExp = plan.fiscalExpense;
  out.push(
    `本部门${year}年度财政拨款本年收入合计${wan(v(fInc))}万元，${versusPrior(v(fInc), pv(fInc))}，主要原因是：${BLANK('原因')}；本年支出合计${wan(v(fExp))}万元，${versusPrior(v(fExp), pv(fExp))}，主要原因是：${BLANK('原因')}。`,
  );
  plan.fiscalFunds.forEach(([name, a, b], i) => {
    out.push(`${i + 1}. ${name}本年收入合计${wan(v(a))}万元，${versusPrior(v(a), pv(a))}；本年支出合计${wan(v(b))}万元，${versusPrior(v(b), pv(b))}。`);
  });
  out.push('（二）财政拨款收支与年初预算数对比情况');
  out.push(
    `本部门${year}年度财政拨款本年收入合计${wan(v(fInc))}万元，完成年初预算的${BLANK('完成率')}%，比年初预算${BLANK('增减金额')}，主要原因是：${BLANK('原因')}；本年支出合计${wan(v(fExp))}万元，完成年初预算的${BLANK('完成率')}%，比年初预算${BLANK('增减金额')}，主要原因是：${BLANK('原因')}。`,
  );
  out.push('（三）财政拨款支出决算结构情况');
  out.push(`${year}年度财政拨款支出合计${wan(v(fExp))}万元，主要用于以下方面：`);
  const byClass = plan.classExpense;
  const classes = (tables.get(byClass.table)?.items ?? [])
    .filter((i) => i.classCode)
    .map((i) => ({ code: i.classCode!, amount: v({ table: byClass.table, col: byClass.col, code: i.classCode! }) }))
    .filter((x) => !x.amount.isZero());
  if (classes.length)
    out.push(
      classes
        .map(
          (c) =>
            `${(edition.functionClasses.name(c.code) ?? c.code).replace(/支出$/, '')}（类）支出${wan(c.amount)}万元，占${pct(c.amount, v(fExp))}%，主要用于${BLANK('用途')}`,
        )
        .join('；') + '。',
    );
  out.push('（四）一般公共预算基本支出决算情况说明');
  const basic = v(plan.basicTotal);
  out.push(`${year}年度财政拨款基本支出${wan(basic)}万元，其中：`);
  const econNames = (classes: string[]) => namesOfNonzero(tables.get(plan.econ.table), classes, edition);
  out.push(`人员经费${wan(v(plan.personnel))}万元，主要包括：${econNames(plan.econ.personnel) || BLANK('主要内容')}；`);
  out.push(`公用经费${wan(v(plan.publicFunds))}万元，主要包括：${econNames(plan.econ.public) || BLANK('主要内容')}。`);

  // 五、“三公”经费
  out.push('五、财政拨款“三公”经费支出决算情况说明');
  out.push('（一）“三公”经费财政拨款支出决算总体情况说明');
  const sg = (k: string) => v({ table: plan.sangong, col: k, data: true });
  const budgetSentence = (ys: Decimal, js: Decimal) => {
    if (ys.isZero()) return js.isZero() ? '与预算持平' : `预算为0，${BLANK('超预算支出的原因')}`;
    const rate = js.div(ys).times(100).toFixed(1, Decimal.ROUND_HALF_UP);
    const d = js.minus(ys);
    return `完成预算的${rate}%，${d.isZero() ? '与预算持平' : `${d.gt(0) ? '超出' : '低于'}预算${wan(d.abs())}万元，主要原因是：${BLANK('原因')}`}`;
  };
  const jsPrior = (k: string) => pv({ table: plan.sangong, col: k, data: true });
  out.push(
    `本部门${year}年度“三公”经费财政拨款支出预算为${wan(sg('ys_hj'))}万元，支出决算为${wan(sg('js_hj'))}万元，${budgetSentence(sg('ys_hj'), sg('js_hj'))}，较${year - 1}年度决算${versusPrior(sg('js_hj'), jsPrior('js_hj')).replace(/^比上年/, '')}，主要原因是：${BLANK('原因')}。`,
  );
  out.push('（二）“三公”经费财政拨款支出决算具体情况说明');
  const items: [string, string][] = [
    ['因公出国（境）费', 'cg'],
    ['公务用车购置及运行维护费', 'gc'],
    ['公务接待费', 'jd'],
  ];
  items.forEach(([name, k], i) => {
    out.push(
      `${i + 1}. ${name}支出情况。本部门${year}年度${name}支出预算为${wan(sg('ys_' + k))}万元，支出决算${wan(sg('js_' + k))}万元，${budgetSentence(sg('ys_' + k), sg('js_' + k))}。`,
    );
    if (k === 'gc') {
      out.push(`公务用车购置费支出${wan(sg('js_gz'))}万元：本部门${year}年度公务用车购置量${BLANK('购置数量')}辆。`);
      out.push(`公务用车运行维护费支出${wan(sg('js_yx'))}万元：本部门${year}年度单位公务用车保有量${BLANK('保有量')}辆。`);
    }
  });

  // 七、政府采购 (not in the tables)
  out.push('七、政府采购支出说明');
  out.push(
    `本部门${year}年度政府采购支出总额${BLANK('金额')}万元，从采购类型来看，政府采购货物支出${BLANK('金额')}万元、政府采购工程支出${BLANK('金额')}万元、政府采购服务支出${BLANK('金额')}万元。`,
  );

  // 十、其他需要说明的情况
  out.push('十、其他需要说明的情况');
  const notes: string[] = [];
  // Each table the edition names as possibly empty, by its own number (公开07 / 表八).
  for (const [id, covers] of plan.emptyTables) {
    const t = tables.get(id);
    if (t && isEmptyTable(t))
      notes.push(`本部门${year}年度${covers}无收支及结转结余情况，故${/表/.test(t.spec.code) ? t.spec.code : `${t.spec.code}表`}以空表列示`);
  }
  notes.push('由于决算公开表格中金额数值应当保留两位小数，公开数据为四舍五入计算结果，个别数据合计项与分项之和存在小数点后差额，特此说明');
  notes.forEach((n, i) => out.push(`${i + 1}. ${n}。`));
  return out;
}

/** Names of the nonzero 款 of some economic classes in 公开06, 、-separated. */
function namesOfNonzero(t: RecognizedTable | undefined, classes: string[], edition: Edition): string {
  if (!t) return '';
  const names: string[] = [];
  for (const it of t.items) {
    if (!it.code || it.code.length !== 5 || !classes.includes(it.code.slice(0, 3))) continue;
    const pos = cellPos(it, 'amount');
    const a = pos ? readAmount(cellAt(t.sheet, pos.r, pos.c)) : undefined;
    if (a?.kind === 'num' && !a.value.isZero()) names.push(it.label || edition.kemu.jingjiName(it.code) || it.code);
  }
  return names.join('、');
}

export const DRAFT_SHEET = '情况说明（草稿）';

/** Where a draft goes: 情况说明, or 情况说明（草稿） when the workbook already has a 情况说明 of its own. */
export function draftSheetName(exists: (name: string) => boolean): string {
  return exists('情况说明') ? DRAFT_SHEET : '情况说明';
}

/** The draft as a sheet: 第三部分, then one paragraph per row. */
export function draftSheet(name: string, paragraphs: string[]): Sheet {
  return { name, rows: [['第三部分'], ...paragraphs.map((p) => [p])].map((r) => r.map((t) => ({ value: t }))), merges: [], origin: 'scaffold' };
}

/** How a draft is laid out wherever it is written: one wide column, every paragraph wrapped. */
export const DRAFT_LAYOUT = (paragraphs: number): SheetLayout => ({ widths: [120], wrapRows: Array.from({ length: paragraphs }, (_, i) => i + 1) });

/**
 * The workbook with the draft added as a sheet of one paragraph per row: 情况说明 when the
 * workbook has none, else 情况说明（草稿） — the user's own text is never overwritten.
 */
export function withDraft(wb: Workbook, paragraphs: string[]): { workbook: Workbook; sheet: string } {
  const name = draftSheetName((n) => wb.sheets.some((s) => s.name === n));
  const sheets = wb.sheets.filter((s) => s.name !== name);
  sheets.push(draftSheet(name, paragraphs));
  return { workbook: { ...wb, sheets }, sheet: name };
}
