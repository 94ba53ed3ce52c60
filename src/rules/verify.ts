import { applyEdits, firstEdit } from "../fix/apply.js";
import type { DataClass } from "./classes.js";
import { indexRules, type CompiledRule } from "./compile.js";
import { lintText } from "./engine.js";

export interface ExampleFailure {
  ruleId: string;
  example: string;
  problem: string;
}

/**
 * Runs a rule's own examples with that rule alone: every `flag` text is flagged and its first
 * suggestions give exactly `fixed`, which the rule then leaves alone; every `pass` text is left
 * alone.
 */
export function verifyRule(rule: CompiledRule, classes: Map<string, DataClass>): ExampleFailure[] {
  const single = indexRules([rule], classes);
  const failures: ExampleFailure[] = [];
  const fail = (example: string, problem: string): void => void failures.push({ ruleId: rule.id, example, problem });
  for (const { text, fixed } of rule.raw.examples.flag) {
    const findings = lintText(text, single);
    if (findings.length === 0) {
      fail(text, "not flagged");
      continue;
    }
    const result = applyEdits(text, findings.map(firstEdit)).text;
    if (result !== fixed) fail(text, `fix gives "${result}", expected "${fixed}"`);
    else if (lintText(result, single).length > 0) fail(text, `still flagged after the fix: "${result}"`);
  }
  for (const text of rule.raw.examples.pass) {
    const findings = lintText(text, single);
    if (findings.length > 0) fail(text, `look-alike flagged at "${findings[0].text}"`);
  }
  return failures;
}
