import { RULES } from './check/registry';
import { RuleMeta } from './rules/engine';
import { escapeXml } from './core/text';

/**
 * The help page the manifest's SupportUrl and LearnMoreUrl point at (help.html in the add-in's
 * folder, written at build time): how to install the add-in, how to use it, and what each finding
 * means, the rules listed from the registry itself so the page never lags behind the checker.
 */

const GROUPS: { name: string; test: (r: RuleMeta) => boolean }[] = [
  { name: '公开表', test: (r) => !/^(narr|slip|form)/.test(r.id) },
  { name: '情况说明', test: (r) => /^(narr|slip)/.test(r.id) },
  { name: '项目支出绩效自评表', test: (r) => /^form/.test(r.id) },
];

export function helpPage(rules: RuleMeta[] = RULES): string {
  const sections = GROUPS.map((g) => {
    const rows = rules
      .filter(g.test)
      .map((r) => `<tr><td class="nm">${escapeXml(r.name)}</td><td>${escapeXml(r.title)}</td><td class="lv">${escapeXml(r.level)}</td></tr>`);
    return rows.length
      ? `<h3>${g.name}</h3>\n<table><thead><tr><th>规则</th><th>核对内容</th><th>类别</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`
      : '';
  }).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>决算公开助手 使用说明</title>
<style>
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; font-size: 15px; line-height: 1.7; max-width: 900px; margin: 0 auto; padding: 16px; color: #222; }
h1 { font-size: 24px; } h2 { font-size: 19px; margin-top: 28px; border-bottom: 1px solid #ddd; } h3 { font-size: 16px; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; } td.lv, td.nm { white-space: nowrap; }
.swatch { display: inline-block; width: 1.2em; height: 1em; vertical-align: middle; border: 1px solid #999; margin-right: 4px; }
</style>
</head>
<body>
<h1>决算公开助手 使用说明</h1>
<p>决算公开助手在 Excel 中核对部门决算公开：九张公开表的合计与表间关系、情况说明中引用的每个数字和百分比、项目支出绩效自评表，并把问题标在单元格上。所有核对都在本机完成，工作簿内容不会发送到任何地方。</p>

<h2>一、安装</h2>
<ol>
<li>单位的信息管理员把加载项文件放到内网 HTTPS 网站，并提供清单文件 <code>manifest.xml</code>。</li>
<li><b>Windows 版 Excel</b>：把清单放进共享文件夹，在 文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录 中添加该文件夹并勾选“显示在菜单中”，重启 Excel，再从 插入 → 我的加载项 → 共享文件夹 选择“决算公开助手”。</li>
<li><b>Mac 版 Excel</b>：把清单复制到 <code>~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/</code>，重启 Excel，从 插入 → 我的加载项 选择。</li>
<li><b>网页版 Excel</b>：插入 → 加载项 → 我的加载项 → 上传我的加载项，选择清单文件。</li>
<li>管理员也可在 Microsoft 365 管理中心集中部署，用户在“管理员托管”中找到它。</li>
</ol>
<p>需要 Excel 2021、Microsoft 365（Windows 或 Mac）或网页版 Excel。</p>

<h2>二、使用</h2>
<ul>
<li><b>一键审核</b>（“决算公开”选项卡）：核对整个工作簿，问题单元格标红（错误）或标黄（警告）并附批注，另生成“审核报告”工作表，点其中的位置可跳到单元格。再点一次会先去掉上次的标记。</li>
<li><b>审核助手</b>：打开窗格，按表查看每条问题，点击即定位到单元格；可按级别筛选、搜索。</li>
<li><b>出错说明</b>：对无法或不应修改的“提示”类问题，在窗格中写明原因并保存；问题显示为“已说明”（绿色）。单元格内容改动后需重新说明。</li>
<li><b>生成模板</b>：填写单位名称和年度，生成九张公开表模板，所有合计均为公式。已有同名工作表时会先询问，不会直接覆盖。</li>
<li><b>清除标记</b>：去掉全部标记和审核报告，单元格恢复原有的填充色和批注（出错说明保留）。</li>
<li>正在编辑单元格时 Excel 不接受加载项的操作：请先按 Enter 或 Esc 结束编辑。受保护的工作表不会被标记，其问题仍列在审核报告中。</li>
<li>没有安装加载项时，也可用浏览器打开同一页面（WPS 用户、审核人员）：选择 .xlsx、PDF 或 .txt 文件审核，并下载标记后的工作簿。</li>
</ul>

<h2>主管部门：下发模板、收回、汇总</h2>
<ol>
<li>用“生成模板”（或命令行 <code>juesuan scaffold --template-id 编号 --template-version 版本</code>）生成一份模板，下发给各单位。模板记有自己的表格式、年度、编号、版本和结构，各单位填报后核对时，会指出改动了模板的地方（合计公式被改为数值、表头被改、工作表被删除或改名）。</li>
<li>收回各单位的文件后，用 <code>juesuan check 文件夹 --report 检查表.xlsx</code> 逐一核对，每个单位一行：结论、强制问题数、主要问题。</li>
<li>用 <code>juesuan consolidate 文件夹 --units 单位名单.txt --out 部门汇总.xlsx</code> 生成部门汇总。单位名单每行一个单位，上级单位写在同一行、用 Tab 隔开（也可用含“单位名称”“上级单位”两列的工作簿）。汇总表按科目编码合并，金额为各单位之和，合计为公式；另有“单位清单”（各单位结论、未纳入汇总的原因、未报送的单位）、“明细”（每个金额各单位的数）、“调整表”（上下级之间的上级补助与对附属单位补助、上缴上级与附属单位上缴，双方金额一致时抵消，不一致时列出差额请核实）。汇总表随后按公开表核对，也可用 <code>juesuan draft</code> 起草情况说明。</li>
</ol>

<h2>三、结果怎么看</h2>
<ul>
<li><span class="swatch" style="background:#FFC7CE"></span><b>错误</b>：数字对不上，超出四舍五入尾差，必须改正。</li>
<li><span class="swatch" style="background:#FFEB9C"></span><b>警告</b>：可能有问题，或某处未能可靠读取（“未能可靠读取…”），请人工确认。</li>
<li><span class="swatch" style="background:#DDEBF7"></span><b>提示</b>：0.01 之类的尾差等，可用出错说明答复。</li>
<li><span class="swatch" style="background:#E2EFDA"></span><b>已说明</b>：已写出错说明的问题。</li>
<li>每条规则分为<b>强制</b>（必须改正后才可提交）和<b>提示</b>（可用出错说明答复）。审核结论“可提交”表示没有未解决的强制问题。</li>
<li>任务窗格中，问题按“表 · 原因”分组，每组一行并注明条数；点开一组可看到该原因的要求和每条问题，点一条问题即定位到单元格，情况说明的问题会显示所在的整句话。</li>
</ul>

<h2>四、核对内容一览</h2>
<p>“审核报告”的“规则”列即下表第一列的规则名称。</p>
${sections}
</body>
</html>
`;
}
