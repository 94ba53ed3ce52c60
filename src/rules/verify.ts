import { applyEdits, firstEdit } from "../fix/apply.js";
import type { DataClass } from "./classes.js";
import { indexRules, type CompiledRule, type RuleSet } from "./compile.js";
import { lintText } from "./engine.js";

export interface ExampleFailure {
  ruleId: string;
  example: string;
  problem: string;
}

/** A rule set holding one rule, to run its examples without interference from others. */
export function soloRuleSet(rule: CompiledRule, classes: Map<string, DataClass>): RuleSet {
  return indexRules([rule], classes);
}

/** A `flag` example: flagged, its first suggestions give exactly `fixed`, which is then left alone. */
export function checkFlagExample(solo: RuleSet, text: string, fixed: string): string | undefined {
  const findings = lintText(text, solo);
  if (findings.length === 0) return "not flagged";
  const result = applyEdits(text, findings.map(firstEdit)).text;
  if (result !== fixed) return `fix gives "${result}", expected "${fixed}"`;
  const again = lintText(result, solo);
  if (again.length > 0) return `still flagged after the fix, at "${again[0].text}"`;
  return undefined;
}

/** A `pass` example: nothing flagged. */
export function checkPassExample(solo: RuleSet, text: string): string | undefined {
  const findings = lintText(text, solo);
  return findings.length > 0 ? `look-alike flagged at "${findings[0].text}"` : undefined;
}

/** Runs all of a rule's examples; an empty list means they all hold. */
export function verifyRule(rule: CompiledRule, classes: Map<string, DataClass>): ExampleFailure[] {
  const solo = soloRuleSet(rule, classes);
  const failures: ExampleFailure[] = [];
  for (const { text, fixed } of rule.raw.examples.flag) {
    const problem = checkFlagExample(solo, text, fixed);
    if (problem) failures.push({ ruleId: rule.id, example: text, problem });
  }
  for (const text of rule.raw.examples.pass) {
    const problem = checkPassExample(solo, text);
    if (problem) failures.push({ ruleId: rule.id, example: text, problem });
  }
  return failures;
}
