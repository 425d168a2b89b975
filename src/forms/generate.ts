import Decimal from 'decimal.js';
import { Sheet, Cell, Range, cellText, a1 } from '../core/grid';
import { readAmount } from '../core/amount';
import { normLabel } from '../core/text';
import { SheetLayout } from '../core/layout';

/**
 * 项目清单 → one 项目支出绩效自评表 per project, in the standard layout (the seed's), with
 * formulas: 预算数/到位数/执行数 = 财政资金 + 其他, 预算执行进度 = 执行数 ÷ 预算数,
 * 预算执行率得分 = 10 × min(执行率, 1), 自评总分 = SUM of the scores; lists for 符号 and 完成情况.
 * Pure: builds cell blocks; the xlsx adapter places them.
 */

export interface Project {
  name: string;
  unit: string;
  budget: [number, number];
  available: [number, number];
  executed: [number, number];
  /** Default indicators: [一级, 二级, 三级, 分值]. */
  indicators?: [string, string, string, number][];
  /** Row of the project in 项目清单. */
  row: number;
}

export const SIGN_LIST = ['=', '≥', '≤', '>', '<', '文字描述'];
export const STATUS_LIST = ['完成', '部分完成', '未完成'];

const DEFAULT_INDICATORS: [string, string, string, number][] = [
  ['产出指标', '数量指标', '', 20],
  ['', '质量指标', '', 20],
  ['', '时效指标', '', 10],
  ['', '成本指标', '', 10],
  ['效益指标', '社会效益指标', '', 20],
  ['满意度指标', '服务对象满意度指标', '', 10],
];

export interface Block {
  rows: (Cell | undefined)[][];
  merges: Range[];
  validations: { range: Range; list: string[] }[];
  /** Cells the user types in (relative rows), money cells first. */
  inputs: { r: number; c: number }[];
  /** Relative rows of the title and the header rows, for styling. */
  titleRow: number;
  headerRows: number[];
  /** Where the formulas are (relative), by meaning, for tests. */
  at: {
    budget: number;
    available: number;
    executed: number;
    progress: [number, number];
    rateScore: [number, number];
    total: [number, number];
    scoreCol: number;
    firstIndicator: number;
    lastIndicator: number;
  };
}

const WIDTH = 12;
const MONEY = '#,##0.00';

