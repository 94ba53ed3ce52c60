import type { Token, TokenKind } from "../types.js";

/**
 * The definition of a token. Intl.Segmenter was measured at under 0.1 MB/s for words on this
 * Node build (see README), so tokens come from this pattern instead. Alternatives, in order:
 * URLs and e-mail addresses (one opaque token each, never matched by rules), initialisms
 * ("U.S."), the possessive "'s", numbers with separators ("3,5", "2,000.50"), words with inner
 * hyphens or apostrophes ("Jong-un", "l'economy", "don't"), and any other single character.
 */
export const TOKEN_PATTERN =
  /(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:\p{Lu}\.){2,}|['’][sS](?![\p{L}\p{N}])|\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:(?:[-‑]|['’](?![sS](?![\p{L}\p{N}])))[\p{L}\p{M}\p{N}]+)*|\S/gu;

const URLISH = /^(?:https?:|www\.)|@/;
const NUMBER = /^\p{N}/u;
const WORD = /^[\p{L}\p{M}\p{N}]/u;

export const URL_NORM = "\u0000url";

export function normalize(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/‑/g, "-");
}

function kindOf(text: string): TokenKind {
  if (NUMBER.test(text) && !/\p{L}/u.test(text)) return "number";
  if (WORD.test(text)) return "word";
  return "punct";
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c | 0x20) >= 97 && (c | 0x20) <= 122;
/** `\w` plus ".", "+" and "-": the local part of an e-mail address. */
const isMailChar = (c: number): boolean => isLetter(c) || isDigit(c) || c === 95 || c === 46 || c === 43 || c === 45;
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
/** ASCII punctuation that some alternative of TOKEN_PATTERN other than `\S` may start with. */
const isSpecialStart = (c: number): boolean => c === 39 || c === 46 || c === 43 || c === 45 || c === 95;

/**
 * End of the token at `i` when it is plain ASCII and TOKEN_PATTERN would surely read it the same
 * way (a word of ASCII letters and digits, a number, a lone punctuation mark); -1 when only the
 * full pattern can tell (URLs, e-mail, initialisms, joiners, anything beyond ASCII).
 */
function asciiTokenEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 128) return -1;
  if (!isLetter(c) && !isDigit(c)) return isSpecialStart(c) ? -1 : i + 1;
  if (c === 104 || c === 119) {
    if (text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i)) return -1;
  }
  let mail = i + 1;
  while (mail < text.length && isMailChar(text.charCodeAt(mail))) mail++;
  if (text.charCodeAt(mail) === 64) return -1;
  let j = i + 1;
  if (isDigit(c)) {
    for (;;) {
      while (j < text.length && isDigit(text.charCodeAt(j))) j++;
      const sep = text.charCodeAt(j);
      if ((sep === 44 || sep === 46) && isDigit(text.charCodeAt(j + 1))) j += 1;
      else break;
    }
    const next = text.charCodeAt(j);
    return next >= 128 || isLetter(next) ? -1 : j;
  }
  if (c <= 90 && text.charCodeAt(i + 1) === 46) return -1;
  while (j < text.length && (isLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
  const next = text.charCodeAt(j);
  return next >= 128 || next === 45 || next === 39 ? -1 : j;
}

/**
 * Tokens as TOKEN_PATTERN defines them, in one pass. Running the pattern at every token was the
 * slowest step of linting (about 30 MB/s before any rule ran), so plain ASCII tokens are read by
 * `asciiTokenEnd` and the pattern runs only where it could read something else.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const end = asciiTokenEnd(text, i);
    if (end > 0) {
      const value = text.slice(i, end);
      const kind: TokenKind = isLetter(c) ? "word" : isDigit(c) ? "number" : "punct";
      tokens.push({ start: i, end, text: value, norm: kind === "word" ? value.toLowerCase() : value, kind, spaceBefore: i > prevEnd || i === 0 });
      prevEnd = i = end;
      continue;
    }
    TOKEN_PATTERN.lastIndex = i;
    const m = TOKEN_PATTERN.exec(text);
    if (!m) break;
    const value = m[0];
    const start = m.index;
    const url = value.length > 4 && URLISH.test(value);
    tokens.push({
      start,
      end: start + value.length,
      text: value,
      norm: url ? URL_NORM : normalize(value),
      kind: url ? "punct" : kindOf(value),
      spaceBefore: start > prevEnd || start === 0,
    });
    prevEnd = i = start + value.length;
  }
  return tokens;
}
