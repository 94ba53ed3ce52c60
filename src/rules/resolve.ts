import type { Finding } from "../types.js";

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

const byOffset = (a: Finding, b: Finding): number => a.offset - b.offset;
export const byOffsetThenRule = (a: Finding, b: Finding): number => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId);

/**
 * Keeps findings whose spans do not overlap: the more specific rule wins, then the longer span,
 * then the higher severity, then the rule id, so the outcome never depends on rule order.
 * The result is sorted by offset.
 *
 * Only findings that overlap, directly or through others, compete: the findings are cut into
 * such clusters by one sweep in offset order, and most clusters hold one finding, kept as it is.
 */
export function resolveOverlaps(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort(byOffset);
  const kept: Finding[] = [];
  for (let i = 0; i < sorted.length; ) {
    let end = sorted[i].offset + sorted[i].length;
    let j = i + 1;
    for (; j < sorted.length && sorted[j].offset < end; j++) end = Math.max(end, sorted[j].offset + sorted[j].length);
    if (j === i + 1) kept.push(sorted[i]);
    else kept.push(...winners(sorted.slice(i, j)));
    i = j;
  }
  return kept;
}

/** Which of two overlapping findings wins: the more specific rule, the longer span, the higher severity, the rule id. */
export const byRank = (a: Finding, b: Finding): number =>
  b.specificity - a.specificity ||
  b.length - a.length ||
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
  a.ruleId.localeCompare(b.ruleId) ||
  a.offset - b.offset;

/** The findings of one cluster that survive, sorted by offset then rule id. */
function winners(cluster: Finding[]): Finding[] {
  const ranked = cluster.sort(byRank);
  // Kept spans never overlap, so sorted by (offset, end) their ends ascend too: a new span
  // overlaps a kept one exactly when it overlaps the last kept span that starts before its end.
  // A binary search finds that span, keeping a long chain of overlapping findings O(n log n).
  const kept: Finding[] = [];
  const accepted: Finding[] = [];
  for (const f of ranked) {
    const end = f.offset + f.length;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid].offset < end) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    if (before && f.offset < before.offset + before.length && before.offset < end) continue;
    kept.splice(lo, 0, f);
    accepted.push(f);
  }
  // Sorted from acceptance order (a stable sort), as ties between equal offsets always were.
  return accepted.sort(byOffsetThenRule);
}
