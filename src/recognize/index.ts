import { Workbook, Sheet } from '../core/grid';
import { normLabel } from '../core/text';
import { scanTexts, TextScan, SheetScan, mentions } from '../core/textScan';
import { TableSetSpec, TableSpec } from '../specs/types';
import { SheetView, isMetaRow } from './sheetView';
import { TABLE_SETS, editionOf, FunctionClasses } from '../editions';
import { readCoded } from './coded';
import { readSides } from './sides';
import { readEcon } from './econ';
import { readMatrix } from './matrix';
import { BodyResult, isBodyError } from './body';
import { readingDoubt, relationDoubt } from './doubt';
import { rowShift } from './shift';
import { Recognition, RecognizedTable, TitleHit } from './model';

export * from './model';
export { SheetView } from './sheetView';
export { scanTexts } from '../core/textScan';
export type { TextScan } from '../core/textScan';

/** Words that, just before a title, make it another table's title (…财政拨款支出决算表). */
const TITLE_PREFIX_FORBIDDEN = /(财政拨款|预算|收入|支出|基本|经费|决算)$/;
/** Sheet-name prefix of the prior year's disclosure in a workbook. */
export const PRIOR_PREFIX = '上年';
const SECTION_STOP = /^第[一二三四五六七八九十]+部分|绩效自评表$/;
/** Characters every SECTION_STOP text holds, whatever its spacing or numbering. */
const STOP_CHARS = ['部', '表'];

interface TitleIndex {
  titles: { norm: string; spec: TableSpec }[];
  /** Texts already matched (every unit of a workbook prints the same titles), with their table or null. */
  seen: Map<string, TableSpec | null>;
}

const titleIndexes = new WeakMap<TableSetSpec, TitleIndex>();

/** The set's titles, longest first; one index per set, kept with it. */
function titleIndex(set: TableSetSpec): TitleIndex {
  let idx = titleIndexes.get(set);
  if (!idx) {
    const titles: { norm: string; spec: TableSpec }[] = [];
    for (const spec of set.tables) for (const t of spec.titles) titles.push({ norm: normLabel(t), spec });
    titles.sort((a, b) => b.norm.length - a.norm.length);
    idx = { titles, seen: new Map() };
    titleIndexes.set(set, idx);
  }
  return idx;
}

/** The table a cell's text titles, if any: the longest title it ends with, after a neutral prefix. */
export function matchTitle(text: string, idx: TitleIndex): TableSpec | undefined {
  const hit = idx.seen.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const spec = matchTitleText(text, idx);
  if (idx.seen.size >= 5000) idx.seen.clear();
  idx.seen.set(text, spec ?? null);
  return spec;
}

function matchTitleText(text: string, idx: TitleIndex): TableSpec | undefined {
  if (!text || text.length > 60 || !text.includes('表')) return undefined;
  if (/[，。；]/.test(text)) return undefined;
  const t = text.replace(/^公开\d{1,2}表/, '').replace(/[(（][^)）]*[)）]$/, '');
  for (const { norm, spec } of idx.titles) {
    if (!t.endsWith(norm)) continue;
    const prefix = t.slice(0, t.length - norm.length);
    if (prefix.length > 40 || TITLE_PREFIX_FORBIDDEN.test(prefix) || prefix.includes('财政拨款')) return undefined;
    return spec;
  }
  return undefined;
}

function readBody(spec: TableSpec, view: SheetView, headerTop: number, end: number, classes: FunctionClasses): BodyResult {
  switch (spec.kind) {
    case 'coded':
      return readCoded(spec, view, headerTop, end);
    case 'sides':
      return readSides(spec, view, headerTop, end, classes);
    case 'econ':
      return readEcon(spec, view, headerTop, end);
    case 'matrix':
      return readMatrix(spec, view, headerTop, end);
  }
}

