import * as fs from 'fs';
import * as path from 'path';
import { textToWorkbook } from '../hosts/text/textDocument';
import { recognize, cellPositions } from '../recognize';
import { tableSet } from '../editions';
import { Workbook, Sheet, Cell } from '../core/grid';
import { readAmount } from '../core/amount';

/**
 * The bench's workload, shared with the byte-identical check: a consolidated workbook of UNITS
 * units (the nine tables of the sample, one sheet per unit, every amount cell a number — blanks
 * as 0.00 —, every tenth unit with one amount changed by 1.00).
 */

export const UNITS = Number(process.env.BENCH_UNITS ?? 200);
export const root = path.resolve(__dirname, '..', '..');
export const sampleText = fs.readFileSync(path.join(root, 'samples', 'seed-2023.txt'), 'utf8');

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export function consolidated(): { wb: Workbook; numericCells: number } {
  const seed = textToWorkbook(sampleText, 'seed');
  const set = tableSet();
  const rec = recognize(seed, set);
  const src = seed.sheets[0];
  const first = Math.min(...rec.tables.map((t) => t.titleAt.r));
  const last = Math.max(...rec.tables.map((t) => t.dataEnd));
  const amountPos = new Set<string>();
  for (const t of rec.tables) for (const it of t.items) for (const p of cellPositions(it)) amountPos.add(p.r + ',' + p.c);
  const rand = rng(42);
  let numericCells = 0;
  const sheets: Sheet[] = [];
  for (let u = 0; u < UNITS; u++) {
    const rows: (Cell | undefined)[][] = [];
    for (let r = first; r <= last; r++) {
      const row = src.rows[r] ?? [];
      const width = Math.max(row.length, ...[...amountPos].filter((k) => k.startsWith(r + ',')).map((k) => Number(k.split(',')[1]) + 1));
      const out: (Cell | undefined)[] = [];
      for (let c = 0; c < width; c++) {
        const cell = row[c];
        const a = amountPos.has(r + ',' + c) ? readAmount(cell) : undefined;
        if (a && (a.kind === 'num' || a.kind === 'blank')) {
          // Blank amount cells print as 0.00, as many units' tables do: the workload is every
          // amount cell of the nine tables as a number (relations hold as before).
          out[c] = { value: a.kind === 'num' ? a.value.toNumber() : 0, numFmt: '#,##0.00' };
          numericCells++;
        } else if (cell) out[c] = { value: cell.value };
      }
      rows.push(out);
    }
    if (u % 10 === 0) {
      // Plant one error: a random amount + 1.00.
      const nums = rows.flatMap((row, r) => row.map((cell, c) => (cell && typeof cell.value === 'number' ? [r, c] : undefined)).filter(Boolean)) as number[][];
      const [r, c] = nums[Math.floor(rand() * nums.length)];
      rows[r][c] = { value: (rows[r][c]!.value as number) + 1, numFmt: '#,##0.00' };
    }
    sheets.push({ name: `单位${String(u + 1).padStart(3, '0')}`, rows, merges: [] });
  }
  return { wb: { sheets }, numericCells };
}
