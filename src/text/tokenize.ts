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

/** Classes of characters, as bits, so that one table read tells what a character may start or continue. */
const LOWER = 1;
const UPPER = 2;
const DIGIT = 4;
const LETTER = LOWER | UPPER;
const ALNUM = LETTER | DIGIT;
/** ".", "+", "-" and "_": with letters and digits, the local part of an e-mail address (`[\w.+-]`). */
const LOCAL = 8;
const AT = 16;
/** "-" and "'", which may join the parts of a word. */
const JOINER = 32;
/** Anything beyond ASCII: only TOKEN_PATTERN knows whether it is a letter, a mark or a space. */
const BEYOND = 64;

/** The class of every UTF-16 code unit: a table of 64 KB spares the hottest loop a test for ASCII. */
const CLASS = new Uint8Array(65536).fill(BEYOND);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = (/[a-z]/.test(ch) ? LOWER : 0) | (/[A-Z]/.test(ch) ? UPPER : 0) | (/\d/.test(ch) ? DIGIT : 0) |
    (/[.+_-]/.test(ch) ? LOCAL : 0) | (ch === "@" ? AT : 0) | (/['-]/.test(ch) ? JOINER : 0);
}

/** The class of text[j]; the end of the text reads as a boundary, like a space. */
function classAt(text: string, j: number): number {
  return j < text.length ? CLASS[text.charCodeAt(j)] : 0;
}

/** Whether the apostrophe at j is the possessive "'s": 1 or 0, or -1 when only TOKEN_PATTERN can tell. */
function possessive(text: string, j: number): number {
  if ((text.charCodeAt(j + 1) | 0x20) !== 115 /* "s" or "S" */) return 0;
  const after = classAt(text, j + 2);
  return after & BEYOND ? -1 : after & ALNUM ? 0 : 1;
}

/**
 * Whether the word part that ends at j goes on with a joiner ("-", "'" or their typographic forms)
 * and another part: 1 or 0, or -1 when only TOKEN_PATTERN can tell (a letter beyond ASCII may follow).
 */
function joins(text: string, j: number): number {
  const k = classAt(text, j);
  if (!(k & (JOINER | BEYOND))) return 0;
  const c = text.charCodeAt(j);
  if (k & BEYOND && c !== 0x2011 && c !== 0x2019) return -1;
  const next = classAt(text, j + 1);
  if (next & BEYOND) return -1;
  if (!(next & ALNUM)) return 0;
  if (c === 45 || c === 0x2011) return 1;
  const p = possessive(text, j);
  return p < 0 ? -1 : 1 - p;
}

/** Whether TOKEN_PATTERN may read a URL or an initialism ("U.S.") at i, where the run of ASCII letters and digits ends at j. */
function urlOrInitialism(text: string, i: number, j: number): boolean {
  const c = text.charCodeAt(i);
  // "h" or "w" opens many words: a second letter other than "t" or "w" settles it.
  if (c === 104 || c === 119) {
    const second = text.charCodeAt(i + 1);
    return (second === 116 || second === 119) && (text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i));
  }
  if (j !== i + 1 || !(CLASS[c] & UPPER) || text.charCodeAt(j) !== 46) return false;
  const next = classAt(text, j + 1);
  return (next & BEYOND) !== 0 || ((next & UPPER) !== 0 && text.charCodeAt(j + 2) === 46);
}

/**
 * Tokens as TOKEN_PATTERN defines them, in one pass. Running the pattern at every token was the
 * slowest step of linting (about 30 MB/s before any rule ran), so words of ASCII letters, digits
 * and joiners, numbers and lone punctuation marks are read here, and the pattern runs only where it
 * could read something else (URLs, e-mail addresses, initialisms, anything beyond ASCII).
 */
export function tokenize(text: string): Token[] {
  // Sized once, above the usual one token per five or six characters, then cut to length: a
  // list grown by pushing is copied at every growth.
  const tokens = new Array<Token>((text.length >> 2) + 8);
  let count = 0;
  let prevEnd = 0;
  /**
   * End of the last run of `[\w.+-]` scanned for an "@" after it. Later tokens start inside or after
   * that run, and a run from inside it ends at the same place, so no run is scanned twice.
   */
  let localEnd = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    let end = -1;
    let kind: TokenKind = "punct";
    /** Classes seen in the token, which tell whether its norm differs from its text. */
    let seen = 0;
    if (c < 128) {
      let j = i;
      let k = classAt(text, j);
      while (k & ALNUM) {
        seen |= k;
        k = classAt(text, ++j);
      }
      // An e-mail address, the first alternative that can match here, needs an "@" after the run of
      // `[\w.+-]` at i; the pattern reads those.
      if (k & (LOCAL | AT) && j >= localEnd) {
        localEnd = j;
        while (classAt(text, localEnd) & (ALNUM | LOCAL)) localEnd++;
      }
      if (k & (LOCAL | AT) && text.charCodeAt(localEnd) === 64) {
        // perhaps an e-mail address: left to the pattern
      } else if (j === i) {
        // a lone mark, or the possessive "'s"
        const p = c === 39 ? possessive(text, i) : 0;
        if (p >= 0) end = i + 1 + p;
        if (p > 0) seen = classAt(text, i + 1);
      } else if (!(seen & LETTER)) {
        // digits with "," or "." between them; a letter right after them is the pattern's to read
        while ((text.charCodeAt(j) === 44 || text.charCodeAt(j) === 46) && classAt(text, j + 1) & DIGIT) {
          j += 2;
          while ((k = classAt(text, j)) & DIGIT) j++;
        }
        if (!(k & (LETTER | BEYOND))) {
          end = j;
          kind = "number";
        }
      } else if (!urlOrInitialism(text, i, j)) {
        // a word; a typographic joiner (beyond ASCII) makes its norm differ from its text
        let joined = joins(text, j);
        while (joined > 0) {
          seen |= classAt(text, j);
          j++;
          while ((k = classAt(text, j)) & ALNUM) {
            seen |= k;
            j++;
          }
          joined = joins(text, j);
        }
        if (joined === 0) {
          end = j;
          kind = "word";
        }
      }
    }
    if (end > 0) {
      const value = text.slice(i, end);
      const norm = seen & BEYOND ? normalize(value) : seen & UPPER ? value.toLowerCase() : value;
      tokens[count++] = { start: i, end, text: value, norm, kind, spaceBefore: i > prevEnd || i === 0 };
      prevEnd = i = end;
      continue;
    }
    TOKEN_PATTERN.lastIndex = i;
    const m = TOKEN_PATTERN.exec(text);
    if (!m) break;
    const value = m[0];
    const start = m.index;
    const url = value.length > 4 && URLISH.test(value);
    tokens[count++] = {
      start,
      end: start + value.length,
      text: value,
      norm: url ? URL_NORM : normalize(value),
      kind: url ? "punct" : kindOf(value),
      spaceBefore: start > prevEnd || start === 0,
    };
    prevEnd = i = start + value.length;
  }
  tokens.length = count;
  return tokens;
}
