import { Workbook, Sheet, Range, newSheet, setCell, a1, colLetters, quoteSheet } from '../core/grid';
import { SheetLayout, rangesOf } from '../core/layout';
import { TableSetSpec, TableSpec, CodedTableSpec, SidesTableSpec, EconTableSpec, MatrixTableSpec, RowSumSpec, CrossSpec, CellSel } from '../specs/types';
import { Edition, HeaderBlock, editionOf, editionByChoice, editionChoice, EDITIONS, DEFAULT_EDITION } from '../editions';
import { projectListSheet, PROJECT_LIST_LAYOUT } from '../forms/generate';
import { CODE_RE } from '../recognize/sheetView';
import { defaultYear } from '../core/year';
import { TemplateIdentity, structureFingerprint, structureRows, TEMPLATE_SHEET } from './identity';

/**
 * The scaffold: a blank disclosure workbook in the official layout, one sheet per table, with a
 * live formula in every total (row totals, 类/款 sums, 合计/总计) and in every cell that the
 * summary tables (公开01/04) take from the detail tables. Pure: returns a grid plus print layout.
 */

export interface ScaffoldCode {
  code: string;
  name?: string;
}

export interface ScaffoldOptions {
  unit: string;
  year?: number;
  /** 功能分类科目 of the unit (any level; parents are added). Default: a typical administrative unit. */
  codes?: ScaffoldCode[];
  set?: TableSetSpec;
  /** The edition chosen (editionByChoice: '全国通用', '上海市', an id); the default edition otherwise. Never the year. */
  edition?: string;
  /** Add an empty 项目清单 (from which the 绩效自评表 are generated). */
  projectList?: boolean;
  /**
   * The 科目 rows of one coded table, by table id (a department's 汇总 lists in each table the
   * rows its units listed there): parents are added; a table not named takes `codes`.
   */
  tableCodes?: Record<string, ScaffoldCode[]>;
  /** The id and version a department gives its template (else the table set and year, version 1). */
  templateId?: string;
  templateVersion?: string;
}

export interface Pos {
  r: number;
  c: number;
}

export interface ScaffoldResult {
  workbook: Workbook;
  layouts: Record<string, SheetLayout>;
  /** Cells the user fills in, by sheet name. */
  inputs: Record<string, Pos[]>;
  /** Cells holding formulas, by sheet name. */
  formulas: Record<string, Pos[]>;
  /** The 功能分类科目 listed in the coded tables, parents included, in code order. */
  codes: { code: string; name: string }[];
  /** What the template is, stamped into the workbook written (scaffold/identity.ts). */
  identity: TemplateIdentity;
  /** Its record of itself (a very hidden sheet, written with the tables): what its copies are told against. */
  record: Sheet;
}

export const MONEY_FMT = '#,##0.00';
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n - 1];
  if (n < 20) return '十' + NUMERALS[n - 11];
  const t = Math.floor(n / 10);
  const u = n % 10;
  return NUMERALS[t - 1] + '十' + (u ? NUMERALS[u - 1] : '');
}

const abs = (r: number, c: number) => `$${colLetters(c)}$${r + 1}`;

/** Where a table's parts ended up, for formulas that refer to it from other sheets. */
interface Placed {
  spec: TableSpec;
  sheet: Sheet;
  cols: Record<string, number>;
  /** sides: row key → row; econ: total key/code → row and column. */
  rows: Record<string, number>;
  /** coded: code column, 合计 row, first/last body rows (the 合计 row included). */
  codeCol?: number;
  totalRow?: number;
  bodyTop?: number;
  bodyBottom?: number;
  /** coded: row of each code. */
  codeRows?: Map<string, number>;
  /** sides: class code → row. */
  classRows?: Map<string, number>;
  /** econ: code → {r, c} of its amount. */
  econCells?: Map<string, Pos>;
  dataRow?: number;
}

class SheetWriter {
  readonly sheet: Sheet;
  readonly layout: SheetLayout = { landscape: true, boldRows: [], centerRows: [], borders: [], widths: [] };
  readonly inputs: Pos[] = [];
  readonly formulas: Pos[] = [];
  private defined = new Set<string>();

