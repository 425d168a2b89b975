import { Rule } from '../../rules/engine';
import { Finding } from '../../core/findings';
import { formFinding } from './common';

/**
 * A form not filled in yet (as generated: names and 分值 only) is one finding, not an error on
 * each of its blanks: it must be filled before the disclosure is submitted.
 */
export const formBlank: Rule = {
  id: 'form-blank',
  name: '自评表未填写',
  level: '强制',
  title: '绩效自评表已填写（预期指标值、实际完成值、自评得分）',
  run(ctx) {
    const out: Finding[] = [];
    for (const f of ctx.forms())
      if (f.unfilled)
        out.push(formFinding(this.id, 'warning', f, f.nameCell, '绩效自评表尚未填写：各项绩效指标的预期指标值、实际完成值和自评得分均为空，填写后再核对'));
    return out;
  },
};
