import type { Token } from "../types.js";
import { normalize, tokenize } from "../text/tokenize.js";

/**
 * One entry of a word class: its tokens as written (for `:exact`/`:miscased` and `${n:canonical}`).
 * With its length in tokens, an entry is also the match step it gives, so matching allocates none.
 */
export interface ClassEntry {
  norms: string[];
  /** The entry's tokens as written, one space between (apostrophes as "'"). */
  written: string;
  length: number;
}

/** A word class read from data: entries by their first token, plus whole-token regexes. */
export interface DataClass {
  name: string;
  byFirst: Map<string, ClassEntry[]>;
  regexes: RegExp[];
  maxLength: number;
}

export type RawClasses = Record<string, string[]>;

export function buildClass(name: string, entries: string[]): DataClass {
  const cls: DataClass = { name, byFirst: new Map(), regexes: [], maxLength: 1 };
  for (const entry of entries) {
    const re = /^\/(.+)\/(i?)$/.exec(entry);
    if (re) {
      cls.regexes.push(new RegExp(`^(?:${re[1]})$`, `u${re[2]}`));
      continue;
    }
    const tokens = tokenize(entry);
    if (tokens.length === 0) continue;
    const item: ClassEntry = { norms: tokens.map((t) => t.norm), written: tokens.map((t) => t.text.replace(/’/g, "'")).join(" "), length: tokens.length };
    const list = cls.byFirst.get(item.norms[0]);
    if (list) list.push(item);
    else cls.byFirst.set(item.norms[0], [item]);
    cls.maxLength = Math.max(cls.maxLength, item.norms.length);
  }
  // Longest entries first, so "North Korean" wins over "North".
  for (const list of cls.byFirst.values()) list.sort((a, b) => b.norms.length - a.norms.length);
  return cls;
}

/** A match of a data class: its length in tokens, and the entry as written when an entry matched (not a regex). */
export interface ClassMatch {
  length: number;
  written?: string;
}

const NO_MATCH: readonly ClassMatch[] = [];
const REGEX_MATCH: readonly ClassMatch[] = [{ length: 1 }];

/**
 * Entries of a data class that match at `pos`, longest first. When every entry for the token
 * matches (as every one-token entry does), the class's own list is the answer: no array is built.
 */
export function dataClassMatches(cls: DataClass, tokens: Token[], pos: number, limit: number): readonly ClassMatch[] {
  const first = tokens[pos];
  const candidates = cls.byFirst.get(first.norm);
  // Most tokens are in no class: answer them without allocating.
  if (candidates === undefined) return cls.regexes.length > 0 && cls.regexes.some((re) => re.test(first.text)) ? REGEX_MATCH : NO_MATCH;
  let out: ClassMatch[] | undefined;
  for (let c = 0; c < candidates.length; c++) {
    const entry = candidates[c];
    const n = entry.length;
    let ok = pos + n <= limit;
    for (let k = 1; k < n && ok; k++) ok = tokens[pos + k].norm === entry.norms[k];
    if (ok) out?.push(entry);
    else out ??= candidates.slice(0, c);
  }
  if (out === undefined) return candidates;
  if (out.length === 0) for (const re of cls.regexes) if (re.test(first.text)) return REGEX_MATCH;
  return out;
}

export function isCapitalized(text: string): boolean {
  const c = text[0];
  return c !== undefined && c !== c.toLowerCase();
}

/** Particles that may sit inside a proper name ("Charles de Gaulle", "Osama bin Laden"). */
const NAME_PARTICLES = new Set(["de", "du", "des", "la", "le", "van", "von", "der", "den", "bin", "ben", "al", "el", "da", "di", "dos", "del", "y"]);
const MAX_NAME = 6;

/** Lengths of a run of capitalised words (a proper name) at `pos`, longest first. */
export function nameLengths(tokens: Token[], pos: number, limit: number): number[] {
  if (tokens[pos].kind !== "word" || !isCapitalized(tokens[pos].text)) return [];
  const lengths: number[] = [];
  let n = 1;
  lengths.push(1);
  while (pos + n < limit && n < MAX_NAME) {
    const t = tokens[pos + n];
    const next = tokens[pos + n + 1];
    if (t.kind === "word" && t.text.length === 1 && isCapitalized(t.text) && next?.text === "." && !next.spaceBefore && pos + n + 2 < limit) {
      // An initial inside a name: "Harry J. Kazianis".
      n += 2;
    } else if (t.kind === "word" && isCapitalized(t.text) && t.spaceBefore) {
      n++;
      lengths.push(n);
    } else if (NAME_PARTICLES.has(t.text) && pos + n + 1 < limit && isCapitalized(tokens[pos + n + 1].text)) {
      n += 2;
      lengths.push(n);
    } else break;
  }
  return lengths.reverse();
}

export { normalize };
