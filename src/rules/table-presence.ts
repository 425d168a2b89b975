import { Rule, RuleContext, finding } from './engine';
import { Finding } from '../core/findings';
import { isProseOnly } from '../core/grid';
import { statesEmpty } from '../recognize/emptyNote';

/** Every table of the set is present, readable, complete and found once per disclosure. */
export const tablePresence: Rule = {
  id: 'table-presence',
  name: '表格齐全',
  level: '强制',
  title: '九张公开表齐全、可识别、完整且不重复',
  run(ctx) {
    const out: Finding[] = [];
    // Prose alone (a paragraph checked by itself), naming no table, is not asked for nine.
    if (ctx.rec.tables.length === 0 && ctx.rec.unreadable.length === 0 && isProseOnly(ctx.wb)) return out;
    const unreadable = new Set(ctx.rec.unreadable.filter((u) => !absent(u.reason)).map((u) => u.hit.spec.id));
    // A table the text states is empty (本年度无政府性基金预算财政拨款收支，以空表列示) is only not printed.
    const claimed = statedEmpty(ctx);
    for (const u of ctx.rec.unreadable) {
      // A title with "本表无数据" (or 空表, 无…收支) under it is an empty table as units state it.
      if (statesEmpty(u.hit.sheet, u.hit.at.r + 1, u.hit.at.r + 4)) continue;
      // A title with nothing under it (a contents entry) is a table missing, said once below.
      if (absent(u.reason)) continue;
      out.push({
        ...finding(
          this.id,
          'warning',
          undefined,
          u.hit.at,
          `找到“${u.hit.spec.title}”（${u.hit.spec.code}）的标题，但无法识别表格：${u.reason}`,
          u.hit.sheet.name,
        ),
        table: u.hit.spec.code,
      });
    }
    for (const scope of ctx.scopes) {
      const sheetName = scope.id.startsWith('sheet:') ? scope.id.slice(6) : '';
      // Not one table of a document found: one cause, one finding (not one per table).
      if (scope.tables.size === 0 && unreadable.size === 0) {
        const codes = ctx.set.tables.map((t) => t.code);
        out.push(
          finding(
            this.id,
            'warning',
            undefined,
            undefined,
            `未找到任何公开表（${codes[0]}—${codes[codes.length - 1]}）：文件中没有识别到公开表的标题和表头，表格的核对均未执行，不能作为决算公开提交`,
            sheetName,
          ),
        );
        continue;
      }
      for (const spec of ctx.set.tables) {
        if (scope.tables.has(spec.id) || unreadable.has(spec.id)) continue;
        // Missing and not said to be empty: a mandatory table left out (an error); said to be empty:
        // it should still be printed as an empty table (a warning).
        const said = claimed.has(spec.id);
        const listed = ctx.rec.unreadable.some((u) => u.hit.spec.id === spec.id);
        out.push({
          ...finding(
            this.id,
            said ? 'warning' : 'error',
            undefined,
            undefined,
            said
              ? `未找到${spec.code}表“${spec.title}”${sheetName ? `（工作表“${sheetName}”）` : ''}：情况说明称本表无数据，但无数据的表也应按要求以空表列示`
              : `缺少${spec.code}表“${spec.title}”${sheetName ? `（工作表“${sheetName}”）` : ''}${listed ? '（目录中列有此表）' : ''}：九张公开表均须列示，无数据的表以空表列示并在情况说明中说明`,
            sheetName,
          ),
          table: spec.code,
        });
      }
      for (const t of scope.tables.values()) {
        if (t.doubt) {
          // One cause, one finding: columns run together also leave columns "missing".
          const rows = t.doubt.top === t.doubt.bottom ? `第 ${t.doubt.top + 1} 行` : `第 ${t.doubt.top + 1}–${t.doubt.bottom + 1} 行`;
          const why = t.doubt.sample ? `${t.doubt.why}，如“${t.doubt.sample.slice(0, 24)}”` : t.doubt.why;
          // A document's table was read so; a workbook's was typed so.
          out.push(
            finding(
              this.id,
              'warning',
              t,
              { r: t.doubt.top, c: t.titleAt.c },
              t.sheet.origin === 'text'
                ? `${t.spec.code} ${rows}未能可靠读取（${why}），本表的核对未执行：请核对原表或改用 Excel 文件`
                : `${t.spec.code} ${rows}数据疑似错位（${why}），本表的核对未执行：请核对这些行的金额是否填在对应的栏目和科目行`,
            ),
          );
          continue;
        }
        // In a document's text a column or row not found is more often one not read (columns run
        // together, a total beside another) than one left out: say so, not that the table lacks it.
        if (t.missing.length)
          out.push(
            finding(
              this.id,
              'warning',
              t,
              t.titleAt,
              t.sheet.origin === 'text'
                ? `${t.spec.code}未能完整读取：未读到${t.missing.join('、')}，涉及的核对未执行（请核对原表是否列出）`
                : `${t.spec.code}表不完整：缺少${t.missing.join('、')}，涉及的核对未执行`,
            ),
          );
        if (t.truncated)
          out.push(
            finding(
              this.id,
              'warning',
              t,
              { r: t.truncated.afterRow, c: t.titleAt.c },
              `${t.spec.code}表在第 ${t.truncated.afterRow + 1} 行后中断：${t.truncated.openCodes.join('、')} 的明细未列全，相关合计无法核对`,
            ),
          );
      }
    }
    for (const d of ctx.rec.duplicates) out.push(finding(this.id, 'warning', d, d.titleAt, `${d.spec.code}表“${d.spec.title}”重复出现，只核对了第一张`));
    return out;
  },
};

/** Why a title is unreadable when it stands alone: nothing under it (a contents entry, a title with no table). */
const absent = (reason: string) => reason === '标题下没有表格内容';

/** The tables the narrative says are empty (无…收支, 以空表列示): the edition's empty-table words with a claim. */
function statedEmpty(ctx: RuleContext): Set<string> {
  const out = new Set<string>();
  const claim = /空表|无(相关)?(收支|收入|支出)|没有(相关)?(收支|收入|支出)|未发生/;
  const texts = ctx.narrative().paragraphs.map((p) => p.text);
  for (const { table, words } of ctx.edition.sections.emptyTables)
    if (texts.some((t) => t.split(/[。；;]/).some((s) => words.test(s) && claim.test(s)))) out.add(table);
  return out;
}
