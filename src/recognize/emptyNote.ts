import { Sheet, cellText } from '../core/grid';

/**
 * Whether lines near a table say it is empty, as units write it under the title or the table:
 * 本表无数据, 空表, "本单位本年度没有政府性基金预算财政拨款收入和支出".
 */
const EMPTY_WORDS = /本表无数据|空表|无数据|(没有|无)(相关)?[^，。]{0,20}(收支|收入和支出|收入、支出)/;

export function statesEmpty(sheet: Sheet, from: number, to: number): boolean {
  for (let r = Math.max(0, from); r <= to && r < sheet.rows.length; r++) if (EMPTY_WORDS.test((sheet.rows[r] ?? []).map(cellText).join(''))) return true;
  return false;
}
