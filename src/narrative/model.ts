import Decimal from 'decimal.js';
import { a1 } from '../core/grid';
import { Finding, Severity } from '../core/findings';
import { sentenceParts } from '../core/sentence';
import { Interval, printed, exact } from '../core/interval';
import { readAmount, fmtMoney } from '../core/amount';
import { cellAt } from '../core/grid';
import { CellSel } from '../specs/types';
import { RuleContext, ScopeTables } from '../rules/engine';
import { RecognizedTable, cellPositions } from '../recognize/model';
import { readNarrative, locate, Paragraph } from './paragraphs';
import { extractMentions, Mention } from './mentions';
import { Edition, Binding } from '../editions';

/** The narrative of a workbook, read once per check and shared by the narrative rules. */
export interface Narrative {
  paragraphs: Paragraph[];
  mentions: Mention[];
  byParagraph: Map<Paragraph, Mention[]>;
  /** The tables the narrative speaks of (its scope). */
  tables: ScopeTables;
  /** The unit most amounts are written in ('万元' normally). */
  unit: string;
  /** The workbook's edition: its bindings, splits, function classes. */
  edition: Edition;
}

/** Read the narrative of a check's workbook (rules ask ctx.narrative(), which reads it once). */
// A rule's context reads the narrative on first ask (src/rules/contract.ts).
declare module '../rules/contract' {
  interface ContextParts {
    /** The narrative (情况说明) of the workbook, read on first ask and kept for the check. */
    narrative(): Narrative;
  }
}

export function readNarrativeOf(ctx: RuleContext): Narrative {
  const paragraphs = readNarrative(ctx.wb, ctx.scan);
  const byParagraph = new Map<Paragraph, Mention[]>();
  const mentions: Mention[] = [];
  for (const p of paragraphs) {
    const ms = p.heading ? [] : extractMentions(p);
    byParagraph.set(p, ms);
    mentions.push(...ms);
  }
  const sheet = paragraphs[0]?.sheet;
  const scope = ctx.scopes.find((s) => s.id === `sheet:${sheet?.name}`) ?? ctx.scopes.find((s) => s.id === 'workbook') ?? ctx.scopes[0];
  const units = new Map<string, number>();
  for (const m of mentions) if (m.kind === 'amount') units.set(m.unit!, (units.get(m.unit!) ?? 0) + 1);
  const unit = [...units.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '万元';
  return { paragraphs, mentions, byParagraph, tables: scope?.tables ?? new Map(), unit, edition: ctx.edition };
}

/** The interval a quoted figure stands for (printed to the decimals written). */
export function mentionInterval(m: Mention): Interval {
  // "0 万元" or "0%" says nothing was spent: a zero, not the rounding of something under ½.
  if (m.value.isZero() && m.decimals === 0) return exact(m.value);
  return printed(m.value, m.decimals);
}

/** The table cell a quoted amount names, by the edition's bindings. */
export function bindingOf(m: Mention, edition: Edition): { binding: Binding; sel: CellSel; label: string } | undefined {
  // A figure inside brackets is an aside on the one before it ("公务接待支出 0.39 万元（含外宾
  // 接待支出 0.00 万元）"): a part of that item, not the item's own figure.
  if (insideBrackets(m.context)) return undefined;
  const where = `${m.para.section} ${m.para.subsection}`;
  for (const b of edition.narrative.bindings) {
    if (!b.section.test(where)) continue;
    if (b.context && !b.context.test(m.context)) continue;
    if (b.notContext && b.notContext.test(clauseOf(m))) continue;
    if (!b.label.test(m.label)) continue;
    if (b.exclude && b.exclude.test(m.label)) continue;
    if ('classOf' in b.cell) {
      const code = edition.functionClasses.codeOfLabel(m.label);
      if (!code) continue;
      return { binding: b, sel: { table: b.cell.classOf.table, col: b.cell.classOf.col, code }, label: `${code} ${edition.functionClasses.name(code)}` };
    }
    return { binding: b, sel: b.cell, label: m.label };
  }
  return undefined;
}

/** The clause a figure stands in, up to it (a fund or a qualifier named there is its own). */
function clauseOf(m: Mention): string {
  return m.context.slice(m.context.search(/[^，,；;：:]*$/));
}

/** Whether text ends inside an open bracket: more （ than ） after the last full stop. */
function insideBrackets(context: string): boolean {
  let depth = 0;
  for (const ch of context) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
  }
  return depth > 0;
}

