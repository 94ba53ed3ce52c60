import type { Sentence, Token } from "../types.js";

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "st", "m", "mm", "mme", "mmes", "mlle", "me", "pr", "prof", "gen", "col",
  "lt", "sgt", "capt", "gov", "sen", "rep", "jr", "sr", "no", "nos", "vs", "etc", "inc", "corp", "co",
  "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig",
  "approx", "dept", "est", "min", "max", "vol", "p", "pp", "ed", "cf", "e.g", "i.e", "al",
]);
const TERMINAL = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(['"', "”", "’", "'", ")", "]", "»"]);

function startsUpper(token: Token): boolean {
  const c = token.text[0];
  return c !== c.toLowerCase() || token.kind === "number" || /^["“«‘(\[–—-]/.test(token.text);
}

/** Whether text[from, to) holds a line break, without copying it (this runs between every two tokens). */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
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
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    let end = -1;
    if (TERMINAL.has(token.text)) {
      let j = i + 1;
      while (j < tokens.length && CLOSERS.has(tokens[j].text) && !tokens[j].spaceBefore) j++;
      const next = tokens[j];
      const prev = tokens[i - 1];
      const abbreviation =
        token.text === "." && prev !== undefined && prev.kind === "word" &&
        (ABBREVIATIONS.has(prev.norm) || (prev.text.length === 1 && prev.text !== prev.norm));
      if (!next || (startsUpper(next) && !abbreviation)) end = j;
    } else {
      const next = tokens[i + 1];
      if (next && hasNewline(text, token.end, next.start) && !/^[,;:(–—-]$/.test(token.text) && startsUpper(next)) {
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