/** The unit a table's 单位 line (between its title and header) gives, when it is not 万元. */
function unitOf(view: SheetView, top: number, bottom: number): '元' | '千元' | undefined {
  for (let r = top; r <= bottom; r++)
    for (const { t } of view.rowTexts(r)) {
      const m = /单位[:：]?[(（]?(万元|千元|元)[)）]?$/.exec(t);
      if (m) return m[1] === '万元' ? undefined : (m[1] as '元' | '千元');
    }
  return undefined;
}

/** What recognition found on one sheet: its tables in row order, and titles whose body could not be read. */
export interface SheetTables {
  sheet: Sheet;
  tables: RecognizedTable[];
  unreadable: { hit: TitleHit; reason: string }[];
}

/**
 * Find every table of the set in every sheet, wherever it stands: by its title, then its header
 * texts and row labels/codes. Never by cell address, table number or order.
 */
export function recognize(wb: Workbook, set: TableSetSpec, scan: TextScan = scanTexts(wb)): Recognition {
  const perSheet: SheetTables[] = [];
  for (let s = 0; s < wb.sheets.length; s++) perSheet.push(recognizeSheet(wb.sheets[s], set, scan.sheets[s]));
  return assemble(perSheet);
}

/** The tables of one sheet (recognize's work for each sheet); `scan` is the sheet's part of the workbook's scan. */
export function recognizeSheet(sheet: Sheet, set: TableSetSpec, scan: SheetScan = scanTexts({ sheets: [sheet] }).sheets[0]): SheetTables {
  const idx = titleIndex(set);
  // Function classes are named as the edition of the set names them (公开01/04's class rows).
  const classes = editionOf(set).functionClasses;
  const isTitle = (t: string) => matchTitle(t, idx) !== undefined;
  const view = new SheetView(sheet);
  const hits: TitleHit[] = [];
  const stops: number[] = [];
  /** A row that is no title: a part heading stands alone on it (or with one other text). */
  const stopAt = (r: number) => {
    if (!view.textCountAtMost(r, 2)) return;
    const first = view.firstText(r);
    if (first && SECTION_STOP.test(first)) stops.push(r);
  };
  if (view.hasMerges) {
    // A merged cell's text counts on every row it spans: read the rows through the view.
    for (let r = 0; r < view.rowCount; r++) {
      const c = view.titleColumn(r, isTitle);
      if (c >= 0) hits.push({ spec: matchTitle(view.text(r, c), idx)!, sheet, at: { r, c } });
      else stopAt(r);
    }
  } else {
    // Titles and part headings hold 表 or 部 (normalizing adds neither): only the rows the scan
    // found such a text on need reading.
    const texts = scan.marked;
    for (let k = 0; k < texts.length;) {
      const r = texts[k].r;
      let c = -1;
      let stopChars = false;
      for (; k < texts.length && texts[k].r === r; k++) {
        const raw = texts[k].raw;
        if (!mentions(raw, STOP_CHARS)) continue;
        stopChars = true;
        if (c >= 0 || !raw.includes('表')) continue;
        const t = view.text(r, texts[k].c);
        if (t && isTitle(t)) c = texts[k].c;
      }
      if (c >= 0) hits.push({ spec: matchTitle(view.text(r, c), idx)!, sheet, at: { r, c } });
      else if (stopChars) stopAt(r);
    }
  }
  const tables: RecognizedTable[] = [];
  const unreadable: { hit: TitleHit; reason: string }[] = [];
  hits.forEach((hit, i) => {
    let end = (hits[i + 1]?.at.r ?? view.rowCount) - 1;
    const stop = stops.find((s) => s > hit.at.r && s <= end);
    if (stop !== undefined) end = stop - 1;
    let headerTop = hit.at.r + 1;
    while (headerTop <= end && isMetaRow(view.rowTexts(headerTop))) headerTop++;
    if (headerTop > end) {
      unreadable.push({ hit, reason: '标题下没有表格内容' });
      return;
    }
    let body: BodyResult;
    try {
      body = readBody(hit.spec, view, headerTop, end, classes);
    } catch {
      body = { error: '表格结构无法识别' };
    }
    if (isBodyError(body)) {
      unreadable.push({ hit, reason: body.error });
      return;
    }
    const { dataStart, dataEnd, columns, items, missing, truncated } = body;
    const t: RecognizedTable = { spec: hit.spec, sheet, scope: '', titleAt: hit.at, headerTop, dataStart, dataEnd, columns, items, missing, truncated };
    const unit = unitOf(view, hit.at.r, Math.min(headerTop + 1, end));
    if (unit) t.unit = unit;
    // A doubt in reading first; then a block one row off its 科目 (one precise cause); else a
    // table most of whose relations fail at once is in doubt too.
    const doubt = readingDoubt(t);
    if (doubt) t.doubt = doubt;
    const shifted = doubt ? undefined : rowShift(t);
    if (shifted) t.shifted = shifted;
    const failing = doubt || shifted ? undefined : relationDoubt(t);
    if (failing) t.doubt = failing;
    tables.push(t);
  });
  return { sheet, tables, unreadable };
}