/** The table total a share's base phrase names (占一般公共预算项目支出总额的…). */
export function baseByName(label: string, edition: Edition): CellSel | undefined {
  return edition.narrative.baseNames.find((b) => b.label.test(label))?.cell;
}

/** A finding on a quoted fragment of the narrative. */
/** What a narrative finding says: where in its paragraph (start–end of p.raw), the message, the figure that would be right. */
export interface TextFindingOf extends Partial<Omit<Finding, 'text'>> {
  rule: string;
  severity: Severity;
  p: Paragraph;
  start: number;
  end: number;
  message: string;
  /** The figure or wording that would be right, when one can be computed. */
  suggestion?: string;
}

/** A finding on a fragment of the narrative, on the cell and offset where the fragment starts. */
export function textFinding({ rule, severity, p, start, end, message, suggestion, ...extra }: TextFindingOf): Finding {
  const at = locate(p, start);
  const fragment = p.raw.slice(start, end);
  // The sentence it stands in, from the paragraph as read (for the note and the pane).
  const sentence = sentenceParts(p.raw, { fragment, offset: start, length: end - start });
  return {
    rule,
    severity,
    table: '情况说明',
    sheet: at.sheet,
    cell: a1(at.r, at.c),
    related: [],
    message,
    text: {
      fragment,
      offset: at.cellOffset,
      length: end - start,
      ...(suggestion !== undefined ? { suggestion } : {}),
      ...(sentence ? { sentence } : {}),
    },
    ...extra,
  };
}

/** Quote of a fragment as the reader sees it, e.g. “占 66.8%”. */
export function quote(p: Paragraph, start: number, end: number): string {
  return `“${p.raw.slice(start, end).trim()}”`;
}

/** Round half up to `decimals` and print with exactly that many decimals. */
export function roundTo(v: Decimal, decimals: number): string {
  return v.toFixed(decimals, Decimal.ROUND_HALF_UP);
}

export function money(v: Decimal): string {
  return fmtMoney(v);
}

/** Start of the text that states a percentage: back to 占/增长/完成… within its clause. */
export function percentStart(m: Mention): number {
  const t = m.para.text;
  let s = m.start;
  while (s > 0 && !/[，,；;。：:]/.test(t[s - 1]) && m.start - s < 24) s--;
  return s;
}

/**
 * A wrong percentage: the finding quotes it from its verb (占/增长/完成…), gives the exact
 * computation and the figure rounded as written.
 */
export function percentFinding(
  rule: string,
  m: Mention,
  message: (quoted: string, right: string) => string,
  exactPct: Decimal,
  computedWith: (Mention | undefined)[] = [],
): Finding {
  const right = roundTo(exactPct, m.decimals);
  const s = percentStart(m);
  return textFinding({
    rule,
    severity: 'error',
    p: m.para,
    start: s,
    end: m.end,
    message: message(quote(m.para, s, m.end), right),
    suggestion: `${right}%`,
    expected: `${right}%`,
    actual: `${m.value.toFixed(m.decimals)}%`,
    ...figuresOf(computedWith),
  });
}

/** The text figures a finding computed with, for Finding.figures (one cause, one finding). */
export function figuresOf(ms: (Mention | undefined)[]): Pick<Finding, 'figures'> {
  const figures = ms
    .filter((m): m is Mention => !!m)
    .map((m) => {
      const at = locate(m.para, m.start);
      return { sheet: at.sheet, cell: a1(at.r, at.c), offset: at.cellOffset };
    });
  return figures.length ? { figures } : {};
}

/** Whether a table holds no figure other than zero. */
export function isEmptyTable(t: RecognizedTable): boolean {
  for (const it of t.items)
    for (const pos of cellPositions(it)) {
      const a = readAmount(cellAt(t.sheet, pos.r, pos.c));
      if (a.kind === 'text' || (a.kind === 'num' && !a.value.isZero())) return false;
    }
  return true;
}

/** The year the tables are of ("2023年度" between a title and its header), if stated. */
export function tablesYear(tables: ScopeTables): number | undefined {
  for (const t of tables.values())
    for (let r = t.titleAt.r; r < t.headerTop; r++)
      for (const cell of t.sheet.rows[r] ?? []) {
        const m = /(20\d{2})\s*年度?/.exec(String(cell?.value ?? ''));
        if (m) return Number(m[1]);
      }
  return undefined;
}