/** One form as a block of cells whose formulas refer to rows from `top` (0-based sheet row). */
export function formBlock(p: Project, year: number, top: number): Block {
  const rows: (Cell | undefined)[][] = [];
  const merges: Range[] = [];
  const validations: Block['validations'] = [];
  const inputs: Block['inputs'] = [];
  const put = (r: number, c: number, cell: Cell) => {
    while (rows.length <= r) rows.push([]);
    rows[r][c] = cell;
  };
  const text = (r: number, c: number, t: string) => put(r, c, { value: t });
  const merge = (r: number, c0: number, r1: number, c1: number) => merges.push({ top: top + r, left: c0, bottom: top + r1, right: c1 });
  const ref = (r: number, c: number) => a1(top + r, c);
  const money = (r: number, c: number, v: number) => {
    put(r, c, { value: v, numFmt: MONEY });
    inputs.push({ r, c });
  };
  // Each formula with the value it gives, so that the file reads right before any recalculation
  // (a workbook written here and checked at once has no value Excel computed).
  const formula = (r: number, c: number, f: string, fmt = MONEY, result: Decimal | null = null) =>
    put(r, c, { value: result === null ? null : result.toNumber(), formula: f, numFmt: fmt });
  const totalOf = ([fiscal, other]: [number, number]) => new Decimal(fiscal || 0).plus(other || 0);
  const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const budget = totalOf(p.budget);
  const executed = totalOf(p.executed);

  text(0, 0, `${year}年度项目支出绩效自评表`);
  merge(0, 0, 0, WIDTH - 1);
  text(1, 0, '一、基本情况');
  text(1, 1, '项目名称');
  text(1, 2, p.name);
  merge(1, 2, 1, 6);
  text(1, 7, '实施单位');
  text(1, 8, p.unit);
  merge(1, 8, 1, 9);
  text(1, 10, '金额单位');
  text(1, 11, '万元');
  text(2, 0, '二、预算执行情况');
  text(2, 1, '预算安排情况（调整后）');
  merge(2, 1, 2, 2);
  text(2, 3, '资金到位情况');
  merge(2, 3, 2, 4);
  text(2, 5, '资金执行情况');
  merge(2, 5, 2, 6);
  text(2, 7, '预算执行进度(%)');
  merge(2, 7, 2, 8);
  const groups: [string, [number, number], number][] = [
    ['预算数', p.budget, 1],
    ['到位数', p.available, 3],
    ['执行数', p.executed, 5],
  ];
  for (const [label, [fiscal, other], c] of groups) {
    text(3, c, label);
    text(4, c, '其中：财政资金');
    text(5, c, '其他');
    money(4, c + 1, fiscal);
    money(5, c + 1, other);
    formula(3, c + 1, `${ref(4, c + 1)}+${ref(5, c + 1)}`, MONEY, totalOf([fiscal, other]));
  }
  formula(3, 7, `IF(${ref(3, 2)}=0,"",ROUND(${ref(3, 6)}/${ref(3, 2)}*100,2))`, '0.00', budget.isZero() ? null : round2(executed.div(budget).times(100)));
  merge(3, 7, 5, 8);
  text(6, 0, '三、目标完成情况');
  text(6, 1, '年度预期目标');
  merge(6, 1, 6, 4);
  text(6, 5, '具体完成情况');
  merge(6, 5, 6, 9);
  text(6, 10, '总体完成率(%)');
  merge(6, 10, 6, 11);
  for (let g = 7; g <= 9; g++) {
    merge(g, 1, g, 4);
    merge(g, 5, g, 9);
    merge(g, 10, g, 11);
    inputs.push({ r: g, c: 1 }, { r: g, c: 5 }, { r: g, c: 10 });
  }
  const h = 10;
  text(h, 0, '四、年度绩效指标完成情况');
  ['一级指标', '二级指标', '三级指标', '指标说明', '指标分值', '预期指标值', '', '', '单项指标实际完成值', '单项指标完成情况', '自评得分'].forEach((t, i) =>
    text(h, i + 1, t),
  );
  merge(h, 6, h, 8);
  text(h + 1, 6, '符号');
  text(h + 1, 7, '值');
  text(h + 1, 8, '单位');
  for (const c of [1, 2, 3, 4, 5, 9, 10, 11]) merge(h, c, h + 1, c);
  const list = p.indicators?.length ? p.indicators : DEFAULT_INDICATORS;
  let r = h + 2;
  const first = r;
  for (const [l1, l2, l3, w] of list) {
    if (l1) text(r, 1, l1);
    if (l2) text(r, 2, l2);
    if (l3) text(r, 3, l3);
    put(r, 5, { value: w, numFmt: '0.00' });
    for (const c of [3, 4, 6, 7, 8, 9, 10, 11]) inputs.push({ r, c });
    r++;
  }
  const last = r - 1;
  validations.push({ range: { top: top + first, left: 6, bottom: top + last, right: 6 }, list: SIGN_LIST });
  validations.push({ range: { top: top + first, left: 10, bottom: top + last, right: 10 }, list: STATUS_LIST });
  const rateRow = r;
  text(rateRow, 1, '预算执行率');
  text(rateRow, 2, '预算执行率');
  put(rateRow, 5, { value: 10, numFmt: '0.00' });
  const rateScore = budget.isZero() ? new Decimal(0) : round2(Decimal.min(executed.div(budget), 1).times(10));
  formula(rateRow, 11, `IF(${ref(3, 2)}=0,0,ROUND(10*MIN(${ref(3, 6)}/${ref(3, 2)},1),2))`, '0.00', rateScore);
  const totalRow = rateRow + 1;
  text(totalRow, 0, '自评总分');
  merge(totalRow, 0, totalRow, 10);
  // The indicators' scores are the unit's to type: the total is the rate's score until then.
  formula(totalRow, 11, `SUM(${ref(first, 11)}:${ref(rateRow, 11)})`, '0.00', rateScore);
  text(totalRow + 1, 0, '五、存在问题原因及整改措施');
  merge(totalRow + 1, 1, totalRow + 1, WIDTH - 1);
  inputs.push({ r: totalRow + 1, c: 1 });
  text(totalRow + 2, 0, '填报人：');
  text(totalRow + 2, 4, '联系电话：');
  return {
    rows,
    merges,
    validations,
    inputs,
    titleRow: 0,
    headerRows: [2, 6, h, h + 1],
    at: {
      budget: 3,
      available: 3,
      executed: 3,
      progress: [3, 7],
      rateScore: [rateRow, 11],
      total: [totalRow, 11],
      scoreCol: 11,
      firstIndicator: first,
      lastIndicator: last,
    },
  };
}

/** Sheet name for a form: "01 项目名" within Excel's 31 characters, no forbidden characters. */
export function formSheetName(index: number, name: string, taken: Set<string>): string {
  const clean = name.replace(/[\[\]:*?/\\：？＊／＼【】]/g, '').replace(/\s+/g, '') || '项目';
  const prefix = String(index).padStart(2, '0') + ' ';
  let out = (prefix + clean).slice(0, 31);
  let k = 2;
  while (taken.has(out)) out = (prefix + clean).slice(0, 28) + '~' + k++;
  taken.add(out);
  return out;
}