  constructor(name: string) {
    this.sheet = newSheet(name, 'scaffold');
  }
  text(r: number, c: number, t: string) {
    if (t !== '') setCell(this.sheet, r, c, { value: t });
  }
  merge(top: number, left: number, bottom: number, right: number) {
    if (bottom > top || right > left) this.sheet.merges.push({ top, left, bottom, right });
  }
  isDefined(r: number, c: number) {
    return this.defined.has(r + ',' + c);
  }
  formula(r: number, c: number, f: string) {
    if (this.isDefined(r, c)) return false;
    this.defined.add(r + ',' + c);
    setCell(this.sheet, r, c, { value: null, formula: f, numFmt: MONEY_FMT });
    this.formulas.push({ r, c });
    return true;
  }
  input(r: number, c: number) {
    if (this.isDefined(r, c)) return;
    this.defined.add(r + ',' + c);
    setCell(this.sheet, r, c, { value: null, numFmt: MONEY_FMT });
    this.inputs.push({ r, c });
  }
  /** Title, 部门/表号 and 年度/金额单位 rows; returns the first row below them. */
  head(spec: TableSpec, unit: string, year: number, width: number): number {
    this.text(0, 0, spec.title);
    this.merge(0, 0, 0, width - 1);
    this.layout.titleRows = [0];
    this.text(1, 0, `部门：${unit}`);
    this.merge(1, 0, 1, Math.max(0, width - 2));
    this.text(1, width - 1, spec.code.startsWith('公开') ? `${spec.code}表` : spec.code);
    this.text(2, 0, `${year}年度`);
    this.merge(2, 0, 2, Math.max(0, width - 2));
    this.text(2, width - 1, '金额单位：万元');
    return 3;
  }
  header(block: HeaderBlock, top: number, left = 0): number {
    block.rows.forEach((row, i) => row.forEach((t, c) => this.text(top + i, left + c, t)));
    for (const [t, l, b, r] of block.merges) this.merge(top + t, left + l, top + b, left + r);
    const bottom = top + block.rows.length - 1;
    for (let r = top; r <= bottom; r++) this.layout.centerRows!.push(r);
    this.layout.freezeRows = bottom + 1;
    return bottom + 1;
  }
  note(r: number, text: string | undefined, width: number) {
    if (!text) return;
    this.text(r, 0, text);
    this.merge(r, 0, r, width - 1);
    this.layout.noteRows = [r];
  }
  frame(top: number, bottom: number, width: number, widths: number[]) {
    this.layout.borders!.push({ top, left: 0, bottom, right: width - 1 } as Range);
    this.layout.widths = widths;
  }
}

/** Apply a table's row sums (total column = Σ plus − Σ minus) on one row. */
function rowSums(w: SheetWriter, sums: RowSumSpec[] | undefined, r: number, cols: Record<string, number>, side?: 'income' | 'expense') {
  for (const s of sums ?? []) {
    if (s.side && side && s.side !== side) continue;
    if (s.side && !side) continue;
    const t = cols[s.total];
    if (t === undefined) continue;
    const plus = s.plus
      .map((k) => cols[k])
      .filter((c) => c !== undefined)
      .map((c) => a1(r, c));
    const minus = (s.minus ?? [])
      .map((k) => cols[k])
      .filter((c) => c !== undefined)
      .map((c) => a1(r, c));
    if (!plus.length) continue;
    w.formula(r, t, plus.join('+') + minus.map((m) => '-' + m).join(''));
  }
}

/** The unit's codes with every parent added, in code order. */
function expandCodes(codes: ScaffoldCode[], ed: Edition): { code: string; name: string }[] {
  const names = new Map<string, string>();
  for (const { code, name } of codes) {
    const k = code.trim();
    if (!CODE_RE.test(k)) continue;
    for (let len = 3; len <= k.length; len += 2) {
      const p = k.slice(0, len);
      if (!names.has(p) || (p === k && name)) names.set(p, (p === k && name) || ed.kemu.gongnengName(p) || ed.functionClasses.name(p) || '');
    }
  }
  return [...names.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, name]) => ({ code, name }));
}

