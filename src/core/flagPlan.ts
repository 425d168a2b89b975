import { Finding, Severity, SEVERITY_ZH, sortFindings, worstSeverity, flaggedCells, placeOf } from './findings';
import { quoteSheet } from './grid';
import { displayWidth } from './text';

/**
 * What flagging a workbook means, independent of the host: which cells get which fill and note,
 * and the rows of the 审核报告 sheet. The xlsx adapter and the Office.js adapter both carry it out,
 * so a workbook checked by one is flagged exactly as by the other.
 */

export const FLAGS_SHEET = '_juesuan_flags';
export const REPORT_SHEET = '审核报告';
export const FLAGS_MARK = 'juesuan-flags-v1';
export const NOTE_HEAD = '决算公开助手：';

/**
 * Fill colours (RGB hex): Excel's own "bad" red and "neutral" amber; a light blue for 提示 (a
 * rounding tail, nothing to fix, but the cell says why it was looked at); green once explained (已说明).
 */
export type FlagKind = Severity | 'explained';
export const FLAG_COLOR: Record<FlagKind, string> = { error: 'FFC7CE', warning: 'FFEB9C', info: 'DDEBF7', explained: 'E2EFDA' };

export interface CellFlag {
  sheet: string;
  cell: string;
  severity: FlagKind;
  note: string;
}

/** The 审核报告 columns; the unit writes its 出错说明 in 说明 (read back by `juesuan explain`). */
/** 类别: 强制 (must be fixed before submission) or 提示 (may be answered with an 出错说明), the rule's level. */
export const REPORT_HEADER = ['序号', '级别', '表', '位置', '问题说明', '应为', '实为', '规则', '类别', '状态', '说明'];
export const REPORT_WIDTHS = [6, 8, 9, 18, 80, 14, 14, 14, 6, 8, 36];
/** 0-based columns of the report the hosts address: 级别 (filled with its colour), 位置 (linked), 问题说明, 规则, 说明. */
export const REPORT_COL = { severity: 1, where: 3, message: 4, rule: 7, explanation: 10 };

/** How the report names a rule and says whether it blocks submission (from the rule registry). */
export type RuleLabel = (id: string) => { name: string; level?: '强制' | '提示' };

export interface ReportRow {
  values: (string | number)[];
  /** Where the 位置 cell links to ('Sheet'!A1), when the finding has a cell. */
  link?: string;
  severity: Severity;
}

export interface FlagPlan {
  cells: CellFlag[];
  report: ReportRow[];
  /** Lines above the table (reportHeading), then one blank row, then the table's header row. */
  heading: string[];
  /** 0-based row of the table's header (序号, 级别, …) in 审核报告. */
  headerRow: number;
}

/** Cells to flag (worst severity per cell, all messages in its note) and the report rows. */
export interface PlanOptions {
  /** How the report names each rule (the registry's Chinese names); the id otherwise. */
  ruleLabel?: RuleLabel;
  /** Lines above the report's table (reportHeading). */
  heading?: string[];
}

/** What one cell may hold: Excel refuses a longer text. */
export const CELL_TEXT_LIMIT = 32767;

/** What a cell may hold (Excel refuses more than 32,767 characters): a longer text ends with a mark that it goes on. */
export function fitCell(text: string): string {
  return text.length <= CELL_TEXT_LIMIT ? text : text.slice(0, CELL_TEXT_LIMIT - 20) + '……（全文过长，已截断）';
}

/** Excel's largest row height, in points. */
const MAX_ROW_HEIGHT = 409;
/** One printed line of the report's 11-point text, with its leading, in points (a CJK font's, the tallest). */
const LINE_HEIGHT = 15;

/**
 * The height a report row needs for every line of its wrapped cells to print (points). Set in the
 * file itself: LibreOffice and WPS print a wrapped cell at the height the file gives, cutting the rest.
 * A column's width counts characters of the default font, a Chinese character two.
 */
export function reportRowHeight(values: (string | number)[], widths: number[] = REPORT_WIDTHS): number {
  let lines = 1;
  values.forEach((v, i) => {
    const room = Math.max(1, (widths[i] ?? 10) - 1);
    const n = String(v)
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
    lines = Math.max(lines, n);
  });
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3);
}

export function planFlags(findings: Finding[], sheetExists: (name: string) => boolean, opts: PlanOptions = {}): FlagPlan {
  const { ruleLabel = (id: string): ReturnType<RuleLabel> => ({ name: id }), heading = [] } = opts;
  // A narrative finding quotes its sentence, as the check read it.
  const sentence = (f: Finding) => (f.text?.sentence ? `\n原句：${f.text.sentence.before}〖${f.text.fragment}〗${f.text.sentence.after}` : '');
  const sorted = sortFindings(findings);
  const byCell = new Map<string, { sheet: string; cell: string; fs: Finding[] }>();
  const add = (f: Finding, sheet: string, cell: string) => {
    if (!sheet || !cell || !sheetExists(sheet)) return;
    const k = sheet + '!' + cell;
    const at = byCell.get(k);
    if (at) at.fs.push(f);
    else byCell.set(k, { sheet, cell, fs: [f] });
  };
  // One cause on several cells (one form's indicators): each of them is flagged with it.
  for (const f of sorted) for (const x of flaggedCells(f)) add(f, x.sheet, x.cell);
  const cells: CellFlag[] = [...byCell.values()].map(({ sheet, cell, fs }) => {
    const open = fs.filter((f) => f.explained === undefined);
    return {
      sheet,
      cell,
      severity: worstSeverity(open.map((f) => f.severity)) ?? 'explained',
      note:
        NOTE_HEAD +
        '\n' +
        fs
          .map(
            (f) =>
              `【${f.explained !== undefined ? '已说明' : SEVERITY_ZH[f.severity]}】${f.message}${sentence(f)}${f.explained !== undefined ? `\n说明：${f.explained}` : ''}`,
          )
          .join('\n'),
    };
  });
  for (const c of cells) c.note = fitCell(c.note);
  const report: ReportRow[] = sorted.map((f, i) => {
    const label = ruleLabel(f.rule);
    const where = placeOf(f);
    return {
      values: [
        i + 1,
        SEVERITY_ZH[f.severity],
        f.table || '—',
        where,
        fitCell(f.message),
        f.expected ?? '',
        f.actual ?? '',
        label.name,
        f.severity === 'info' ? '' : (label.level ?? ''),
        f.severity === 'info' ? '' : f.explained !== undefined ? '已说明' : '待处理',
        f.explained ?? '',
      ],
      // A link only to a cell the workbook has (a report written beside a PDF has none).
      link: f.sheet && f.cell && sheetExists(f.sheet) ? `${quoteSheet(f.sheet)}!${f.cell}` : undefined,
      severity: f.severity,
    };
  });
  if (!report.length) report.push({ values: REPORT_HEADER.map((_, i) => (i === REPORT_COL.message ? '未发现问题。' : '')), severity: 'info' });
  return { cells, report, heading, headerRow: heading.length ? heading.length + 1 : 0 };
}

/** A free name for the report sheet (审核报告, 审核报告(2), …). */
export function reportSheetName(exists: (name: string) => boolean): string {
  let name = REPORT_SHEET;
  for (let i = 2; exists(name); i++) name = `${REPORT_SHEET}(${i})`;
  return name;
}
