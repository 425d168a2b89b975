import { Rule, finding } from './engine';
import { Finding } from '../core/findings';
import { cellAt, a1 } from '../core/grid';
import { readAmount } from '../core/amount';
import { cellPositions } from '../recognize/model';
import { uncomputed } from './evaluate';

/**
 * Formulas whose results the file does not hold (saved by a program that does not calculate, or
 * never opened in Excel): their values are unknown, so no relation that needs them is checked —
 * never read as 0. One finding for the workbook says so and what to do. A template with nothing
 * filled in is not this case (it is 未填写).
 */
export const uncalculatedFormula: Rule = {
  id: 'uncalculated-formula',
  name: '公式未计算',
  level: '强制',
  title: '公开表中的公式已计算出结果（否则相关核对无法执行）',
  run(ctx) {
    const out: Finding[] = [];
    let count = 0;
    let first: { t: (typeof ctx.rec.tables)[number]; r: number; c: number } | undefined;
    let filled = false;
    for (const t of ctx.rec.tables)
      for (const it of t.items)
        for (const p of cellPositions(it)) {
          const cell = cellAt(t.sheet, p.r, p.c);
          if (uncomputed(cell)) {
            count++;
            first ??= { t, r: p.r, c: p.c };
          } else if (!filled) {
            const a = readAmount(cell);
            filled = a.kind === 'text' || (a.kind === 'num' && !a.value.isZero());
          }
        }
    if (count && filled && first)
      out.push(
        finding(
          this.id,
          'warning',
          first.t,
          { r: first.r, c: first.c },
          `工作簿中有 ${count} 个公式尚未计算出结果（如 ${first.t.sheet.name}!${a1(first.r, first.c)}），涉及这些单元格的核对未执行：请在 Excel 或 WPS 中打开、保存后再核对`,
        ),
      );
    return out;
  },
};
