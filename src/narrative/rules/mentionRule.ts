import type { Rule, RuleMeta } from '../../rules/contract';
import type { Finding } from '../../core/findings';
import type { Narrative } from '../model';
import type { Mention } from '../mentions';
import type { Paragraph } from '../paragraphs';

/** Where a mention stands, for its check: the narrative, its paragraph and the paragraph's mentions. */
export interface MentionAt {
  /** The rule's id, for the findings it makes. */
  id: string;
  n: Narrative;
  p: Paragraph;
  /** The paragraph's mentions, in order, and this one's place among them. */
  ms: Mention[];
  i: number;
}

/**
 * A narrative rule as small as a table rule: what it is (id, 强制/提示, one Chinese sentence),
 * which figures of the text it reads, and what each claims, checked. Reading the narrative, walking
 * its paragraphs and collecting the findings is the same for every such rule.
 */
export interface MentionRule extends RuleMeta {
  /** The figures of the text the rule reads (a share, a growth rate, a bare number …). */
  reads(m: Mention): boolean;
  /** The claim the figure makes, checked: the finding(s) when it does not hold. */
  check(m: Mention, at: MentionAt): Finding | Finding[] | undefined;
}

export function mentionRule(r: MentionRule): Rule {
  const { reads, check, ...meta } = r;
  return {
    ...meta,
    run(ctx) {
      const n = ctx.narrative();
      const out: Finding[] = [];
      for (const [p, ms] of n.byParagraph)
        ms.forEach((m, i) => {
          if (!reads(m)) return;
          const got = check(m, { id: meta.id, n, p, ms, i });
          if (Array.isArray(got)) out.push(...got);
          else if (got) out.push(got);
        });
      return out;
    },
  };
}
