import type { Block, Finding, SourceFile, Token } from "../types.js";
import { extractBlocks } from "../text/extract.js";
import { splitSentences } from "../text/sentences.js";
import { tokenize } from "../text/tokenize.js";
import type { Anchor, CombinedScanner, CompiledContext, CompiledRule, RegexRule, RuleSet, Scanners, TokenRule } from "./compile.js";
import { findLiterals, type LiteralIndex } from "./literal-index.js";
import type { Elem } from "./pattern.js";
import { antecedentKind, canEndAt, canMatch, matchAt, type Captures, type MatchEnv } from "./match.js";
import { resolveOverlaps } from "./resolve.js";
import { lookUp } from "./token-table.js";
import { matchCase, renderTemplate, type Capture } from "./template.js";

/** Checks one file: every prose block, every rule, overlaps resolved. */
export function lintFile(file: SourceFile, ruleSet: RuleSet): Finding[] {
  const found: Finding[] = [];
  for (const block of extractBlocks(file)) lintBlock(block, file.text, ruleSet, found);
  return resolveOverlaps(found);
}

/** Checks a string as plain text (the library's simplest entry point). */
export function lintText(text: string, ruleSet: RuleSet): Finding[] {
  return lintFile({ path: "<text>", text, bom: false, type: "text" }, ruleSet);
}

function lintBlock(block: Block, source: string, ruleSet: RuleSet, out: Finding[]): void {
  const tokens = tokenize(block.text);
  if (ruleSet.anchors.size > 0 || ruleSet.unanchored.length > 0) matchTokens(block, tokens, source, ruleSet, out);
  if (ruleSet.literals) matchWhereLiterals(block, source, ruleSet.literals, ruleSet.literalRules, out);
  if (ruleSet.regexScanners.length > 0) matchRegexes(block, source, ruleSet.regexScanners, out);
  if (ruleSet.lineScanners.length > 0) matchLines(block, source, ruleSet.lineScanners, out);
}

/**
 * Whether a `when` (all parts hold) or `unless` (`any` part holds) context holds around a match.
 * Parts are tested cheapest first and the test stops as soon as one decides the answer.
 */
function contextHolds(ctx: CompiledContext, env: MatchEnv, start: number, end: number, previousStart: number, any: boolean): boolean {
  if (ctx.antecedent && (antecedentKind(env, start, previousStart) === ctx.antecedent) === any) return any;
  if (ctx.after.length && ctx.after.some((elems) => canMatch(elems, 0, env, end)) === any) return any;
  if (ctx.before.length && ctx.before.some((b) => endsAt(b, env, start)) === any) return any;
  if (ctx.sentence.length && ctx.sentence.some((elems) => matchesInSentence(elems, env)) === any) return any;
  return !any;
}

/** Whether a `before` pattern matches ending exactly at `start`. */
function endsAt({ elems, min, max }: CompiledContext["before"][number], env: MatchEnv, start: number): boolean {
  for (let s = Math.max(env.floor, start - max); s <= start - min; s++) if (canEndAt(elems, 0, env, s, start)) return true;
  return false;
}

/** Whether a pattern matches anywhere in the sentence. */
function matchesInSentence(elems: Elem[], env: MatchEnv): boolean {
  for (let s = env.floor; s < env.limit; s++) if (canMatch(elems, 0, env, s)) return true;
  return false;
}

/**
 * For each anchor, the last match start tried in the current block. An anchor's candidate starts
 * only move forward as the text is read, so "tried already" is one comparison, with no set of
 * keys to build per candidate. Kept per rule set and reused, so a block allocates nothing that
 * grows with the rule count.
 */
interface TriedStarts {
  block: number;
  blockOf: Int32Array;
  last: Int32Array;
}
const triedByRuleSet = new WeakMap<RuleSet, TriedStarts>();

function triedStarts(ruleSet: RuleSet): TriedStarts {
  let tried = triedByRuleSet.get(ruleSet);
  if (!tried) {
    tried = { block: 0, blockOf: new Int32Array(ruleSet.anchorCount), last: new Int32Array(ruleSet.anchorCount) };
    triedByRuleSet.set(ruleSet, tried);
  }
  tried.block++;
  return tried;
}

interface SentenceScope {
  block: Block;
  tokens: Token[];
  source: string;
  env: MatchEnv;
  previousStart: number;
  tried: TriedStarts;
  caps: Captures;
  out: Finding[];
}

