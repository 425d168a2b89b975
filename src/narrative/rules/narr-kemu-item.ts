import Decimal from 'decimal.js';
import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { a1, cellAt } from '../../core/grid';
import { meets, exact, printed, Interval } from '../../core/interval';
import { readAmount, amountInterval } from '../../core/amount';
import { normLabel } from '../../core/text';
import { mentionInterval, textFinding, quote, money, Narrative } from '../model';
import { Mention, itemStarts } from '../mentions';
import { RecognizedTable, Item, wanPerUnit, figuresUnusable } from '../../recognize/model';
import { isValue, isBudget, TO_WAN } from './helpers';

/**
 * The 科目 items of the narrative ("一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）
 * 355.81 万元，主要用于…；年初预算为 300.00 万元，支出决算为 355.81 万元"), numbered or not: the
 * figure after an item's 科目 and its 支出决算 are one figure; and both are the table's figure of
 * that 科目 — in the table of the fund the section speaks of (一般公共预算 → 公开05, 政府性基金 →
 * 公开07, 国有资本经营 → 公开08).
 */

/** The fund a section speaks of: its table and the column of its 本年支出. */
const FUNDS: [RegExp, string, string[]][] = [
  [/政府性基金/, 'gk07', ['zc']],
  [/国有资本经营/, 'gk08', ['hj', 'zc']],
  [/一般公共预算|财政拨款/, 'gk05', ['xj']],
];

