import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { formFinding } from './common';

/** A form whose parts cannot be found is reported (its checks are skipped, not failed). */
export const formStructure: Rule = {
  id: 'form-structure',
  name: '自评表结构',
  level: '提示',
  title: '绩效自评表的预算执行情况、绩效指标、预算执行率、自评总分各部分齐全',
  run(ctx) {
    const out: Finding[] = [];
    for (const f of ctx.forms()) {
      // A form not filled in yet has its own finding (form-blank).
      if (f.unfilled) continue;
      if (f.doubt) {
        out.push(formFinding(this.id, 'warning', f, f.nameCell, `绩效自评表未能可靠读取（${f.doubt}），本表的核对未执行：请核对原表或改用 Excel 文件`));
        continue;
      }
      const missing: string[] = [];
      if (!f.budget.total && !f.executed.total) missing.push('预算执行情况（预算数、执行数）');
      if (!f.indicators.length) missing.push('年度绩效指标');
      else if (!f.rate) missing.push('预算执行率');
      if (f.total === undefined) missing.push('自评总分');
      if (missing.length) out.push(formFinding(this.id, 'warning', f, f.nameCell, `未能识别${missing.join('、')}，相关核对未执行`));
    }
    return out;
  },
};
