import { Rule, finding } from './engine';
import { Finding } from '../core/findings';

/** A block of amounts one row off its 科目 (recognize/shift.ts): one error naming the rows and the shift. */
export const rowShiftRule: Rule = {
  id: 'row-shift',
  name: '金额错行',
  perDisclosure: true,
  level: '强制',
  title: '金额与所在行的科目对应，没有整块上移或下移一行',
  run(ctx) {
    const out: Finding[] = [];
    for (const scope of ctx.scopes)
      for (const t of scope.tables.values()) {
        const s = t.shifted;
        if (!s) continue;
        out.push(
          finding(
            this.id,
            'error',
            t,
            { r: s.top, c: t.titleAt.c },
            `${t.spec.code} 第 ${s.top + 1}–${s.bottom + 1} 行的金额与科目错了一行（整体${s.by > 0 ? '下移' : '上移'}一行：${s.holder} 行填的是 ${s.owner} 的数），各级合计因此不符，本表的核对未执行：请把这些金额移回各自的科目行`,
          ),
        );
      }
    return out;
  },
};