/** Tries one rule at every start that puts its anchor at token `i`. */
function tryAnchor(scope: SentenceScope, { rule, index, minOffset, maxOffset, check }: Anchor, i: number): void {
  const { env, tried, caps } = scope;
  if (check && (i - check.back < env.floor || !canMatch(check.elems, 0, env, i - check.back))) return;
  let start = Math.max(env.floor, i - maxOffset);
  if (tried.blockOf[index] === tried.block) start = Math.max(start, tried.last[index] + 1);
  for (; start <= i - minOffset; start++) {
    tried.blockOf[index] = tried.block;
    tried.last[index] = start;
    const end = matchAt(rule.elems, env, start, caps);
    if (end < 0) continue;
    if (rule.when && !contextHolds(rule.when, env, start, end, scope.previousStart, false)) continue;
    if (rule.unless && contextHolds(rule.unless, env, start, end, scope.previousStart, true)) continue;
    const finding = tokenFinding(rule, scope.block, scope.tokens, caps, scope.source);
    if (finding) scope.out.push(finding);
  }
}

function matchTokens(block: Block, tokens: Token[], source: string, ruleSet: RuleSet, out: Finding[]): void {
  const sentences = splitSentences(block.text, tokens);
  const tried = triedStarts(ruleSet);
  const caps: Captures = { spans: [], written: [] };
  // One environment and scope for the block, moved from sentence to sentence.
  const env: MatchEnv = { tokens, floor: 0, limit: 0, classes: ruleSet.classes };
  const scope: SentenceScope = { block, tokens, source, env, previousStart: 0, tried, caps, out };
  for (let si = 0; si < sentences.length; si++) {
    const sentence = sentences[si];
    env.floor = sentence.start;
    env.limit = sentence.end;
    scope.previousStart = si > 0 ? sentences[si - 1].start : sentence.start;
    for (let i = sentence.start; i < sentence.end; i++) {
      // Walk the anchor trie along the tokens from i: every node reached holds rules whose
      // literal run starts at i.
      let node = lookUp(ruleSet.anchors, tokens[i].norm);
      for (let j = i + 1; node; j++) {
        for (const anchor of node.anchors) tryAnchor(scope, anchor, i);
        node = j < sentence.end && node.next ? lookUp(node.next, tokens[j].norm) : undefined;
      }
      for (const anchor of ruleSet.unanchored) tryAnchor(scope, anchor, i);
    }
  }
}

function tokenFinding(rule: TokenRule, block: Block, tokens: Token[], caps: Captures, source: string): Finding | undefined {
  const first = caps.spans[rule.markStart][0];
  const last = caps.spans[rule.markEnd - 1][1];
  if (last <= first) return undefined;
  const blockStart = tokens[first].start;
  const blockEnd = tokens[last - 1].end;
  const spanText = (a: number, b: number): string => (b > a ? block.text.slice(tokens[a].start, tokens[b - 1].end) : "");
  const capture = (n: number): Capture => {
    if (n === 0) return { text: spanText(first, last) };
    const span = caps.spans[n - 1];
    return { text: span ? spanText(span[0], span[1]) : "", canonical: caps.written[n - 1] };
  };
  return makeFinding(rule, block, source, blockStart, blockEnd, capture);
}

function makeFinding(
  rule: CompiledRule,
  block: Block,
  source: string,
  blockStart: number,
  blockEnd: number,
  capture: (n: number) => Capture,
  expand?: (start: number, end: number) => [number, number],
): Finding | undefined {
  const original = block.text.slice(blockStart, blockEnd);
  const suggestions: string[] = [];
  for (const template of rule.replacements) {
    const text = matchCase(original, renderTemplate(template, capture));
    if (text !== original && !suggestions.includes(text)) suggestions.push(text);
  }
  if (suggestions.length === 0) return undefined;
  let offset = block.map.toSourceStart(blockStart);
  let end = block.map.toSourceEnd(blockEnd);
  if (expand) [offset, end] = expand(offset, end);
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    message: rule.message,
    explanation: rule.explanation,
    offset,
    length: end - offset,
    text: source.slice(offset, end),
    suggestions,
    // Markup or entities inside the span would be lost by a blind replacement.
    fix: block.map.isVerbatim(blockStart, blockEnd) ? rule.fix : "suggest",
    specificity: rule.specificity,
  };
}

function ruleOfHit(m: RegExpExecArray, { rules, groups }: CombinedScanner): RegexRule | undefined {
  for (let i = 0; i < groups.length; i++) if (m[groups[i]] !== undefined) return rules[i];
  return undefined;
}

/** The rule's own match at `at` (its sticky regex, leading assertions included), unless empty. */
function matchHere(rule: RegexRule, text: string, at: number): RegExpExecArray | undefined {
  rule.sticky.lastIndex = at;
  const match = rule.sticky.exec(text);
  return match && match[0].length > 0 ? match : undefined;
}

/**
 * The scan ran without the rules' leading look-behinds and `\b`, so a hit is confirmed with the
 * rule's own match; when that fails, the first rule (in scanner order) that matches here wins,
 * as it would have in the full alternation.
 */
function confirmHit(text: string, at: number, first: RegexRule, rules: RegexRule[]): { rule: RegexRule; match: RegExpExecArray } | undefined {
  for (const rule of [first, ...rules]) {
    const match = matchHere(rule, text, at);
    if (match) return { rule, match };
  }
  return undefined;
}

