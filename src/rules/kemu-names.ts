import { Rule, finding } from './engine';
import { tableIndex } from '../recognize/query';
import { Finding } from '../core/findings';
import { normLabel } from '../core/text';
import { Item } from '../recognize/model';

/** A name as compared: normalized, brackets dropped (remembered: the same names recur in every unit). */
const bareCache = new Map<string, string>();
function bare(s: string): string {
  let b = bareCache.get(s);
  if (b === undefined) {
    b = normLabel(s).replace(/[()（）]/g, '');
    if (bareCache.size < 20000) bareCache.set(s, b);
  }
  return b;
}
const same = (a: string, b: string) => bare(a) === bare(b);
/** A piece of at least four characters of the reference name, as a wrapped cell's line gives it. */
const fragmentOf = (ref: string, label: string) => bare(label).length >= 4 && bare(ref).includes(bare(label));

/** Where a row's finding goes: its first amount cell, else its first column. */
function firstCell(it: Item): { r: number; c: number } {
  for (const k in it.cols) return { r: it.row, c: it.cols[k] };
  return { r: it.row, c: 0 };
}

/**
 * 科目编码 against the edition's 科目 reference: a listed code printed with another name, and a 款/项 whose
 * parent is not in the table (a truncated table excepted). Codes the reference does not list are
 * not judged.
 */
export const kemuNames: Rule = {
  id: 'kemu-names',
  name: '科目名称',
  perDisclosure: true,
  level: '提示',
  title: '科目编码与科目名称相符，款、项的上级科目已列出',
  run(ctx) {
    const out: Finding[] = [];
    const kemu = ctx.edition.kemu;
    for (const scope of ctx.scopes)
      for (const t of scope.tables.values()) {
        const econ = t.spec.kind === 'econ';
        if (t.spec.kind !== 'coded' && !econ) continue;
        // Names read in doubt (figures glued to them) are not the unit's names.
        if (t.doubt) continue;
        const codes = tableIndex(t).byCode;
        // The last code seen of each length: tables list a 类 before its 款 and a 款 before its 项,
        // so a row's parent is usually that one, known listed without cutting the code.
        const recent: string[] = [];
        for (let i = 0; i < t.items.length; i++) {
          const it = t.items[i];
          const code = it.code;
          if (!code) continue;
          recent[code.length] = code;
          if (!it.label) continue;
          const ref = econ ? kemu.jingjiName(code) : kemu.gongnengName(code);
          // A document's text may give a wrapped name in part (基本养老保险 of 机关事业单位基本养老保险缴费支出).
          if (ref && !same(ref, it.label) && !(t.sheet.origin === 'text' && fragmentOf(ref, it.label)))
            out.push(finding(this.id, 'warning', t, firstCell(it), `${t.spec.code} 科目 ${code} 的名称为“${it.label}”，${kemu.title}中为“${ref}”`));
          if (econ || t.truncated || code.length <= 3) continue;
          const last = recent[code.length - 2];
          if ((last === undefined || !code.startsWith(last)) && !codes.has(code.slice(0, code.length - 2)))
            out.push(
              finding(this.id, 'warning', t, firstCell(it), `${t.spec.code} 科目 ${code} ${it.label} 的上级科目 ${code.slice(0, code.length - 2)} 未列出`),
            );
        }
      }
    return out;
  },
};
