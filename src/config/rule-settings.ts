import type { RawRule } from "../rules/raw.js";
import { InputError } from "../text/source.js";
import type { RuleSetting } from "./config.js";

/**
 * Turns rules off or changes their severity before the rule set is built, so that a rule turned
 * off neither reports nor wins an overlap against another rule. An unknown id is an error: it is
 * most often a typo that would otherwise silently do nothing.
 */
export function applyRuleSettings(rules: RawRule[], settings: Record<string, RuleSetting>): RawRule[] {
  const known = new Set(rules.map((r) => r.id));
  const unknown = Object.keys(settings).filter((id) => !known.has(id));
  if (unknown.length > 0) throw new InputError(`config rules: unknown rule id${unknown.length > 1 ? "s" : ""} ${unknown.map((id) => `"${id}"`).join(", ")}`);
  return rules.filter((r) => settings[r.id] !== "off").map((r) => (settings[r.id] ? { ...r, severity: settings[r.id] as RawRule["severity"] } : r));
}
