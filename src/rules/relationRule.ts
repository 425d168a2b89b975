import type { Rule, RuleContext, RuleMeta } from './contract';
import type { Finding } from '../core/findings';
import { Equality, Term, evaluateEqual, evaluateLe } from './evaluate';
import { equalityFinding, excessFinding } from './describe';

/**
 * A rule about the relations of the edition, declared: what it is (id, 强制/提示, one Chinese
 * sentence) and which relations it holds the tables to, each resolved to cells with the names of
 * its two sides. Evaluating (evaluate.ts) and wording (describe.ts) are the same for every rule.
 */
export type RelationCase =
  /** left = Σ right − Σ minus */
  | { eq: Equality; names: () => [string, string]; relation: string }
  /** a ≤ b */
  | { le: [Term, Term]; names: () => [string, string]; relation: string };

export interface RelationRule extends RuleMeta {
  /** The relations to hold, resolved (a relation whose cells the tables lack is left out). */
  relations(ctx: RuleContext): Iterable<RelationCase>;
}

export function relationRule(r: RelationRule): Rule {
  const { relations, ...meta } = r;
  return {
    ...meta,
    run(ctx: RuleContext): Finding[] {
      const out: Finding[] = [];
      for (const c of relations(ctx)) {
        if ('eq' in c) {
          const v = evaluateEqual(c.eq);
          if (v) out.push(equalityFinding(meta.id, c.eq, v, ...c.names(), c.relation));
        } else {
          const v = evaluateLe(c.le[0], c.le[1]);
          if (v) out.push(excessFinding(meta.id, c.le[0], c.le[1], v, ...c.names(), c.relation));
        }
      }
      return out;
    },
  };
}
