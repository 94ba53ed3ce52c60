import type { Finding, Severity } from "../types.js";
import type { RuleSet } from "../rules/compile.js";
import { checkSource } from "../linter.js";
import { filterSeverity } from "../cli/options.js";
import { LineIndex } from "../text/source.js";
import { tokenize } from "../text/tokenize.js";
import { textField, type JsonDocument } from "./jsonl.js";

/** Random spans drawn per flag for the baseline: enough to steady the share, few enough to stay fast. */
const BASELINE_DRAWS = 5;

/** Counts for a set of flags; a flag is "checked" when its segment has at least one check text. */
export interface Tally {
  flags: number;
  checked: number;
  confirmed: number;
  fixes_confirmed: number;
  baseline_draws: number;
  baseline_confirmed: number;
}

export interface RealScore {
  /** The text field that was checked. */
  field: string;
  /** The fields the flags were confirmed against (none in fluent-text mode). */
  checkFields: string[];
  documents: number;
  segments: number;
  words: number;
  overall: Tally;
  rules: Record<string, Tally>;
}

export interface RealOptions {
  field: string;
  checkFields: string[];
  min: Severity;
  seed: number;
}

/** mulberry32: a small seeded generator, so that the baseline is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function emptyTally(): Tally {
  return { flags: 0, checked: 0, confirmed: 0, fixes_confirmed: 0, baseline_draws: 0, baseline_confirmed: 0 };
}

export function addTally(into: Tally, t: Tally): void {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += t[key];
}

function wordTokens(text: string): { start: number }[] {
  return tokenize(text).filter((t) => t.kind !== "punct");
}

/**
 * A span's text is confirmed as a change when a human version (the post-edit or the reference)
 * does not keep it verbatim: the post-editor or the translator changed it.
 */
function changedByAny(span: string, checks: string[]): boolean {
  return checks.some((c) => !c.includes(span));
}

/**
 * Judges one flag against the human versions of its segment: confirmed when none holds its text
 * verbatim, fix confirmed when in addition one holds the first suggestion; the baseline draws
 * spans of the same length starting at a word of the same segment and asks the same question.
 */
function judge(segment: string, local: number, length: number, suggestion: string | undefined, checks: string[], random: () => number): Tally {
  const t = emptyTally();
  t.flags = 1;
  if (checks.length === 0) return t;
  t.checked = 1;
  if (changedByAny(segment.slice(local, local + length), checks)) {
    t.confirmed = 1;
    // Case is ignored here: the suggestion takes the case of the flagged text, the human may have moved the words.
    const wanted = suggestion?.toLowerCase();
    if (wanted !== undefined && (wanted === "" || checks.some((c) => c.toLowerCase().includes(wanted)))) t.fixes_confirmed = 1;
  }
  const starts = wordTokens(segment)
    .map((w) => w.start)
    .filter((s) => s + length <= segment.length);
  for (let d = 0; d < BASELINE_DRAWS && starts.length > 0; d++) {
    const s = starts[Math.floor(random() * starts.length)];
    t.baseline_draws++;
    if (changedByAny(segment.slice(s, s + length), checks)) t.baseline_confirmed++;
  }
  return t;
}

/** Checks every document and confirms its flags against the check fields of their segments. */
export function scoreRealData(docs: JsonDocument[], ruleSet: RuleSet, opts: RealOptions): RealScore {
  const random = seededRandom(opts.seed);
  const score: RealScore = { field: opts.field, checkFields: opts.checkFields, documents: docs.length, segments: 0, words: 0, overall: emptyTally(), rules: {} };
  for (const doc of docs) {
    const lines = new LineIndex(doc.text);
    score.segments += doc.records.length;
    score.words += wordTokens(doc.text).length;
    const source = { path: doc.id, text: doc.text, bom: false, type: "text" as const };
    const findings: Finding[] = filterSeverity(checkSource(source, ruleSet), opts.min).findings;
    for (const f of findings) {
      const line = lines.lineOf(f.offset);
      const segment = lines.lineText(line);
      const local = f.offset - lines.lineStart(line);
      // A flag that runs into the next segment (a whole-line deletion takes the newline) is judged on its own segment.
      const length = Math.min(f.length, segment.length - local);
      const checks = opts.checkFields.map((c) => textField(doc.records[line], c)).filter((c): c is string => c !== undefined);
      const t = judge(segment, local, length, f.suggestions[0], checks, random);
      addTally(score.overall, t);
      addTally((score.rules[f.ruleId] ??= emptyTally()), t);
    }
  }
  return score;
}