function buildCoded(
  spec: CodedTableSpec,
  unit: string,
  year: number,
  codes: { code: string; name: string }[],
  ed: Edition,
): { w: SheetWriter; placed: Placed } {
  const block = ed.layout.codedHeaders[spec.id];
  const width = block.rows[0].length;
  const w = new SheetWriter(spec.code);
  let r = w.header(block, w.head(spec, unit, year, width));
  const cols: Record<string, number> = {};
  for (const [c, key] of Object.entries(block.cols)) cols[key] = Number(c);
  const totalRow = r;
  w.text(r, 0, '合计');
  w.merge(r, 0, r, 1);
  w.layout.boldRows!.push(r);
  const codeRows = new Map<string, number>();
  const rows = codes.length ? codes : [{ code: '', name: '' }];
  for (const { code, name } of rows) {
    r++;
    if (code) {
      w.text(r, 0, code);
      w.text(r, 1, name);
      codeRows.set(code, r);
    }
  }
  const bodyBottom = r;
  const rng = (c: number) => `${abs(totalRow + 1, c)}:${abs(bodyBottom, c)}`;
  const codeRng = rng(0);
  const isParent = (code: string) => codes.some((x) => x.code.length === code.length + 2 && x.code.startsWith(code));
  for (const key of spec.hierarchy) {
    const c = cols[key];
    if (c === undefined) continue;
    w.formula(totalRow, c, `SUMPRODUCT((LEN(${codeRng})=3)*${rng(c)})`);
    for (const [code, row] of codeRows) {
      if (!isParent(code)) continue;
      // Its descendants follow it (codes are sorted): sum the direct children among them.
      let last = row;
      for (const [other, r2] of codeRows) if (other.length > code.length && other.startsWith(code)) last = Math.max(last, r2);
      const kids = `${abs(row + 1, 0)}:${abs(last, 0)}`;
      w.formula(row, c, `SUMPRODUCT((LEN(${kids})=${code.length + 2})*${abs(row + 1, c)}:${abs(last, c)})`);
    }
  }
  for (let row = totalRow + 1; row <= bodyBottom; row++) {
    rowSums(w, spec.rowSums, row, cols);
    for (const c of Object.values(cols)) w.input(row, c);
  }
  w.note(bodyBottom + 2, spec.note, width);
  w.frame(w.layout.freezeRows! - block.rows.length, bodyBottom, width, [16, 34, ...Array(width - 2).fill(15)]);
  return { w, placed: { spec, sheet: w.sheet, cols, rows: {}, codeCol: 0, totalRow, bodyTop: totalRow, bodyBottom, codeRows } };
}

function buildSides(spec: SidesTableSpec, unit: string, year: number, ed: Edition): { w: SheetWriter; placed: Placed } {
  const lay = ed.layout.sides[spec.id];
  const classList = ed.functionClasses.rows;
  const width = lay.header.rows[0].length;
  const w = new SheetWriter(spec.code);
  const top = w.header(lay.header, w.head(spec, unit, year, width));
  const cols: Record<string, number> = {};
  for (const [c, key] of Object.entries(lay.header.cols)) cols[key] = Number(c);
  const expand = (keys: string[]) => keys.flatMap((k) => (k === 'classes' ? classList.map((code) => 'class:' + code) : [k]));
  const sides = [lay.income, lay.expense];
  const tops = sides.map((s) => expand(s.rows.top));
  const bottoms = sides.map((s) => expand(s.rows.bottom));
  const topLen = Math.max(...tops.map((t) => t.length));
  const bottomLen = Math.max(...bottoms.map((b) => b.length));
  const rows: Record<string, number> = {};
  const classRows = new Map<string, number>();
  const rowName = (key: string) => lay.labels?.[key] ?? spec.rows.find((x) => x.key === key)?.name ?? '';
  let line = 1;
  sides.forEach((side, s) => {
    const keys = [...tops[s], ...Array(topLen - tops[s].length).fill(''), ...bottoms[s], ...Array(bottomLen - bottoms[s].length).fill('')];
    keys.forEach((key, i) => {
      const r = top + i;
      w.text(r, side.lineCol, String(line++));
      if (!key) return;
      let label: string;
      if (key.startsWith('class:')) {
        const code = key.slice(6);
        label = `${chineseNumeral(classRows.size + 1)}、${ed.functionClasses.name(code)}`;
        classRows.set(code, r);
      } else {
        label = i < topLen ? `${chineseNumeral(i + 1)}、${rowName(key)}` : rowName(key);
        rows[key] = r;
      }
      w.text(r, side.labelCol, label);
    });
  });
  const bottomRow = top + topLen + bottomLen - 1;
  for (const key of ['inc_total', 'exp_total', 'inc_grand', 'exp_grand']) if (rows[key] !== undefined) w.layout.boldRows!.push(rows[key]);
  w.note(bottomRow + 2, spec.note, width);
  w.frame(w.layout.freezeRows! - lay.header.rows.length, bottomRow, width, width > 6 ? [30, 6, 15, 30, 6, 15, 18, 18, 18] : [34, 6, 16, 34, 6, 16]);
  return { w, placed: { spec, sheet: w.sheet, cols, rows, classRows } };
}

