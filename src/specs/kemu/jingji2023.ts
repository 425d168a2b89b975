/**
 * 部门预算支出经济分类科目 (departmental economic classification of expenditure), 类 and 款, 2023.
 *
 * Source: 财政部《2023年政府收支分类科目》部门预算支出经济分类科目, in the order and wording the
 * 2023 公开06 table (一般公共预算财政拨款基本支出决算明细表) prints them. Only the 类/款 that table
 * lists are here; 款 of 类 303/307/310/312/399 not printed in 公开06 (e.g. 31204/31205 sub-items,
 * 309 资本性支出（基本建设）, 311 对企业资本性支出, 313 对社会保障基金补助) are KNOWN INCOMPLETE:
 * 309/311/313 appear at 类 level only, their 款 are not listed rather than invented.
 */
export interface JingjiEntry {
  code: string;
  name: string;
}

export const JINGJI_2023: JingjiEntry[] = [
  { code: '301', name: '工资福利支出' },
  { code: '30101', name: '基本工资' },
  { code: '30102', name: '津贴补贴' },
  { code: '30103', name: '奖金' },
  { code: '30106', name: '伙食补助费' },
  { code: '30107', name: '绩效工资' },
  { code: '30108', name: '机关事业单位基本养老保险缴费' },
  { code: '30109', name: '职业年金缴费' },
  { code: '30110', name: '职工基本医疗保险缴费' },
  { code: '30111', name: '公务员医疗补助缴费' },
  { code: '30112', name: '其他社会保障缴费' },
  { code: '30113', name: '住房公积金' },
  { code: '30114', name: '医疗费' },
  { code: '30199', name: '其他工资福利支出' },
  { code: '302', name: '商品和服务支出' },
  { code: '30201', name: '办公费' },
  { code: '30202', name: '印刷费' },
  { code: '30203', name: '咨询费' },
  { code: '30204', name: '手续费' },
  { code: '30205', name: '水费' },
  { code: '30206', name: '电费' },
  { code: '30207', name: '邮电费' },
  { code: '30208', name: '取暖费' },
  { code: '30209', name: '物业管理费' },
  { code: '30211', name: '差旅费' },
  { code: '30212', name: '因公出国（境）费用' },
  { code: '30213', name: '维修（护）费' },
  { code: '30214', name: '租赁费' },
  { code: '30215', name: '会议费' },
  { code: '30216', name: '培训费' },
  { code: '30217', name: '公务接待费' },
  { code: '30218', name: '专用材料费' },
  { code: '30224', name: '被装购置费' },
  { code: '30225', name: '专用燃料费' },
  { code: '30226', name: '劳务费' },
  { code: '30227', name: '委托业务费' },
  { code: '30228', name: '工会经费' },
  { code: '30229', name: '福利费' },
  { code: '30231', name: '公务用车运行维护费' },
  { code: '30239', name: '其他交通费用' },
  { code: '30240', name: '税金及附加费用' },
  { code: '30299', name: '其他商品和服务支出' },
  { code: '303', name: '对个人和家庭的补助' },
  { code: '30301', name: '离休费' },
  { code: '30302', name: '退休费' },
  { code: '30303', name: '退职（役）费' },
  { code: '30304', name: '抚恤金' },
  { code: '30305', name: '生活补助' },
  { code: '30306', name: '救济费' },
  { code: '30307', name: '医疗费补助' },
  { code: '30308', name: '助学金' },
  { code: '30309', name: '奖励金' },
  { code: '30310', name: '个人农业生产补贴' },
  { code: '30311', name: '代缴社会保险费' },
  { code: '30399', name: '其他对个人和家庭的补助' },
  { code: '307', name: '债务利息及费用支出' },
  { code: '30701', name: '国内债务付息' },
  { code: '30702', name: '国外债务付息' },
  { code: '309', name: '资本性支出（基本建设）' },
  { code: '310', name: '资本性支出' },
  { code: '31001', name: '房屋建筑物购建' },
  { code: '31002', name: '办公设备购置' },
  { code: '31003', name: '专用设备购置' },
  { code: '31005', name: '基础设施建设' },
  { code: '31006', name: '大型修缮' },
  { code: '31007', name: '信息网络及软件购置更新' },
  { code: '31008', name: '物资储备' },
  { code: '31009', name: '土地补偿' },
  { code: '31010', name: '安置补助' },
  { code: '31011', name: '地上附着物和青苗补偿' },
  { code: '31012', name: '拆迁补偿' },
  { code: '31013', name: '公务用车购置' },
  { code: '31019', name: '其他交通工具购置' },
  { code: '31021', name: '文物和陈列品购置' },
  { code: '31022', name: '无形资产购置' },
  { code: '31099', name: '其他资本性支出' },
  { code: '311', name: '对企业资本性支出' },
  { code: '312', name: '对企业补助' },
  { code: '31201', name: '资本金注入' },
  { code: '31203', name: '政府投资基金股权投资' },
  { code: '31204', name: '费用补贴' },
  { code: '31205', name: '利息补贴' },
  { code: '31299', name: '其他对企业补助' },
  { code: '313', name: '对社会保障基金补助' },
  { code: '399', name: '其他支出' },
  { code: '39907', name: '国家赔偿费用支出' },
  { code: '39908', name: '对民间非营利组织和群众性自治组织补贴' },
  { code: '39909', name: '经常性赠与' },
  { code: '39910', name: '资本性赠与' },
  { code: '39999', name: '其他支出' },
];

const byCode = new Map(JINGJI_2023.map((e) => [e.code, e.name]));

export function jingjiName(code: string): string | undefined {
  return byCode.get(code);
}

/** The 款 of a 类 in printed order. */
export function jingjiChildren(classCode: string): JingjiEntry[] {
  return JINGJI_2023.filter((e) => e.code.length === 5 && e.code.startsWith(classCode));
}
