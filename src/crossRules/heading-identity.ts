import { Rule, finding } from '../rules/engine';
import { Finding } from '../core/findings';
import { Sheet } from '../core/grid';
import { scanOfSheet, SheetScan } from '../core/textScan';
import { textFinding } from '../narrative/model';

/**
 * The unit and the year a disclosure is of, as its cover states them ("上海市普陀区规划和自然 /
 * 资源局 / 2024 年度部门决算"), held against every heading that states them again: the part
 * headings (第二部分 上海市规划和自然资源局 2024 年度部门决算 — 普陀区 dropped), the heading over
 * the tables, the contents. A heading names the unit itself, so any other name or year there is
 * wrong. In the text, the unit's name written with a character or two changed (规划与 for 规划和)
 * is a slip; other names (a subordinate unit, the city's bureau) are other units and left alone.
 */

/** A heading stating a unit and a year: [第N部分] <unit> <year> 年度部门决算[表|情况[说明]], nothing after. */
const HEADING = /^(?:第[一二三四五六七八九十]+部分\s*)?([\u4e00-\u9fff（）()]{4,40}?)\s*(20\d{2})\s*年度?\s*(?:部门|单位)?决算(?:表|报表|情况(?:说明)?|公开)?$/;
/** The cover's line with the year: what comes before it on the line is the end of the unit's name. */
const COVER_YEAR = /^(.*?)\s*(20\d{2})\s*年度?/;

interface Stated {
  name: string;
  year: number;
  sheet: Sheet;
  r: number;
  c: number;
}

/** The cover: the first lines of the first sheet, joined up to the one stating the year. */
function coverOf(sheet: Sheet, scan: SheetScan): Stated | undefined {
  let name = '';
  for (const { r, c, raw } of scan.sole) {
    if (r > 8) break;
    const t = raw.replace(/\s+/g, '');
    const m = COVER_YEAR.exec(t);
    if (m) {
      name += m[1];
      return name.length >= 4 && /^[\u4e00-\u9fff（）()]+$/.test(name) ? { name, year: Number(m[2]), sheet, r, c } : undefined;
    }
    if (/[:：，。]/.test(t) || t.length > 20 || /^目录$|^第[一二三四五六七八九十]+部分/.test(t)) return undefined;
    name += t;
  }
  return undefined;
}

/** Every heading stating a unit and a year. */
function headingsOf(sheet: Sheet, scan: SheetScan): Stated[] {
  const out: Stated[] = [];
  for (const { r, c, raw } of scan.marked) {
    const t = raw.trim();
    if (t.length > 60) continue;
    const m = HEADING.exec(t.replace(/\s+/g, ' '));
    if (m) out.push({ name: m[1].replace(/\s+/g, ''), year: Number(m[2]), sheet, r, c });
  }
  return out;
}

/** Edit distance (insertions, deletions, substitutions) of two short names. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Whether a heading's name is the unit's written otherwise (a district dropped, a character
 * changed) rather than another text: a line of a sentence ending in 部门决算 ("纳入…其他单位 2024
 * 年度部门决算") names something else and is no heading of this unit.
 */
const sameUnitOtherwise = (name: string, unit: string) => distance(name, unit) <= Math.max(3, Math.floor(unit.length / 3));

/** Characters that differ between two names of one length, or -1 when the lengths differ. */
function differing(a: string, b: string): number {
  if (a.length !== b.length) return -1;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}

export const headingIdentity: Rule = {
  id: 'heading-identity',
  name: '标题单位年度',
  level: '强制',
  title: '各部分标题、表格标题所写单位名称和年度与封面一致，正文不把单位名称写错字',
  run(ctx) {
    const out: Finding[] = [];
    const scanOf = scanOfSheet(ctx.wb, ctx.scan);
    const first = ctx.wb.sheets[0];
    if (!first) return out;
    const cover = coverOf(first, scanOf(first));
    const headings = ctx.wb.sheets.flatMap((s) => (s.name.startsWith('上年') ? [] : headingsOf(s, scanOf(s))));
    // Without a cover, the name and year most headings state, when most do.
    let unit = cover;
    if (!unit && headings.length >= 3) {
      const counts = new Map<string, number>();
      for (const h of headings) counts.set(`${h.name}|${h.year}`, (counts.get(`${h.name}|${h.year}`) ?? 0) + 1);
      const [best, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
      if (n * 2 > headings.length) unit = headings.find((h) => `${h.name}|${h.year}` === best);
    }
    if (!unit) return out;
    const source = cover ? '封面' : '多数标题';
    for (const h of headings) {
      if (h.sheet === unit.sheet && h.r === unit.r) continue;
      if (h.name !== unit.name && !sameUnitOtherwise(h.name, unit.name)) continue;
      const problems: string[] = [];
      if (h.name !== unit.name) problems.push(`单位名称“${h.name}”与${source}（“${unit.name}”）不一致`);
      if (h.year !== unit.year) problems.push(`年度 ${h.year} 与${source}（${unit.year} 年度）不一致`);
      if (problems.length)
        out.push({
          ...finding(this.id, 'error', undefined, { r: h.r, c: h.c }, `标题中的${problems.join('，')}`, h.sheet.name),
          table: '标题',
        });
    }
    // The text: the unit's name with one or two characters changed, its first and last kept.
    const full = unit.name;
    if (full.length >= 6)
      for (const p of ctx.narrative().paragraphs) {
        const t = p.raw;
        for (let at = t.indexOf(full.slice(0, 3)); at >= 0; at = t.indexOf(full.slice(0, 3), at + 1)) {
          const w = t.slice(at, at + full.length);
          const d = differing(w, full);
          if (d < 1 || d > 2 || w[w.length - 1] !== full[full.length - 1]) continue;
          out.push(
            textFinding({
              rule: this.id,
              severity: 'error',
              p,
              start: at,
              end: at + full.length,
              message: `单位名称写错：“${w}”，${source}为“${full}”`,
              suggestion: full,
            }),
          );
          break;
        }
      }
    return out;
  },
};
