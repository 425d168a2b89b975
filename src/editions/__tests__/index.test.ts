import { ROOT } from '../../../tests/helpers/paths';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { EDITIONS, Edition, TABLE_ROLES, editionOf } from '..';
import { CellSel, TableSpec } from '../../specs/types';
import { TABLE_SETS, tableSet } from '..';

/**
 * Editions as data: each is complete (the type checker refuses one that is not), every figure its
 * narrative bindings, draft, sections and layout name exists in its own tables, and its 科目
 * reference states its source. A new edition that names a column its tables lack fails here, not
 * silently in a user's check.
 */

const tableOf = (e: Edition, id: string): TableSpec | undefined => e.tables.tables.find((t) => t.id === id);

/** Whether a selector names a cell the edition's tables have. */
function resolves(e: Edition, sel: CellSel | { table: string; col: string }): string | undefined {
  const t = tableOf(e, sel.table);
  if (!t) return `表 ${sel.table} 不在 ${e.id}`;
  if (!t.columns.some((c) => c.key === sel.col)) return `${t.code} 无栏目 ${sel.col}`;
  if ('row' in sel) {
    const rows = t.kind === 'sides' ? t.rows.map((r) => r.key) : t.kind === 'econ' ? t.totals.map((x) => x.key) : [];
    if (!rows.includes(sel.row)) return `${t.code} 无行 ${sel.row}`;
  }
  if ('total' in sel && t.kind !== 'coded') return `${t.code} 不是按科目编码列示的表`;
  if ('data' in sel && t.kind !== 'matrix') return `${t.code} 不是单行表`;
  return undefined;
}

describe.each(EDITIONS.map((e) => [e.id, e] as const))('edition %s', (_id, e) => {
  test('lists the nine table roles once each, with its own numbers', () => {
    expect(e.tables.tables.map((t) => t.id).sort()).toEqual([...TABLE_ROLES]);
    expect(new Set(e.tables.tables.map((t) => t.code)).size).toBe(9);
  });

  test('every cell its narrative, draft and relations name exists in its tables', () => {
    const sels: (CellSel | { table: string; col: string })[] = [];
    for (const b of e.narrative.bindings) sels.push('classOf' in b.cell ? b.cell.classOf : b.cell);
    for (const b of e.narrative.baseNames) sels.push(b.cell);
    const d = e.draft;
    sels.push(d.grandTotal, d.incomeTotal, d.expenseTotal, d.fiscalIncome, d.fiscalExpense, d.basicTotal, d.personnel, d.publicFunds, d.classExpense);
    for (const [, s] of [...d.incomeSources, ...d.expenseKinds]) sels.push(s);
    for (const [, a, b] of d.fiscalFunds) sels.push(a, b);
    for (const x of e.tables.cross) {
      if (x.kind === 'eq') sels.push(...x.a, ...x.b);
      else sels.push(x.a, x.b);
    }
    for (const split of e.narrative.cellSplits) for (const col of [split.total, ...split.parts]) sels.push({ table: d.sangong, col, data: true });
    for (const k of ['hj', 'cg', 'gc', 'gz', 'yx', 'jd']) for (const p of ['ys_', 'js_']) sels.push({ table: d.sangong, col: p + k, data: true });
    const broken = sels.map((s) => resolves(e, s)).filter(Boolean);
    expect(broken).toEqual([]);
    // The check itself sees a wrong name.
    expect(resolves(e, { table: 'gk03', col: 'no-such', total: true })).toBe('3 无栏目 no-such'.replace('3', tableOf(e, 'gk03')!.code));
    expect(resolves(e, { table: 'gk01', row: 'no-such', col: 'inc' })).toMatch(/无行/);
    expect(sels.length).toBeGreaterThan(60);
  });

  test('its sections and layout cover its tables', () => {
    for (const s of e.sections.emptyTables) expect(tableOf(e, s.table)).toBeDefined();
    for (const [id] of e.draft.emptyTables) expect(tableOf(e, id)).toBeDefined();
    for (const t of e.tables.tables) {
      if (t.kind === 'coded') {
        const header = e.layout.codedHeaders[t.id];
        expect([t.id, !!header]).toEqual([t.id, true]);
        for (const col of Object.values(header.cols)) expect([t.id, t.columns.some((c) => c.key === col)]).toEqual([t.id, true]);
      }
      if (t.kind === 'sides') expect([t.id, !!e.layout.sides[t.id]]).toEqual([t.id, true]);
    }
    for (const id of e.layout.withoutCodes) expect(tableOf(e, id)?.kind).toBe('coded');
    for (const code of [...e.layout.econ.personnel, ...e.layout.econ.public]) expect(e.kemu.jingjiName(code)).toBeDefined();
  });

  test('its function classes and 科目 reference state their source and name every class row', () => {
    expect(e.kemu.source.length).toBeGreaterThan(10);
    expect(['complete', 'partial']).toContain(e.kemu.completeness);
    for (const code of e.functionClasses.rows) expect([code, !!e.functionClasses.name(code)]).toEqual([code, true]);
    for (const code of e.kemu.defaultScaffoldCodes) expect([code, !!e.kemu.gongnengName(code)]).toEqual([code, true]);
    expect(e.functionClasses.codeOfLabel('一般公共服务支出')).toBe('201');
    expect(e.functionClasses.codeOfLabel('一般公共服务(类)支出')).toBe('201');
  });

  test('is the edition of its own table set, which the registry lists', () => {
    expect(editionOf(e.tables)).toBe(e);
    expect(TABLE_SETS).toContain(e.tables);
    expect(tableSet(e.year)).toBe(e.tables);
  });
});

