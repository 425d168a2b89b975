import type Decimal from 'decimal.js';
import type { Sheet } from '../core/grid';

/**
 * A 项目支出绩效自评表 as read (forms/model.ts reads it, forms/doubt.ts weighs the reading, the
 * form rules check it): its cells with their numbers, money, goals, indicators and totals.
 */

export interface FormCell {
  sheet: string;
  r: number;
  c: number;
  text: string;
  /** The number the cell holds, when it holds one. */
  value?: Decimal;
  decimals?: number;
}

export interface Money {
  total?: FormCell;
  fiscal?: FormCell;
  other?: FormCell;
}

export interface Goal {
  row: number;
  target: string;
  actual: string;
  rate?: FormCell;
}

export interface Indicator {
  row: number;
  level1: string;
  level2: string;
  name: string;
  desc: string;
  weight: FormCell;
  sign?: string;
  signCell?: FormCell;
  target?: FormCell;
  unit?: string;
  actual?: FormCell;
  status?: FormCell;
  score?: FormCell;
}

export interface Form {
  /** Why its reading is in doubt (forms/doubt.ts): then it keeps its name and place, and no figure. */
  doubt?: string;
  /**
   * Not filled in yet (a form as generated: names and 分值, no target, actual value or score): its
   * indicators and goals are left out (their blanks are not errors yet), its money stays.
   */
  unfilled?: boolean;
  name: string;
  nameCell: FormCell;
  sheet: Sheet;
  top: number;
  bottom: number;
  budget: Money;
  available: Money;
  executed: Money;
  /** undefined: no 预算执行进度 column; null: the column is there, the value is not. */
  progress?: FormCell | null;
  goals: Goal[];
  indicators: Indicator[];
  rate?: { row: number; weight?: FormCell; score?: FormCell };
  /** undefined: no 自评总分 row; null: the row is there, the total is not. */
  total?: FormCell | null;
  totalRow?: number;
  /** The cell where the total belongs (right of its 自评总分 label). */
  totalAt?: { r: number; c: number };
  /** 五、存在问题原因及整改措施: the text written there. */
  problems: string;
}
