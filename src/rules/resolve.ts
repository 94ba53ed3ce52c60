import type { Finding } from "../types.js";

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Keeps findings whose spans do not overlap: the more specific rule wins, then the longer span,
 * then the higher severity, then the rule id, so the outcome never depends on rule order.
 * The result is sorted by offset.
 */
export function resolveOverlaps(findings: Finding[]): Finding[] {
  const ranked = [...findings].sort(
    (a, b) =>
      b.specificity - a.specificity ||
      b.length - a.length ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.offset - b.offset,
  );
  const kept: Finding[] = [];
  for (const f of ranked) {
    const overlaps = kept.some((k) => f.offset < k.offset + k.length && k.offset < f.offset + f.length);
    if (!overlaps) kept.push(f);
  }
  return kept.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
}
