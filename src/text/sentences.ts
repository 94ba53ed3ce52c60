import type { Sentence, Token } from "../types.js";

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "st", "m", "mm", "mme", "mmes", "mlle", "me", "pr", "prof", "gen", "col",
  "lt", "sgt", "capt", "gov", "sen", "rep", "jr", "sr", "no", "nos", "vs", "etc", "inc", "corp", "co",
  "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig",
  "approx", "dept", "est", "min", "max", "vol", "p", "pp", "ed", "cf", "e.g", "i.e", "al",
]);

/** Whether a token is a mark that may end a sentence: ".", "!", "?" or "…". Char codes, not a Set: this runs at every token. */
function isTerminal(text: string): boolean {
  if (text.length !== 1) return false;
  const c = text.charCodeAt(0);
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** Whether a token is a closing quote or bracket that may follow a terminal mark: " ” ’ ' ) ] » */
function isCloser(text: string): boolean {
  if (text.length !== 1) return false;
  const c = text.charCodeAt(0);
  return c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93 || c === 0xbb;
}

/** Whether a token may start a sentence: a capital, a number, or an opening quote, bracket or dash: " “ « ‘ ( [ – — - */
function startsUpper(token: Token): boolean {
  if (token.kind === "number") return true;
  const c = token.text.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || c === 34 || c === 40 || c === 45 || c === 91;
  if (c === 0x201c || c === 0xab || c === 0x2018 || c === 0x2013 || c === 0x2014) return true;
  const first = token.text[0];
  return first !== first.toLowerCase();
}

/** The first line break in text at or after `from`, or text.length. */
function lineBreakFrom(text: string, from: number): number {
  const at = text.indexOf("\n", from);
  return at < 0 ? text.length : at;
}

/**
 * Sentences over a block's tokens: a terminal mark (plus closing quotes) followed by a capital,
 * a digit or an opening quote, unless the mark follows a known abbreviation or an initial. A line
 * break ends a sentence when the line before it ends without a comma-like mark and the next line
 * starts with a capital (headings, list lines, form labels).
 */
export function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  /** The first line break after the current token: found once per line rather than looked for between every two tokens. */
  let lineBreak = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    let end = -1;
    if (isTerminal(token.text)) {
      let j = i + 1;
      while (j < tokens.length && isCloser(tokens[j].text) && !tokens[j].spaceBefore) j++;
      const next = tokens[j];
      const prev = tokens[i - 1];
      const abbreviation =
        token.text === "." && prev !== undefined && prev.kind === "word" &&
        (ABBREVIATIONS.has(prev.norm) || (prev.text.length === 1 && prev.text !== prev.norm));
      if (!next || (startsUpper(next) && !abbreviation)) end = j;
    } else {
      const next = tokens[i + 1];
      if (lineBreak < token.end) lineBreak = lineBreakFrom(text, token.end);
      if (next && lineBreak < next.start && !/^[,;:(–—-]$/.test(token.text) && startsUpper(next)) {
        end = i + 1;
      }
    }
    if (end > start) {
      sentences.push({ start, end });
      start = end;
      i = end - 1;
    }
  }
  if (start < tokens.length) sentences.push({ start, end: tokens.length });
  return sentences;
}
