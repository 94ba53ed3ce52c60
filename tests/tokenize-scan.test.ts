import { describe, expect, it } from "vitest";
import { normalize, tokenize, TOKEN_PATTERN, URL_NORM } from "../src/text/tokenize.js";

type Row = [number, number, string, string, string, boolean];

/** Tokens read by TOKEN_PATTERN alone, the definition that tokenize's ASCII fast path must follow. */
function byPattern(text: string): Row[] {
  const re = new RegExp(TOKEN_PATTERN.source, TOKEN_PATTERN.flags);
  const out: Row[] = [];
  let prevEnd = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const url = m[0].length > 4 && /^(?:https?:|www\.)|@/.test(m[0]);
    const kind = url ? "punct" : /^\p{N}/u.test(m[0]) && !/\p{L}/u.test(m[0]) ? "number" : /^[\p{L}\p{M}\p{N}]/u.test(m[0]) ? "word" : "punct";
    out.push([m.index, m.index + m[0].length, m[0], url ? URL_NORM : normalize(m[0]), kind, m.index > prevEnd || m.index === 0]);
    prevEnd = m.index + m[0].length;
  }
  return out;
}

const PIECES = [
  "a", "Z", "U", "s", "S", "h", "w", "é", "3", "٣", ".", ",", "'", "’", "-", "‑", "@", "_", "+", ":", "/", " ", "\n", "\t",
  "\u00a0", "\u0301", "http://", "https://x", "www.", "http", "www", "U.S.", "M.", "'s", "'S", "’s", "3,5", "1,000.50",
  "a@b.fr", "(", "”", "“", "…", "«", "—", "‘", "Ab", "NATO", "x", "9", "3a", "2nd", "e-mail", "O'Neil", "l’État", "É", "É.", "don't",
  "don’t", "Jong‑un", "‑s", "a_b", "x.y",
];

describe("tokenize", () => {
  it("reads exactly what TOKEN_PATTERN defines, on random strings of tricky pieces", () => {
    let seed = 1;
    // an LCG modulo 2^32 in integer arithmetic (in doubles, seed * 1103515245 loses its low bits and the sequence cycles early)
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 10000; n++) {
      let text = "";
      const length = 1 + Math.floor(rnd() * 12);
      for (let k = 0; k < length; k++) text += PIECES[Math.floor(rnd() * PIECES.length)];
      const fast = tokenize(text).map((t): Row => [t.start, t.end, t.text, t.norm, t.kind, t.spaceBefore]);
      expect(fast, JSON.stringify(text)).toEqual(byPattern(text));
    }
  });

  it("marks tokens that follow whitespace", () => {
    expect(tokenize("Hello, world").map((t) => t.spaceBefore)).toEqual([true, false, true]);
  });
});
