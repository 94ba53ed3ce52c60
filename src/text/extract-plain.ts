import type { Block } from "../types.js";
import { VerbatimMap } from "./offset-map.js";

/** Plain text: one block per paragraph (text between blank lines), copied verbatim. */
export function* plainBlocks(text: string, base = 0): Generator<Block> {
  const blankLine = /\n[ \t\r]*\n/g;
  let start = 0;
  for (;;) {
    const m = blankLine.exec(text);
    const end = m ? m.index : text.length;
    const piece = text.slice(start, end);
    if (piece.trim()) yield { text: piece, map: new VerbatimMap(base + start) };
    if (!m) return;
    start = m.index + m[0].length - 1;
    blankLine.lastIndex = start;
  }
}
