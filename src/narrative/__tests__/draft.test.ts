import { checkWorkbook } from '../../check';
import { TABLE_RULES } from '../../rules';
import { NARRATIVE_RULES } from '../../check/registry';
import { draftNarrative, withDraft, BLANK } from '../draft';
import { textToWorkbook } from '../../hosts/text/textDocument';
import { importDocument } from '../../importDoc';
import { sampleTablesText } from '../../../tests/helpers/grid';
import { Workbook } from '../../core/grid';

/** Drafting from the tables: the draft passes the narrative checker, and follows the tables. */

function tablesOnly(): Workbook {
  return importDocument(textToWorkbook(sampleTablesText(), 'doc'));
}

/** The narrative checker (issue 3's rules) on a drafted workbook: its figures must all agree. */
const narrativeErrors = (wb: Workbook) =>
  checkWorkbook(wb, { rules: [...TABLE_RULES, ...NARRATIVE_RULES] }).findings.filter((f) => f.table === '情况说明' && f.severity !== 'info');

describe('drafting the narrative', () => {
  const wb = tablesOnly();
  const draft = draftNarrative(wb);

  test('writes the standard sections with the tables’ figures', () => {
    for (const h of ['一、', '二、', '三、', '四、', '（一）', '（二）', '（三）', '（四）', '五、', '七、', '十、'])
      expect(draft.some((p) => p.startsWith(h))).toBe(true);
    const income = draft[draft.indexOf('二、收入决算情况说明') + 1];
    expect(income).toMatch(/^本部门2023年度本年收入合计1920\.38万元，其中：财政拨款收入1920\.38万元，占100\.0%/);
    const expense = draft[draft.indexOf('三、支出决算情况说明') + 1];
    expect(expense).toContain('基本支出1320.27万元，占68.8%；项目支出600.11万元，占31.2%');
  });

  test('leaves marked blanks for what the tables cannot tell, each reported until it is filled in', () => {
    expect(draft.join('')).toContain(BLANK('原因'));
    expect(draft.join('')).toContain(BLANK('增减金额及增减幅度'));
    const blanks = draft.join('').match(/【请填写[^】]*】/g)!.length;
    const left = checkWorkbook(withDraft(wb, draft).workbook).findings.filter((f) => f.rule === 'narr-template');
    expect(left).toHaveLength(blanks);
  });

  test('the drafted text passes the narrative checker with zero errors and warnings', () => {
    expect(narrativeErrors(withDraft(wb, draft).workbook)).toEqual([]);
  });

  test('a table change re-drafts: new figures, still consistent', () => {
    const changed = tablesOnly();
    // 公开03: move 100.00 from 基本 to 项目 in 2010301 and its parents (totals stay).
    const s03 = changed.sheets.find((s) => s.name === '公开03')!;
    const bump = (label: string, jb: number, xm: number) => {
      const row = s03.rows.find((r) => String(r[0]?.value ?? '') === label)!;
      row[3] = { value: Number(row[3]!.value) + jb, numFmt: '#,##0.00' };
      row[4] = { value: Number(row[4]?.value ?? 0) + xm, numFmt: '#,##0.00' };
    };
    for (const l of ['合计', '201', '20103', '2010301']) bump(l, -100, 100);
    const again = draftNarrative(changed);
    expect(again.join('\n')).toContain('基本支出1220.27万元，占63.5%；项目支出700.11万元，占36.5%');
    expect(again).not.toEqual(draft);
    expect(narrativeErrors(withDraft(changed, again).workbook)).toEqual([]);
  });

  test('an existing narrative is never overwritten: the draft goes to its own sheet', () => {
    const withText = { ...wb, sheets: [...wb.sheets, { name: '情况说明', rows: [[{ value: '用户自己的文字' }]], merges: [] }] };
    const r = withDraft(withText, draft);
    expect(r.sheet).toBe('情况说明（草稿）');
    expect(r.workbook.sheets.find((s) => s.name === '情况说明')!.rows[0][0]!.value).toBe('用户自己的文字');
  });
});
