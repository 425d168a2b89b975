import { Rule, finding } from '../rules/engine';
import { Finding } from '../core/findings';
import { cellText, Workbook, Sheet } from '../core/grid';
import { SheetScan, scanOfSheet, textsInRows } from '../core/textScan';
import { normLabel } from '../core/text';
import type { RecognizedTable } from '../recognize/model';
import { textFinding } from '../narrative/model';

const NAME = /^(?:部门|单位|编制单位|填报单位)[:：]\s*(.+)$/;
const norm = (s: string) => normLabel(s).replace(/[(（](汇总|本级|部门|单位)[)）]$/, '');

const MONEY_UNIT = /^(?:万元|元|千元|亿元)$/;

const COVER = /^(?:部门名称|单位名称|预算单位)[:：]\s*(.+)$/;

/** The name on the cover (部门名称：…, in a sheet's first 60 rows), its line continued when the PDF wrapped it. */
function coverName(wb: Workbook, scanOf: (s: Sheet) => SheetScan): { name: string; sheet: string; r: number; c: number } | undefined {
  for (const s of wb.sheets)
    // A number is no 部门名称：… line, nor a text without a colon: the scan lists those that have one.
    for (const { r, c, raw } of scanOf(s).colons) {
      if (r >= 60) break;
      const m = COVER.exec(raw.trim());
      if (!m) continue;
      let name = m[1].trim();
      const next = (s.rows[r + 1] ?? []).map(cellText).filter((t) => t.trim());
      if (next.length === 1 && !/[:：]/.test(next[0]) && next[0].trim().length < 20) name += next[0].trim();
      return { name, sheet: s.name, r, c };
    }
  return undefined;
}

/**
 * The unit a disclosure is of, as it names itself: the name most of its tables give (部门：…),
 * else its cover's (部门名称：…); undefined when it names none. The 汇总 lists its units by it.
 */
export function unitNameOf(wb: Workbook, tables: Iterable<RecognizedTable>): string | undefined {
  const scanOf = scanOfSheet(wb);
  const counts = new Map<string, { name: string; n: number }>();
  for (const t of tables)
    for (const { raw } of textsInRows(scanOf(t.sheet).colons, t.titleAt.r, t.headerTop)) {
      const m = NAME.exec(raw.trim());
      // 单位：万元 is the tables' unit of money, not the unit's name.
      if (!m || !m[1].trim() || MONEY_UNIT.test(m[1].trim())) continue;
      const key = norm(m[1].trim());
      const hit = counts.get(key) ?? { name: m[1].trim(), n: 0 };
      hit.n++;
      counts.set(key, hit);
    }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best?.name ?? coverName(wb, scanOf)?.name;
}

/** The unit's name is the same on every table (部门：…) and on the cover (部门名称：…). */
export const narrUnitName: Rule = {
  id: 'unit-name',
  name: '单位名称',
  level: '提示',
  title: '封面与各表所填部门（单位）名称一致',
  run(ctx) {
    const out: Finding[] = [];
    const scanOf = scanOfSheet(ctx.wb, ctx.scan);
    const cover = coverName(ctx.wb, scanOf);
    for (const scope of ctx.scopes) {
      const names: { name: string; key: string; t: RecognizedTable; r: number; c: number }[] = [];
      // The lines between a table's title and its header, those with a colon (部门：…).
      for (const t of scope.tables.values())
        for (const { r, c, raw } of textsInRows(scanOf(t.sheet).colons, t.titleAt.r, t.headerTop)) {
          const m = NAME.exec(raw.trim());
          if (m) {
            const name = m[1].trim();
            names.push({ name, key: norm(name), t, r, c });
          }
        }
      if (names.length < 2) continue;
      const counts = new Map<string, number>();
      for (const x of names) counts.set(x.key, (counts.get(x.key) ?? 0) + 1);
      const [common] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
      const shown = names.find((x) => x.key === common)!.name;
      for (const x of names)
        if (x.key !== common)
          out.push(finding(this.id, 'warning', x.t, { r: x.r, c: x.c }, `${x.t.spec.code} 所填部门名称“${x.name}”与其他各表（“${shown}”）不一致`));
      // The text: where it writes the unit's name (its first characters), the whole name must match.
      const full = norm(shown);
      const stem = full.slice(0, Math.min(6, full.length));
      if (full.length >= 6 && ctx.narrative().tables === scope.tables)
        for (const p of ctx.narrative().paragraphs) {
          const t = normLabel(p.raw);
          for (let at = t.indexOf(stem); at >= 0; at = t.indexOf(stem, at + 1)) {
            const m = /^[\u4e00-\u9fff]+(?:委员会办公室|委员会|办公室|局|厅|中心|院|所|处|站|社)/.exec(t.slice(at));
            if (!m || m[0] === full || full.startsWith(m[0])) continue;
            const i = p.raw.indexOf(m[0]);
            if (i < 0) continue;
            out.push(
              textFinding({
                rule: this.id,
                severity: 'warning',
                p,
                start: i,
                end: i + m[0].length,
                message: `情况说明中的部门名称“${m[0]}”与公开表所填（“${shown}”）不一致`,
                suggestion: shown,
              }),
            );
            break;
          }
        }
      // The cover speaks for the disclosure it is in: its own sheet's, else the workbook's.
      const here = cover && (scope.id === 'workbook' ? !ctx.scopes.some((x) => x.id === `sheet:${cover.sheet}`) : scope.id === `sheet:${cover.sheet}`);
      if (cover && here && norm(cover.name) !== common)
        out.push({
          ...finding(this.id, 'warning', undefined, { r: cover.r, c: cover.c }, `封面的部门名称“${cover.name}”与公开表所填（“${shown}”）不一致`, cover.sheet),
          table: '封面',
        });
    }
    return out;
  },
};
