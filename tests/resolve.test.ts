import { describe, expect, it } from "vitest";
import type { Finding, Severity } from "../src/types.js";
import { byOffsetThenRule, byRank, resolveOverlaps } from "../src/rules/resolve.js";
import { seededRandom } from "../src/eval/realdata.js";

function finding(ruleId: string, offset: number, length: number, specificity = 1, severity: Severity = "warning"): Finding {
  return { ruleId, category: "calque", severity, message: "", explanation: "", offset, length, text: "", suggestions: ["x"], fix: "suggest", specificity };
}

/** The rule applied finding by finding, best-ranked first, against every finding kept so far: the reference for the clustered version. */
function reference(findings: Finding[]): Finding[] {
  const kept: Finding[] = [];
  for (const f of [...findings].sort(byRank)) if (!kept.some((k) => f.offset < k.offset + k.length && k.offset < f.offset + f.length)) kept.push(f);
  return kept.sort(byOffsetThenRule);
}

describe("resolveOverlaps", () => {
  it("keeps findings that do not overlap, in offset order", () => {
    const out = resolveOverlaps([finding("b", 10, 3), finding("a", 0, 4), finding("c", 4, 2)]);
    expect(out.map((f) => f.ruleId)).toEqual(["a", "c", "b"]);
  });

  it("lets the more specific rule win, then the longer span, the higher severity, the rule id", () => {
    expect(resolveOverlaps([finding("long", 0, 10, 1), finding("specific", 2, 3, 2)]).map((f) => f.ruleId)).toEqual(["specific"]);
    expect(resolveOverlaps([finding("short", 2, 3), finding("long", 0, 10)]).map((f) => f.ruleId)).toEqual(["long"]);
    expect(resolveOverlaps([finding("warn", 0, 5, 1, "warning"), finding("err", 1, 4, 1, "error")]).map((f) => f.ruleId)).toEqual(["warn"]);
    expect(resolveOverlaps([finding("warn", 0, 5, 1, "warning"), finding("err", 1, 5, 1, "error")]).map((f) => f.ruleId)).toEqual(["err"]);
    expect(resolveOverlaps([finding("zeta", 0, 5), finding("alpha", 1, 5)]).map((f) => f.ruleId)).toEqual(["alpha"]);
  });

  it("lets findings chained through overlaps compete, and keeps the two ends of a chain whose middle loses", () => {
    // a overlaps b, b overlaps c, a and c are apart: one cluster.
    const a = finding("a", 0, 5, 2);
    const b = finding("b", 4, 4, 1);
    const c = finding("c", 7, 5, 2);
    expect(resolveOverlaps([b, c, a]).map((f) => f.ruleId)).toEqual(["a", "c"]);
    expect(resolveOverlaps([finding("a", 0, 5), finding("b", 4, 4, 3), finding("c", 7, 5)]).map((f) => f.ruleId)).toEqual(["b"]);
  });

  it("agrees with the rule applied finding by finding, whatever the input order", () => {
    const random = seededRandom(7);
    for (let round = 0; round < 300; round++) {
      const findings: Finding[] = [];
      const n = 1 + Math.floor(random() * 30);
      for (let i = 0; i < n; i++) {
        findings.push(finding(`r${Math.floor(random() * 6)}`, Math.floor(random() * 80), 1 + Math.floor(random() * 12), Math.floor(random() * 3), (["error", "warning", "info"] as const)[Math.floor(random() * 3)]));
      }
      const expected = reference(findings);
      expect(resolveOverlaps(findings)).toEqual(expected);
      expect(resolveOverlaps([...findings].reverse())).toEqual(expected);
    }
  });

  it("resolves a chain of 100,000 overlapping findings, keeping every other one", () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => finding("chain", i * 2, 3));
    const kept = resolveOverlaps(chain);
    expect(kept).toHaveLength(50_000);
    expect(kept.every((f, i) => f.offset === i * 4)).toBe(true);
  });
});
