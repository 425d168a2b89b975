import type { CheckResult } from './index';
import { submitLine } from './index';

/**
 * The lines above 审核报告's table, for a unit to print, sign and file: what was checked, when,
 * the verdict, the counts, and a place to sign. The counts are those of the check itself (the
 * verdict counts 强制 findings still open; 已说明 ones are answered).
 */
export function reportHeading(result: Pick<CheckResult, 'summary' | 'submittable' | 'blocking' | 'verdict'>, workbook: string, now = new Date()): string[] {
  const s = result.summary;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
  return [
    '决算公开审核报告',
    `结论：${submitLine(result)}`,
    `错误 ${s.error} 项，警告 ${s.warning} 项，提示 ${s.info} 项，已说明 ${s.explained ?? 0} 项；强制问题 ${result.blocking} 项待处理`,
    `${workbook ? `工作簿：${workbook}　　` : ''}核对时间：${time}　　核对工具：决算公开助手`,
    '单位（盖章）：　　　　　　　　审核人：　　　　　　　　日期：',
  ];
}
