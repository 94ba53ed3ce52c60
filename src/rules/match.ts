import type { Token } from "../types.js";
import { ALT, CLASS, LITERAL, REGEX, type CaseMod, type Elem, type LiteralElem } from "./pattern.js";
import { dataClassMatches, isCapitalized, nameLengths, type ClassMatch, type DataClass } from "./classes.js";

/** Where a pattern may match: the block's tokens, bounded to one sentence. */
export interface MatchEnv {
  tokens: Token[];
  floor: number;
  limit: number;
  classes: Map<string, DataClass>;
}

/** A successful top-level match: token spans per element, and the written class entry where one matched. */
export interface Captures {
  spans: Array<[number, number]>;
  written: Array<string | undefined>;
}

/** One way an element can match: its length in tokens (a class entry is its own step). */
type Step = ClassMatch;

/** The step lists of single-token elements, shared so that trying a rule allocates nothing. */
const NONE: readonly Step[] = [];
const ONE: readonly Step[] = [{ length: 1 }];
const ZERO: readonly Step[] = [{ length: 0 }];
const ONE_OR_ZERO: readonly Step[] = [{ length: 1 }, { length: 0 }];
/** Shared steps by length, and shared one-step lists, for results built from lengths. */
const STEP_OF_LENGTH: readonly Step[] = Array.from({ length: 64 }, (_, length) => (length === 0 ? ZERO[0] : length === 1 ? ONE[0] : { length }));
const stepOf = (length: number): Step => STEP_OF_LENGTH[length] ?? { length };
const ONE_STEP_OF_LENGTH: ReadonlyArray<readonly Step[]> = STEP_OF_LENGTH.map((step) => (step === ONE[0] ? ONE : step === ZERO[0] ? ZERO : [step]));

/**
 * `steps` (longest first) with a step of `length` put in its place unless one is there: no new
 * list while there is one step.
 */
function withLength(steps: readonly Step[], length: number): readonly Step[] {
  if (steps === NONE) return ONE_STEP_OF_LENGTH[length] ?? [stepOf(length)];
  let at = 0;
  for (; at < steps.length && steps[at].length >= length; at++) if (steps[at].length === length) return steps;
  // Lists of two or more steps are this function's own; a one-step list may be shared.
  const out = steps.length === 1 ? [steps[0]] : (steps as Step[]);
  out.splice(at, 0, stepOf(length));
  return out;
}
const ONE_TOKEN: readonly number[] = [1];
const NO_TOKEN: readonly number[] = [];

/** Built-in classes computed from the tokens rather than listed in data: possible lengths at `pos`. */
const BUILTIN: Record<string, (env: MatchEnv, pos: number) => readonly number[]> = {
  any: () => ONE_TOKEN,
  word: (env, pos) => (env.tokens[pos].kind === "word" ? ONE_TOKEN : NO_TOKEN),
  number: (env, pos) => (env.tokens[pos].kind === "number" ? ONE_TOKEN : NO_TOKEN),
  punct: (env, pos) => (env.tokens[pos].kind === "punct" ? ONE_TOKEN : NO_TOKEN),
  cap: (env, pos) => (env.tokens[pos].kind === "word" && isCapitalized(env.tokens[pos].text) ? ONE_TOKEN : NO_TOKEN),
  // A token equal to its norm is lowercase: the norm is the lowercased text (quotes unified).
  lower: (env, pos) => {
    const t = env.tokens[pos];
    return t.kind === "word" && (t.text === t.norm || t.text === t.text.toLowerCase()) ? ONE_TOKEN : NO_TOKEN;
  },
  name: (env, pos) => {
    const lengths = nameLengths(env.tokens, pos, env.limit);
    return lengths.length === 0 ? NO_TOKEN : lengths;
  },
  person: (env, pos) => {
    const lengths = nameLengths(env.tokens, pos, env.limit);
    return lengths.length === 0 ? NO_TOKEN : lengths.filter((n) => classifyName(env, pos, n) === "person");
  },
};

