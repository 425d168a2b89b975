import type { Rule } from './contract';
import type { Finding } from '../core/findings';
import { a1 } from '../core/grid';

/**
 * A PDF page the reader did not read whole (core/grid.ts readingLimits: more rulings or objects
 * than a page may cost, PAGE_LIMITS): one 警告 on the page's first line, never arithmetic on a
 * table it may have misread — its figures are checked as read, and the page named for a person.
 */
export const readingLimits: Rule = {
  id: 'reading-limits',
  name: '未能可靠读取',
  level: '强制',
  title: '文档的每一页都完整读取（线条或对象过多的页面只读取了一部分）',
  run(ctx) {
    const out: Finding[] = [];
    for (const { page, why } of ctx.wb.readingLimits ?? []) {
      // Where the page begins in the sheet: its first cell with a box on that page.
      let at: { sheet: string; cell: string } = { sheet: ctx.wb.sheets[0]?.name ?? '', cell: 'A1' };
      search: for (const s of ctx.wb.sheets)
        for (let r = 0; r < s.rows.length; r++)
          for (let c = 0; c < (s.rows[r]?.length ?? 0); c++)
            if (s.rows[r][c]?.box?.page === page) {
              at = { sheet: s.name, cell: a1(r, c) };
              break search;
            }
      out.push({
        rule: this.id,
        severity: 'warning',
        table: '全文',
        sheet: at.sheet,
        cell: at.cell,
        related: [],
        message: `未能可靠读取第${page}页：${why}；该页的表格可能读错，请核对原表或改用 Excel 文件`,
      });
    }
    return out;
  },
};
