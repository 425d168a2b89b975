import { Finding, CellLocation, TextAt } from '../core/findings';

/**
 * One cause, one finding: a single wrong figure breaks every relation it enters (its row's sum,
 * its parent's sum, its own children's sum, the other tables' equalities) — each a finding of its
 * own, one cause. Relation findings that share one cell, that cell in every one of them, become one
 * finding on that cell, the others its consequences ("同一数字还导致：…"). Pure: findings in, findings out.
 */

const key = (l: CellLocation) => `${l.sheet}!${l.cell}`;
const cellsOf = (f: Finding): CellLocation[] => [{ sheet: f.sheet, cell: f.cell }, ...f.related];

export function oneCausePerCell(findings: Finding[]): Finding[] {
  const isRelation = (f: Finding) => f.severity === 'error' && !!f.relation && !!f.sheet && !!f.cell;
  let open = findings.filter(isRelation);
  if (open.length < 2) return claimsFromFigure(findings);
  const out = findings.filter((f) => !isRelation(f));
  for (;;) {
    // The cell most of the open findings hold (flagged there counts first on a tie).
    const count = new Map<string, { n: number; flagged: number; at: CellLocation }>();
    for (const f of open)
      for (const [i, c] of cellsOf(f).entries()) {
        const e = count.get(key(c)) ?? { n: 0, flagged: 0, at: c };
        e.n++;
        if (i === 0) e.flagged++;
        count.set(key(c), e);
      }
    const best = [...count.values()].filter((e) => e.n >= 2).sort((a, b) => b.n - a.n || b.flagged - a.flagged)[0];
    if (!best) break;
    const k = key(best.at);
    const group = open.filter((f) => cellsOf(f).some((c) => key(c) === k));
    const primary = group.find((f) => key({ sheet: f.sheet, cell: f.cell }) === k) ?? group[0];
    const others = group.filter((f) => f !== primary);
    const related = new Map<string, CellLocation>();
    for (const f of group) for (const c of cellsOf(f)) if (key(c) !== k) related.set(key(c), c);
    out.push({
      ...primary,
      sheet: best.at.sheet,
      cell: best.at.cell,
      related: [...related.values()],
      message: `${primary.message}；同一数字还导致：${others.map((f) => f.message).join('；')}`,
      consequences: others.map((f) => f.message),
    });
    open = open.filter((f) => !group.includes(f));
  }
  return claimsFromFigure([...out, ...open]);
}

/**
 * A wrong table figure and the claims the narrative makes from it (the text quoting the figure the
 * table should hold, or a share of it) are one cause: a narrative error that points to the very
 * cell a table relation finds wrong is a consequence of that finding.
 */
function claimsFromFigure(findings: Finding[]): Finding[] {
  const wrong = new Map<string, Finding>();
  for (const f of findings) if (f.severity === 'error' && f.relation && f.sheet && f.cell) wrong.set(key({ sheet: f.sheet, cell: f.cell }), f);
  if (!wrong.size) return claimsFromText(findings);
  const folded = new Set<Finding>();
  const extra = new Map<Finding, string[]>();
  for (const f of findings) {
    if (f.severity !== 'error' || !f.text) continue;
    const cause = f.related.map((c) => wrong.get(key(c))).find(Boolean);
    if (!cause) continue;
    folded.add(f);
    extra.set(cause, [...(extra.get(cause) ?? []), `情况说明：${f.message}`]);
  }
  if (!folded.size) return claimsFromText(findings);
  return claimsFromText(withConsequences(findings, folded, extra));
}

/** The findings without the folded ones, each cause saying its consequences. */
function withConsequences(findings: Finding[], folded: Set<Finding>, extra: Map<Finding, string[]>): Finding[] {
  return findings
    .filter((f) => !folded.has(f))
    .map((f) => {
      const more = extra.get(f);
      if (!more) return f;
      const consequences = [...(f.consequences ?? []), ...more];
      const head = f.consequences?.length ? f.message : `${f.message}；同一数字还导致：`;
      return { ...f, consequences, message: `${head}${f.consequences?.length ? '；' : ''}${more.join('；')}` };
    });
}

const textKey = (t: TextAt) => `${t.sheet}!${t.cell}@${t.offset}`;

/**
 * A figure of the text that contradicts its table, and what the text computes from it (a rate on
 * it as base, a list it is a part of, a comparison with it) or says of it at the same place, are
 * one cause: "预算为 24.45（表为 23.45），完成预算的 100.0%" is one wrong budget, not also a wrong
 * rate — the rate is right against the table.
 */
function claimsFromText(findings: Finding[]): Finding[] {
  const wrong = new Map<string, Finding>();
  for (const f of findings)
    if (f.severity === 'error' && f.text && f.related.length && !f.figures && f.sheet && f.cell)
      wrong.set(textKey({ sheet: f.sheet, cell: f.cell, offset: f.text.offset }), f);
  if (!wrong.size) return findings;
  const folded = new Set<Finding>();
  const extra = new Map<Finding, string[]>();
  for (const f of findings) {
    if (f.severity !== 'error' || !f.text || wrong.get(textKey({ sheet: f.sheet, cell: f.cell, offset: f.text.offset })) === f) continue;
    const places = [{ sheet: f.sheet, cell: f.cell, offset: f.text.offset }, ...(f.figures ?? [])];
    const cause = places.map((t) => wrong.get(textKey(t))).find((c) => c && c !== f && !folded.has(c));
    if (!cause) continue;
    folded.add(f);
    extra.set(cause, [...(extra.get(cause) ?? []), f.message]);
  }
  return folded.size ? withConsequences(findings, folded, extra) : findings;
}