/** Read 项目清单: a header row with 项目名称, then 预算数/到位数/执行数 each over 财政资金 and 其他. */
export function readProjectList(sheet: Sheet): { projects: Project[]; problems: string[]; nameCol: number } {
  const problems: string[] = [];
  const h = sheet.rows.findIndex((r) => (r ?? []).some((c) => normLabel(cellText(c)) === '项目名称'));
  if (h < 0) return { projects: [], problems: ['“项目清单”中找不到“项目名称”表头'], nameCol: -1 };
  const top = sheet.rows[h] ?? [];
  const sub = sheet.rows[h + 1] ?? [];
  const col = (words: RegExp) => top.findIndex((c) => words.test(normLabel(cellText(c))));
  const nameCol = col(/^项目名称$/);
  const unitCol = col(/实施单位|单位名称/);
  const pair = (words: RegExp): [number, number] => {
    const c = col(words);
    if (c < 0) return [-1, -1];
    // 财政资金 and 其他 under it (merged header over two columns), else one column = 财政资金.
    const f = [c, c + 1, c + 2].find((k) => /财政/.test(cellText(sub[k])));
    const o = [c, c + 1, c + 2].find((k) => /其他/.test(cellText(sub[k])));
    return [f ?? c, o ?? -1];
  };
  const cols = { budget: pair(/^预算数/), available: pair(/^到位数/), executed: pair(/^执行数/) };
  const indCol = col(/指标/);
  const hasSub = cellText(sub[cols.budget[0]]).includes('财政');
  const projects: Project[] = [];
  for (let r = h + (hasSub ? 2 : 1); r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const name = cellText(row[nameCol]).trim();
    if (!name) continue;
    const n = (c: number) => {
      if (c < 0) return 0;
      const a = readAmount(row[c]);
      if (a.kind === 'text') problems.push(`项目清单第 ${r + 1} 行“${name}”的金额“${a.text}”不是数字，按 0 处理`);
      return a.kind === 'num' ? a.value.toNumber() : 0;
    };
    const indicators = indCol >= 0 ? parseIndicators(cellText(row[indCol])) : undefined;
    projects.push({
      name,
      unit: unitCol >= 0 ? cellText(row[unitCol]).trim() : '',
      budget: [n(cols.budget[0]), n(cols.budget[1])],
      available: [n(cols.available[0]), n(cols.available[1])],
      executed: [n(cols.executed[0]), n(cols.executed[1])],
      indicators: indicators?.length ? indicators : undefined,
      row: r,
    });
  }
  return { projects, problems, nameCol };
}

/** "数量指标:培训人次:20；满意度指标:服务对象满意度:10" → indicators (二级:三级:分值). */
function parseIndicators(t: string): [string, string, string, number][] {
  const out: [string, string, string, number][] = [];
  const level1 = (l2: string) => (/数量|质量|时效|成本/.test(l2) ? '产出指标' : /满意/.test(l2) ? '满意度指标' : '效益指标');
  let prev = '';
  for (const part of t
    .split(/[;；\n]+/)
    .map((x) => x.trim())
    .filter(Boolean)) {
    const [l2, l3, w] = part.split(/[:：]/).map((x) => x.trim());
    const l1 = level1(l2 ?? '');
    out.push([l1 === prev ? '' : l1, l2 ?? '', l3 ?? '', Number(w) || 0]);
    prev = l1;
  }
  return out;
}

/** Column widths of 项目清单. */
export const PROJECT_LIST_LAYOUT: SheetLayout = { widths: [30, 24, 12, 12, 12, 12, 12, 12, 40], landscape: true };

/** The 项目清单 template a unit fills in first. */
export function projectListSheet(): Sheet {
  const t = (s: string): Cell => ({ value: s });
  return {
    name: '项目清单',
    rows: [
      ['项目名称', '实施单位', '预算数', '', '到位数', '', '执行数', '', '默认指标（二级:三级:分值；…）'].map(t),
      ['', '', '财政资金', '其他', '财政资金', '其他', '财政资金', '其他', ''].map(t),
    ],
    merges: [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 0, left: 4, bottom: 0, right: 5 },
      { top: 0, left: 6, bottom: 0, right: 7 },
      { top: 0, left: 8, bottom: 1, right: 8 },
    ],
  };
}

/** Column widths of a form (characters). */
const FORM_WIDTHS = [14, 14, 14, 16, 18, 9, 7, 9, 8, 16, 10, 9];

/**
 * Forms as the content of one sheet: each block's cells at its sheet rows (a block made by
 * formBlock(p, year, top) sits from `top`), and the layout that frames them — borders, wrapped
 * text, bold title and headers, the 符号 and 完成情况 drop-down lists, A4 landscape.
 */
export function formsSheet(name: string, blocks: { top: number; block: Block }[]): { sheet: Sheet; layout: SheetLayout } {
  const rows: (Cell | undefined)[][] = [];
  const layout: SheetLayout = { widths: FORM_WIDTHS, landscape: true, borders: [], wrapRows: [], titleRows: [], boldRows: [], validations: [] };
  const merges: Range[] = [];
  for (const { top, block } of blocks) {
    block.rows.forEach((row, i) => (rows[top + i] = row));
    merges.push(...block.merges);
    const bottom = top + block.rows.length - 1;
    layout.borders!.push({ top: top + 1, left: 0, bottom, right: WIDTH - 1 });
    for (let r = top + 1; r <= bottom; r++) layout.wrapRows!.push(r);
    layout.titleRows!.push(top + block.titleRow);
    layout.boldRows!.push(...block.headerRows.map((h) => top + h));
    layout.validations!.push(...block.validations);
  }
  // Rows above the first block (forms already in the sheet) stay empty here.
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return { sheet: { name, rows, merges }, layout };
}