export const BUILTIN_CLASSES = Object.keys(BUILTIN);
/** The built-in classes by the number the compiler gives a class element (ClassElem.builtin). */
const BUILTIN_BY_NUMBER = Object.values(BUILTIN);

export type ReferentKind = "person" | "place" | "org" | "unknown";

function inClass(env: MatchEnv, name: string, pos: number, length: number): boolean {
  const cls = env.classes.get(name);
  return cls !== undefined && dataClassMatches(cls, env.tokens, pos, pos + length).some((m) => m.length === length);
}

/** "Jong-un", "Jae-in": the hyphenated second part of East Asian given names. */
const ASIAN_GIVEN = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u;

/** Tells a person's name from a place or an organisation, from word lists and shape. */
function classifyName(env: MatchEnv, pos: number, length: number): ReferentKind {
  const tokens = env.tokens;
  if (inClass(env, "country", pos, length) || inClass(env, "place", pos, length)) return "place";
  for (let k = pos; k < pos + length; k++) {
    if (inClass(env, "organisation-word", k, 1)) return "org";
  }
  if (inClass(env, "organisation", pos, length)) return "org";
  if (inClass(env, "given-name", pos, 1)) return "person";
  // After a family name ("Kim Jong-un"): alone, "Git-gui" or "Coca-cola" is no person.
  for (let k = pos + 1; k < pos + length; k++) if (ASIAN_GIVEN.test(tokens[k].text)) return "person";
  const before = tokens[pos - 1];
  if (before && (inClass(env, "title", pos - 1, 1) || /^(mr|mrs|ms|dr|m|mme)\.?$/.test(before.norm))) return "person";
  return "unknown";
}

const PERSON_PRONOUNS = new Set(["he", "she", "him", "his", "her", "himself", "herself"]);

/**
 * The kind of the nearest referent before `pos`: a personal pronoun or a proper name, looked for
 * backwards in the same sentence, then at the start of the previous one.
 */
export function antecedentKind(env: MatchEnv, pos: number, previousStart: number): ReferentKind {
  const scan = (from: number, to: number, backwards: boolean): ReferentKind | undefined => {
    const tokens = env.tokens;
    for (let i = backwards ? to - 1 : from; backwards ? i >= from : i < to; i += backwards ? -1 : 1) {
      const t = tokens[i];
      if (PERSON_PRONOUNS.has(t.norm)) return "person";
      if (t.kind !== "word" || !isCapitalized(t.text)) continue;
      let start = i;
      if (backwards) while (start > from && tokens[start - 1].kind === "word" && isCapitalized(tokens[start - 1].text)) start--;
      const lengths = nameLengths(tokens, start, Math.max(to, i + 1));
      const length = lengths[0] ?? 1;
      // A lone capitalised word opening a sentence is usually not a name.
      if (start === env.floor && length === 1 && !inClass(env, "country", start, 1) && !inClass(env, "place", start, 1) && !inClass(env, "given-name", start, 1)) {
        if (backwards) continue;
        i = start + length - 1;
        continue;
      }
      const kind = classifyName(env, start, length);
      if (kind !== "unknown") return kind;
      if (backwards) i = start;
      else i = start + length - 1;
    }
    return undefined;
  };
  return scan(env.floor, pos, true) ?? (previousStart < env.floor ? scan(previousStart, env.floor, false) : undefined) ?? "unknown";
}

/** Text with typographic apostrophes as "'", as written entries and literals hold them. */
const asWritten = (text: string): string => (text.includes("’") ? text.replace(/’/g, "'") : text);

