import Decimal from 'decimal.js';
import type { Workbook, Sheet, Cell } from '../core/grid';
import { newSheet, setCell } from '../core/grid';
import type { SheetLayout } from '../core/layout';
import { evaluateFormulas, formulaLeaves } from '../core/formula';
import { fmtMoney } from '../core/amount';
import { defaultYear } from '../core/year';
import { EDITIONS, Edition, editionChoice, TransferSpec } from '../editions';
import { recognize } from '../recognize';
import { scaffold, withInputsZeroed, MONEY_FMT } from '../scaffold/build';
import { UnitFigures, cellKey, rowKey, splitKey, LIST_SHEET, DETAIL_SHEET } from './unit';
import { NamedUnit, sameUnit, unitKey } from './names';

/**
 * A department's 汇总 (部门决算 = 本级 + each unit within its scope), built from its units' parts
 * (unit.ts): the nine tables of their table set, every 科目 row a unit listed (in the edition's
 * order), each amount a unit fills summed over the units, and every total the template's own
 * formula with its value worked out — so the file reads right before any recalculation, and a
 * total agrees with its rows whatever a unit's own totals said. Beside the tables: 单位清单 (who is
 * in, who is not and why), 明细 (each amount, unit by unit), 调整表 (transfers between a unit and
 * its parent, netted only when both sides agree) and, when anything did not add up, 汇总核对.
 */

export interface ConsolidateOptions {
  /** The department's name on the tables; else the list's root (the unit others name as parent), else 部门汇总. */
  department?: string;
  /** The names list: who should be in, and each unit's parent. */
  names?: NamedUnit[];
}

export interface Netting {
  transfer: TransferSpec;
  parent: string;
  child: string;
  childAmount: Decimal;
  /** The parent's amount, on the group's 合计 row (undefined on a child's row). */
  parentAmount?: Decimal;
  netted: Decimal;
  how: string;
}

export interface Consolidated {
  workbook: Workbook;
  layouts: Record<string, SheetLayout>;
  department: string;
  edition: string;
  year: number;
  included: UnitFigures[];
  refused: { unit: UnitFigures; why: string }[];
  /** On the names list, no file among the units. */
  missing: string[];
  netting: Netting[];
  /** Amounts a unit printed where the 汇总 has no such cell (a row of 经济分类 the template lacks). */
  unplaced: { unit: string; table: string; row: string; col: string; amount: Decimal }[];
  /** Totals where the units' own figures sum to something else than their rows do. */
  differences: { table: string; row: string; col: string; units: Decimal; rows: Decimal }[];
  /** Formulas whose value could not be worked out (left for the spreadsheet to compute). */
  formulaFailures: { sheet: string; cell: string; why: string }[];
}

export { LIST_SHEET, DETAIL_SHEET };
export const ADJUST_SHEET = '调整表';
export const RECONCILE_SHEET = '汇总核对';

/** Where a cell of the 汇总 stands, and whether a unit fills it (else a formula works it out). */
interface Place {
  sheet: Sheet;
  r: number;
  c: number;
  input: boolean;
  table: string;
  code: string;
  label: string;
  colName: string;
  order: number;
}

const ZERO = new Decimal(0);
const money = (d: Decimal) => Number(d.toFixed(2));