/**
 * Formulas of a two-sided table: its own sums first (a total of 公开01 stays a sum of 公开01's
 * rows), then the links from the detail tables, then row sums; every other amount is typed in.
 */
function sidesFormulas(w: SheetWriter, p: Placed, cross: CrossSpec[], placed: Map<string, Placed>, writers: Map<string, SheetWriter>) {
  const spec = p.spec as SidesTableSpec;
  const colSide = (key: string) => spec.columns.find((c) => c.key === key)?.side;
  for (const s of spec.sums ?? []) {
    const t = s.total;
    if (!('row' in t)) continue;
    const tr = p.rows[t.row];
    const tc = p.cols[t.col];
    if (tr === undefined || tc === undefined) continue;
    const parts: string[] = [];
    for (const o of s.plus) {
      if ('row' in o && p.rows[o.row] !== undefined && p.cols[o.col] !== undefined) parts.push(a1(p.rows[o.row], p.cols[o.col]));
      else if ('classRows' in o && p.classRows!.size) {
        const rs = [...p.classRows!.values()];
        parts.push(`SUM(${a1(Math.min(...rs), p.cols[o.col])}:${a1(Math.max(...rs), p.cols[o.col])})`);
      }
    }
    if (parts.length) w.formula(tr, tc, parts.join('+'));
  }
  crossLinks(
    cross.filter((x) => (x.kind === 'eq' && x.a[0]?.table === spec.id) || (x.kind === 'eqByClass' && x.a.table === spec.id)),
    placed,
    writers,
  );
  const sideRows: [number, 'income' | 'expense'][] = [];
  for (const [key, r] of Object.entries(p.rows)) sideRows.push([r, spec.rows.find((x) => x.key === key)!.side]);
  for (const r of p.classRows!.values()) sideRows.push([r, spec.classRowsSide ?? 'expense']);
  for (const [r, side] of sideRows) rowSums(w, spec.rowSums, r, p.cols, side);
  // Everything else on a labelled row is typed in.
  for (const [r, side] of sideRows) for (const [key, c] of Object.entries(p.cols)) if (colSide(key) === side) w.input(r, c);
}

