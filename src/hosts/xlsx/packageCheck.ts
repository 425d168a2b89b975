import JSZip from 'jszip';

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

interface StreamHelper {
  on(event: 'data', f: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'end', f: () => void): StreamHelper;
  on(event: 'error', f: (e: Error) => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/** A part's inflated bytes, stopped once over `limit`; each chunk's text to `scan` (a worksheet's merges). */
function inflate(file: JSZip.JSZipObject, limit: number, scan?: (text: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    const decoder = new TextDecoder('utf-8');
    // A merge reference cut between two chunks is read whole with the next one.
    let tail = '';
    const stream = (file as unknown as { internalStream(t: 'uint8array'): StreamHelper }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        n += chunk.length;
        if (scan) {
          const text = tail + decoder.decode(chunk, { stream: true });
          scan(text);
          tail = text.slice(-200);
        }
        if (n > limit) {
          stream.pause();
          resolve(n);
        }
      })
      .on('end', () => resolve(n))
      .on('error', reject)
      .resume();
  });
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