export function consolidate(units: UnitFigures[], opts: ConsolidateOptions = {}): Consolidated {
  const refused: { unit: UnitFigures; why: string }[] = units.filter((u) => u.refused).map((u) => ({ unit: u, why: u.refused! }));
  const readable = units.filter((u) => !u.refused);
  // The set and year most units are of; a unit of another is refused by name.
  const ref = mostCommon(readable.map((u) => `${u.setId}\t${u.year ?? ''}`));
  const [setId, yearText] = (ref ?? '\t').split('\t');
  // Units of one template, when they carry one: a copy of another template or version is not the same form.
  const tpl = mostCommon(readable.filter((u) => u.template && u.setId === setId).map(templateName));
  const included: UnitFigures[] = [];
  for (const u of readable) {
    if (u.setId !== setId) refused.push({ unit: u, why: `表格式为“${u.edition}”，与其他单位（${editionName(setId)}）不同` });
    else if (String(u.year ?? '') !== yearText) refused.push({ unit: u, why: `年度为 ${u.year ?? '未注明'}，与其他单位（${yearText || '未注明'}）不同` });
    else if (u.template && tpl && templateName(u) !== tpl)
      refused.push({ unit: u, why: `来自模板“${templateName(u)}”，与其他单位（“${tpl}”）不同，请用同一模板重新填报` });
    else included.push(u);
  }
  const ed = EDITIONS.find((e) => e.tables.id === setId) ?? EDITIONS[0];
  const year = yearText ? Number(yearText) : defaultYear();
  const names = opts.names ?? [];
  const department = opts.department?.trim() || rootOf(names) || '部门汇总';
  const missing = names
    .filter((n) => !included.some((u) => sameUnit(u.name, n.name)) && !refused.some((x) => sameUnit(x.unit.name, n.name)))
    .map((n) => n.name);

  // The template of the 汇总: in each coded table the 科目 its units listed there.
  const tableCodes: Record<string, { code: string; name: string }[]> = {};
  for (const spec of ed.tables.tables) if (spec.kind === 'coded') tableCodes[spec.id] = [];
  for (const u of included)
    for (const [table, list] of Object.entries(u.codes)) {
      const have = new Set(tableCodes[table]?.map((x) => x.code));
      // The name the 科目表 gives, where it knows the 科目; else the first unit's.
      for (const x of list) {
        if (!tableCodes[table] || have.has(x.code)) continue;
        have.add(x.code);
        tableCodes[table].push({ code: x.code, name: ed.kemu.gongnengName(x.code) ? '' : x.name });
      }
    }
  const built = scaffold({ unit: department, year, edition: editionChoice(ed), tableCodes });
  const places = placesOf(built.workbook, ed);

  // Each filled cell the sum over units; what a unit printed where the 汇总 has no cell is said.
  const sums = new Map<string, Decimal>();
  const unplaced: Consolidated['unplaced'] = [];
  for (const u of included)
    for (const [key, amount] of u.amounts) {
      const place = places.get(key);
      if (!place) {
        if (!amount.isZero()) unplaced.push({ unit: u.name, ...splitKey(key), amount });
        continue;
      }
      if (place.input) sums.set(key, (sums.get(key) ?? ZERO).plus(amount));
    }
  const write = (adjust: Map<string, Decimal>) => {
    for (const [key, place] of places) {
      if (!place.input) continue;
      const v = sums.get(key);
      const a = adjust.get(key);
      if (v === undefined && a === undefined) continue;
      const cell = place.sheet.rows[place.r][place.c]!;
      cell.value = money((v ?? ZERO).plus(a ?? ZERO));
    }
    return evaluateFormulas(built.workbook);
  };
  // First without netting: the totals the units' rows give, told against the units' own totals.
  write(new Map());
  // A unit's total printed to the cent may differ from its rows, each printed to the cent, by half
  // a cent a figure: a gap within that is the units' rounding (their own check says 提示), not a
  // difference of the 汇总's.
  const leaves = formulaLeaves(built.workbook);
  const differences: Consolidated['differences'] = [];
  for (const [key, place] of places) {
    if (place.input) continue;
    let own: Decimal | undefined;
    let units = 0;
    for (const u of included) {
      const a = u.amounts.get(key);
      if (a === undefined) continue;
      own = (own ?? ZERO).plus(a);
      units++;
    }
    const cell = place.sheet.rows[place.r][place.c];
    if (own === undefined || !cell || typeof cell.value !== 'number') continue;
    const rows = new Decimal(cell.value);
    const rounding = new Decimal(0.005).times(units).times((leaves.get(cell) ?? 0) + 1);
    if (rows.minus(own).abs().gt(rounding)) differences.push({ ...splitKey(key), units: own, rows });
  }
  const { netting, adjust } = netTransfers(ed, included, names, places);
  const { failed } = write(adjust);

  const wb = built.workbook;
  const layouts: Record<string, SheetLayout> = { ...built.layouts };
  // The 汇总 is a result, not a template to fill: nothing shaded for input, nothing locked.
  for (const lay of Object.values(layouts)) {
    delete lay.inputs;
    delete lay.locked;
  }
  const result: Consolidated = {
    workbook: wb,
    layouts,
    department,
    edition: editionChoice(ed),
    year,
    included,
    refused,
    missing,
    netting,
    unplaced,
    differences,
    formulaFailures: failed,
  };
  wb.source = `${department} ${year}年度部门决算（汇总）`;
  addSheet(result, LIST_SHEET, listRows(result, names), [6, 30, 24, 28, 16, 24, 40]);
  addSheet(result, DETAIL_SHEET, detailRows(result, places), [8, 12, 30, 20, 14, 12, ...included.map(() => 14)], 4);
  addSheet(result, ADJUST_SHEET, adjustRows(result, names), [30, 24, 24, 14, 14, 14, 14, 40], 3);
  if (differences.length || unplaced.length || failed.length) addSheet(result, RECONCILE_SHEET, reconcileRows(result, places), [10, 14, 30, 20, 16, 16, 40], 4);
  return result;
}