/**
 * The disclosure a sheet's tables belong to: a sheet holding several different tables is a
 * disclosure of its own (sheet:…); sheets holding one table each together form the workbook's.
 * Last year's sheets (上年…, imported with --prior) are a disclosure of their own (prior…).
 */
export function scopeOfSheet(ps: SheetTables): string {
  const distinct = new Set<string>();
  for (const t of ps.tables) distinct.add(t.spec.id);
  const priorSheet = ps.sheet.name.startsWith(PRIOR_PREFIX);
  return distinct.size >= 2 ? `${priorSheet ? 'prior:' : 'sheet:'}${ps.sheet.name}` : priorSheet ? 'prior' : 'workbook';
}

/** The recognition of the sheets' tables (in sheet order): each table in its scope, a table found twice in one scope kept once. */
export function assemble(perSheet: readonly SheetTables[]): Recognition {
  const out: Recognition = { tables: [], unreadable: [], duplicates: [], scopes: [] };
  const seen = new Map<string, Set<string>>();
  for (const ps of perSheet) {
    const scope = scopeOfSheet(ps);
    if (!seen.has(scope)) {
      seen.set(scope, new Set());
      out.scopes.push(scope);
    }
    const ids = seen.get(scope)!;
    for (const t of ps.tables) {
      t.scope = scope;
      if (ids.has(t.spec.id)) out.duplicates.push(t);
      else {
        ids.add(t.spec.id);
        out.tables.push(t);
      }
    }
    for (const u of ps.unreadable) if (!ps.tables.some((t) => t.spec.id === u.hit.spec.id)) out.unreadable.push(u);
  }
  // An unreadable title counts only when that table is not found elsewhere in its scope.
  out.unreadable = out.unreadable.filter((u) => !out.tables.some((t) => t.spec.id === u.hit.spec.id));
  if (out.scopes.length === 0) out.scopes.push('workbook');
  return out;
}

/**
 * The table set a workbook is written in: the one whose titles it shows most (each table once,
 * matched as recognition matches titles), then the one of the year it states ("2024 年度"),
 * then the default.
 */
export function pickTableSet(wb: Workbook, scan: TextScan = scanTexts(wb)): TableSetSpec {
  const raw = new Set<string>();
  for (const sheet of scan.sheets) for (const t of sheet.marked) if (t.raw.includes('表')) raw.add(t.raw);
  const year = scan.year;
  const texts = new Set([...raw].map(normLabel));
  const score = (set: TableSetSpec) => {
    const idx = titleIndex(set);
    const found = new Set<string>();
    for (const t of texts) {
      const spec = matchTitle(t, idx);
      if (spec) found.add(spec.id);
    }
    return found.size;
  };
  let best = TABLE_SETS[0];
  let bestScore = score(best);
  for (const set of TABLE_SETS.slice(1)) {
    const sc = score(set);
    if (sc > bestScore || (sc === bestScore && sc > 0 && set.year === year && best.year !== year)) {
      best = set;
      bestScore = sc;
    }
  }
  return best;
}
