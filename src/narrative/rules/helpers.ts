import { Mention } from '../mentions';
import { Paragraph } from '../paragraphs';
import { Narrative } from '../model';

/** Amount mentions that state a value (not a change against last year or the budget). */
export const isValue = (m: Mention) => m.kind === 'amount' && !m.change;

/** The nearest mention before index i (same sentence) passing `ok`, stopping at a percentage. */
export function before(ms: Mention[], i: number, ok: (m: Mention) => boolean, stopAtPercent = true): Mention | undefined {
  const s = ms[i].sentence;
  for (let j = i - 1; j >= 0 && ms[j].sentence === s; j--) {
    if (ok(ms[j])) return ms[j];
    if (stopAtPercent && ms[j].kind === 'percent') return undefined;
  }
  return undefined;
}

/** The last mention of the previous sentence passing `ok`. */
export function inPreviousSentence(ms: Mention[], i: number, ok: (m: Mention) => boolean): Mention | undefined {
  const s = ms[i].sentence - 1;
  for (let j = i - 1; j >= 0; j--) {
    if (ms[j].sentence < s) break;
    if (ms[j].sentence === s && ok(ms[j])) return ms[j];
  }
  return undefined;
}

/** Paragraphs of the same section (and sub-section) as p, in order. */
export function sameSection(n: Narrative, p: Paragraph): Paragraph[] {
  return n.paragraphs.filter((q) => q.section === p.section && q.subsection === p.subsection && q.sheet === p.sheet);
}

/** Amount units in 万元 (the factor to bring a unit to 万元). */
export const TO_WAN: Record<string, number> = { 万元: 1, 元: 0.0001, 千元: 0.1, 亿元: 10000 };
