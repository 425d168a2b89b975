/** Small tables in the seed's text layout, for rule tests. Rows are the accountant's own words. */

export type Row = (string | number)[];

const line = (cells: Row) => cells.map(String).join('\t');

export function table03(rows: Row[], note = true): string {
  return [
    '支出决算表',
    '部门：测试单位',
    '公开03表',
    '金额单位：万元',
    '项目\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出',
    '功能分类科目编码\t科目名称',
    '栏次\t\t1\t2\t3\t4\t5\t6',
    ...rows.map(line),
    ...(note ? ['注：本表反映部门本年度各项支出情况。'] : []),
    '',
  ].join('\n');
}

export function table05(rows: Row[]): string {
  return [
    '一般公共预算财政拨款支出决算表',
    '公开05表',
    '项目\t\t本年支出',
    '功能分类科目编码\t科目名称\t小计\t基本支出\t项目支出',
    '栏次\t\t1\t2\t3',
    ...rows.map(line),
    '注：本表反映一般公共预算财政拨款支出情况。',
    '',
  ].join('\n');
}

export function table02(rows: Row[]): string {
  return [
    '收入决算表',
    '项目\t\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t附属单位上缴收入\t其他收入',
    '功能分类科目编码\t科目名称',
    ...rows.map(line),
    '注：本表反映部门本年度取得的各项收入情况。',
    '',
  ].join('\n');
}

/** 公开01 with the given income/expense amounts by label; other rows blank. */
export function table01(income: Record<string, string>, expense: Record<string, string>): string {
  const inc = [
    '一、一般公共预算财政拨款收入',
    '二、政府性基金预算财政拨款收入',
    '三、国有资本经营预算财政拨款收入',
    '四、上级补助收入',
    '五、事业收入',
    '六、经营收入',
    '七、附属单位上缴收入',
    '八、其他收入',
  ];
  const exp = ['一、一般公共服务支出', '二、外交支出', '三、国防支出', '八、社会保障和就业支出', '十九、住房保障支出'];
  const rows: string[] = [];
  for (let i = 0; i < Math.max(inc.length, exp.length); i++) {
    const a = inc[i] ?? '';
    const b = exp[i] ?? '';
    rows.push([a, i + 1, income[a.replace(/^.+、/, '')] ?? '', b, 32 + i, expense[b.replace(/^.+、/, '')] ?? ''].join('\t'));
  }
  const tail = [
    ['本年收入合计', 27, income['本年收入合计'] ?? '', '本年支出合计', 58, expense['本年支出合计'] ?? ''],
    ['使用非财政拨款结余（含专用结余）', 28, income['使用非财政拨款结余'] ?? '', '结余分配', 59, expense['结余分配'] ?? ''],
    ['年初结转和结余', 29, income['年初结转和结余'] ?? '', '年末结转和结余', 60, expense['年末结转和结余'] ?? ''],
    ['总计', 31, income['总计'] ?? '', '总计', 62, expense['总计'] ?? ''],
  ].map(line);
  return [
    '收入支出决算总表',
    '公开01表',
    '收入\t\t\t支出\t\t',
    '项目\t行次\t金额\t项目\t行次\t金额',
    '栏次\t\t1\t栏次\t\t2',
    ...rows,
    ...tail,
    '注：本表反映部门本年度的总收支。',
    '',
  ].join('\n');
}

export function table06(left: Row[], right: Row[], totals: [string, string]): string {
  const rows: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) rows.push([...(left[i] ?? ['', '', '']), ...(right[i] ?? ['', '', ''])].map(String).join('\t'));
  return [
    '一般公共预算财政拨款基本支出决算表',
    '公开06表',
    '人员经费\t\t\t公用经费\t\t',
    '科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数',
    ...rows,
    `人员经费合计\t\t${totals[0]}\t公用经费合计\t\t${totals[1]}`,
    '注：本表反映基本支出明细情况。',
    '',
  ].join('\n');
}

export function table09(ys: string[], js: string[]): string {
  return [
    '财政拨款“三公”经费支出决算表',
    '公开09表',
    '预算数\t\t\t\t\t\t决算数\t\t\t\t\t',
    '合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费',
    '\t\t小计\t公务用车购置费\t公务用车运行费\t\t\t\t小计\t公务用车购置费\t公务用车运行费\t',
    '1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12',
    [...ys, ...js].join('\t'),
    '注：本表反映“三公”经费支出预决算情况。',
    '',
  ].join('\n');
}
