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

/**
 * Where the last blank line whose first line break is at or after `from` ends: the index of its
 * second line break (where plainBlocks starts the next block), or -1. Read backwards from the end.
 */
export function lastBlankLineEnd(text: string, from: number): number {
  for (let q = text.lastIndexOf("\n"); q > from; ) {
    let p = q - 1;
    for (let c = text.charCodeAt(p); c === 32 || c === 9 || c === 13; c = text.charCodeAt(--p));
    if (p >= from && text.charCodeAt(p) === 10) return q;
    q = text.lastIndexOf("\n", p);
  }
  return -1;
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