const templateName = (u: UnitFigures) => (u.template ? `${u.template.id} 第${u.template.version}版` : '');

function mostCommon(keys: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  let best: string | undefined;
  for (const [k, n] of counts) if (best === undefined || n > counts.get(best)!) best = k;
  return best;
}

const editionName = (setId: string) => {
  const e = EDITIONS.find((x) => x.tables.id === setId);
  return e ? editionChoice(e) : setId;
};

/** The unit the others name as parent and that names none itself. */
function rootOf(names: NamedUnit[]): string | undefined {
  const roots = names.filter((n) => !n.parent && names.some((m) => m.parent && sameUnit(m.parent, n.name)));
  return roots.length === 1 ? roots[0].name.replace(/[(（]?本级[)）]?$/, '') : undefined;
}

/** Every amount cell of the 汇总's tables by its meaning (unit.ts cellKey), read off the template itself. */
function placesOf(wb: Workbook, ed: Edition): Map<string, Place> {
  const zeroed = withInputsZeroed(wb);
  const rec = recognize(zeroed, ed.tables);
  const out = new Map<string, Place>();
  let order = 0;
  for (const t of rec.tables) {
    const sheet = wb.sheets[zeroed.sheets.indexOf(t.sheet)];
    for (const it of t.items)
      for (const col in it.cols) {
        const c = it.cols[col];
        const cell = sheet.rows[it.row]?.[c];
        if (!cell) continue;
        const key = cellKey(t.spec.id, rowKey(it), col);
        if (out.has(key)) continue;
        out.set(key, {
          sheet,
          r: it.row,
          c,
          input: !cell.formula,
          table: t.spec.code,
          code: it.code ?? '',
          label: it.label,
          colName: t.spec.columns.find((x) => x.key === col)?.name ?? col,
          order: order++,
        });
      }
  }
  return out;
}

/** A column's amount for a unit: its 合计 row, else the sum of its 类 rows. */
function columnTotal(u: UnitFigures, table: string, col: string): Decimal {
  const total = u.amounts.get(cellKey(table, '合计', col));
  if (total) return total;
  let s = ZERO;
  for (const [key, a] of u.amounts) {
    const k = splitKey(key);
    if (k.table === table && k.col === col && /^\d{3}$/.test(k.row)) s = s.plus(a);
  }
  return s;
}

/**
 * Transfers between a unit and its parent, netted out: each parent's side against the sum of its
 * children's, in full when they agree to the cent (each side taken off its own 科目 rows), not at
 * all when they do not (the 调整表 shows the difference for the department to settle).
 */
