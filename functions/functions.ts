/// <reference types="office-js" />
import * as core from '../src/customFunctions/core';

/**
 * Excel custom functions, namespace JUESUAN (ids stable forever). Each is a thin wrapper over the
 * pure core (src/customFunctions/core.ts); the metadata (functions.json) is generated from these JSDoc
 * comments at build time by custom-functions-metadata.
 */

/**
 * Bad input becomes an error with its Chinese message. Excel shows a custom message only with
 * #VALUE! and #N/A (it drops it from #DIV/0! and #NUM!), so a zero base is #VALUE! with the
 * reason ("总额为 0，不能计算占比") rather than a bare #DIV/0!.
 */
function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof core.FunctionInputError) {
      const code = e.kind === 'na' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
      throw new CustomFunctions.Error(code, e.message);
    }
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, '计算出错');
  }
}

/**
 * 占比（%）：部分 ÷ 总额 × 100，按公开口径四舍五入。
 * @customfunction PCT
 * @param part 部分金额
 * @param whole 总额
 * @param [digits] 保留小数位数，默认 1
 * @returns 占比（%）
 */
export function pct(part: number, whole: number, digits?: number): number {
  return guard(() => core.pct(part, whole, digits));
}

/**
 * 增长率（%）：(本年数 − 上年数) ÷ 上年数 × 100，四舍五入。
 * @customfunction GROWTH
 * @param current 本年数
 * @param previous 上年数
 * @param [digits] 保留小数位数，默认 1
 * @returns 增长率（%），下降为负数
 */
export function growth(current: number, previous: number, digits?: number): number {
  return guard(() => core.growth(current, previous, digits));
}

/**
 * 上年数：本年数 − 增减额（减少时增减额为负数）。
 * @customfunction PREV
 * @param current 本年数
 * @param increase 比上年增减额
 * @returns 上年数
 */
export function prev(current: number, increase: number): number {
  return guard(() => core.prev(current, increase));
}

/**
 * 合计核对：各分项之和在四舍五入尾差范围内等于合计时返回 0，否则返回差额（合计 − 分项之和）。
 * @customfunction SUMCHECK
 * @param total 合计
 * @param parts 分项（一个或多个区域）
 * @returns 0 或差额
 */
export function sumcheck(total: number, ...parts: number[][][]): number {
  return guard(() => core.sumcheck(total, ...parts));
}

/**
 * 核对所述百分比是否与部分 ÷ 总额一致（考虑各数字的四舍五入）。
 * @customfunction CONSISTENT
 * @param stated 文中所述百分比（如 68.8）
 * @param part 部分金额
 * @param whole 总额
 * @param [digits] 所述百分比的小数位数，默认按其本身
 * @returns 一致为 TRUE，否则 FALSE
 */
export function consistent(stated: number, part: number, whole: number, digits?: number): boolean {
  return guard(() => core.consistent(stated, part, whole, digits));
}

/**
 * 元换算为万元，四舍五入。
 * @customfunction WAN
 * @param yuan 金额（元）
 * @param [digits] 保留小数位数，默认 2
 * @returns 金额（万元）
 */
export function wan(yuan: number, digits?: number): number {
  return guard(() => core.wan(yuan, digits));
}

/**
 * 生成占比句：如“一般公共服务（类）支出1248.32万元，占65.0%”。
 * @customfunction SHARETEXT
 * @param label 项目名称
 * @param amount 金额（万元）
 * @param base 基数（万元）
 * @returns 情况说明中的句子
 */
export function sharetext(label: string, amount: number, base: number): string {
  return guard(() => core.sharetext(label, amount, base));
}

/**
 * 生成与上年比较句：“…比上年增加…万元，增长…%”或“减少…，下降…%”或“与上年持平”。
 * @customfunction GROWTHTEXT
 * @param label 项目名称
 * @param current 本年数（万元）
 * @param previous 上年数（万元）
 * @returns 情况说明中的句子
 */
export function growthtext(label: string, current: number, previous: number): string {
  return guard(() => core.growthtext(label, current, previous));
}

/**
 * 用情况说明核对器检查一段文字，返回发现的问题个数。
 * @customfunction CHECKTEXT
 * @param paragraph 段落文字
 * @param [base] 该段占比的基数（万元），可省略
 * @returns 问题个数
 */
export function checktext(paragraph: string, base?: number): number {
  return guard(() => core.checkParagraph(paragraph, base).length);
}

/**
 * 用情况说明核对器检查一段文字，返回第一个问题的说明（无问题时为空）。
 * @customfunction CHECKTEXTMSG
 * @param paragraph 段落文字
 * @param [base] 该段占比的基数（万元），可省略
 * @returns 问题说明
 */
export function checktextmsg(paragraph: string, base?: number): string {
  return guard(() => core.checkParagraph(paragraph, base)[0] ?? '');
}

/**
 * 支出功能分类科目名称（2023 年政府收支分类科目）。
 * @customfunction KEMU
 * @param code 科目编码（3、5 或 7 位）
 * @returns 科目名称
 */
export function kemu(code: string): string {
  return guard(() => core.kemu(code));
}

/**
 * 部门预算支出经济分类科目名称。
 * @customfunction JINGJI
 * @param code 经济分类科目编码（3 或 5 位）
 * @returns 科目名称
 */
export function jingji(code: string): string {
  return guard(() => core.jingji(code));
}

/**
 * 科目级次：类、款或项。
 * @customfunction KEMULEVEL
 * @param code 科目编码（3、5 或 7 位）
 * @returns 类、款或项
 */
export function kemulevel(code: string): string {
  return guard(() => core.kemulevel(code));
}

/** Ids as Excel calls them (associate in the shared runtime). */
export const FUNCTIONS: Record<string, (...args: never[]) => unknown> = {
  PCT: pct,
  GROWTH: growth,
  PREV: prev,
  SUMCHECK: sumcheck,
  CONSISTENT: consistent,
  WAN: wan,
  SHARETEXT: sharetext,
  GROWTHTEXT: growthtext,
  CHECKTEXT: checktext,
  CHECKTEXTMSG: checktextmsg,
  KEMU: kemu,
  JINGJI: jingji,
  KEMULEVEL: kemulevel,
};
