import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { textFinding } from '../model';
import { Paragraph } from '../paragraphs';

/**
 * Per-科目 paragraphs ("8、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：…")
 * each say what their 科目 paid for. A purpose that names another listed 科目 of the same list
 * and not its own ("住房公积金 … 主要用于：事业单位医疗保险支出", the words of the 事业单位医疗
 * paragraph above it) was most likely copied from that paragraph: a 提示 for the accountant to read.
 */

interface KemuItem {
  /** The 项 (or 款 when no 项 is named) the item is about. */
  name: string;
  purpose: string;
  /** Where the purpose starts: paragraph and offset. */
  para: Paragraph;
  at: number;
}

const OWN = /[（(]款[)）]\s*([^（）()。，,]{2,30}?)\s*[（(]项[)）]/;
const PURPOSE = /主要用于[:：]\s*([^。]{2,80})/;

/** The items of one list: paragraphs of one numbered item joined (a PDF's line breaks cut them). */
function items(paras: Paragraph[]): KemuItem[] {
  const out: KemuItem[] = [];
  const groups = new Map<string, Paragraph[]>();
  for (const p of paras) {
    if (p.heading || !p.item) continue;
    const k = `${p.section}|${p.subsection}|${p.item}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  for (const ps of groups.values()) {
    const own = OWN.exec(ps.map((p) => p.text).join(''));
    if (!own) continue;
    for (const p of ps) {
      const m = PURPOSE.exec(p.text);
      if (m) {
        out.push({ name: own[1].replace(/\s+/g, ''), purpose: m[1].replace(/\s+/g, ''), para: p, at: m.index + m[0].length - m[1].length });
        break;
      }
    }
  }
  return out;
}

export const narrKemuPurpose: Rule = {
  id: 'narr-kemu-purpose',
  name: '科目用途',
  level: '提示',
  title: '各科目段落“主要用于”所写用途与本科目相符，未照抄其他科目',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    const list = items(n.paragraphs);
    for (const it of list) {
      if (it.purpose.includes(it.name)) continue;
      const other = list.find((o) => o !== it && o.name.length >= 4 && o.name !== it.name && !it.name.includes(o.name) && it.purpose.includes(o.name));
      if (!other) continue;
      const len = Math.min(it.purpose.length, it.para.text.length - it.at);
      out.push(
        textFinding({
          rule: this.id,
          severity: 'warning',
          p: it.para,
          start: it.at,
          end: it.at + len,
          message: `科目用途可能写错：本段科目为“${it.name}”，“主要用于”却写的是“${other.name}”的用途（“${it.purpose}”），请核对是否照抄了其他科目`,
        }),
      );
    }
    return out;
  },
};
