import JSZip from 'jszip';
import { inflate } from '../zipBudget';

/**
 * A workbook's package looked at before it is loaded, against a budget. exceljs turns every cell of
 * a merge into an object: a 2 KB file whose merge covers the whole sheet (A2:XFD1048576) takes
 * minutes and gigabytes before it fails, a whole-column merge a gigabyte; a part that inflates to
 * gigabytes does the same. Such a file gets one Chinese message saying what to change, and is
 * never loaded. Works alike in Node and in the task pane (jszip, which exceljs itself reads with).
 */

export const PACKAGE_BUDGET = {
  /** Bytes the package may inflate to (a 200-unit 汇总 of nine tables each is about 40 MB). */
  inflated: 300 * 1024 * 1024,
  /** Cells one merge may cover (a title over a table's width, a label over its rows: hundreds). */
  mergeCells: 100_000,
  /** Cells all merges together may cover. */
  mergedTotal: 1_000_000,
};

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** Cells a range covers ("A1:C3" → 9; "A:A" whole columns, "1:2" whole rows). */
export function rangeCells(ref: string): number {
  const m = /^\$?([A-Z]{0,3})\$?(\d*):\$?([A-Z]{0,3})\$?(\d*)$/i.exec(ref.trim());
  if (!m) return 1;
  const col = (s: string, dflt: number) => (s ? [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : dflt);
  const row = (s: string, dflt: number) => (s ? Number(s) : dflt);
  const c1 = col(m[1], 1);
  const c2 = col(m[3], MAX_COLS);
  const r1 = row(m[2], 1);
  const r2 = row(m[4], MAX_ROWS);
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}

/** The sheets' names by their part's path (xl/worksheets/sheet1.xml → 公开01). */
async function sheetNames(zip: JSZip): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wb = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!wb || !rels) return names;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const part = id && targets.get(id);
    if (name && part)
      names.set(
        part,
        name
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"'),
      );
  }
  return names;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Why a workbook's package must not be loaded, or undefined when it is within the budget. */
export async function packageProblem(buf: Uint8Array, budget = PACKAGE_BUDGET): Promise<string | undefined> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    return undefined; // not a zip jszip reads: exceljs will say what it says of a damaged file
  }
  const names = await sheetNames(zip);
  let inflated = 0;
  let mergedTotal = 0;
  let problem: string | undefined;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(file.name);
    const seen = new Set<string>();
    inflated += await inflate(file, budget.inflated - inflated, (text) => {
      if (!isSheet || problem) return;
      for (const m of text.matchAll(/<mergeCell\s+ref="([^"]+)"/g)) {
        if (seen.has(m[1])) continue;
        seen.add(m[1]);
        const cells = rangeCells(m[1]);
        mergedTotal += cells;
        const sheet = names.get(file.name) ?? file.name;
        if (cells > budget.mergeCells)
          problem = `工作表“${sheet}”中的合并区域 ${m[1]} 覆盖 ${fmt(cells)} 个单元格（整行或整列合并），读取它会耗尽内存：请在 Excel 中选中该区域取消合并后再试`;
        else if (mergedTotal > budget.mergedTotal)
          problem = `工作簿中的合并区域共覆盖 ${fmt(mergedTotal)} 个单元格，超出可读取的范围：请取消不必要的合并后再试`;
      }
    });
    if (problem) return problem;
    if (inflated > budget.inflated)
      return `工作簿解压后超过 ${Math.round(budget.inflated / 1024 / 1024)} MB，超出可读取的范围：请删除多余的工作表、图片或大片空白格式后另存再试`;
  }
  return undefined;
}

/**
 * What a copy written through exceljs cannot carry: exceljs models cells, styles, notes, tables,
 * pictures, names, validations and conditional formats; everything else of the package is left
 * out of what it writes. Each kind by the parts that hold it, with how many, in the words the user
 * knows it by. (The add-in flags the workbook in Excel itself, where nothing is lost.)
 */