function buildEcon(spec: EconTableSpec, unit: string, year: number, ed: Edition): { w: SheetWriter; placed: Placed } {
  const ECON_LAYOUT = ed.layout.econ;
  const width = ECON_LAYOUT.groups.length * 3;
  const w = new SheetWriter(spec.code);
  let r = w.head(spec, unit, year, width);
  const header: HeaderBlock = {
    rows: [ECON_LAYOUT.groupTitles.flatMap((t) => [t, '', '']), ECON_LAYOUT.groups.flatMap(() => ['科目编码', '科目名称', '决算数'])],
    merges: [
      [0, 0, 0, 2],
      [0, 3, 0, width - 1],
    ],
    cols: {},
  };
  r = w.header(header, r);
  const bodyTop = r;
  const econCells = new Map<string, Pos>();
  let longest = 0;
  ECON_LAYOUT.groups.forEach((classes, g) => {
    let row = bodyTop;
    for (const cls of classes) {
      const kids = ed.kemu.jingjiChildren(cls);
      const clsRow = row;
      w.text(row, g * 3, cls);
      w.text(row, g * 3 + 1, ed.kemu.jingjiName(cls) ?? '');
      econCells.set(cls, { r: row, c: g * 3 + 2 });
      row++;
      for (const k of kids) {
        w.text(row, g * 3, k.code);
        w.text(row, g * 3 + 1, k.name);
        econCells.set(k.code, { r: row, c: g * 3 + 2 });
        w.input(row, g * 3 + 2);
        row++;
      }
      if (kids.length) w.formula(clsRow, g * 3 + 2, `SUM(${a1(clsRow + 1, g * 3 + 2)}:${a1(row - 1, g * 3 + 2)})`);
      else w.input(clsRow, g * 3 + 2);
    }
    longest = Math.max(longest, row - bodyTop);
  });
  const totalRow = bodyTop + longest;
  const rows: Record<string, number> = { ryjf: totalRow, gyjf: totalRow };
  const cellsOf = (codes: string[]) =>
    codes
      .map((c) => econCells.get(c)!)
      .map((p) => a1(p.r, p.c))
      .join('+');
  w.text(totalRow, 0, '人员经费合计');
  w.merge(totalRow, 0, totalRow, 1);
  w.formula(totalRow, 2, cellsOf(ECON_LAYOUT.personnel));
  w.text(totalRow, 3, '公用经费合计');
  w.merge(totalRow, 3, totalRow, width - 2);
  w.formula(totalRow, width - 1, cellsOf(ECON_LAYOUT.public));
  econCells.set('ryjf', { r: totalRow, c: 2 });
  econCells.set('gyjf', { r: totalRow, c: width - 1 });
  w.layout.boldRows!.push(totalRow);
  w.note(totalRow + 2, spec.note, width);
  w.frame(w.layout.freezeRows! - 2, totalRow, width, [10, 30, 14, 10, 24, 14, 10, 34, 14]);
  return { w, placed: { spec, sheet: w.sheet, cols: {}, rows, econCells } };
}

function buildMatrix(spec: MatrixTableSpec, unit: string, year: number, ed: Edition): { w: SheetWriter; placed: Placed } {
  const SANGONG_HEADER = ed.layout.sangongHeader;
  const width = SANGONG_HEADER.rows[0].length;
  const w = new SheetWriter(spec.code);
  const r = w.header(SANGONG_HEADER, w.head(spec, unit, year, width));
  const cols: Record<string, number> = {};
  for (const [c, key] of Object.entries(SANGONG_HEADER.cols)) cols[key] = Number(c);
  rowSums(w, spec.rowSums, r, cols);
  for (const c of Object.values(cols)) w.input(r, c);
  w.note(r + 2, spec.note, width);
  w.frame(w.layout.freezeRows! - SANGONG_HEADER.rows.length, r, width, Array(width).fill(13));
  return { w, placed: { spec, sheet: w.sheet, cols, rows: {}, dataRow: r } };
}

/**
 * Cross-table links: a summary table's (公开01/04) cell that a relation says equals one cell or one
 * class row of another table takes it by formula, unless it is already a total of its own table.
 */
function crossLinks(cross: CrossSpec[], placed: Map<string, Placed>, writers: Map<string, SheetWriter>) {
  for (const x of cross) {
    if (x.kind === 'eq') {
      if (x.a.length !== 1 || x.b.length !== 1) continue;
      const a = x.a[0];
      const pa = placed.get(a.table);
      if (!pa || pa.spec.kind !== 'sides' || !('row' in a)) continue;
      const ar = pa.rows[a.row];
      const ac = pa.cols[a.col];
      const ref = cellRef(x.b[0], placed);
      if (ar === undefined || ac === undefined || !ref) continue;
      writers.get(a.table)!.formula(ar, ac, ref);
    } else if (x.kind === 'eqByClass') {
      const pa = placed.get(x.a.table);
      const pb = placed.get(x.b.table);
      if (!pa || !pb || pa.spec.kind !== 'sides' || pb.spec.kind !== 'coded') continue;
      const ac = pa.cols[x.a.col];
      const bc = pb.cols[x.b.col];
      if (ac === undefined || bc === undefined) continue;
      const s = quoteSheet(pb.sheet.name);
      const codes = `${s}!${abs(pb.bodyTop!, pb.codeCol!)}:${abs(pb.bodyBottom!, pb.codeCol!)}`;
      const vals = `${s}!${abs(pb.bodyTop!, bc)}:${abs(pb.bodyBottom!, bc)}`;
      for (const [code, r] of pa.classRows!) writers.get(x.a.table)!.formula(r, ac, `SUMIF(${codes},"${code}",${vals})`);
    }
  }
}

