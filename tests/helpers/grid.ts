import * as fs from 'fs';
import * as path from 'path';
import { Workbook, Sheet } from '../../src/core/grid';
import { textToWorkbook } from '../../src/hosts/text/textDocument';

/** A sheet from tab-separated lines, the way tables look in a disclosure's text. */
export function sheetFromTsv(name: string, tsv: string): Sheet {
  return textToWorkbook(tsv.replace(/^\n/, ''), name).sheets[0];
}

export function workbookFromTsv(tsv: string, name = '测试'): Workbook {
  return textToWorkbook(tsv.replace(/^\n/, ''), name);
}

export const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'seed-2023.txt');

export function sampleText(): string {
  return fs.readFileSync(SAMPLE, 'utf8');
}

export function sampleWorkbook(): Workbook {
  return textToWorkbook(sampleText(), 'seed');
}

/** The sample's text before its narrative (the last 第三部分 heading): cover, overview and tables. */
export function sampleTablesText(): string {
  const lines = sampleText().split('\n');
  const at = lines
    .map((l, i) => (/^\s*第三部分\s*$/.test(l) ? i : -1))
    .filter((i) => i >= 0)
    .pop()!;
  return lines.slice(0, at).join('\n');
}