function netTransfers(
  ed: Edition,
  included: UnitFigures[],
  names: NamedUnit[],
  places: Map<string, Place>,
): { netting: Netting[]; adjust: Map<string, Decimal> } {
  const netting: Netting[] = [];
  const adjust = new Map<string, Decimal>();
  const parentOf = (u: UnitFigures) => names.find((n) => sameUnit(n.name, u.name))?.parent;
  const takeOff = (u: UnitFigures, table: string, col: string) => {
    for (const [key, a] of u.amounts) {
      const k = splitKey(key);
      if (k.table !== table || k.col !== col || !places.get(key)?.input) continue;
      adjust.set(key, (adjust.get(key) ?? ZERO).minus(a));
    }
  };
  for (const transfer of ed.transfers) {
    const groups = new Map<string, UnitFigures[]>();
    for (const u of included) {
      const amount = columnTotal(u, transfer.child.table, transfer.child.col);
      const parent = parentOf(u);
      if (!parent) {
        if (!amount.isZero()) netting.push({ transfer, parent: '', child: u.name, childAmount: amount, netted: ZERO, how: '名单未列上级单位，未抵消' });
        continue;
      }
      const key = unitKey(parent);
      groups.set(key, [...(groups.get(key) ?? []), u]);
    }
    for (const [key, children] of groups) {
      const parentUnit = included.find((u) => unitKey(u.name) === key);
      const parentName = parentUnit?.name ?? names.find((n) => n.parent && unitKey(n.parent) === key)!.parent!;
      const amounts = children.map((u) => columnTotal(u, transfer.child.table, transfer.child.col));
      const childSum = amounts.reduce((s, a) => s.plus(a), ZERO);
      const parentAmount = parentUnit ? columnTotal(parentUnit, transfer.parent.table, transfer.parent.col) : undefined;
      if (childSum.isZero() && (!parentAmount || parentAmount.isZero())) continue;
      const agree = parentAmount !== undefined && childSum.toDecimalPlaces(2).eq(parentAmount.toDecimalPlaces(2));
      const how = !parentUnit
        ? '上级单位未纳入汇总，未抵消'
        : agree
          ? `已抵消：双方金额一致，分别从${transfer.child.name}、${transfer.parent.name}中减去`
          : `未抵消：双方金额不一致（差 ${fmtMoney(childSum.minus(parentAmount!))}），请核实`;
      children.forEach((u, i) =>
        netting.push({ transfer, parent: parentName, child: u.name, childAmount: amounts[i], netted: agree ? amounts[i] : ZERO, how: '' }),
      );
      netting.push({ transfer, parent: parentName, child: '合计', childAmount: childSum, parentAmount, netted: agree ? childSum : ZERO, how });
      if (!agree) continue;
      for (const u of children) takeOff(u, transfer.child.table, transfer.child.col);
      takeOff(parentUnit!, transfer.parent.table, transfer.parent.col);
    }
  }
  return { netting, adjust };
}

type Row = (string | number | null)[];

/** A sheet beside the tables: a title, a line saying what it holds, a header, then its rows (amounts from column `money` on). */
function addSheet(result: Consolidated, name: string, rows: Row[], widths: number[], money = Infinity): void {
  const sheet = newSheet(name, 'scaffold');
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === '') return;
      const cell: Cell = { value: v };
      if (typeof v === 'number' && c >= money) cell.numFmt = MONEY_FMT;
      setCell(sheet, r, c, cell);
    }),
  );
  result.workbook.sheets.push(sheet);
  result.layouts[name] = { widths, landscape: true, freezeRows: 3, boldRows: [0, 2], wrapRows: rows.map((_, r) => r).slice(3) };
}

function listRows(result: Consolidated, names: NamedUnit[]): Row[] {
  const parent = (name: string) => names.find((n) => sameUnit(n.name, name))?.parent ?? '';
  const rows: Row[] = [
    [`${result.department} ${result.year}年度部门决算汇总 单位清单`],
    [`表格式：${result.edition}；纳入汇总 ${result.included.length} 个单位，未纳入 ${result.refused.length} 个，名单上未报送 ${result.missing.length} 个`],
    ['序号', '单位', '上级单位', '文件', '模板版本', '结论', '说明'],
  ];
  let n = 0;
  for (const u of result.included)
    rows.push([
      ++n,
      u.name,
      parent(u.name),
      u.file,
      templateName(u),
      u.verdict === '可提交' ? '可提交' : u.blocking ? `${u.blocking} 项强制问题未解决` : u.verdict,
      '已纳入汇总',
    ]);
  for (const { unit, why } of result.refused) rows.push([++n, unit.name, parent(unit.name), unit.file, templateName(unit), '未纳入汇总', why]);
  for (const name of result.missing) rows.push([++n, name, parent(name), '', '', '未报送', '名单上有此单位，但没有它的文件']);
  return rows;
}

