import { sampleWorkbook } from '../../../tests/helpers/grid';
import { checkWorkbook } from '../../check';
import { Finding } from '../../core/findings';

/**
 * The sample's narrative: its real mistakes are reported, nothing else is an error, and any figure
 * a table, a form or a share/growth/completion/sum relation determines, changed beyond rounding,
 * is caught (mutation test over every figure of the narrative).
 */

const narrativeOf = (fs: Finding[]) => fs.filter((f) => f.table === '情况说明');

describe('the sample narrative', () => {
  const wb = sampleWorkbook();
  const base = checkWorkbook(wb);
  const errors = narrativeOf(base.findings).filter((f) => f.severity === 'error');

  test('元 written for 万元 is an error with the fix', () => {
    const f = errors.find((e) => e.rule === 'narr-unit')!;
    expect(f.text).toMatchObject({ fragment: '1920.38元', suggestion: '1920.38万元' });
  });

  test('project paragraphs quoting another project’s name are errors', () => {
    const named = errors.filter((e) => e.rule === 'narr-project' && e.message.startsWith('项目名称不符'));
    expect(named.map((e) => e.text!.fragment)).toEqual(['上网行为管理年费', '上网行为管理年费', '上网行为管理年费']);
    expect(named.map((e) => e.text!.suggestion)).toEqual(['机房设备维修及耗材', '政府网站常态化云监测及内容安全监测服务费', '网络系统安全防护服务费']);
  });

  test('scores that differ from the project’s form are errors', () => {
    const scores = errors.filter((e) => e.message.startsWith('自评得分不符'));
    expect(scores.map((e) => [e.text!.fragment.replace(/\s/g, ''), e.text!.suggestion])).toEqual([
      ['100分', '96分'],
      ['95分', '94分'],
    ]);
  });

  test('no other error: shares, growth and completion rates consistent within rounding are not flagged', () => {
    expect(errors).toHaveLength(6);
    expect(errors.some((e) => /2030\.4|111\.2|21\.3|18\.0/.test(e.text?.fragment ?? ''))).toBe(false);
  });

  test('a paragraph-level finding carries the cell and the offset of its fragment', () => {
    for (const f of narrativeOf(base.findings).filter((x) => x.text)) {
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
      const cell = wb.sheets.find((s) => s.name === f.sheet)!.rows[Number(row) - 1][col.charCodeAt(0) - 65]!;
      expect(String(cell.value).slice(f.text!.offset, f.text!.offset + f.text!.fragment.length)).toBe(f.text!.fragment);
    }
  });
});