function cellRef(sel: CellSel, placed: Map<string, Placed>): string | undefined {
  const p = placed.get(sel.table);
  if (!p) return undefined;
  const s = quoteSheet(p.sheet.name);
  if ('total' in sel && p.totalRow !== undefined && p.cols[sel.col] !== undefined) return `${s}!${a1(p.totalRow, p.cols[sel.col])}`;
  if ('row' in sel && p.rows[sel.row] !== undefined && p.cols[sel.col] !== undefined) return `${s}!${a1(p.rows[sel.row], p.cols[sel.col])}`;
  return undefined;
}

/**
 * A template's copy with every blank input cell 0: recognized as a filled one is (a table of
 * blanks — 三公经费's one data row — is found by its figures), where a blank template is not.
 */
export function withInputsZeroed(wb: Workbook): Workbook {
  return {
    sheets: wb.sheets.map((s) => ({ ...s, rows: s.rows.map((row) => (row ?? []).map((c) => (c && c.value === null && !c.formula ? { ...c, value: 0 } : c))) })),
  };
}

/** Build the blank template workbook for a unit. */
export function scaffold(opts: ScaffoldOptions): ScaffoldResult {
  const chosen = opts.edition ? editionByChoice(opts.edition) : DEFAULT_EDITION;
  if (!chosen) throw new Error(`未知的表格式“${opts.edition}”，可选：${EDITIONS.map(editionChoice).join('、')}`);
  const set = opts.set ?? chosen.tables;
  const ed = editionOf(set);
  const year = opts.year ?? defaultYear();
  const codes = expandCodes(opts.codes?.length ? opts.codes : ed.kemu.defaultScaffoldCodes.map((code) => ({ code })), ed);
  const writers = new Map<string, SheetWriter>();
  const placed = new Map<string, Placed>();
  for (const spec of set.tables) {
    let built: { w: SheetWriter; placed: Placed };
    if (spec.kind === 'coded') {
      const own = opts.tableCodes?.[spec.id];
      const rows = own ? expandCodes(own, ed) : (ed.layout.withoutCodes as string[]).includes(spec.id) ? [] : codes;
      built = buildCoded(spec, opts.unit, year, rows, ed);
    } else if (spec.kind === 'sides') built = buildSides(spec, opts.unit, year, ed);
    else if (spec.kind === 'econ') built = buildEcon(spec, opts.unit, year, ed);
    else built = buildMatrix(spec, opts.unit, year, ed);
    writers.set(spec.id, built.w);
    placed.set(spec.id, built.placed);
  }
  for (const [id, p] of placed) if (p.spec.kind === 'sides') sidesFormulas(writers.get(id)!, p, set.cross, placed, writers);
  const result: ScaffoldResult = {
    workbook: { sheets: [], source: `${opts.unit} ${year}年度部门决算公开（模板）` },
    layouts: {},
    inputs: {},
    formulas: {},
    codes,
    identity: { edition: editionChoice(ed), year, id: '', version: '', fingerprint: '' },
    record: newSheet(TEMPLATE_SHEET, 'text'),
  };
  for (const w of writers.values()) {
    result.workbook.sheets.push(w.sheet);
    result.layouts[w.sheet.name] = w.layout;
    result.inputs[w.sheet.name] = w.inputs;
    // The cells the unit types in are shaded and take numbers only; the totals are formulas, locked.
    w.layout.inputs = rangesOf(w.inputs);
    w.layout.locked = rangesOf(w.formulas);
    result.formulas[w.sheet.name] = w.formulas;
  }
  if (opts.projectList) {
    const list = projectListSheet();
    result.workbook.sheets.push(list);
    result.layouts[list.name] = PROJECT_LIST_LAYOUT;
  }
  result.identity = {
    edition: editionChoice(ed),
    year,
    id: opts.templateId?.trim() || `${ed.region}-${year}`,
    version: opts.templateVersion?.trim() || '1',
    fingerprint: structureFingerprint(result.workbook, result.inputs, opts.unit),
  };
  // The template's record of itself, out of the unit's sight: what its copies are told against.
  result.record.rows = structureRows(result.workbook, result.inputs, result.identity, opts.unit).map((row) => row.map((value) => ({ value })));
  return result;
}
