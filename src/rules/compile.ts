import type { Category, FixKind, Severity } from "../types.js";
import { buildClass, type DataClass, type RawClasses } from "./classes.js";
import { BUILTIN_CLASSES, lengthBounds } from "./match.js";
import { parsePattern, PatternError, type Elem } from "./pattern.js";
import { RuleLoadError, type RawContext, type RawRule } from "./raw.js";
import { parseTemplate, TemplateError, type Template } from "./template.js";

export interface CompiledContext {
  before: Array<{ elems: Elem[]; min: number; max: number }>;
  after: Elem[][];
  sentence: Elem[][];
  antecedent?: "person" | "place" | "org";
}

interface RuleBase {
  id: string;
  category: Category;
  severity: Severity;
  message: string;
  explanation: string;
  fix: FixKind;
  replacements: Template[];
  specificity: number;
  raw: RawRule;
}

export interface TokenRule extends RuleBase {
  kind: "pattern";
  elems: Elem[];
  markStart: number;
  markEnd: number;
  when?: CompiledContext;
  unless?: CompiledContext;
}

export interface RegexRule extends RuleBase {
  kind: "regex" | "line";
  /** Sticky regex used to re-read a match found by the combined scanner. */
  sticky: RegExp;
  source: string;
  flags: string;
}

export type CompiledRule = TokenRule | RegexRule;

/** Where a token rule is tried: at tokens whose normalised text is a key, `offset` tokens into the match. */
export interface Anchor {
  rule: TokenRule;
  /** Possible numbers of tokens between the match start and the anchor token. */
  minOffset: number;
  maxOffset: number;
}

/** A scanner for all regex (or line) rules at once: one alternation, one named group per rule. */
export interface CombinedScanner {
  regex: RegExp;
  rules: RegexRule[];
}

/** Node 20 has no inline (?i:) groups, so case-sensitive and case-insensitive rules scan separately. */
export type Scanners = CombinedScanner[];

/** Every rule loaded, indexed so that matching is one pass over the text whatever the rule count. */
export interface RuleSet {
  rules: CompiledRule[];
  classes: Map<string, DataClass>;
  /** Token rules by anchor token. */
  byKey: Map<string, Anchor[]>;
  /** Token rules with no literal anchor, tried at every token (none are shipped; see tests). */
  unanchored: Anchor[];
  regexScanners: Scanners;
  lineScanners: Scanners;
}

function compileElems(src: string, where: string, rule: RawRule, classes: Map<string, DataClass>): ReturnType<typeof parsePattern> {
  let parsed;
  try {
    parsed = parsePattern(src);
  } catch (e) {
    if (e instanceof PatternError) throw new RuleLoadError(`${where}: ${e.message}`, rule.file, rule.lineNumber, rule.id);
    throw e;
  }
  const check = (elems: Elem[]): void => {
    for (const e of elems) {
      if (e.kind === "class" && !classes.has(e.name) && !BUILTIN_CLASSES.includes(e.name)) {
        throw new RuleLoadError(`${where}: unknown word class {${e.name}}`, rule.file, rule.lineNumber, rule.id);
      }
      if (e.kind === "alt") e.options.forEach(check);
    }
  };
  check(parsed.elems);
  if (lengthBounds(parsed.elems, classes)[0] === 0) {
    throw new RuleLoadError(`${where}: the pattern can match nothing at all`, rule.file, rule.lineNumber, rule.id);
  }
  return parsed;
}

function compileContext(ctx: RawContext | undefined, where: string, rule: RawRule, classes: Map<string, DataClass>): CompiledContext | undefined {
  if (!ctx) return undefined;
  return {
    before: (ctx.before ?? []).map((p) => {
      const elems = compileElems(p, `${where}.before`, rule, classes).elems;
      const [min, max] = lengthBounds(elems, classes);
      return { elems, min, max };
    }),
    after: (ctx.after ?? []).map((p) => compileElems(p, `${where}.after`, rule, classes).elems),
    sentence: (ctx.sentence ?? []).map((p) => compileElems(p, `${where}.sentence`, rule, classes).elems),
    antecedent: ctx.antecedent,
  };
}

/** Literal keys an element can start with, or undefined when any token could. */
export function elementKeys(elem: Elem, classes: Map<string, DataClass>): string[] | undefined {
  if (elem.negate || elem.optional) return undefined;
  switch (elem.kind) {
    case "literal":
      return [elem.norm];
    case "regex":
      return undefined;
    case "class": {
      const cls = classes.get(elem.name);
      if (!cls || cls.regexes.length > 0) return undefined;
      return [...cls.byFirst.keys()];
    }
    case "alt": {
      const keys: string[] = [];
      for (const option of elem.options) {
        const first = option[0];
        const k = first && !first.optional ? elementKeys(first, classes) : undefined;
        if (!k) return undefined;
        keys.push(...k);
      }
      return keys;
    }
  }
}

function templates(rule: RawRule): Template[] {
  const list = typeof rule.replace === "string" ? [rule.replace] : rule.replace;
  try {
    return list.map(parseTemplate);
  } catch (e) {
    if (e instanceof TemplateError) throw new RuleLoadError(e.message, rule.file, rule.lineNumber, rule.id);
    throw e;
  }
}

