import { AttestedRow } from '../reference';

/**
 * 科目 rows found in public sources that the entered 财政部 lists lack, each with its source
 * (../shared/reference/kemu-attested.tsv, codes and names printed together there). Valid for 2023
 * and after; the rows that exist from 2024 on are in the 2024 edition.
 */
export const ATTESTED_2023: AttestedRow[] = [
  {
    classification: '功能',
    code: '2012902',
    name: '一般行政管理事务',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  { classification: '功能', code: '20502', name: '普通教育', source: '2024 上海 决算 template (reference/2024-shanghai-template.layout.txt)' },
  { classification: '功能', code: '2050205', name: '高等教育', source: '2024 上海 决算 template (reference/2024-shanghai-template.layout.txt)' },
  {
    classification: '功能',
    code: '21007',
    name: '计划生育事务',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '功能',
    code: '2100717',
    name: '计划生育服务',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '功能',
    code: '21201',
    name: '城乡社区管理事务',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '功能',
    code: '2120102',
    name: '一般行政管理事务',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '功能',
    code: '2120199',
    name: '其他城乡社区管理事务支出',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '经济',
    code: '30901',
    name: '房屋建筑物购建',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '经济',
    code: '30902',
    name: '办公设备购置',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '经济',
    code: '30903',
    name: '专用设备购置',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '经济',
    code: '30905',
    name: '基础设施建设',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '经济',
    code: '30906',
    name: '大型修缮',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '经济',
    code: '30907',
    name: '信息网络及软件购置更新',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '经济',
    code: '30908',
    name: '物资储备',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '经济',
    code: '30913',
    name: '公务用车购置',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '经济',
    code: '30919',
    name: '其他交通工具购置',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '经济',
    code: '30921',
    name: '文物和陈列品购置',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '经济',
    code: '30922',
    name: '无形资产购置',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
  {
    classification: '经济',
    code: '30999',
    name: '其他基本建设支出',
    source: 'a public repository data file (budget application data, names as official; secondary source)',
  },
];

/** Rows that exist from 2024 on (财预〔2024〕22号). */
export const ATTESTED_FROM_2024: AttestedRow[] = [
  {
    classification: '功能',
    code: '220',
    name: '自然资源海洋气象等支出',
    source: '财政部《关于对2024年政府收支分类科目进行个别增补的通知》财预〔2024〕22号 (2024 edition)',
  },
  {
    classification: '功能',
    code: '22006',
    name: '耕地保护考核奖惩基金支出',
    source: '财政部《关于对2024年政府收支分类科目进行个别增补的通知》财预〔2024〕22号 (2024 edition)',
  },
  {
    classification: '功能',
    code: '2300412',
    name: '自然资源海洋气象等',
    source: '财政部《关于对2024年政府收支分类科目进行个别增补的通知》财预〔2024〕22号 (2024 edition)',
  },
];