const UNCARRIED: [RegExp, string, boolean][] = [
  // [part, what it is, counted]
  [/^xl\/charts\/chart\d+\.xml$/i, '图表', true],
  [/^xl\/chartsheets\/sheet\d+\.xml$/i, '图表工作表', true],
  [/^xl\/threadedComments\/[^/]+\.xml$/i, '新版批注（线程批注、@提及）', false],
  [/^xl\/vbaProject\.bin$/i, '宏（VBA 代码）', false],
  [/^xl\/pivotTables\/[^/]+\.xml$/i, '数据透视表', true],
  [/^xl\/slicers\/[^/]+\.xml$/i, '切片器', false],
  [/^xl\/timelines\/[^/]+\.xml$/i, '日程表', false],
  [/^xl\/embeddings\/[^/]+$/i, '嵌入的对象（如 Word 文档、附件）', true],
  [/^xl\/(ctrlProps|activeX)\/[^/]+$/i, '表单控件或 ActiveX 控件', false],
  [/^xl\/externalLinks\/externalLink\d+\.xml$/i, '外部链接', true],
  [/^xl\/connections\.xml$/i, '数据连接', false],
];

export interface PackageInventory {
  /** What a copy will not have, each in words ("图表 2 个"). */
  uncarried: string[];
  /** A macro-enabled workbook (vbaProject.bin). */
  macros: boolean;
}

/** What of a workbook's package a copy written through exceljs will lack. */
export async function packageInventory(buf: Uint8Array): Promise<PackageInventory> {
  let names: string[];
  try {
    names = Object.keys((await JSZip.loadAsync(buf)).files);
  } catch {
    return { uncarried: [], macros: false };
  }
  const uncarried: string[] = [];
  for (const [re, what, counted] of UNCARRIED) {
    const n = names.filter((x) => re.test(x)).length;
    if (n) uncarried.push(counted ? `${what} ${n} 个` : what);
  }
  return { uncarried, macros: names.some((x) => /^xl\/vbaProject\.bin$/i.test(x)) };
}

/**
 * The package without its drawings: what exceljs is handed when it cannot read a workbook's
 * drawings (charts or shapes written by other software make it fail as a whole). Cells, notes,
 * styles and everything the check reads stay; the copy then lacks the drawings, and says so.
 */
export async function withoutDrawings(buf: Uint8Array): Promise<{ bytes: Uint8Array; pictures: number; shapes: number } | undefined> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    return undefined;
  }
  const drawings = Object.keys(zip.files).filter((n) => /^xl\/drawings\/(_rels\/)?drawing\d+\.xml(\.rels)?$/i.test(n));
  if (!drawings.length) return undefined;
  // What the drawings held besides charts (those are told by their own parts).
  let pictures = 0;
  let shapes = 0;
  for (const n of drawings.filter((x) => !x.includes('_rels'))) {
    const xml = await zip.file(n)!.async('string');
    pictures += xml.match(/<(?:xdr:)?pic>/g)?.length ?? 0;
    shapes += xml.match(/<(?:xdr:)?sp\b/g)?.length ?? 0;
  }
  for (const n of drawings) zip.remove(n);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n))) {
    const xml = await zip.file(name)!.async('string');
    // A sheet's <drawing r:id="…"/> names the drawing; its rel stays, pointing nowhere exceljs reads.
    if (/<drawing\b/.test(xml)) zip.file(name, xml.replace(/<drawing\b[^>]*\/>/g, ''));
  }
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes, pictures, shapes };
}

/** What a copy will lack, in one sentence for the user; undefined when it lacks nothing. */
export function copyLacksMessage(uncarried: string[], left: { pictures: number; shapes: number }): string | undefined {
  const lacks = [...uncarried];
  if (left.pictures) lacks.push(`图片 ${left.pictures} 张`);
  if (left.shapes) lacks.push(`形状 ${left.shapes} 个`);
  return lacks.length
    ? `写出的副本不含原工作簿中的${lacks.join('、')}：这些内容无法随标记写出。原文件未改动；在 Excel 中用加载项核对标记则全部保留`
    : undefined;
}

/** What a copy of this loaded workbook (its file's bytes) will lack, in one sentence. */
export async function copyLacks(bytes: Uint8Array, left: { pictures: number; shapes: number }): Promise<string | undefined> {
  return copyLacksMessage((await packageInventory(bytes)).uncarried, left);
}
