import type { Category, FixKind, Severity } from "../types.js";
import { buildClass, type DataClass, type RawClasses } from "./classes.js";
import { ENGLISH_FREQUENCIES, LEAST_LISTED } from "./english-frequencies.js";
import { buildLiteralIndex, type LiteralIndex } from "./literal-index.js";
import { BUILTIN_CLASSES, indexAlternations, lengthBounds } from "./match.js";
import { parsePattern, PatternError, type Elem } from "./pattern.js";
import { RuleLoadError, type RawContext, type RawRule } from "./raw.js";
import { requiredLiterals } from "./regex-literals.js";
import { tokenTable, type TokenTable } from "./token-table.js";
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
  /** The rule's whole pattern, sticky: confirms and re-reads what a scan without its leading assertions found. */
  sticky: RegExp;
  /**
   * What runs over one line where the rule's literals occur: for a regex rule, its pattern without
   * leading look-behinds and `\b` (see scanSource), global, each hit confirmed by `sticky`; for a
   * line rule, its sticky whole-line pattern, tried once at the start of the trimmed line.
   */
  inLine: RegExp;
  source: string;
  flags: string;
}

export type CompiledRule = TokenRule | RegexRule;

/**
 * Where a token rule is tried: where its anchor (a run of literal tokens, or one element's
 * possible first tokens) occurs, `minOffset`..`maxOffset` tokens after the match start.
 */
export interface Anchor {
  rule: TokenRule;
  /** Position of this anchor among all anchors of the rule set, for per-block bookkeeping. */
  index: number;
  /** Possible numbers of tokens between the match start and the anchor's first token. */
  minOffset: number;
  maxOffset: number;
  /**
   * When the anchor is not the first element: the elements from the anchor on, with the
   * one-token elements right before it, which must match `back` tokens before the anchor's
   * token whatever the start. One check there spares trying every start.
   */
  check?: { elems: Elem[]; back: number };
}

/**
 * A trie over normalised tokens: a node's anchors are the rules whose literal run is the path
 * from the root to it. Reading the text walks it token by token, so the cost per token depends
 * on how far the text follows a path, not on how many rules hang off it.
 */
export interface AnchorNode {
  anchors: Anchor[];
  next?: TokenTable<AnchorNode>;
}

/** A scanner for all regex (or line) rules at once: one alternation, one named group per rule. */
export interface CombinedScanner {
  regex: RegExp;
  rules: RegexRule[];
  /** The number of the capture group around each rule. */
  groups: number[];
}

/** Node 20 has no inline (?i:) groups, so case-sensitive and case-insensitive rules scan separately. */
export type Scanners = CombinedScanner[];

