import type { Rule } from './contract';
import type { Finding } from '../core/findings';
import { parseA1, cellText, a1 } from '../core/grid';
import { rowLabel } from '../core/templateRecord';
import Decimal from 'decimal.js';
import { fmtMoney } from '../core/amount';

/**
 * A copy of a template told against the template's record of itself (core/templateRecord.ts):
 * a sheet of it deleted or renamed, a total's formula typed over with a number, a header changed.
 * Said only when sure: a formula is looked for in its row found by its label (rows inserted above
 * move nothing), a header near where it was; a row the record cannot find is not guessed at.
 */
export const templateDrift: Rule = {
  id: 'template-drift',
  name: '模板改动',
  level: '强制',
  title: '按模板填报：模板的工作表、合计公式和表头未被删改',
  run(ctx) {
    const record = ctx.wb.templateRecord;
    const out: Finding[] = [];
    if (!record?.length) return out;
    const sheets = new Map(ctx.wb.sheets.map((s) => [s.name, s]));
    // Each sheet's row labels, worked out once (a record has a row for every formula of it).
    const labels = new Map<string, string[]>();
    const labelsOf = (s: (typeof ctx.wb.sheets)[number]) => labels.get(s.name) ?? labels.set(s.name, s.rows.map(rowLabel)).get(s.name)!;
    const missing = new Set<string>();
    const tableOf = (sheet: string) => ctx.rec.tables.find((t) => t.sheet.name === sheet)?.spec.code ?? sheet;
    for (const [kind, sheetName, cell, label] of record.slice(1)) {
      const at = parseA1(cell);
      if (!at || !sheetName) continue;
      const sheet = sheets.get(sheetName);
      if (!sheet) {
        if (!missing.has(sheetName)) {
          missing.add(sheetName);
          out.push({
            rule: this.id,
            severity: 'warning',
            table: sheetName,
            sheet: '',
            cell: '',
            related: [],
            message: `模板中的工作表“${sheetName}”已被删除或改名：请按模板恢复`,
          });
        }
        continue;
      }
      if (kind === '公式') {
        // Its row, by its label: where it was, else the one row of that label.
        const rowLabels = labelsOf(sheet);
        const same = rowLabels[at.r] === label ? [at.r] : rowLabels.flatMap((l, r) => (l === label ? [r] : []));
        if (!label || same.length !== 1) continue;
        const r = same[0];
        const row = sheet.rows[r];
        const c = row?.[at.c];
        if (c?.formula) continue;
        const typed =
          typeof c?.value === 'number'
            ? `数值 ${fmtMoney(new Decimal(c.value))}`
            : c && c.value !== null && cellText(c).trim()
              ? `“${cellText(c).trim()}”`
              : '空白';
        out.push({
          rule: this.id,
          severity: 'warning',
          table: tableOf(sheetName),
          sheet: sheetName,
          cell: a1(r, at.c),
          related: [],
          message: `${tableOf(sheetName)} 第${r + 1}行「${label}」的公式被改为${typed}：请按模板恢复公式，合计由公式计算`,
        });
      } else if (kind === '表头') {
        const text = (r: number) => {
          const v = sheet.rows[r]?.[at.c];
          return v ? cellText(v).trim() : '';
        };
        // Near where it was (a line inserted above moves it a little).
        let found = false;
        for (let r = Math.max(0, at.r - 3); r <= at.r + 3 && !found; r++) found = text(r) === label;
        if (found) continue;
        const now = text(at.r);
        out.push({
          rule: this.id,
          severity: 'warning',
          table: tableOf(sheetName),
          sheet: sheetName,
          cell,
          related: [],
          message: now ? `${tableOf(sheetName)} 表头“${label}”被改为“${now}”：请按模板恢复` : `${tableOf(sheetName)} 表头“${label}”被删除：请按模板恢复`,
        });
      }
    }
    return out;
  },
};
