import { displayWidth } from '../../src/core/text';

/**
 * The narrative written other ways (issue 25 §5): the same 情况说明 with the same figures, rewritten
 * sentence by sentence in wordings published disclosures use — the national 2023 phrasing, the 上海市
 * 2024 template's, and the ways a PDF's text comes out (spacing, widths of punctuation, line
 * breaks). A checker that reads what a sentence says, not how the sample says it, gives the same
 * findings on every rewrite.
 *
 * Each rewrite is one class of variation, applied everywhere it fits; they compose.
 */

export interface Rewrite {
  name: string;
  /** What real documents write this way (for the test's name). */
  why: string;
  apply: (text: string) => string;
}

const NUMBER = /\d[\d,]*(?:\.\d+)?/g;

/** Thousands separators in every amount of four digits or more before its decimals. */
function withSeparators(n: string): string {
  const [i, d] = n.split('.');
  if (i.length < 4) return n;
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (d !== undefined ? '.' + d : '');
}

/**
 * Re-wrap each paragraph at `columns` display columns (a CJK character two), as a PDF of another
 * width would: never inside a number, and no line starting with a closing mark (the typesetter's
 * rule: ，。；：、）% stay at the end of the line before).
 */
export function rewrap(text: string, columns: number): string {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.replace(/\n/g, ''));
  return paragraphs
    .map((p) => {
      const chars = [...p];
      const lines: string[] = [];
      let line = '';
      let w = 0;
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i];
        const cw = displayWidth(ch);
        const inNumber = /[\d.,]/.test(ch) && /[\d.,]$/.test(line);
        const closing = /[，。；：、）)%％,.;:]/.test(ch);
        if (w + cw > columns && line && !inNumber && !closing) {
          lines.push(line);
          line = '';
          w = 0;
        }
        line += ch;
        w += cw;
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join('\n\n');
}

export const REWRITES: Rewrite[] = [
  {
    name: '较上年',
    why: '比上年 and 较上年 are one comparison',
    apply: (t) =>
      t
        .replace(/比上年/g, '#')
        .replace(/较上年/g, '比上年')
        .replace(/#/g, '较上年')
        .replace(/较(\s*\d{4}\s*年度)/g, '比$1'),
  },
  {
    name: '与上年相比',
    why: 'the 上海 template: 与 2023 年度相比，…增加 X 万元',
    apply: (t) => t.replace(/[比较]上年(增加|减少)/g, '与上年相比，$1').replace(/较\s*(\d{4})\s*年度(?:决算)?(增加|减少)/g, '与$1年度相比，$2'),
  },
  {
    name: '预算完成率',
    why: 'a completion rate written as 年初预算完成率为 R%',
    apply: (t) => t.replace(/完成年初\s*(\n\s*)*预算的/g, '年初预算完成率为').replace(/完成预算的/g, '预算完成率为'),
  },
  {
    name: '占比',
    why: 'a share written 占比 R%',
    apply: (t) => t.replace(/占(\s*\d)/g, '占比$1'),
  },
  {
    name: '增幅',
    why: 'a growth rate written 增幅为 R% / 降幅为 R%',
    apply: (t) => t.replace(/，增长(\s*\d)/g, '，增幅为$1').replace(/，下降(\s*\d)/g, '，降幅为$1'),
  },
  {
    name: '无空格',
    why: 'a PDF without spaces around figures',
    apply: (t) => t.replace(/(\d) +(万元|%|个|辆)/g, '$1$2').replace(/([\u4e00-\u9fa5“”（）]) +(\d)/g, '$1$2'),
  },
  {
    name: '空格',
    why: 'a PDF that spaces every figure from its words',
    apply: (t) => t.replace(/([\u4e00-\u9fa5，：；、])(\d[\d,.]*)(万元|%)/g, '$1 $2 $3'),
  },
  {
    name: '半角标点',
    why: 'half-width punctuation, as some software prints it',
    apply: (t) => t.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/；/g, ';'),
  },
  {
    name: '全角百分号',
    why: 'the full-width ％',
    apply: (t) => t.replace(/%/g, '％'),
  },
  {
    name: '其中，',
    why: '其中， for 其中：',
    apply: (t) => t.replace(/其中[：:]/g, '其中，'),
  },
  {
    name: '年度在前',
    why: '2023年度本部门 for 本部门2023年度, 本单位 for 本部门',
    apply: (t) => t.replace(/本部门\s*(\d{4})\s*年度/g, '$1年度本单位'),
  },
  {
    name: '千分位',
    why: 'thousands separators in amounts',
    apply: (t) => t.replace(/\d+\.\d{2}(?=\s*万元)/g, withSeparators),
  },
  {
    name: '支出（类）',
    why: 'the 上海 template: 一般公共服务支出（类）X 万元',
    apply: (t) => t.replace(/([\u4e00-\u9fa5]+)（类）支出/g, '$1支出（类）'),
  },
  {
    name: '决算为',
    why: '支出决算为 X for 支出决算 X',
    apply: (t) => t.replace(/支出决算(\s*\d)/g, '支出决算为$1'),
  },
  {
    name: '上年度持平',
    why: '与上年度持平 for 与上年持平',
    apply: (t) => t.replace(/与上年持平/g, '与上年度持平'),
  },
  {
    name: '零',
    why: '0 万元 for 0.00 万元',
    apply: (t) => t.replace(/(^|[^\d.,])0\.00(?=\s*万元)/g, '$10'),
  },
  {
    name: '同比',
    why: '同比增加 for 比上年增加',
    apply: (t) => t.replace(/[比较]上年(增加|减少|增长|下降)/g, '同比$1'),
  },
  {
    name: '增长在前',
    why: 'the rate before the amount: 增长 R%，增加 X 万元',
    apply: (t) => t.replace(/(增加|减少)(\s*[\d.,]+\s*万元)，(增长|下降)(\s*[\d.]+\s*%)/g, '$3$4，$1$2'),
  },
  {
    name: '为年初预算的',
    why: 'a completion rate written 为年初预算的 R%',
    apply: (t) => t.replace(/完成年初(\s*\n\s*)*预算的/g, '为年初预算的'),
  },
  {
    name: '决算在前',
    why: 'the 决算 before its budget, the rate before its base: 支出决算为 D 万元，完成预算的 R%，预算为 B 万元',
    apply: (t) =>
      t.replace(/(支出)?预算为(\s*[\d.,]+\s*万元)，(支出决算)为?(\s*[\d.,]+\s*万元)[，。](\s*)完成预算的(\s*[\d.]+\s*%)/g, '$3为$4，完成预算的$6，$1预算为$2'),
  },
  {
    name: '引号科目',
    why: 'a 科目 named by its quoted path: “一般公共服务支出（类）”X 万元',
    apply: (t) => t.replace(/([\u4e00-\u9fa5]+)（类）支出(\s*\d)/g, '“$1支出（类）”$2'),
  },
  {
    name: '窄页',
    why: 'a PDF printed narrower: every paragraph broken at 27 characters’ width',
    apply: (t) => rewrap(t, 54),
  },
  {
    name: '中页',
    why: 'a PDF of A4 width: every paragraph broken at 36 characters’ width',
    apply: (t) => rewrap(t, 72),
  },
  {
    name: '宽页',
    why: 'a PDF printed wider: every paragraph broken at 52 characters’ width',
    apply: (t) => rewrap(t, 104),
  },
];

