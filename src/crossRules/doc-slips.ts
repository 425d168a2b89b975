import { Rule, finding } from '../rules/engine';
import { Finding } from '../core/findings';
import { Sheet } from '../core/grid';
import { matchAllNotAfter } from '../core/text';
import { scanOfSheet } from '../core/textScan';
import { BOTH_DIRECTIONS } from '../narrative/phrases';

/**
 * Slips outside the narrative: the part headings, the table titles and their 注, the contents, the
 * 名词解释 and the 部门概况 are published text too. A placeholder left from the template (XX, ××,
 * 某某), a year cut short ("202 年度"), doubled punctuation (。。 ，，) or a direction left in both
 * words (增加（减少）) there is as wrong as in the 情况说明, whose own rules (narr-template,
 * narr-year) judge it: its lines are not read twice here.
 */

const SLIPS: { re: RegExp; why: string; notAfter?: RegExp }[] = [
  { re: /X{2,}|x{2,}|×{2,}|＊{2,}|某某/g, why: '模板占位符未替换', notAfter: /[A-Za-z]/ },
  { re: BOTH_DIRECTIONS, why: '“增加（减少）”一类的模板文字未改成实际的一种' },
  { re: /。{2,}|，{2,}|；{2,}|、{2,}/g, why: '标点重复' },
  { re: /\d{1,3}\s*年度/g, why: '年份不完整', notAfter: /\d/ },
];

/** Any of the slips, in one test: most texts (titles, notes) hold none and are passed by it. */
const ANY = /X{2}|x{2}|×{2}|＊{2}|某某|[增减下上提降][^（(]?[（(]|。。|，，|；；|、、|(?:^|\D)\d{1,3}\s*年度/;

/** A placeholder's X inside a word (IPV6 XX, a model number) is not one. */
const insideWord = (t: string, end: number) => /[A-Za-z]/.test(t[end] ?? '');

export const docSlips: Rule = {
  id: 'doc-slips',
  name: '全文文字',
  level: '强制',
  title: '标题、表名、表注、目录、名词解释等正文以外的文字没有模板残留、占位符和重复标点',
  run(ctx) {
    const out: Finding[] = [];
    const scanOf = scanOfSheet(ctx.wb, ctx.scan);
    // The narrative's lines are its own rules' to judge.
    const narrative = new Set<string>();
    for (const p of ctx.narrative().paragraphs) for (const pc of p.pieces) narrative.add(`${pc.sheet}!${pc.r}!${pc.c}`);
    const seen = new Set<string>();
    const judge = (sheet: Sheet, r: number, c: number, raw: string) => {
      if (!ANY.test(raw)) return;
      const key = `${sheet.name}!${r}!${c}`;
      if (narrative.has(key) || seen.has(key)) return;
      seen.add(key);
      for (const { re, why, notAfter } of SLIPS)
        for (const m of notAfter ? matchAllNotAfter(raw, re, notAfter) : [...raw.matchAll(re)]) {
          if (why === '年份不完整' && !/^20\d\s*年度$/.test(m[0])) continue;
          if (why === '模板占位符未替换' && insideWord(raw, m.index! + m[0].length)) continue;
          out.push({
            ...finding(this.id, 'error', undefined, { r, c }, `${why}：“${m[0]}”`, sheet.name),
            table: '全文',
            text: { fragment: m[0], offset: m.index!, length: m[0].length },
          });
          return;
        }
    };
    for (const sheet of ctx.wb.sheets) {
      if (sheet.name.startsWith('上年')) continue;
      const scan = scanOf(sheet);
      for (const { r, c, raw } of scan.sole) judge(sheet, r, c, raw);
    }
    return out;
  },
};
