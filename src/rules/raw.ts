import { CATEGORIES, SEVERITIES, type Category, type FixKind, type Severity } from "../types.js";

/** A context condition, as written in a rule file. */
export interface RawContext {
  /** Patterns that end right where the match starts. */
  before?: string[];
  /** Patterns that start right where the match ends. */
  after?: string[];
  /** Patterns found anywhere in the same sentence. */
  sentence?: string[];
  /** The kind of the nearest name or pronoun before the match. */
  antecedent?: "person" | "place" | "org";
}

export interface RawExamples {
  /** Texts the rule must flag, with the exact text after its first suggestion is applied. */
  flag: Array<{ text: string; fixed: string }>;
  /** Look-alikes the rule must leave alone. */
  pass: string[];
}

/** A rule as written in YAML: exactly one of `pattern` (tokens), `regex` (characters) or `line`. */
export interface RawRule {
  id: string;
  category: Category;
  severity: Severity;
  message: string;
  explanation: string;
  pattern?: string;
  regex?: string;
  line?: string;
  /** For `regex` and `line`: match case-insensitively. Default false for regex, true for line. */
  ignoreCase?: boolean;
  replace: string | string[];
  fix: FixKind;
  when?: RawContext;
  unless?: RawContext;
  examples: RawExamples;
  /** Where the rule was read from, for error messages. */
  file?: string;
  lineNumber?: number;
}

export interface RawRuleFile {
  classes?: Record<string, string[]>;
  rules?: RawRule[];
}

/** A rule file that cannot load; the message names file, line and rule. */
export class RuleLoadError extends Error {
  constructor(message: string, readonly file?: string, readonly line?: number, readonly ruleId?: string) {
    super(`${file ?? "<rules>"}${line ? `:${line}` : ""}${ruleId ? ` rule "${ruleId}"` : ""}: ${message}`);
  }
}

const RULE_KEYS = new Set(["id", "category", "severity", "message", "explanation", "pattern", "regex", "line", "ignoreCase", "replace", "fix", "when", "unless", "examples"]);
const CONTEXT_KEYS = new Set(["before", "after", "sentence", "antecedent"]);

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

/** Checks the shape of one rule; returns a list of problems (empty when valid). */
export function validateRawRule(rule: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(rule)) if (!RULE_KEYS.has(key)) problems.push(`unknown key "${key}"`);
  if (typeof rule.id !== "string" || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rule.id)) problems.push("id must be kebab-case");
  if (!CATEGORIES.includes(rule.category as Category)) problems.push(`category must be one of ${CATEGORIES.join(", ")}`);
  if (!SEVERITIES.includes(rule.severity as Severity)) problems.push(`severity must be one of ${SEVERITIES.join(", ")}`);
  for (const key of ["message", "explanation"]) {
    if (typeof rule[key] !== "string" || !(rule[key] as string).trim()) problems.push(`${key} is required`);
  }
  if (typeof rule.message === "string" && rule.message.includes("\n")) problems.push("message must be one line");
  const kinds = ["pattern", "regex", "line"].filter((k) => rule[k] !== undefined);
  if (kinds.length !== 1) problems.push("exactly one of pattern, regex, line is required");
  for (const k of kinds) if (typeof rule[k] !== "string") problems.push(`${k} must be a string`);
  if (rule.ignoreCase !== undefined && typeof rule.ignoreCase !== "boolean") problems.push("ignoreCase must be true or false");
  if (!(typeof rule.replace === "string" || (isStringList(rule.replace) && rule.replace.length > 0))) {
    problems.push("replace must be a string or a non-empty list of strings");
  }
  if (rule.fix !== "auto" && rule.fix !== "suggest") problems.push("fix must be auto or suggest");
  for (const key of ["when", "unless"]) {
    const ctx = rule[key];
    if (ctx === undefined) continue;
    if (typeof ctx !== "object" || ctx === null || Array.isArray(ctx)) {
      problems.push(`${key} must be a mapping`);
      continue;
    }
    for (const [k, v] of Object.entries(ctx)) {
      if (!CONTEXT_KEYS.has(k)) problems.push(`${key}: unknown key "${k}"`);
      else if (k === "antecedent") {
        if (!["person", "place", "org"].includes(v as string)) problems.push(`${key}.antecedent must be person, place or org`);
      } else if (!isStringList(v)) problems.push(`${key}.${k} must be a list of patterns`);
    }
  }
  const ex = rule.examples as Record<string, unknown> | undefined;
  if (!ex || typeof ex !== "object") {
    problems.push("examples are required");
  } else {
    const flag = ex.flag;
    if (!Array.isArray(flag) || flag.length === 0) problems.push("examples.flag needs at least one {text, fixed}");
    else
      for (const f of flag) {
        const item = f as Record<string, unknown>;
        if (typeof item?.text !== "string" || typeof item?.fixed !== "string") problems.push("each examples.flag item needs text and fixed");
      }
    if (!isStringList(ex.pass) || ex.pass.length === 0) problems.push("examples.pass needs at least one look-alike");
  }
  return problems;
}
