import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { matchAllNotAfter } from '../../core/text';
import { textFinding, quote, tablesYear } from '../model';

/**
 * Years in the text: a malformed year ("202 年度"), 截至 a year-end that is not the disclosure's,
 * or a 年度 that is neither the disclosure's year nor the one before.
 */
export const narrYear: Rule = {
  id: 'narr-year',
  name: '年份',
  level: '强制',
  title: '情况说明中的年份为本年度或上年度，格式正确',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    // The year over the tables; else the one the document states first (its cover: a 上海 layout
    // writes the year in the heading above the tables, not between a title and its header).
    const year = tablesYear(n.tables) ?? ctx.scan?.year;
    for (const p of n.paragraphs) {
      const t = p.text;
      for (const m of matchAllNotAfter(t, /(\d{1,3}|\d{5,})\s*年度/g, /\d/)) {
        if (m[1].length === 3 && /^20/.test(m[1]))
          out.push(
            textFinding({
              rule: this.id,
              severity: 'error',
              p,
              start: m.index!,
              end: m.index! + m[0].length,
              message: `年份不完整：${quote(p, m.index!, m.index! + m[0].length)}`,
              suggestion: year ? `${year}年度` : undefined,
            }),
          );
      }
      if (!year) continue;
      for (const m of t.matchAll(/截[至止]\s*(\d{4})\s*年\s*12\s*月\s*31\s*日/g)) {
        const y = Number(m[1]);
        if (y !== year)
          out.push(
            textFinding({
              rule: this.id,
              severity: 'error',
              p,
              start: m.index!,
              end: m.index! + m[0].length,
              message: `年份错误：${quote(p, m.index!, m.index! + m[0].length)}，本公开为 ${year} 年度`,
              suggestion: `截至${year}年12月31日`,
            }),
          );
      }
      for (const m of matchAllNotAfter(t, /(\d{4})\s*年度/g, /[\d截至止]/)) {
        const y = Number(m[1]);
        if (y >= 2000 && y <= 2100 && y !== year && y !== year - 1)
          out.push(
            textFinding({
              rule: this.id,
              severity: 'warning',
              p,
              start: m.index!,
              end: m.index! + m[0].length,
              message: `年份可疑：${quote(p, m.index!, m.index! + m[0].length)}，本公开为 ${year} 年度（上年为 ${year - 1} 年度）`,
            }),
          );
      }
    }
    return out;
  },
};
