import { FUNCTION_CLASSES } from '../functionClasses';

/**
 * 政府收支分类科目 支出功能分类 (类 3 digits / 款 5 / 项 7), 2023.
 *
 * Source: 财政部《2023年政府收支分类科目》支出功能分类科目. Every 类 is listed (from
 * functionClasses.ts); 款 and 项 only for the parts administrative units use most (general public
 * services, pensions, health insurance, housing, pollution control). KNOWN INCOMPLETE: a code
 * missing here is unknown to us, not wrong; checks warn only when a listed code carries another
 * name. Names are given as the 决算 tables print them.
 */
export interface GongnengEntry {
  code: string;
  name: string;
}

const KUAN_XIANG: [string, string][] = [
  ['20101', '人大事务'],
  ['2010101', '行政运行'],
  ['2010102', '一般行政管理事务'],
  ['2010103', '机关服务'],
  ['2010150', '事业运行'],
  ['2010199', '其他人大事务支出'],
  ['20102', '政协事务'],
  ['2010201', '行政运行'],
  ['2010202', '一般行政管理事务'],
  ['2010250', '事业运行'],
  ['2010299', '其他政协事务支出'],
  ['20103', '政府办公厅（室）及相关机构事务'],
  ['2010301', '行政运行'],
  ['2010302', '一般行政管理事务'],
  ['2010303', '机关服务'],
  ['2010350', '事业运行'],
  ['2010399', '其他政府办公厅（室）及相关机构事务支出'],
  ['20104', '发展与改革事务'],
  ['2010401', '行政运行'],
  ['20105', '统计信息事务'],
  ['2010501', '行政运行'],
  ['20106', '财政事务'],
  ['2010601', '行政运行'],
  ['20107', '税收事务'],
  ['20108', '审计事务'],
  ['2010801', '行政运行'],
  ['20111', '纪检监察事务'],
  ['2011101', '行政运行'],
  ['20113', '商贸事务'],
  ['2011301', '行政运行'],
  ['2011308', '招商引资'],
  ['2011399', '其他商贸事务支出'],
  ['20129', '群众团体事务'],
  ['20131', '党委办公厅（室）及相关机构事务'],
  ['2013101', '行政运行'],
  ['20132', '组织事务'],
  ['20133', '宣传事务'],
  ['20199', '其他一般公共服务支出'],
  ['2019999', '其他一般公共服务支出'],
  ['20801', '人力资源和社会保障管理事务'],
  ['20805', '行政事业单位养老支出'],
  ['2080501', '行政单位离退休'],
  ['2080502', '事业单位离退休'],
  ['2080503', '离退休人员管理机构'],
  ['2080505', '机关事业单位基本养老保险缴费支出'],
  ['2080506', '机关事业单位职业年金缴费支出'],
  ['2080599', '其他行政事业单位养老支出'],
  ['20808', '抚恤'],
  ['2080801', '死亡抚恤'],
  ['2080802', '伤残抚恤'],
  ['2080899', '其他优抚支出'],
  ['20899', '其他社会保障和就业支出'],
  ['2089999', '其他社会保障和就业支出'],
  ['21011', '行政事业单位医疗'],
  ['2101101', '行政单位医疗'],
  ['2101102', '事业单位医疗'],
  ['2101103', '公务员医疗补助'],
  ['2101199', '其他行政事业单位医疗支出'],
  ['21103', '污染防治'],
  ['2110301', '大气'],
  ['2110302', '水体'],
  ['2110399', '其他污染防治支出'],
  ['22102', '住房改革支出'],
  ['2210201', '住房公积金'],
  ['2210202', '提租补贴'],
  ['2210203', '购房补贴'],
];

export const GONGNENG_2023: GongnengEntry[] = [
  ...FUNCTION_CLASSES.map((c) => ({ code: c.code, name: c.name })),
  ...KUAN_XIANG.map(([code, name]) => ({ code, name })),
].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

const byCode = new Map(GONGNENG_2023.map((e) => [e.code, e.name]));

export function gongnengName(code: string): string | undefined {
  return byCode.get(code);
}

export function gongnengLevel(code: string): '类' | '款' | '项' | undefined {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : undefined;
}

/** The 项 codes a typical administrative unit reports, used when a template is made without a code list. */
export const DEFAULT_SCAFFOLD_CODES = ['2010301', '2010302', '2080505', '2080506', '2101101', '2210201'];