function caseHolds(mod: CaseMod | undefined, text: string, written: string | undefined): boolean {
  switch (mod) {
    case undefined:
      return true;
    case "lower":
      return text === text.toLowerCase();
    case "upper":
      return text === text.toUpperCase() && text !== text.toLowerCase();
    case "cap":
      return isCapitalized(text);
    case "exact":
      return written === undefined || asWritten(text) === written;
    case "miscased":
      return written !== undefined && asWritten(text) !== written;
  }
}

function spanText(tokens: Token[], pos: number, length: number): string {
  if (length === 1) return tokens[pos].text;
  let s = "";
  for (let k = pos; k < pos + length; k++) s += (k > pos && tokens[k].spaceBefore ? " " : "") + tokens[k].text;
  return s;
}

/**
 * The class matches whose text meets a case constraint; the list itself when all do. A loop, not
 * a filter with a closure: a closure over positiveSteps' arguments would make every call of it
 * allocate a context, whichever branch runs.
 */
function casedMatches(mod: CaseMod, tokens: Token[], pos: number, matches: readonly Step[]): readonly Step[] {
  let kept: Step[] | undefined;
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    if (caseHolds(mod, spanText(tokens, pos, m.length), m.written)) kept?.push(m);
    else kept ??= matches.slice(0, k);
  }
  return kept === undefined ? matches : kept.length === 0 ? NONE : kept;
}

/**
 * Indexes the alternations of `elems` (at any depth): options that are all single literals with
 * no case constraint make matching one a set lookup; when the first tokens of all options are
 * known (`firstKeys`), only the options that can start with the token at hand are tried.
 */
export function indexAlternations(elems: Elem[], firstKeys: (elem: Elem) => string[] | undefined): void {
  for (const e of elems) {
    if (e.kind !== "alt") continue;
    const plain = e.options.every((o) => o.length === 1 && o[0].kind === "literal" && !o[0].optional && !o[0].negate && o[0].caseMod === undefined);
    e.norms = plain ? new Set(e.options.map((o) => (o[0] as LiteralElem).norm)) : undefined;
    let byFirst: Map<string, Elem[][]> | undefined = new Map();
    for (const o of e.options) {
      const keys = o.length > 0 ? firstKeys(o[0]) : undefined;
      if (!keys) {
        byFirst = undefined;
        break;
      }
      for (const k of new Set(keys)) {
        const list = byFirst.get(k);
        if (list) list.push(o);
        else byFirst.set(k, [o]);
      }
    }
    e.byFirst = byFirst;
    for (const o of e.options) indexAlternations(o, firstKeys);
  }
}

/** Every way `elem` can match at `pos` (`pos` < limit), ignoring `optional` and `negate`, longest first. */
function positiveSteps(elem: Elem, env: MatchEnv, pos: number): readonly Step[] {
  switch (elem.code) {
    case LITERAL: {
      const t = env.tokens[pos];
      return t.norm === elem.norm && caseHolds(elem.caseMod, t.text, elem.written) ? ONE : NONE;
    }
    case REGEX:
      return elem.re.test(env.tokens[pos].text) ? ONE : NONE;
    case CLASS: {
      if (elem.builtin! >= 0) {
        const lengths = BUILTIN_BY_NUMBER[elem.builtin!](env, pos);
        if (lengths === NO_TOKEN) return NONE;
        if (lengths === ONE_TOKEN) return pos + 1 <= env.limit && caseHolds(elem.caseMod, env.tokens[pos].text, undefined) ? ONE : NONE;
        const out: Step[] = [];
        for (const n of lengths) if (pos + n <= env.limit && caseHolds(elem.caseMod, spanText(env.tokens, pos, n), undefined)) out.push(stepOf(n));
        return out;
      }
      const matches = dataClassMatches(elem.cls!, env.tokens, pos, env.limit);
      if (matches.length === 0) return NONE;
      return elem.caseMod === undefined ? matches : casedMatches(elem.caseMod, env.tokens, pos, matches);
    }
    case ALT: {
      const { norms, byFirst } = elem;
      if (norms !== undefined) return norms.has(env.tokens[pos].norm) ? ONE : NONE;
      const options = byFirst ? byFirst.get(env.tokens[pos].norm) : elem.options;
      if (options === undefined) return NONE;
      let out: readonly Step[] = NONE;
      for (let k = 0; k < options.length; k++) out = withEnds(out, options[k], 0, env, pos, pos);
      return out;
    }
  }
}