function matchRegexes(block: Block, source: string, scanners: Scanners, out: Finding[]): void {
  for (const scanner of scanners) {
    const { regex } = scanner;
    regex.lastIndex = 0;
    for (let m = regex.exec(block.text); m; m = regex.exec(block.text)) {
      const rule = ruleOfHit(m, scanner);
      if (!rule || m[0].length === 0) {
        regex.lastIndex = m.index + 1;
        continue;
      }
      const hit = confirmHit(block.text, m.index, rule, scanner.rules);
      if (!hit) {
        regex.lastIndex = m.index + 1;
        continue;
      }
      const own = hit.match;
      const finding = makeFinding(hit.rule, block, source, m.index, m.index + own[0].length, (n) => ({ text: own[n] ?? "" }));
      if (finding) out.push(finding);
      regex.lastIndex = m.index + Math.max(1, own[0].length);
    }
  }
}

/** Widens a deletion to the whole source line when nothing else is on it. */
function wholeLine(source: string): (start: number, end: number) => [number, number] {
  return (start, end) => {
    const lineStart = source.lastIndexOf("\n", start - 1) + 1;
    let lineEnd = source.indexOf("\n", end);
    if (lineEnd < 0) lineEnd = source.length;
    if (source.slice(lineStart, start).trim() || source.slice(end, lineEnd).trim()) return [start, end];
    return [lineStart, lineEnd < source.length ? lineEnd + 1 : lineEnd];
  };
}

/** The finding of a line rule that matched the trimmed text of `raw`, the line at `lineStart`. */
function lineFinding(rule: RegexRule, match: RegExpExecArray, block: Block, source: string, lineStart: number, raw: string): Finding | undefined {
  const start = lineStart + raw.length - raw.trimStart().length;
  return makeFinding(rule, block, source, start, start + raw.trim().length, (n) => ({ text: match[n] ?? "" }), wholeLine(source));
}

function matchLines(block: Block, source: string, scanners: Scanners, out: Finding[]): void {
  const lines = /[^\n]+/g;
  for (let l = lines.exec(block.text); l; l = lines.exec(block.text)) {
    const line = l[0].trim();
    if (!line) continue;
    for (const scanner of scanners) {
      const { regex } = scanner;
      regex.lastIndex = 0;
      const m = regex.exec(line);
      if (!m) continue;
      const rule = ruleOfHit(m, scanner);
      if (!rule) continue;
      rule.sticky.lastIndex = 0;
      const finding = lineFinding(rule, rule.sticky.exec(line) ?? m, block, source, l.index, l[0]);
      if (finding) out.push(finding);
      break;
    }
  }
}

/** Runs one regex or line rule over `raw`, the line of a block at `lineStart`. */
function matchInLine(rule: RegexRule, block: Block, source: string, lineStart: number, raw: string, out: Finding[]): void {
  const re = rule.inLine;
  re.lastIndex = 0;
  if (rule.kind === "line") {
    const line = raw.trim();
    const m = line ? re.exec(line) : null;
    const finding = m && lineFinding(rule, m, block, source, lineStart, raw);
    if (finding) out.push(finding);
    return;
  }
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    // The scan ran without the rule's leading look-behinds and `\b` (see RegexRule.inLine).
    const own = matchHere(rule, raw, m.index);
    if (!own) {
      re.lastIndex = m.index + 1;
      continue;
    }
    re.lastIndex = m.index + own[0].length;
    const start = lineStart + m.index;
    const finding = makeFinding(rule, block, source, start, start + own[0].length, (n) => ({ text: own[n] ?? "" }));
    if (finding) out.push(finding);
  }
}

/** Adds `n` to an ascending list of a few numbers unless it is there. */
function addInOrder(list: number[], n: number): void {
  let at = list.length;
  while (at > 0 && list[at - 1] > n) at--;
  if (list[at - 1] !== n) list.splice(at, 0, n);
}

/**
 * Regex and line rules with required literals: one pass finds the literals, and each rule runs
 * only on the lines where one of its own occurs (a literal never spans a line break).
 */
function matchWhereLiterals(block: Block, source: string, literals: LiteralIndex, rules: RegexRule[], out: Finding[]): void {
  const text = block.text;
  const hits = findLiterals(literals, text);
  const due: number[] = [];
  for (let k = 0; k < hits.length; ) {
    const lastChar = hits[k] - 1;
    const lineStart = text.lastIndexOf("\n", lastChar) + 1;
    let lineEnd = text.indexOf("\n", lastChar);
    if (lineEnd < 0) lineEnd = text.length;
    for (; k < hits.length && hits[k] <= lineEnd; k += 2) for (const r of literals.rules[hits[k + 1]]) addInOrder(due, r);
    const raw = text.slice(lineStart, lineEnd);
    for (const r of due) matchInLine(rules[r], block, source, lineStart, raw, out);
    due.length = 0;
  }
}
