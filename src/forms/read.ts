import Decimal from 'decimal.js';
import { Workbook, Sheet, cellText } from '../core/grid';
import { readAmount } from '../core/amount';
import { normLabel } from '../core/text';

/**
 * 项目支出绩效自评表 read just far enough for the narrative: each form's project name, 预算数,
 * 执行数 and 自评总分, with their cells. Forms are found by their 项目名称 cell, in any sheet,
 * one per sheet or stacked.
 */

export interface FormFigure {
  value: Decimal;
  decimals: number;
  sheet: string;
  r: number;
  c: number;
}

export interface FormSummary {
  name: string;
  sheet: string;
  r: number;
  c: number;
  budget?: FormFigure;
  executed?: FormFigure;
  /** undefined: no 自评总分 row; null: the row is there but the total is blank. */
  total?: FormFigure | null;
  /** Σ of the 自评得分 column (indicators and 预算执行率), when the column is found. */
  scoreSum?: Decimal;
}

function figureAfter(sheet: Sheet, r: number, c: number): FormFigure | undefined {
  const row = sheet.rows[r] ?? [];
  for (let k = c + 1; k < row.length; k++) {
    const cell = row[k];
    const t = cellText(cell).trim();
    if (!t) continue;
    const a = readAmount(cell);
    if (a.kind === 'num') return { value: a.value, decimals: a.decimals, sheet: sheet.name, r, c: k };
    return undefined;
  }
  return undefined;
}

export function readForms(wb: Workbook): FormSummary[] {
  const out: FormSummary[] = [];
  for (const sheet of wb.sheets) {
    if (sheet.name.startsWith('上年')) continue; // last year's forms are not this year's
    let cur: FormSummary | undefined;
    let scoreCol = -1;
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const t = normLabel(cellText(row[c]));
        if (!t) continue;
        if (t === '项目名称') {
          let name = '';
          let nc = c;
          for (let k = c + 1; k < row.length && !name; k++) {
            name = cellText(row[k]).trim();
            nc = k;
          }
          if (name) {
            cur = { name, sheet: sheet.name, r, c: nc };
            out.push(cur);
            scoreCol = -1;
          }
          break;
        }
        if (!cur) continue;
        if (t === '自评得分') {
          scoreCol = c;
          cur.scoreSum = new Decimal(0);
          continue;
        }
        if (t === '预算数' && !cur.budget) cur.budget = figureAfter(sheet, r, c);
        else if (t === '执行数' && !cur.executed) cur.executed = figureAfter(sheet, r, c);
        else if (t === '自评总分' && cur.total === undefined) {
          cur.total = figureAfter(sheet, r, c) ?? null;
          scoreCol = -1;
        }
      }
      // Scores of the indicator rows: the 自评得分 column, or the row's last figure when a row is shifted.
      if (cur && scoreCol >= 0 && cur.total === undefined) {
        let a = readAmount(row[scoreCol]);
        if (a.kind === 'blank') {
          let last = row.length - 1;
          while (last >= 0 && !cellText(row[last]).trim()) last--;
          if (last === scoreCol - 1) a = readAmount(row[last]);
        }
        if (a.kind === 'num') cur.scoreSum = cur.scoreSum!.plus(a.value);
      }
    }
  }
  return out;
}

/** Canonical project name for matching: no quotes, brackets, spaces; half-width. */
export function projectKey(name: string): string {
  return normLabel(name)
    .replace(/[《》〈〉<>“”"'‘’【】\[\]()（）·•]/g, '')
    .replace(/(项目|经费)$/, '')
    .toLowerCase();
}