/** Rewrites that go together in one document (a writer's habits are several at once). */
export const COMBINED: string[][] = [
  ['较上年', '预算完成率', '占比', '无空格', '千分位', '支出（类）'],
  ['与上年相比', '增幅', '空格', '半角标点', '其中，', '决算为', '窄页'],
  ['年度在前', '全角百分号', '上年度持平', '零', '宽页'],
  ['同比', '增长在前', '为年初预算的', '决算在前', '引号科目', '无空格', '中页'],
];

export function rewriteBy(names: string[]): (text: string) => string {
  const rs = names.map((n) => {
    const r = REWRITES.find((x) => x.name === n);
    if (!r) throw new Error(`no rewrite ${n}`);
    return r;
  });
  return (t) => rs.reduce((acc, r) => r.apply(acc), t);
}

/**
 * The narrative of a document's text — its prose from the last 第三部分 up to the first table row (a
 * 绩效自评表 and its title) or 第四部分 — rewritten; the tables, the forms and everything else stay as
 * they are.
 */
export function rewriteNarrative(doc: string, rewrite: (narrative: string) => string): string {
  const lines = doc.split('\n');
  const from = lines
    .map((l, i) => (/^\s*第三部分/.test(l) ? i : -1))
    .filter((i) => i >= 0)
    .pop()!;
  let to = lines.findIndex((l, i) => i > from && (/^\s*第四部分/.test(l) || l.includes('\t')));
  if (to < 0) to = lines.length;
  while (to > from + 1 && (!lines[to - 1].trim() || /自评表\s*$/.test(lines[to - 1]))) to--;
  const narrative = lines.slice(from + 1, to).join('\n');
  return [...lines.slice(0, from + 1), rewrite(narrative), ...lines.slice(to)].join('\n');
}

/**
 * The narrative with figures made wrong, so that the rewrites are compared on errors and not only on
 * silence: every `every`-th amount gains 1 in its units, every `every`-th percentage 0.5 points.
 */
export function withWrongFigures(doc: string, every: number): string {
  return rewriteNarrative(doc, (t) => {
    let amounts = 0;
    let percents = 0;
    return t.replace(/(\d+)(\.\d+)?(\s*)(万元|%)/g, (all, i: string, d: string | undefined, sp: string, unit: string) => {
      if (unit === '万元') {
        if (++amounts % every) return all;
        return String(Number(i) + 1) + (d ?? '') + sp + unit;
      }
      if (++percents % every) return all;
      const [whole, frac = ''] = (i + (d ?? '')).split('.');
      const tenths = Number(whole) * 10 + Number((frac + '0')[0]) + 5;
      return `${Math.floor(tenths / 10)}.${tenths % 10}` + sp + unit;
    });
  });
}

/** A finding as the rewrites must keep it: its rule, its severity and the figures it names. */
export function findingKey(f: { rule: string; severity: string; message: string }): string {
  // (Years are left out: a quote may reach further in one wording, "较 2022 年度…增加".)
  const figures = (
    f.message
      .replace(/(\d),(?=\d{3})/g, '$1')
      .replace(/\d{4}\s*年/g, '')
      .match(NUMBER) ?? []
  )
    .map((n) =>
      n
        .replace(/,/g, '')
        .replace(/(\.\d*?)0+$/, '$1')
        .replace(/\.$/, ''),
    )
    .sort();
  return `${f.rule} ${f.severity} ${figures.join(' ')}`;
}
