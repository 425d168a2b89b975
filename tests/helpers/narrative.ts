import { Workbook, Cell } from '../../src/core/grid';
import { readNarrative, locate } from '../../src/narrative/paragraphs';
import { extractMentions, Mention } from '../../src/narrative/mentions';
import { sampleTablesText } from './grid';
import { textToWorkbook } from '../../src/hosts/text/textDocument';

/** The sample's text up to its narrative (tables and forms removed from the end are kept). */
export function sampleWithNarrative(narrative: string): Workbook {
  return textToWorkbook([sampleTablesText(), '第三部分', '', narrative, '', '第四部分名词解释'].join('\n'), 'doc');
}

export interface Located {
  m: Mention;
  sheet: string;
  r: number;
  c: number;
  cellOffset: number;
}

/** Every figure of the workbook's narrative with the cell and offset its number sits at. */
export function narrativeFigures(wb: Workbook): Located[] {
  const out: Located[] = [];
  for (const p of readNarrative(wb)) {
    if (p.heading) continue;
    for (const m of extractMentions(p)) {
      const at = locate(p, m.start);
      out.push({ m, ...at });
    }
  }
  return out;
}

/** A copy of the workbook with the number at a located figure replaced. */
export function withFigure(wb: Workbook, f: Located, replacement: string): Workbook {
  const numLen = /^[\d,.]+/.exec(f.m.para.raw.slice(f.m.start).replace(/\s+$/, ''))![0].length;
  const sheets = wb.sheets.map((s) => {
    if (s.name !== f.sheet) return s;
    const rows = s.rows.slice();
    const row = rows[f.r].slice();
    const cell = row[f.c] as Cell;
    const t = String(cell.value);
    row[f.c] = { ...cell, value: t.slice(0, f.cellOffset) + replacement + t.slice(f.cellOffset + numLen) };
    rows[f.r] = row;
    return { ...s, rows };
  });
  return { ...wb, sheets };
}