function detailRows(result: Consolidated, places: Map<string, Place>): Row[] {
  const rows: Row[] = [
    [`${result.department} ${result.year}年度部门决算汇总 明细（各单位填报数）`],
    ['金额单位：万元。汇总数为抵消后的数；合计行为按明细计算的数'],
    ['表', '科目编码', '项目', '栏目', '汇总数', '抵消', ...result.included.map((u) => u.name)],
  ];
  const list = [...places.entries()].sort((a, b) => a[1].order - b[1].order);
  for (const [key, p] of list) {
    const own = result.included.map((u) => u.amounts.get(key));
    const value = p.sheet.rows[p.r][p.c]?.value;
    if (own.every((a) => a === undefined || a.isZero()) && !value) continue;
    const sumOwn = own.reduce<Decimal>((s, a) => s.plus(a ?? ZERO), ZERO);
    const off = p.input && typeof value === 'number' ? sumOwn.minus(value) : ZERO;
    rows.push([
      p.table,
      p.code,
      p.label,
      p.colName,
      typeof value === 'number' ? value : null,
      off.isZero() ? null : money(off.neg()),
      ...own.map((a) => (a === undefined ? null : money(a))),
    ]);
  }
  return rows;
}

function adjustRows(result: Consolidated, names: NamedUnit[]): Row[] {
  const rows: Row[] = [
    [`${result.department} ${result.year}年度部门决算汇总 调整表（单位间往来抵消）`],
    [
      '规则：下级单位的上级补助收入与其上级单位的对附属单位补助支出、下级单位的上缴上级支出与其上级单位的附属单位上缴收入，双方金额一致时全额抵消（各按本单位所列科目从汇总数中减去）；不一致或上级单位未纳入汇总时不抵消，请核实后调整。',
    ],
    ['往来项目', '上级单位', '下级单位', '下级单位金额', '上级单位金额', '差额', '抵消金额', '处理'],
  ];
  if (!names.some((n) => n.parent)) rows.push(['未提供上级单位（名单的“上级单位”列），未做抵消']);
  for (const x of result.netting) {
    const diff = x.parentAmount !== undefined ? money(x.childAmount.minus(x.parentAmount)) : null;
    rows.push([
      x.transfer.name,
      x.parent,
      x.child,
      money(x.childAmount),
      x.parentAmount !== undefined ? money(x.parentAmount) : null,
      diff,
      money(x.netted),
      x.how,
    ]);
  }
  if (!result.netting.length && names.some((n) => n.parent)) rows.push(['各单位间没有上级补助或上缴上级的往来，无需抵消']);
  return rows;
}

function reconcileRows(result: Consolidated, places: Map<string, Place>): Row[] {
  const rows: Row[] = [
    [`${result.department} ${result.year}年度部门决算汇总 汇总核对`],
    ['以下金额未能按各单位填报数直接汇总，请核对；各单位自身的问题见“单位清单”的结论'],
    ['类别', '表', '项目', '栏目', '各单位填报数之和', '按明细汇总数', '说明'],
  ];
  const where = (table: string, row: string, col: string) => places.get(cellKey(table, row, col));
  for (const d of result.differences) {
    const p = where(d.table, d.row, d.col);
    rows.push([
      '合计不符',
      p?.table ?? d.table,
      [p?.code, p?.label].filter(Boolean).join(' '),
      p?.colName ?? d.col,
      money(d.units),
      money(d.rows),
      '各单位所填合计数之和与按明细行汇总的数不一致（汇总表采用按明细汇总的数）',
    ]);
  }
  for (const u of result.unplaced)
    rows.push(['未能归入', u.table, u.row.replace(/^(label|class):/, ''), u.col, money(u.amount), null, `${u.unit} 填报的此行在汇总表中没有对应行，未计入`]);
  for (const f of result.formulaFailures) rows.push(['公式未计算', f.sheet, f.cell, '', null, null, f.why]);
  return rows;
}
