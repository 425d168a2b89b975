import Decimal from 'decimal.js';
import { Workbook, Sheet, cellText } from '../../core/grid';
import { checkWorkbook } from '../../check';
import { unitWorkbook, UnitSpec } from '../../bench/units';
import { unitFigures, UnitFigures } from '../unit';
import { consolidate, ConsolidateOptions, LIST_SHEET, ADJUST_SHEET, DETAIL_SHEET, RECONCILE_SHEET } from '../build';
import { namesFromText } from '../names';
import { textToWorkbook } from '../../hosts/text/textDocument';
import { scaffold } from '../../scaffold/build';

const TABLES = ['公开01', '公开02', '公开03', '公开04', '公开05', '公开06', '公开07', '公开08', '公开09'];

function figures(wb: Workbook, file: string): UnitFigures {
  return unitFigures(wb, checkWorkbook(wb), file);
}
const unit = (spec: UnitSpec) => figures(unitWorkbook(spec), spec.name + '.xlsx');

/**
 * Every amount of a table sheet by what a reader sees beside it — the nearest text to its left on
 * its row (a 科目编码, a row's name), its column, and which time that label came in the column —
 * read off the grid without the recognizer, so the sums below are computed independently of it.
 */
function amountsBySight(sheet: Sheet): Map<string, number> {
  const out = new Map<string, number>();
  const seen = new Map<string, number>();
  sheet.rows.forEach((row) =>
    (row ?? []).forEach((cell, c) => {
      if (typeof cell?.value !== 'number') return;
      let label = '';
      for (let k = c - 1; k >= 0 && !label; k--) if (typeof row[k]?.value === 'string') label = cellText(row[k]).trim();
      const base = `${label}@${c}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      out.set(`${base}#${n}`, cell.value);
    }),
  );
  return out;
}

const sheetOf = (wb: Workbook, name: string) => wb.sheets.find((s) => s.name === name)!;
const rowsOf = (wb: Workbook, name: string) => sheetOf(wb, name).rows.map((r) => (r ?? []).map((c) => cellText(c)));
/** An amount of a coded table by its 科目编码 (or 合计) and the column's header. */
function amountAt(wb: Workbook, sheet: string, row: string, header: string): number | undefined {
  const rows = rowsOf(wb, sheet);
  const col = rows
    .slice(0, 8)
    .map((r) => r.indexOf(header))
    .find((c) => c >= 0)!;
  const r = rows.findIndex((x) => (x[0] ?? '').trim() === row);
  const v = sheetOf(wb, sheet).rows[r]?.[col]?.value;
  return typeof v === 'number' ? v : undefined;
}

const SPECS: UnitSpec[] = [
  { name: '东湖区水务局机关', seed: 11, codes: ['2010101', '2010102', '2080505'] },
  { name: '东湖区水务局信息中心', seed: 12, codes: ['2010350', '2130101'] },
  { name: '东湖区水务局监测站', seed: 13 },
  { name: '东湖区水务局培训中心', seed: 14, codes: ['2050101', '2010101', '2210201'] },
];

