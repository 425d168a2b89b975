import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { textFinding, isEmptyTable } from '../model';
import { statesEmpty } from '../../recognize/emptyNote';

const CLAIM = /空表|无(相关)?(收支|收入|支出)|没有(相关)?(收支|收入|支出)|未发生/;

/** 公开07/08 left empty are explained in the text; a table with figures is not called empty. */
export const narrEmptyTables: Rule = {
  id: 'narr-empty-table',
  name: '空表说明',
  level: '提示',
  title: '空表（公开07、08）须在情况说明中说明；有数据的表不得称为空表',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    if (!n.paragraphs.length) return out;
    for (const { table, words } of ctx.edition.sections.emptyTables) {
      const t = n.tables.get(table);
      if (!t) continue;
      const claims: { p: (typeof n.paragraphs)[number]; start: number; end: number }[] = [];
      for (const p of n.paragraphs) {
        const re = /[^。；;]+/g;
        let m: RegExpExecArray | null;
        while ((m = re.exec(p.text))) {
          // Only the clause naming this table: split further at commas before the claim.
          if (words.test(m[0]) && CLAIM.test(m[0]) && /空表|表/.test(m[0])) claims.push({ p, start: m.index, end: m.index + m[0].length });
        }
      }
      const empty = isEmptyTable(t);
      if (!empty)
        for (const c of claims)
          out.push(
            textFinding({
              rule: this.id,
              severity: 'error',
              p: c.p,
              start: c.start,
              end: c.end,
              message: `情况说明称${t.spec.code}（${t.spec.title}）为空表或无收支，但该表填有数据`,
            }),
          );
      // Stated under the table itself (注 / 说明：…故本表无数据) is stated.
      if (empty && !claims.length && !statesEmpty(t.sheet, t.dataEnd + 1, t.dataEnd + 4) && !statesEmpty(t.sheet, t.titleAt.r + 1, t.headerTop - 1))
        out.push({
          rule: this.id,
          severity: 'warning',
          table: t.spec.code,
          sheet: t.sheet.name,
          cell: `A${t.titleAt.r + 1}`,
          related: [],
          message: `${t.spec.code}（${t.spec.title}）为空表，情况说明“其他需要说明的情况”中应说明本年度无相关收支、以空表列示`,
        });
    }
    return out;
  },
};
