import Decimal from 'decimal.js';
import { Rule } from '../rules/engine';
import { Finding } from '../core/findings';
import { a1 } from '../core/grid';
import { meets, printed } from '../core/interval';
import { formFinding, num, show } from '../forms/rules/common';
import { tableValue } from '../recognize/query';
import { projectKey } from '../forms/read';
import { readProjectList } from '../forms/generate';

const ALL_EVALUATED = /全面开展绩效自评|占一般公共预算项目支出总额的\s*100(\.0+)?\s*%/;

/**
 * The forms against the tables and the project list: Σ 执行数 = 公开05 项目支出 when the text says
 * every project was self-evaluated (and ≤ 公开03 项目支出 always); a project of 项目清单 without a
 * form, or a form without a list entry, is a warning.
 */
export const formCross: Rule = {
  id: 'form-cross',
  name: '自评表与公开表',
  level: '强制',
  title: '自评表执行数合计与公开05/公开03 项目支出相符；项目清单与自评表一一对应',
  run(ctx) {
    const out: Finding[] = [];
    const forms = ctx.forms();
    if (!forms.length) return out;
    const n = ctx.narrative();
    const sum = forms.reduce((a, f) => a.plus(num(f.executed.total) ?? 0), new Decimal(0));
    const first = forms[0];
    const gk05 = tableValue(n.tables, { table: 'gk05', col: 'xm', total: true }, n.edition);
    const gk03 = tableValue(n.tables, { table: 'gk03', col: 'xm', total: true }, n.edition);
    const all = n.paragraphs.some((p) => ALL_EVALUATED.test(p.text));
    const rel = (tv: NonNullable<typeof gk05>) => (tv.r >= 0 ? [{ sheet: tv.table.sheet.name, cell: a1(tv.r, tv.c) }] : []);
    if (all && gk05 && !meets(printed(sum, 6), gk05.interval))
      out.push(
        formFinding(
          this.id,
          'error',
          first,
          first.executed.total,
          `全部 ${forms.length} 张自评表执行数合计 ${show(sum)} 万元，与${gk05.name} ${gk05.value.toFixed(2)} 不符（情况说明称已全面开展绩效自评）`,
          { related: rel(gk05), expected: gk05.value.toFixed(2), actual: show(sum) },
        ),
      );
    if (gk03 && sum.gt(gk03.interval.hi))
      out.push(
        formFinding(this.id, 'error', first, first.executed.total, `全部自评表执行数合计 ${show(sum)} 万元，超过${gk03.name} ${gk03.value.toFixed(2)}`, {
          related: rel(gk03),
        }),
      );
    // 项目清单 ↔ forms.
    const list = ctx.wb.sheets.find((s) => s.name === '项目清单');
    // The list as the form generator reads it.
    const read = list && readProjectList(list);
    if (list && read && read.nameCol >= 0) {
      const formKeys = new Set(forms.map((f) => projectKey(f.name)));
      const listKeys = new Set(read.projects.map((p) => projectKey(p.name)));
      for (const p of read.projects)
        if (!formKeys.has(projectKey(p.name)))
          out.push({
            rule: this.id,
            severity: 'warning',
            table: '项目清单',
            sheet: list.name,
            cell: a1(p.row, read.nameCol),
            related: [],
            message: `项目清单中的“${p.name}”没有对应的绩效自评表`,
          });
      for (const f of forms) if (!listKeys.has(projectKey(f.name))) out.push(formFinding(this.id, 'warning', f, f.nameCell, '绩效自评表的项目不在项目清单中'));
    }
    return out;
  },
};
