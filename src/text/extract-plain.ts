import type { Block } from "../types.js";
import { VerbatimMap } from "./offset-map.js";

/**
 * The first blank line at or after `from`: a line break, spaces, tabs or carriage returns, and a
 * line break; as [index of the first break, index after the second], or undefined. Found with
 * indexOf, which skips to each line break faster than a regular expression scans to it.
 */
export function blankLineFrom(text: string, from: number): [number, number] | undefined {
  for (let i = text.indexOf("\n", from); i >= 0; i = text.indexOf("\n", i + 1)) {
    let j = i + 1;
    for (let c = text.charCodeAt(j); c === 32 || c === 9 || c === 13; c = text.charCodeAt(++j));
    if (text.charCodeAt(j) === 10) return [i, j + 1];
  }
  return undefined;
}

/** Plain text: one block per paragraph (text between blank lines), copied verbatim. */
export function* plainBlocks(text: string, base = 0): Generator<Block> {
  let start = 0;
  for (;;) {
    const blank = blankLineFrom(text, start);
    const end = blank ? blank[0] : text.length;
    const piece = text.slice(start, end);
    if (piece.trim()) yield { text: piece, map: new VerbatimMap(base + start) };
    if (!blank) return;
    // The second line break may open the next blank line.
    start = blank[1] - 1;
  }
}
