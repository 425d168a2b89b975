import type { Rule } from './contract';
import type { Finding } from '../core/findings';
import { parseA1, cellText, a1 } from '../core/grid';
import { rowLabel } from '../core/templateRecord';
import Decimal from 'decimal.js';
import { fmtMoney } from '../core/amount';

/**
 * A copy of a template told against the template's record of itself (core/templateRecord.ts):
 * a sheet of it deleted or renamed, a total's formula typed over with a number, a header changed,
 * a row added, deleted or renamed where the template does not grow, a 科目 moved under another 类; and, told against
 * another template than its own (check --template), which template it came from.
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
    out.push(...rowChanges(ctx, record, labelsOf, this.id), ...rowsMoved(ctx, record, this.id));
    const other = otherVersion(ctx.wb.templateCopyOf, record[0], this.id);
    if (other) out.unshift(other);
    return out;
  },
};

type Ctx = Parameters<Rule['run']>[0];

/**
 * Rows changed where the template does not grow: a row of a table whose label no row of the
 * template had (added), a named row of the template no row has now (deleted) — and the two at one
 * place, a row renamed, said once. A coded table grows and shrinks by its 科目 rows (a unit lists
 * the 科目 it has): rows with a 科目编码 are the unit's to add or leave out.
 */
function rowChanges(ctx: Ctx, record: string[][], labelsOf: (s: Ctx['wb']['sheets'][number]) => string[], rule: string): Finding[] {
  const known = new Map<string, Map<string, number>>();
  for (const [kind, sheet, cell, label] of record.slice(1)) {
    if ((kind !== '公式' && kind !== '填写') || !label) continue;
    const rows = known.get(sheet) ?? known.set(sheet, new Map()).get(sheet)!;
    if (!rows.has(label)) rows.set(label, parseA1(cell)?.r ?? 0);
  }
  const out: Finding[] = [];
  const at = (t: (typeof ctx.rec.tables)[number], r: number, message: string): Finding => ({
    rule,
    severity: 'warning',
    table: t.spec.code,
    sheet: t.sheet.name,
    cell: a1(r, 0),
    related: [],
    message,
  });
  for (const t of ctx.rec.tables) {
    const rows = known.get(t.sheet.name);
    if (!rows) continue;
    const labels = labelsOf(t.sheet);
    const added: { label: string; r: number }[] = [];
    const seen = new Set<number>();
    for (const it of t.items) {
      if (seen.has(it.row) || (t.spec.kind === 'coded' && it.code)) continue;
      seen.add(it.row);
      const label = labels[it.row];
      if (label && !rows.has(label)) added.push({ label, r: it.row });
    }
    // Rows of the template's table gone from it; in a table of 科目 rows, those named by no 科目编码
    // (a summary table's row names the 类 of its other side: its code is no 科目 row of its own).
    const present = new Set(labels);
    const gone = [...rows.entries()]
      .filter(([label, r]) => !present.has(label) && !(t.spec.kind !== 'sides' && /^\d{3}/.test(label)) && r >= t.titleAt.r)
      .map(([label, r]) => ({ label, r }))
      .filter(({ r }) => sheetTableAt(ctx, t.sheet.name, r) === t);
    for (const g of gone) {
      const k = added.findIndex((a) => Math.abs(a.r - g.r) <= 3);
      if (k >= 0) {
        const [a] = added.splice(k, 1);
        out.push(at(t, a.r, `${t.spec.code} 第${a.r + 1}行「${g.label}」被改为「${a.label}」：请按模板恢复行名`));
      } else out.push(at(t, Math.min(g.r, rowCountOf(t.sheet) - 1), `${t.spec.code} 模板中的「${g.label}」行已被删除：请按模板恢复`));
    }
    for (const a of added)
      out.push(at(t, a.r, `${t.spec.code} 第${a.r + 1}行「${a.label}」是模板中没有的行（此表只可按模板的行填写）：请删除，或报主管部门调整模板`));
  }
  return out;
}

/** The table of a sheet whose rows (title to end) hold a sheet row, as the template wrote it: the last titled above it. */
function sheetTableAt(ctx: Ctx, sheet: string, r: number) {
  let best: (typeof ctx.rec.tables)[number] | undefined;
  for (const t of ctx.rec.tables) if (t.sheet.name === sheet && t.titleAt.r <= r && (!best || t.titleAt.r > best.titleAt.r)) best = t;
  return best;
}

const rowCountOf = (s: Ctx['wb']['sheets'][number]) => Math.max(1, s.rows.length);

/** 科目 rows moved under another 类 of a coded table (the 类's formula no longer covers them). */
function rowsMoved(ctx: Ctx, record: string[][], rule: string): Finding[] {
  const sheets = new Set(record.slice(1).map((r) => r[1]));
  const out: Finding[] = [];
  for (const t of ctx.rec.tables) {
    if (t.spec.kind !== 'coded' || !sheets.has(t.sheet.name)) continue;
    const classes = new Map(t.items.filter((it) => it.code?.length === 3).map((it) => [it.code!, it]));
    let under: (typeof t.items)[number] | undefined;
    for (const it of t.items) {
      if (!it.code) continue;
      if (it.code.length === 3) {
        under = it;
        continue;
      }
      const own = classes.get(it.code.slice(0, 3));
      if (!under || !own || it.code.startsWith(under.code!)) continue;
      out.push({
        rule,
        severity: 'warning',
        table: t.spec.code,
        sheet: t.sheet.name,
        cell: a1(it.row, 0),
        related: [],
        message: `${t.spec.code} 第${it.row + 1}行「${it.code} ${it.label}」被移到「${under.code} ${under.label}」类下：应在「${own.code} ${own.label}」类下，请按模板移回`,
      });
    }
  }
  return out;
}

/** A copy told against another template (check --template) than the one it came from: which, and that what follows is what differs. */
function otherVersion(copyOf: string[] | undefined, current: string[] | undefined, rule: string): Finding | undefined {
  if (copyOf === undefined || !current) return undefined;
  const name = (r: string[]) => `「${r[1]}」第${r[2]}版`;
  if (copyOf.length && copyOf[1] === current[1] && copyOf[2] === current[2]) return undefined;
  return {
    rule,
    severity: 'warning',
    table: '',
    sheet: '',
    cell: '',
    related: [],
    message: copyOf.length
      ? `本工作簿来自模板${name(copyOf)}，核对所用的模板是${name(current)}：以下“模板改动”按${name(current)}指出不同之处`
      : `本工作簿不是由模板${name(current)}生成的（没有模板记录）：以下“模板改动”按该模板指出不同之处`,
  };
}
