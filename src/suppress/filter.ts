import type { FileResult, Finding } from "../types.js";
import { findDirectives, type Directive } from "./directives.js";

/** A stretch of the file where one rule (or every rule, "*") is silenced by a directive. */
interface Region {
  directive: Directive;
  rule: string;
  from: number;
  to: number;
  used: boolean;
}

const ALL = "*";

/** The line after the one where `offset` is: [start, end) without its line break. */
function nextLine(text: string, offset: number): [number, number] {
  const lineEnd = text.indexOf("\n", offset);
  if (lineEnd < 0) return [text.length, text.length];
  const next = text.indexOf("\n", lineEnd + 1);
  return [lineEnd + 1, next < 0 ? text.length : next];
}

/** What each directive silences: the next line, or from `disable` to the matching `enable` (or the end). */
function regions(text: string, directives: Directive[]): Region[] {
  const out: Region[] = [];
  const open = new Map<string, Directive>();
  const close = (rule: string, at: number): void => {
    const d = open.get(rule);
    if (d) out.push({ directive: d, rule, from: d.end, to: at, used: false });
    open.delete(rule);
  };
  for (const d of directives) {
    const rules = d.rules.length ? d.rules : [ALL];
    if (d.kind === "disable-next-line") {
      const [from, to] = nextLine(text, d.end);
      for (const rule of rules) out.push({ directive: d, rule, from, to, used: false });
    } else if (d.kind === "disable") {
      for (const rule of rules) if (!open.has(rule)) open.set(rule, d);
    } else {
      for (const rule of d.rules.length ? d.rules : [...open.keys()]) close(rule, d.start);
    }
  }
  for (const rule of [...open.keys()]) close(rule, text.length);
  return out;
}

/** A finding for a directive that silenced nothing, offering to take it (or its unused ids) out. */
function unusedFinding(text: string, d: Directive, unused: string[]): Finding {
  const whole = unused.length === (d.rules.length || 1);
  const [offset, end] = whole ? [d.start, d.end] : [d.rulesStart, d.rulesEnd];
  return {
    ruleId: "unused-disable-directive",
    category: "consistency",
    severity: "warning",
    message: whole
      ? `Unused mtlint-${d.kind} directive: ${d.rules.length ? `no ${d.rules.map((r) => `"${r}"`).join(", ")} problem` : "no problem"} here.`
      : `Unused rule id${unused.length > 1 ? "s" : ""} in mtlint-${d.kind}: ${unused.map((r) => `"${r}"`).join(", ")}.`,
    explanation: "The directive silences nothing: the problem was fixed, or the rule id is misspelled. Remove it so that it cannot hide a later problem.",
    offset,
    length: end - offset,
    text: text.slice(offset, end),
    suggestions: [whole ? "" : d.rules.filter((r) => !unused.includes(r)).join(", ")],
    fix: "suggest",
    specificity: 0,
  };
}

/**
 * Drops the findings that inline directives silence. With `reportUnused`, a directive (or a rule
 * id in one) that silenced nothing becomes a warning finding of its own.
 */
export function applySuppressions(result: FileResult, reportUnused: boolean): FileResult {
  const { text, type } = result.source;
  const directives = findDirectives(text, type);
  if (directives.length === 0) return result;
  const silenced = regions(text, directives);
  const findings = result.findings.filter((f) => {
    const hits = silenced.filter((r) => (r.rule === ALL || r.rule === f.ruleId) && r.from <= f.offset && f.offset < r.to);
    for (const r of hits) r.used = true;
    return hits.length === 0;
  });
  if (reportUnused) {
    for (const d of directives.filter((d) => d.kind !== "enable")) {
      // A directive has one region per rule it names; one that duplicates an open `disable` has none.
      const mine = silenced.filter((r) => r.directive === d);
      const unused = mine.length === 0 ? d.rules.length ? d.rules : [ALL] : mine.filter((r) => !r.used).map((r) => r.rule);
      if (unused.length > 0) findings.push(unusedFinding(text, d, unused));
    }
    findings.sort((a, b) => a.offset - b.offset);
  }
  return { ...result, findings };
}