export function compileRule(rule: RawRule, classes: Map<string, DataClass>): CompiledRule {
  const base = {
    id: rule.id,
    category: rule.category,
    severity: rule.severity,
    message: rule.message,
    explanation: rule.explanation,
    fix: rule.fix,
    replacements: templates(rule),
    raw: rule,
  };
  if (rule.pattern !== undefined) {
    const parsed = compileElems(rule.pattern, "pattern", rule, classes);
    const when = compileContext(rule.when, "when", rule, classes);
    const unless = compileContext(rule.unless, "unless", rule, classes);
    const keyed = parsed.elems.filter((e) => e.kind !== "class" || !BUILTIN_CLASSES.includes(e.name)).filter((e) => !e.optional).length;
    const contexts = [when, unless].reduce((n, c) => n + (c ? c.before.length + c.after.length + c.sentence.length + (c.antecedent ? 1 : 0) : 0), 0);
    const maxIndex = Math.max(...base.replacements.map((t) => t.maxIndex));
    if (maxIndex > parsed.elems.length) {
      throw new RuleLoadError(`replace uses $${maxIndex} but the pattern has ${parsed.elems.length} elements`, rule.file, rule.lineNumber, rule.id);
    }
    return { ...base, kind: "pattern", ...parsed, when, unless, specificity: keyed * 2 + contexts };
  }
  const kind = rule.regex !== undefined ? "regex" : "line";
  const source = (rule.regex ?? rule.line) as string;
  const ignoreCase = rule.ignoreCase ?? kind === "line";
  const flags = `u${ignoreCase ? "i" : ""}`;
  let sticky: RegExp;
  try {
    sticky = new RegExp(kind === "line" ? `^(?:${source})$` : source, `${flags}y`);
  } catch (e) {
    throw new RuleLoadError(`bad ${kind}: ${(e as Error).message}`, rule.file, rule.lineNumber, rule.id);
  }
  if (new RegExp(`${source}|`, flags).exec("")!.length > 10) {
    throw new RuleLoadError(`${kind} may have at most 9 capture groups`, rule.file, rule.lineNumber, rule.id);
  }
  return { ...base, kind, sticky, source, flags, specificity: kind === "line" ? 100 : 3 };
}

/**
 * One alternation over rules that share flags. Group names inside a rule would clash, so they
 * become plain groups here; the engine re-reads each hit with the rule's own sticky regex.
 */
function combine(rules: RegexRule[], line: boolean): CombinedScanner | undefined {
  if (rules.length === 0) return undefined;
  const parts = rules.map((r, i) => `(?<r${i}>${r.source.replace(/\(\?<([A-Za-z_]\w*)>/g, "(?:")})`);
  const body = parts.join("|");
  const flags = rules[0].flags;
  return { regex: new RegExp(line ? `^(?:${body})$` : body, `${flags}gm`), rules };
}

export function buildClasses(raw: RawClasses): Map<string, DataClass> {
  const classes = new Map<string, DataClass>();
  for (const [name, entries] of Object.entries(raw)) classes.set(name, buildClass(name, entries));
  return classes;
}

/** Compiles rules and classes into a RuleSet; rule ids must be unique. */
export function buildRuleSet(rawRules: RawRule[], rawClasses: RawClasses): RuleSet {
  const classes = buildClasses(rawClasses);
  const seen = new Map<string, RawRule>();
  const rules: CompiledRule[] = [];
  for (const raw of rawRules) {
    const prior = seen.get(raw.id);
    if (prior) throw new RuleLoadError(`duplicate rule id (also at ${prior.file ?? "?"}:${prior.lineNumber ?? "?"})`, raw.file, raw.lineNumber, raw.id);
    seen.set(raw.id, raw);
    rules.push(compileRule(raw, classes));
  }
  return indexRules(rules, classes);
}

export function indexRules(rules: CompiledRule[], classes: Map<string, DataClass>): RuleSet {
  const byKey = new Map<string, Anchor[]>();
  const unanchored: Anchor[] = [];
  for (const rule of rules) {
    if (rule.kind !== "pattern") continue;
    // The anchor is the element with the fewest keys: a literal beats a class.
    let best = -1;
    let bestKeys: string[] | undefined;
    for (let i = 0; i < rule.elems.length; i++) {
      const keys = elementKeys(rule.elems[i], classes);
      if (keys && (!bestKeys || keys.length < bestKeys.length)) {
        best = i;
        bestKeys = keys;
      }
    }
    const [minOffset, maxOffset] = best < 0 ? [0, 0] : lengthBounds(rule.elems.slice(0, best), classes);
    const anchor: Anchor = { rule, minOffset, maxOffset };
    if (!bestKeys) {
      unanchored.push(anchor);
      continue;
    }
    for (const key of new Set(bestKeys)) {
      const list = byKey.get(key);
      if (list) list.push(anchor);
      else byKey.set(key, [anchor]);
    }
  }
  const regexRules = rules.filter((r): r is RegexRule => r.kind === "regex");
  const lineRules = rules.filter((r): r is RegexRule => r.kind === "line");
  return {
    rules,
    classes,
    byKey,
    unanchored,
    regexScanners: combineByFlags(regexRules, false),
    lineScanners: combineByFlags(lineRules, true),
  };
}

function combineByFlags(rules: RegexRule[], line: boolean): Scanners {
  return [
    combine(rules.filter((r) => !r.flags.includes("i")), line),
    combine(rules.filter((r) => r.flags.includes("i")), line),
  ].filter((s): s is CombinedScanner => s !== undefined);
}
