import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { mentionInterval, bindingOf, isEmptyTable, textFinding } from '../model';
import { RecognizedTable } from '../../recognize/model';
import { Mention } from '../mentions';

/**
 * A table left empty (or all zero) while the text quotes non-zero figures of it — the 三公 table
 * blank under a paragraph of 三公 spending — is one cause: one finding on the table naming the
 * figures, not one per figure (narr-table leaves such a table alone). The reverse for the 三公
 * table: the text saying there was no 三公 spending while the table holds some.
 */

const NO_SANGONG = /(无|没有|未发生)[^，。；]{0,6}“?三公”?经费(支出)?|“?三公”?经费(支出)?(为|均为)\s*0(\.0+)?\s*万?元?(?![.\d])/;

export const narrTableEmpty: Rule = {
  id: 'narr-table-empty',
  name: '空表与引用',
  level: '强制',
  title: '情况说明引用了数额的表不是空表；称无“三公”经费支出时“三公”经费表亦无数',
  run(ctx) {
    const n = ctx.narrative();
    const out: Finding[] = [];
    const quoted = new Map<RecognizedTable, Mention[]>();
    for (const m of n.mentions) {
      if (m.kind !== 'amount' || m.change || m.unit !== n.unit || m.value.isZero()) continue;
      const b = bindingOf(m, n.edition);
      const t = b && n.tables.get(b.sel.table);
      // Only a table read whole can be called empty: one missing a column or row was not read.
      if (!t || t.doubt || t.missing.length || t.truncated || !isEmptyTable(t) || mentionInterval(m).lo.lte(0)) continue;
      quoted.set(t, [...(quoted.get(t) ?? []), m]);
    }
    for (const [t, ms] of quoted) {
      const shown = ms.slice(0, 3).map((m) => `“${m.para.raw.slice(m.start, m.end).trim()}”`);
      out.push({
        rule: this.id,
        severity: 'error',
        table: t.spec.code,
        sheet: t.sheet.name,
        cell: `A${t.titleAt.r + 1}`,
        related: ms.map((m) => ({ sheet: m.para.pieces[0].sheet, cell: `A${m.para.pieces[0].r + 1}` })),
        message: `${t.spec.code}（${t.spec.title}）为空表或全为 0，但情况说明引用了其中 ${ms.length} 个数额（${shown.join('、')}${ms.length > 3 ? ' 等' : ''}）：表或说明必有一处未填对`,
      });
    }
    // The text says there was no 三公 spending; the 三公 table says otherwise.
    const sangong = n.tables.get('gk09');
    if (sangong && !sangong.doubt && !isEmptyTable(sangong))
      for (const p of n.paragraphs) {
        const m = NO_SANGONG.exec(p.text);
        if (!m) continue;
        out.push(
          textFinding({
            rule: this.id,
            severity: 'error',
            p,
            start: m.index,
            end: m.index + m[0].length,
            message: `情况说明称${m[0]}，但${sangong.spec.code}（${sangong.spec.title}）填有数额`,
          }),
        );
        break;
      }
    return out;
  },
};