/** Every way `elem` can match at `pos`, longest first (optional elements end with length 0). */
function steps(elem: Elem, env: MatchEnv, pos: number): readonly Step[] {
  let out: readonly Step[];
  if (pos >= env.limit) out = NONE;
  else if (elem.negate) out = positiveSteps(elem, env, pos).some((s) => s.length === 1) ? NONE : ONE;
  else out = positiveSteps(elem, env, pos);
  if (!elem.optional) return out;
  return out === NONE ? ZERO : out === ONE ? ONE_OR_ZERO : [...out, { length: 0 }];
}

/** `out` with the length from `start` of every way `elems[i..]` can match from `pos` (see withLength). */
function withEnds(out: readonly Step[], elems: Elem[], i: number, env: MatchEnv, pos: number, start: number): readonly Step[] {
  if (i === elems.length) return withLength(out, pos - start);
  const options = steps(elems[i], env, pos);
  for (let k = 0; k < options.length; k++) out = withEnds(out, elems, i + 1, env, pos + options[k].length, start);
  return out;
}

/** Whether `elems[i..]` can match from `pos` ending exactly at `end`. */
export function canEndAt(elems: Elem[], i: number, env: MatchEnv, pos: number, end: number): boolean {
  if (i === elems.length) return pos === end;
  if (pos > end) return false;
  const options = steps(elems[i], env, pos);
  for (let k = 0; k < options.length; k++) if (canEndAt(elems, i + 1, env, pos + options[k].length, end)) return true;
  return false;
}

/** Whether `elems[i..]` can match from `pos`, with nothing recorded. */
export function canMatch(elems: Elem[], i: number, env: MatchEnv, pos: number): boolean {
  if (i === elems.length) return true;
  const options = steps(elems[i], env, pos);
  for (let k = 0; k < options.length; k++) if (canMatch(elems, i + 1, env, pos + options[k].length)) return true;
  return false;
}

/** Matches `elems[i..]` at `at`, preferring longer elements; fills `caps` on success. */
function matchFrom(elems: Elem[], i: number, env: MatchEnv, at: number, caps: Captures): number {
  if (i === elems.length) return at;
  const options = steps(elems[i], env, at);
  for (let k = 0; k < options.length; k++) {
    const step = options[k];
    const end = matchFrom(elems, i + 1, env, at + step.length, caps);
    if (end >= 0) {
      caps.spans[i] = [at, at + step.length];
      caps.written[i] = step.written;
      return end;
    }
  }
  return -1;
}

/** Matches `elems` at `pos`, preferring longer elements; fills `caps` on success. */
export function matchAt(elems: Elem[], env: MatchEnv, pos: number, caps: Captures): number {
  return matchFrom(elems, 0, env, pos, caps);
}

/** Shortest and longest number of tokens an element sequence can span. */
export function lengthBounds(elems: Elem[], classes: Map<string, DataClass>): [number, number] {
  let min = 0;
  let max = 0;
  for (const e of elems) {
    let lo = 1;
    let hi = 1;
    if (e.kind === "alt") {
      const bounds = e.options.map((o) => lengthBounds(o, classes));
      lo = Math.min(...bounds.map((b) => b[0]));
      hi = Math.max(...bounds.map((b) => b[1]));
    } else if (e.kind === "class" && !e.negate) {
      hi = e.name === "name" || e.name === "person" ? 6 : (classes.get(e.name)?.maxLength ?? 1);
    }
    if (e.optional) lo = 0;
    min += lo;
    max += hi;
  }
  return [min, max];
}