describe('a department’s 汇总 from its units’ workbooks', () => {
  const units = SPECS.map(unit);
  const books = SPECS.map(unitWorkbook);
  const result = consolidate(units, { department: '东湖区水务局' });

  test('every amount of the nine tables is the sum over the units of the amount beside the same label', () => {
    let compared = 0;
    for (const name of TABLES) {
      const want = new Map<string, Decimal>();
      for (const wb of books) for (const [k, v] of amountsBySight(sheetOf(wb, name))) want.set(k, (want.get(k) ?? new Decimal(0)).plus(v));
      const got = amountsBySight(sheetOf(result.workbook, name));
      for (const [k, v] of want) {
        if (v.isZero() && !got.has(k)) continue;
        // The 科目 a unit lists stand in the 汇总 in the edition's order: found by their label, wherever.
        expect([name, k, got.get(k)]).toEqual([name, k, Number(v.toFixed(2))]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  test('each 科目 any unit listed is a row of the 汇总, in code order, parents included', () => {
    const codes = rowsOf(result.workbook, '公开03')
      .map((r) => (r[0] ?? '').trim())
      .filter((t) => /^\d{3,7}$/.test(t));
    for (const wb of books) for (const r of rowsOf(wb, '公开03')) if (/^\d{3,7}$/.test((r[0] ?? '').trim())) expect(codes).toContain(r[0].trim());
    expect(codes).toEqual([...codes].sort());
  });

  test('the 汇总 checks clean, as one disclosure of the same table set; its own sheets are not read as tables', () => {
    const checked = checkWorkbook(result.workbook);
    expect(checked.recognition.tables.map((t) => t.spec.code)).toEqual(TABLES);
    expect(checked.recognition.scopes).toHaveLength(1);
    expect(checked.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(checked.verdict).toBe('可提交');
    expect(rowsOf(result.workbook, '公开01')[1].join('')).toContain('东湖区水务局');
  });

  test('明细: each amount, unit by unit, beside the 汇总 figure', () => {
    const rows = rowsOf(result.workbook, DETAIL_SHEET);
    expect(rows[2].slice(0, 6)).toEqual(['表', '科目编码', '项目', '栏目', '汇总数', '抵消']);
    expect(rows[2].slice(6)).toEqual(SPECS.map((s) => s.name));
    const line = sheetOf(result.workbook, DETAIL_SHEET).rows.find(
      (r) => cellText(r?.[0]) === '公开03' && cellText(r?.[1]) === '2010101' && cellText(r?.[3]) === '基本支出',
    )!;
    const each = line.slice(6).map((c) => (typeof c?.value === 'number' ? c.value : 0));
    expect(line[4]!.value).toBe(Number(each.reduce((s, v) => s.plus(v), new Decimal(0)).toFixed(2)));
    expect(each.filter((v) => v !== 0).length).toBeGreaterThanOrEqual(2);
  });

  test('单位清单 lists each unit with its verdict and file', () => {
    const rows = rowsOf(result.workbook, LIST_SHEET);
    expect(rows[2]).toEqual(['序号', '单位', '上级单位', '文件', '模板版本', '结论', '说明']);
    expect(rows.slice(3).map((r) => [r[1], r[3], r[5]])).toEqual(SPECS.map((s) => [s.name, s.name + '.xlsx', '可提交']));
    expect(rows.slice(3).map((r) => r[4])).toEqual(SPECS.map(() => expect.stringMatching(/第1版$/)));
    expect(result.workbook.sheets.some((s) => s.name === RECONCILE_SHEET)).toBe(false);
  });
});

describe('transfers between a unit and its parent, netted only when both sides agree', () => {
  const names = (text: string) => namesFromText(text);
  const LIST = '单位名称\t上级单位\n东湖区水务局本级\n东湖区水文站\t东湖区水务局本级\n东湖区水利所\t东湖区水务局本级\n';
  const run = (specs: UnitSpec[], opts: ConsolidateOptions) => consolidate(specs.map(unit), opts);
  const total = (wb: Workbook, sheet: string, header: string) => amountAt(wb, sheet, '合计', header) ?? 0;

  test.each([
    {
      what: '上级补助 agreed: 本级 pays 30 + 20, its two units receive them: both sides go',
      specs: [
        { name: '东湖区水务局本级', seed: 21, toChildren: 50 },
        { name: '东湖区水文站', seed: 22, fromParent: 30 },
        { name: '东湖区水利所', seed: 23, fromParent: 20 },
      ],
      netted: { 上级补助收入: 0, 对附属单位补助支出: 0 },
      says: '已抵消',
      off: 50,
    },
    {
      what: '上缴上级 agreed: the units pay 10 + 5 up, 本级 books 15 from them',
      specs: [
        { name: '东湖区水务局本级', seed: 31, fromChildren: 15 },
        { name: '东湖区水文站', seed: 32, toParent: 10 },
        { name: '东湖区水利所', seed: 33, toParent: 5 },
      ],
      netted: { 上缴上级支出: 0, 附属单位上缴收入: 0 },
      says: '已抵消',
      off: 15,
    },
    {
      what: 'the sides disagree (30 against 25): nothing netted, the difference shown',
      specs: [
        { name: '东湖区水务局本级', seed: 41, toChildren: 25 },
        { name: '东湖区水文站', seed: 42, fromParent: 30 },
      ],
      netted: { 上级补助收入: 30, 对附属单位补助支出: 25 },
      says: '未抵消：双方金额不一致（差 5.00）',
      off: 0,
    },
  ])('$what', ({ specs, netted, says, off }) => {
    const plain = run(specs, {});
    const r = run(specs, { names: names(LIST) });
    for (const [header, want] of Object.entries(netted)) {
      const sheet = /收入/.test(header) ? '公开02' : '公开03';
      expect([header, total(r.workbook, sheet, header)]).toEqual([header, want]);
    }
    // Income and spending each fall by what was netted, and the 汇总 still checks clean.
    expect(total(plain.workbook, '公开02', '本年收入合计') - total(r.workbook, '公开02', '本年收入合计')).toBeCloseTo(off, 2);
    expect(total(plain.workbook, '公开03', '本年支出合计') - total(r.workbook, '公开03', '本年支出合计')).toBeCloseTo(off, 2);
    expect(checkWorkbook(r.workbook).findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const adjust = rowsOf(r.workbook, ADJUST_SHEET);
    expect(adjust[1][0]).toMatch(/^规则：/);
    expect(adjust.find((x) => x[2] === '合计')?.[7]).toContain(says);
    // The 明细 shows what was netted beside the 汇总 figure.
    if (off) expect(rowsOf(r.workbook, DETAIL_SHEET).some((x) => x[5] !== '')).toBe(true);
  });

  test('without a parent on the list nothing is netted, and the 调整表 says so', () => {
    const specs = [
      { name: '东湖区水务局本级', seed: 51, toChildren: 30 },
      { name: '东湖区水文站', seed: 52, fromParent: 30 },
    ];
    const r = run(specs, {});
    expect(total(r.workbook, '公开02', '上级补助收入')).toBe(30);
    const adjust = rowsOf(r.workbook, ADJUST_SHEET);
    expect(adjust[3][0]).toContain('未提供上级单位');
    expect(adjust.find((x) => x[2] === '东湖区水文站')?.[7]).toContain('名单未列上级单位，未抵消');
  });

  test('a parent named on the list but not among the units: its units’ transfers stay, and why is said', () => {
    const r = run([{ name: '东湖区水文站', seed: 61, fromParent: 30 }], { names: names(LIST) });
    expect(total(r.workbook, '公开02', '上级补助收入')).toBe(30);
    expect(rowsOf(r.workbook, ADJUST_SHEET).find((x) => x[2] === '合计')?.[7]).toBe('上级单位未纳入汇总，未抵消');
    // 本级 and 东湖区水利所 are on the list with no file.
    expect(
      rowsOf(r.workbook, LIST_SHEET)
        .filter((x) => x[5] === '未报送')
        .map((x) => x[1]),
    ).toEqual(['东湖区水务局本级', '东湖区水利所']);
    expect(r.department).toBe('东湖区水务局');
  });
});

describe('units that cannot be added, refused by name; units with open problems included and marked', () => {
  test.each([
    ['a unit of another year', { name: '东湖区水文站', seed: 71, year: 2023 }, '年度为 2023，与其他单位（2024）不同'],
    ['a file that is not a disclosure', 'text', '未找到公开表'],
    ['a unit of another table set (上海市 表一至表九)', 'shanghai', '表格式为“上海市'],
    ['a copy of another version of the template', 'version', '来自模板“全国通用-2024 第2版”，与其他单位（“全国通用-2024 第1版”）不同'],
  ])('%s', (_what, odd, why) => {
    const units = [unit({ name: '甲单位', seed: 72 }), unit({ name: '乙单位', seed: 73 })];
    const shanghai = () => {
      const wb = scaffold({ unit: '戊单位', edition: '上海市', year: 2024 }).workbook;
      // One amount typed in: a disclosure of that set, not a blank template.
      const blank = wb.sheets[1].rows.flatMap((row) => (row ?? []).filter((c) => c && c.value === null && !c.formula));
      blank[0]!.value = 12.5;
      return figures(wb, '戊单位.xlsx');
    };
    const version = () => {
      const u = unit({ name: '己单位', seed: 74 });
      u.template = { ...u.template!, version: '2' };
      return u;
    };
    const other =
      odd === 'text'
        ? figures(textToWorkbook('关于做好年度工作的通知\n各单位：请按时报送。', 'x'), '通知.txt')
        : odd === 'shanghai'
          ? shanghai()
          : odd === 'version'
            ? version()
            : unit(odd as UnitSpec);
    const r = consolidate([...units, other]);
    expect(r.included.map((u) => u.name)).toEqual(['甲单位', '乙单位']);
    const row = rowsOf(r.workbook, LIST_SHEET).find((x) => x[3] === other.file)!;
    expect(row[5]).toBe('未纳入汇总');
    expect(row[6]).toContain(why);
  });

  test('a 汇总 written earlier among the units is refused: its units would count twice', () => {
    const units = [unit({ name: '甲单位', seed: 75 }), unit({ name: '乙单位', seed: 76 })];
    const earlier = consolidate(units, { department: '东湖区水务局' });
    const again = consolidate([...units, figures(earlier.workbook, '部门汇总.xlsx')]);
    expect(again.included.map((u) => u.name)).toEqual(['甲单位', '乙单位']);
    expect(again.refused.map((x) => x.why)).toEqual(['这是一份部门汇总（含“单位清单”“明细”），不能再作为一个单位汇总']);
  });

  test('a unit whose total is its rows’ sum rounded (a cent off) is no difference of the 汇总: no 汇总核对', () => {
    const wb = unitWorkbook({ name: '丙单位', seed: 83, codes: ['2010101', '2080505'] });
    const s = sheetOf(wb, '公开03');
    const r = s.rows.findIndex((row) => cellText(row?.[0]) === '合计');
    const c = rowsOf(wb, '公开03')
      .slice(0, 8)
      .map((x) => x.indexOf('基本支出'))
      .find((k) => k >= 0)!;
    s.rows[r][c] = { value: Math.round(((s.rows[r][c]!.value as number) + 0.01) * 100) / 100 };
    const result = consolidate([unit({ name: '丁单位', seed: 84 }), figures(wb, '丙单位.xlsx')]);
    expect(result.differences).toEqual([]);
    expect(result.workbook.sheets.some((x) => x.name === RECONCILE_SHEET)).toBe(false);
  });

  test('a unit whose total disagrees with its rows is included, marked, and the 汇总核对 says where the sums part', () => {
    const wb = unitWorkbook({ name: '丙单位', seed: 81, codes: ['2010101'] });
    // 公开03's 合计·基本支出 typed over with a wrong figure.
    const s = sheetOf(wb, '公开03');
    const r = s.rows.findIndex((row) => cellText(row?.[0]) === '合计');
    const rows = rowsOf(wb, '公开03');
    const c = rows
      .slice(0, 8)
      .map((x) => x.indexOf('基本支出'))
      .find((k) => k >= 0)!;
    s.rows[r][c] = { value: (s.rows[r][c]!.value as number) + 100 };
    const bad = figures(wb, '丙单位.xlsx');
    expect(bad.blocking).toBeGreaterThan(0);
    const result = consolidate([unit({ name: '丁单位', seed: 82 }), bad]);
    const row = rowsOf(result.workbook, LIST_SHEET).find((x) => x[1] === '丙单位')!;
    expect(row[5]).toBe(`${bad.blocking} 项强制问题未解决`);
    const rec = rowsOf(result.workbook, RECONCILE_SHEET);
    expect(rec.find((x) => x[0] === '合计不符' && x[1] === '公开03' && x[3] === '基本支出')).toBeTruthy();
  });
});

describe('published disclosures as units', () => {
  test('a disclosure whose tables could not all be read reliably (pdftotext -layout of a real PDF) is refused, not added in part', async () => {
    const { readDisclosure } = await import('../../hosts/files');
    const { FIXTURES } = await import('../../../tests/helpers/paths');
    const path = await import('path');
    const { workbook } = await readDisclosure(path.join(FIXTURES, 'corpus', 'ghzy-2024.layout.txt'));
    const doubtful = figures(workbook, 'ghzy-2024.layout.txt');
    expect(doubtful.unread.length).toBeGreaterThan(0);
    const r = consolidate([unit({ name: '甲单位', seed: 91 }), doubtful]);
    expect(r.included.map((u) => u.name)).toEqual(['甲单位']);
    expect(r.refused[0].why).toBe(`${doubtful.unread.join('、')} 未能可靠读取，不能纳入汇总：请提供该单位的工作簿（或可复制文字的原版 PDF）`);
  });
});