const bare = (s: string) => normLabel(s).replace(/[()（）“”"]/g, '');

interface KemuPath {
  names: { name: string; level: '类' | '款' | '项' }[];
}

/** The 科目 path an item opens with: its names by level. */
function pathAt(text: string, at: number): KemuPath {
  const head = text
    .slice(at, at + 100)
    .replace(/^\d{1,2}\s*[、.．]\s*/, '')
    .split(/\d/)[0];
  // The names between the level marks (a name may hold brackets of its own: 政府办公厅（室）及相关机构事务).
  const parts = head.split(/[（(](类|款|项)[）)]/);
  const names: KemuPath['names'] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const name = parts[i].replace(/^[\s“"「、，,：:]+|[\s”"」]+$/g, '');
    if (!name || /[，,。；;：:]/.test(name)) break;
    names.push({ name, level: parts[i + 1] as '类' | '款' | '项' });
  }
  return { names };
}

/** The row of a table a path names: by its last name, told apart by its parents' names. */
function rowOf(t: RecognizedTable, path: KemuPath): Item | undefined {
  const last = path.names[path.names.length - 1];
  if (!last) return undefined;
  const len = last.level === '类' ? 3 : last.level === '款' ? 5 : 7;
  const byCode = new Map(t.items.filter((i) => i.code).map((i) => [i.code!, i]));
  const fits = t.items.filter((i) => i.code?.length === len && bare(i.label) === bare(last.name));
  const parents = path.names.slice(0, -1);
  const ok = fits.filter((i) =>
    parents.every((p) => {
      const plen = p.level === '类' ? 3 : 5;
      const parent = byCode.get(i.code!.slice(0, plen));
      // A 类 may be named without its 支出 (一般公共服务（类）).
      return !parent || !bare(parent.label) || bare(parent.label) === bare(p.name) || bare(parent.label) === bare(p.name) + '支出';
    }),
  );
  return ok.length === 1 ? ok[0] : undefined;
}

function tableFigure(t: RecognizedTable, it: Item, cols: string[]): { iv: Interval; value: string; r: number; c: number } | undefined {
  const col = cols.map((k) => it.cols[k]).find((c) => c !== undefined);
  if (col === undefined || figuresUnusable(t)) return undefined;
  const a = readAmount(cellAt(t.sheet, it.row, col));
  const iv = amountInterval(a);
  if (!iv || a.kind === 'text') return undefined;
  const f = wanPerUnit(t);
  const v = a.kind === 'num' ? a.value.times(f) : new Decimal(0);
  return { iv: f === 1 ? iv : { lo: iv.lo.times(f), hi: iv.hi.times(f) }, value: money(v), r: it.row, c: col };
}

/** An amount in 万元 as an interval. */
const wan = (m: Mention): Interval | undefined => {
  const f = TO_WAN[m.unit ?? ''];
  if (f === undefined) return undefined;
  const iv = mentionInterval(m);
  return f === 1 ? iv : { lo: iv.lo.times(f), hi: iv.hi.times(f) };
};

export const narrKemuItem: Rule = {
  id: 'narr-kemu-item',
  name: '科目金额',
  level: '强制',
  title: '情况说明中逐项说明的科目金额前后一致，并与该资金来源的公开表中该科目的决算数一致',
  run(ctx) {
    const n: Narrative = ctx.narrative();
    const out: Finding[] = [];
    // Items: the mentions of one 科目 (a numbered item over its paragraphs, or one of a paragraph's items).
    const groups = new Map<string, { ms: Mention[]; path?: KemuPath; where: string; text?: string }>();
    let k = 0;
    for (const [p, ms] of n.byParagraph) {
      k++;
      if (p.heading) continue;
      const starts = itemStarts(p.text);
      // A numbered item is one over the paragraphs a PDF's line breaks cut it into (its path too).
      if (p.item) {
        const key = `${p.section}|${p.subsection}|${p.item}`;
        const g = groups.get(key) ?? { ms: [], where: `${p.section} ${p.subsection}`, text: '' };
        g.ms.push(...ms);
        g.text += p.text;
        groups.set(key, g);
        continue;
      }
      for (const m of ms) {
        if (!m.item) continue;
        const key = `${k}|${m.item}`;
        const g = groups.get(key) ?? { ms: [], where: `${p.section} ${p.subsection}`, path: pathAt(p.text, starts[m.item - 1]) };
        g.ms.push(m);
        groups.set(key, g);
      }
    }
    for (const g of groups.values()) {
      if (g.text !== undefined) {
        const starts = itemStarts(g.text);
        if (starts.length) g.path = pathAt(g.text, starts[0]);
      }
      // An item of a 项 only: a path cut short (its 项 not read) names no row to compare with.
      if (!g.path?.names.length || g.path.names[g.path.names.length - 1].level !== '项') continue;
      // The item's own figures: the one after its 科目 and its 支出决算 (not its budgets, not last year's).
      const figures = g.ms.filter((m) => isValue(m) && !isBudget(m) && m.unit && wan(m) && !/预算|执行|上年|预留|采购/.test(m.label));
      if (!figures.length) continue;
      const fund = FUNDS.find(([re]) => re.test(g.where));
      const t = fund && n.tables.get(fund[1]);
      const row = t && rowOf(t, g.path);
      const tf = t && row ? tableFigure(t, row, fund![2]) : undefined;
      if (t && row && tf) {
        // Against the table of the section's fund: the first figure that is not the table's.
        const wrong = figures.find((m) => !meets(wan(m)!, tf.iv) && !meets(printed(m.value, m.decimals), exact(tf.iv.lo.plus(tf.iv.hi).div(2))));
        if (wrong)
          out.push(
            textFinding({
              rule: this.id,
              severity: 'error',
              p: wrong.para,
              start: wrong.start,
              end: wrong.end,
              message: `与公开表不符：${quote(wrong.para, wrong.start, wrong.end)}，${t.spec.code}「${row.code} ${row.label}」为 ${tf.value}`,
              expected: tf.value,
              actual: wrong.value.toFixed(wrong.decimals),
              related: [{ sheet: t.sheet.name, cell: a1(tf.r, tf.c) }],
            }),
          );
        continue;
      }
      // No table row to read: the item's figures against each other.
      const first = figures[0];
      const other = figures.find((m) => !meets(wan(m)!, wan(first)!));
      if (other)
        out.push(
          textFinding({
            rule: this.id,
            severity: 'error',
            p: other.para,
            start: other.start,
            end: other.end,
            message: `同一科目金额前后不一致：前文写作 ${quote(first.para, first.start, first.end)}，此处写作 ${quote(other.para, other.start, other.end)}`,
          }),
        );
    }
    return out;
  },
};
