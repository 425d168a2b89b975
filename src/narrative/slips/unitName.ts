import { Rule, finding } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { cellText } from '../../core/grid';
import { normLabel } from '../../core/text';

const NAME = /^(?:部门|单位|编制单位|填报单位)[:：]\s*(.+)$/;
const norm = (s: string) => normLabel(s).replace(/[(（](汇总|本级|部门|单位)[)）]$/, '');

/** The unit's name is the same on every table (部门：…). */
export const narrUnitName: Rule = {
  id: 'unit-name',
  level: '提示',
  title: '各表所填部门（单位）名称一致',
  run(ctx) {
    const out: Finding[] = [];
    for (const scope of ctx.scopes) {
      const names: { name: string; t: import('../../recognize/model').RecognizedTable; r: number; c: number }[] = [];
      for (const t of scope.tables.values())
        for (let r = t.titleAt.r; r < t.headerTop; r++)
          (t.sheet.rows[r] ?? []).forEach((cell, c) => {
            const m = NAME.exec(cellText(cell).trim());
            if (m) names.push({ name: m[1].trim(), t, r, c });
          });
      if (names.length < 2) continue;
      const counts = new Map<string, number>();
      for (const x of names) counts.set(norm(x.name), (counts.get(norm(x.name)) ?? 0) + 1);
      const [common] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
      const shown = names.find((x) => norm(x.name) === common)!.name;
      for (const x of names)
        if (norm(x.name) !== common) out.push(finding(this.id, 'warning', x.t, { r: x.r, c: x.c }, `${x.t.spec.code} 所填部门名称“${x.name}”与其他各表（“${shown}”）不一致`));
    }
    return out;
  },
};