/** Every rule loaded, indexed so that matching is one pass over the text whatever the rule count. */
export interface RuleSet {
  rules: CompiledRule[];
  classes: Map<string, DataClass>;
  /** Token rules by anchor: the trie's first level, keyed by normalised token. */
  anchors: TokenTable<AnchorNode>;
  /** Token rules with no literal anchor, tried at every token (none are shipped; see tests). */
  unanchored: Anchor[];
  /** Number of anchors (anchored and unanchored), one per token rule. */
  anchorCount: number;
  /** Regex and line rules with required literals, run only on the lines where one occurs. */
  literalRules: RegexRule[];
  /** Finds those literals; undefined when no rule has any. */
  literals?: LiteralIndex;
  /** The other regex and line rules, scanned over every block. */
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
      if (e.kind === "class") {
        e.builtin = BUILTIN_CLASSES.indexOf(e.name);
        e.cls = classes.get(e.name);
        if (e.builtin < 0 && !e.cls) throw new RuleLoadError(`${where}: unknown word class {${e.name}}`, rule.file, rule.lineNumber, rule.id);
      }
      if (e.kind === "alt") e.options.forEach(check);
    }
  };
  check(parsed.elems);
  indexAlternations(parsed.elems, (e) => elementKeys(e, classes));
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
function elementKeys(elem: Elem, classes: Map<string, DataClass>): string[] | undefined {
  if (elem.negate || elem.optional) return undefined;
  switch (elem.kind) {
    case "literal":
      return [elem.norm];
    case "regex": {
      // A case-sensitive alternation of lowercase ASCII words matches only tokens whose text,
      // and so whose norm, is one of them.
      const words = /^\^\(\?:([a-z]+(?:\|[a-z]+)*)\)\$$/.exec(elem.re.source);
      return words && !elem.re.flags.includes("i") ? words[1].split("|") : undefined;
    }
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

function compileRule(rule: RawRule, classes: Map<string, DataClass>): CompiledRule {
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
  let inLine: RegExp;
  try {
    // "m" as in the combined scanners, where ^ and $ match at line breaks inside a block.
    const whole = kind === "line" ? `^(?:${source})$` : source;
    sticky = new RegExp(whole, `${flags}my`);
    inLine = kind === "line" ? sticky : new RegExp(scanSource(source), `${flags}gm`);
  } catch (e) {
    throw new RuleLoadError(`bad ${kind}: ${(e as Error).message}`, rule.file, rule.lineNumber, rule.id);
  }
  if (new RegExp(`${source}|`, flags).exec("")!.length > 10) {
    throw new RuleLoadError(`${kind} may have at most 9 capture groups`, rule.file, rule.lineNumber, rule.id);
  }
  return { ...base, kind, sticky, inLine, source, flags, specificity: kind === "line" ? 100 : 3 };
}

/**
 * What scans for a regex rule: its source without the `\b` assertions and look-behinds it starts
 * with. A leading assertion keeps V8 from skipping ahead to a possible first character (a
 * leading `\b` alone made rules about 20x slower under "iu", 9x on single rules); the engine
 * confirms each hit with the rule's own sticky regex, assertions included.
 */
function scanSource(source: string): string {
  let s = source;
  for (;;) {
    if (s.startsWith("\\b")) {
      s = s.slice(2);
      continue;
    }
    if (!/^\(\?<[!=]/.test(s)) return s;
    // Past the look-behind's closing parenthesis, skipping escapes and character classes.
    let depth = 0;
    let i = 0;
    for (; i < s.length; i++) {
      const c = s[i];
      if (c === "\\") i++;
      else if (c === "[") {
        for (i++; i < s.length && s[i] !== "]"; i++) if (s[i] === "\\") i++;
      } else if (c === "(") depth++;
      else if (c === ")" && --depth === 0) break;
    }
    s = s.slice(i + 1);
  }
}

/**
 * One alternation over rules that share flags, one capture group around each rule. Group names
 * inside a rule would clash, so they become plain groups here; the engine re-reads each hit with
 * the rule's own sticky regex. Numbered rather than named wrapper groups: V8 builds a `groups`
 * object with every name for every match, which cost more than the scan itself with many rules.
 */
function combine(rules: RegexRule[], line: boolean): CombinedScanner | undefined {
  if (rules.length === 0) return undefined;
  const flags = rules[0].flags;
  const groups: number[] = [];
  let next = 1;
  const parts = rules.map((r) => {
    const body = (line ? r.source : scanSource(r.source)).replace(/\(\?<([A-Za-z_]\w*)>/g, "(?:");
    groups.push(next);
    next += new RegExp(`${body}|`, flags).exec("")!.length;
    return `(${body})`;
  });
  const body = parts.join("|");
  // A line scanner reads one trimmed line from its start: sticky, so a miss costs one try.
  return { regex: new RegExp(line ? `^(?:${body})$` : body, `${flags}${line ? "y" : "g"}m`), rules, groups };
}

function buildClasses(raw: RawClasses): Map<string, DataClass> {
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

let frequencies: Map<string, number> | undefined;

/**
 * How often a token is expected to occur, per million tokens of English news translated from
 * French: the measured rate for the tokens in ENGLISH_FREQUENCIES, less than the least of them
 * for any other. The table is read when the first rule set is compiled, not at start-up.
 */
export function tokenFrequency(token: string): number {
  if (!frequencies) {
    frequencies = new Map();
    for (const line of ENGLISH_FREQUENCIES.split("\n")) {
      const tab = line.lastIndexOf("\t");
      if (tab > 0) frequencies.set(line.slice(0, tab), Number(line.slice(tab + 1)));
    }
  }
  return frequencies.get(token) ?? LEAST_LISTED / 2;
}

/**
 * What a token path costs: the rule is tried as often as the path occurs (a path is at most as
 * frequent as its rarest token, and each further token makes it rarer still), and the trie is
 * walked one step further at every occurrence of the path's first token (a twentieth of a try),
 * so "the vertex" costs more than "vertex", and "second vertex" less. That step is free where
 * other paths already lead on from the first token (`walked`).
 */
function pathCost(path: string[], walked: ReadonlySet<string>): number {
  let cost = Infinity;
  for (const w of path) cost = Math.min(cost, tokenFrequency(w));
  if (path.length === 1) return cost;
  return cost / 5 ** (path.length - 1) + (walked.has(path[0]) ? 0 : tokenFrequency(path[0]) / 20);
}

/** The tokens an element matches when it always matches exactly one of a few known tokens. */
function singleTokenKeys(elem: Elem, classes: Map<string, DataClass>): string[] | undefined {
  if (elem.optional || elem.negate) return undefined;
  if (elem.kind === "literal" || elem.kind === "regex") return elementKeys(elem, classes);
  if (elem.kind !== "alt") return undefined;
  const keys: string[] = [];
  for (const option of elem.options) {
    if (option.length !== 1) return undefined;
    const k = singleTokenKeys(option[0], classes);
    if (!k) return undefined;
    keys.push(...k);
  }
  return keys;
}

/** At most this many token paths for one anchor, each at most MAX_PATH_LENGTH tokens long. */
const MAX_PATHS = 64;
const MAX_PATH_LENGTH = 4;

/**
 * Token paths through the elements from `from` that each match one of a few known tokens, as the
 * product of their keys ("for (that|this) that" gives two paths): one path list per run length.
 */
function keyRuns(elems: Elem[], from: number, classes: Map<string, DataClass>): string[][][] {
  const runs: string[][][] = [];
  let paths: string[][] = [[]];
  for (let j = from; j < elems.length && j < from + MAX_PATH_LENGTH; j++) {
    const keys = singleTokenKeys(elems[j], classes);
    if (!keys || paths.length * keys.length > MAX_PATHS) break;
    paths = paths.flatMap((p) => keys.map((k) => [...p, k]));
    runs.push(paths);
  }
  return runs;
}

/** Candidate anchors of a token rule: runs of known tokens (see keyRuns), and single elements' first keys. */
function anchorCandidates(elems: Elem[], classes: Map<string, DataClass>): Array<{ at: number; paths: string[][] }> {
  const out: Array<{ at: number; paths: string[][] }> = [];
  for (let i = 0; i < elems.length; i++) {
    for (const paths of keyRuns(elems, i, classes)) out.push({ at: i, paths });
    const keys = elementKeys(elems[i], classes);
    if (keys) out.push({ at: i, paths: [...new Set(keys)].map((k) => [k]) });
    const e = elems[i];
    if (e.kind === "alt" && !e.optional && !e.negate) {
      const alt = altPaths(e.options, classes);
      if (alt) out.push({ at: i, paths: alt });
    }
  }
  return out;
}

/**
 * Paths one of which starts any match of an alternation: each option's longest run of known
 * tokens ("take part" rather than "take"), else its first element's keys; undefined when an
 * option can start with any token.
 */
function altPaths(options: Elem[][], classes: Map<string, DataClass>): string[][] | undefined {
  const paths = new Map<string, string[]>();
  for (const option of options) {
    const runs = keyRuns(option, 0, classes);
    const keys = runs.length > 0 ? undefined : option[0] ? elementKeys(option[0], classes) : undefined;
    if (runs.length === 0 && !keys) return undefined;
    for (const path of runs.at(-1) ?? keys!.map((k) => [k])) paths.set(path.join(" "), path);
  }
  return [...paths.values()];
}

/** The cheapest candidate: the fewest expected tries, then the longest path (a longer run is rarer). */
function bestAnchor(elems: Elem[], classes: Map<string, DataClass>, walked: ReadonlySet<string>): { at: number; paths: string[][] } | undefined {
  let best: { at: number; paths: string[][] } | undefined;
  let bestCost = Infinity;
  let bestLength = 0;
  for (const candidate of anchorCandidates(elems, classes)) {
    const cost = candidate.paths.reduce((n, p) => n + pathCost(p, walked), 0);
    const length = candidate.paths[0].join(" ").length;
    if (cost < bestCost || (cost === bestCost && length > bestLength)) {
      best = candidate;
      bestCost = cost;
      bestLength = length;
    }
  }
  return best;
}

/** A trie node while it is built: its next tokens in a Map. */
interface TrieNode {
  anchors: Anchor[];
  next?: Map<string, TrieNode>;
}

function insert(root: Map<string, TrieNode>, path: string[], anchor: Anchor): void {
  let level = root;
  let node: TrieNode | undefined;
  for (const key of path) {
    node = level.get(key);
    if (!node) level.set(key, (node = { anchors: [] }));
    level = node.next ??= new Map();
  }
  node!.anchors.push(anchor);
}

/** The built trie with each level's Map turned into a TokenTable. */
function finishTrie(level: Map<string, TrieNode>): TokenTable<AnchorNode> {
  const nodes = new Map<string, AnchorNode>();
  for (const [key, node] of level) nodes.set(key, { anchors: node.anchors, next: node.next?.size ? finishTrie(node.next) : undefined });
  return tokenTable(nodes);
}

function anchorCheck(elems: Elem[], at: number, classes: Map<string, DataClass>): Anchor["check"] {
  let from = at;
  const oneToken = (e: Elem): boolean => {
    const [min, max] = lengthBounds([e], classes);
    return min === 1 && max === 1;
  };
  while (from > 0 && !elems[from - 1].optional && oneToken(elems[from - 1])) from--;
  return { elems: elems.slice(from), back: at - from };
}

export function indexRules(rules: CompiledRule[], classes: Map<string, DataClass>): RuleSet {
  const trie = new Map<string, TrieNode>();
  const unanchored: Anchor[] = [];
  let anchorCount = 0;
  const tokenRules = rules.filter((r): r is TokenRule => r.kind === "pattern");
  // Chosen once as if every path walked the trie alone, then again knowing which first tokens
  // lead on anyway.
  const walked = new Set<string>();
  for (const rule of tokenRules) for (const path of bestAnchor(rule.elems, classes, walked)?.paths ?? []) if (path.length > 1) walked.add(path[0]);
  for (const rule of tokenRules) {
    const best = bestAnchor(rule.elems, classes, walked);
    const [minOffset, maxOffset] = best ? lengthBounds(rule.elems.slice(0, best.at), classes) : [0, 0];
    const anchor: Anchor = { rule, index: anchorCount++, minOffset, maxOffset, check: best && best.at > 0 ? anchorCheck(rule.elems, best.at, classes) : undefined };
    if (!best) unanchored.push(anchor);
    else for (const path of best.paths) insert(trie, path, anchor);
  }
  const literalRules: RegexRule[] = [];
  const literalSets: string[][] = [];
  const scanned: RegexRule[] = [];
  for (const rule of rules) {
    if (rule.kind === "pattern") continue;
    const literals = requiredLiterals(rule.source);
    if (literals) {
      literalRules.push(rule);
      literalSets.push(literals);
    } else scanned.push(rule);
  }
  return {
    rules,
    classes,
    anchors: finishTrie(trie),
    unanchored,
    anchorCount,
    literalRules,
    literals: literalRules.length > 0 ? buildLiteralIndex(literalSets) : undefined,
    regexScanners: combineByFlags(scanned.filter((r) => r.kind === "regex"), false),
    lineScanners: combineByFlags(scanned.filter((r) => r.kind === "line"), true),
  };
}

function combineByFlags(rules: RegexRule[], line: boolean): Scanners {
  return [
    combine(rules.filter((r) => !r.flags.includes("i")), line),
    combine(rules.filter((r) => r.flags.includes("i")), line),
  ].filter((s): s is CombinedScanner => s !== undefined);
}
