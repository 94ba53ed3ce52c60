import { describe, expect, it } from "vitest";
import { normalize, tokenize, TOKEN_PATTERN, URL_NORM } from "../src/text/tokenize.js";

/** Tokens read by TOKEN_PATTERN alone, the definition that tokenize's ASCII fast path must follow. */
function byPattern(text: string): Array<[number, string, string, string]> {
  const re = new RegExp(TOKEN_PATTERN.source, TOKEN_PATTERN.flags);
  const out: Array<[number, string, string, string]> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const url = m[0].length > 4 && /^(?:https?:|www\.)|@/.test(m[0]);
    const kind = url ? "punct" : /^\p{N}/u.test(m[0]) && !/\p{L}/u.test(m[0]) ? "number" : /^[\p{L}\p{M}\p{N}]/u.test(m[0]) ? "word" : "punct";
    out.push([m.index, m[0], url ? URL_NORM : normalize(m[0]), kind]);
  }
  return out;
}

const PIECES = ["a", "Z", "U", "s", "S", "h", "w", "é", "3", "٣", ".", ",", "'", "’", "-", "‑", "@", "_", "+", ":", "/", " ", "\n", "\u00a0", "\u0301", "http://", "https://x", "www.", "U.S.", "'s", "3,5", "a@b.fr", "(", "”"];

describe("tokenize", () => {
  it("reads exactly what TOKEN_PATTERN defines, on random strings of tricky pieces", () => {
    let seed = 1;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 3000; n++) {
      let text = "";
      const length = 1 + Math.floor(rnd() * 12);
      for (let k = 0; k < length; k++) text += PIECES[Math.floor(rnd() * PIECES.length)];
      const fast = tokenize(text).map((t) => [t.start, t.text, t.norm, t.kind]);
      expect(fast, JSON.stringify(text)).toEqual(byPattern(text));
    }
  });

  it("marks tokens that follow whitespace", () => {
    expect(tokenize("Hello, world").map((t) => t.spaceBefore)).toEqual([true, false, true]);
  });
});
