import Decimal from 'decimal.js';
import type { Workbook } from '../core/grid';
import { cellAt, cellText } from '../core/grid';
import { readAmount } from '../core/amount';
import { Item, RecognizedTable, figuresUnusable, wanPerUnit } from '../recognize/model';
import { CheckResult, Verdict } from '../check';
import { EDITIONS, Edition, editionChoice } from '../editions';
import { tablesYear } from '../narrative/model';
import { unitNameOf } from '../crossRules/unit-name';
import { scanTexts } from '../core/textScan';

/**
 * One unit's part in its department's 汇总: what it is (name, table set, year, template), how its
 * check ended, and every amount of its tables by the cell's meaning — table, row (科目编码, a named
 * row, a 类), column — never by where it stands, so units laid out differently add up. Kept small:
 * a department of 500 units is read one unit at a time and only this is kept of each.
 */

export interface UnitFigures {
  file: string;
  /** As the unit names itself (部门：… on its tables, its cover), else its file's name. */
  name: string;
  /** The table set (editionChoice) and its id. */
  edition: string;
  setId: string;
  year?: number;
  /** The template it came from, when it carries one (id and version). */
  template?: { id: string; version: string };
  verdict: Verdict;
  /** Open 强制 findings. */
  blocking: number;
  /** Amount (万元) by cell key (cellKey): totals included. */
  amounts: Map<string, Decimal>;
  /** The 科目 rows of each coded table (code and name as printed), in the order found. */
  codes: Record<string, { code: string; name: string }[]>;
  /** Tables whose figures could not be read reliably: the unit is refused (a 汇总 is not made of part of a unit). */
  unread: string[];
  /** Why the unit cannot be consolidated at all (not a disclosure, several units in one file). */
  refused?: string;
}

/** A unit whose file could not be read at all, under its file's name, with why. */
export function refusedUnit(file: string, why: string): UnitFigures {
  return {
    file,
    name: file.replace(/\.[^.]+$/, ''),
    edition: '',
    setId: '',
    verdict: '未找到公开表',
    blocking: 0,
    amounts: new Map(),
    codes: {},
    unread: [],
    refused: why,
  };
}

/** The sheets a 汇总 writes beside its tables (build.ts): what tells a 汇总 from a unit's workbook. */
export const LIST_SHEET = '单位清单';
export const DETAIL_SHEET = '明细';

/** A row of a table by its meaning: 科目编码, a 类 of a summary table, a named row, 合计. */
export function rowKey(it: Pick<Item, 'code' | 'classCode' | 'key' | 'isTotal' | 'label'>): string {
  if (it.code) return it.code;
  if (it.classCode) return 'class:' + it.classCode;
  if (it.key) return it.key;
  return it.isTotal ? '合计' : 'label:' + it.label;
}

/** A cell by its meaning: table id, row key, column key. */
export const cellKey = (table: string, row: string, col: string): string => `${table}\t${row}\t${col}`;

export function splitKey(key: string): { table: string; row: string; col: string } {
  const [table, row, col] = key.split('\t');
  return { table, row, col };
}

/** The unit's part, from its workbook and its check (recognition, verdict). */
export function unitFigures(wb: Workbook, checked: Pick<CheckResult, 'recognition' | 'verdict' | 'blocking'>, file: string): UnitFigures {
  const rec = checked.recognition;
  const fallback = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const first = rec.tables[0];
  const ed = first ? editionOfTable(first) : undefined;
  const out: UnitFigures = {
    file,
    name: fallback,
    edition: ed ? editionChoice(ed) : '',
    setId: ed?.tables.id ?? '',
    verdict: checked.verdict,
    blocking: checked.blocking,
    amounts: new Map(),
    codes: {},
    unread: [],
  };
  const head = wb.templateRecord?.[0];
  if (head?.[0] === '决算模板结构' && head[1]) out.template = { id: head[1], version: head[2] ?? '' };
  if (!rec.tables.length) {
    out.refused = '未找到公开表，不是部门决算公开文件';
    return out;
  }
  // A 汇总 written earlier (its 单位清单 and 明细 beside the tables) is no unit: added again, its units would count twice.
  if (wb.sheets.some((x) => x.name === LIST_SHEET) && wb.sheets.some((x) => x.name === DETAIL_SHEET)) {
    out.refused = '这是一份部门汇总（含“单位清单”“明细”），不能再作为一个单位汇总';
    return out;
  }
  if (rec.scopes.length > 1) {
    out.refused = `含 ${rec.scopes.length} 个单位的公开表（已是汇总或合并的文件），不能作为一个单位汇总`;
    return out;
  }
  out.name = unitNameOf(wb, rec.tables) ?? fallback;
  // The year its tables state, else the one its text names most (a PDF's year line may stand apart from its tables).
  out.year = tablesYear(new Map(rec.tables.map((t) => [t.spec.id, t]))) ?? scanTexts(wb).year;
  for (const t of rec.tables) {
    if (figuresUnusable(t)) {
      out.unread.push(t.spec.code);
      continue;
    }
    addTable(out, t);
  }
  // A table read in doubt would leave the 汇总 short by what it holds: the unit is not added in part.
  if (out.unread.length) out.refused = `${out.unread.join('、')} 未能可靠读取，不能纳入汇总：请提供该单位的工作簿（或可复制文字的原版 PDF）`;
  return out;
}

/** The edition a recognized table is of (every table of a recognition shares it). */
function editionOfTable(t: RecognizedTable): Edition | undefined {
  return EDITIONS.find((e) => e.tables.tables.includes(t.spec));
}

/** A 科目's name as the unit printed it (the recognizer's label is normalized). */
function printedName(t: RecognizedTable, it: Item): string {
  const texts = (t.sheet.rows[it.row] ?? []).map((c) => cellText(c).trim());
  return texts.find((x) => x && x !== it.code && !/^[\d.,\-]+$/.test(x) && !x.startsWith(it.code!)) ?? it.label;
}

function addTable(out: UnitFigures, t: RecognizedTable): void {
  const scale = new Decimal(wanPerUnit(t));
  const codes: { code: string; name: string }[] = [];
  for (const it of t.items) {
    if (t.spec.kind === 'coded' && it.code) codes.push({ code: it.code, name: printedName(t, it) });
    const row = rowKey(it);
    for (const col in it.cols) {
      const a = readAmount(cellAt(t.sheet, it.row, it.cols[col]));
      if (a.kind !== 'num') continue;
      const key = cellKey(t.spec.id, row, col);
      // A row printed twice (a page's header repeated) is counted once.
      if (!out.amounts.has(key)) out.amounts.set(key, a.value.times(scale));
    }
  }
  if (codes.length) out.codes[t.spec.id] = codes;
}
