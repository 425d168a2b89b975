import type { Consolidated } from './build';

/**
 * What a 汇总 says of itself, line by line, as the command line prints it and the pane shows it:
 * who is in, who has open problems, who is not in and why, who is missing, what was netted, and
 * where the sheets say more. The 汇总's own check is a line its caller adds.
 */
export function consolidatedLines(c: Consolidated): string[] {
  const lines = [`${c.department} ${c.year}年度部门决算汇总（${c.edition}）：纳入 ${c.included.length} 个单位`];
  const open = c.included.filter((u) => u.verdict !== '可提交');
  if (open.length) lines.push(`其中 ${open.length} 个单位有未解决的强制问题：${open.map((u) => `${u.name}（${u.blocking} 项）`).join('、')}`);
  for (const { unit, why } of c.refused) lines.push(`未纳入：${unit.file}（${unit.name}）——${why}`);
  if (c.missing.length) lines.push(`名单上未报送：${c.missing.join('、')}`);
  const groups = c.netting.filter((x) => x.child === '合计');
  if (groups.length) lines.push(`往来抵消：${groups.map((x) => `${x.parent} ${x.transfer.name} ${x.how.replace(/：.*$/, '')}`).join('；')}（见“调整表”）`);
  if (c.differences.length || c.unplaced.length) lines.push(`有 ${c.differences.length + c.unplaced.length} 处金额未能直接汇总，见“汇总核对”`);
  return lines;
}