test('科目 found in public sources are in the reference of the years they exist in', () => {
  const [national, shanghai] = EDITIONS;
  // 2012902 一般行政管理事务 and the 309 款 (attested, valid for 2023 on).
  for (const e of [national, shanghai]) {
    expect(e.kemu.gongnengName('2012902')).toBe('一般行政管理事务');
    expect(e.kemu.gongnengName('2050205')).toBe('高等教育');
    expect(e.kemu.jingjiName('30913')).toBe('公务用车购置');
  }
  // 22006 exists from 2024 on (财预〔2024〕22号): known to the 2024 edition only.
  expect(national.kemu.gongnengName('22006')).toBeUndefined();
  expect(shanghai.kemu.gongnengName('22006')).toBe('耕地保护考核奖惩基金支出');
  // A listed name is not replaced by an attested one.
  expect(national.kemu.gongnengName('201')).toBe('一般公共服务支出');
});

test("a table set made by hand gets the default edition's data with its own class rows", () => {
  const set = { ...EDITIONS[0].tables, id: 'hand-made', classRows: ['201', '208'] };
  const e = editionOf(set);
  expect(e.tables).toBe(set);
  expect(e.functionClasses.rows).toEqual(['201', '208']);
  expect(e.narrative).toBe(EDITIONS[0].narrative);
});

test('the type checker refuses an edition that leaves a part out', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-edition-'));
  const root = ROOT;
  const file = path.join(dir, 'incomplete.ts');
  fs.writeFileSync(
    file,
    `import { Edition } from '${path.join(root, 'src', 'editions').replace(/\\/g, '/')}';
import { NATIONAL_2023 } from '${path.join(root, 'src', 'editions', 'national2023').replace(/\\/g, '/')}';
const { draft, ...rest } = NATIONAL_2023;
void draft;
export const E2025: Edition = { ...rest, id: '2025-x', year: 2025 };
`,
  );
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(
    process.execPath,
    [tsc, '--noEmit', '--strict', '--skipLibCheck', '--target', 'ES2022', '--module', 'commonjs', '--types', 'node', file],
    { encoding: 'utf8' },
  );
  fs.rmSync(dir, { recursive: true, force: true });
  expect(r.status).not.toBe(0);
  expect(r.stdout).toMatch(/TS2741.*'draft'/);
});
