import { foldedCodes } from "./regex-literals.js";

/**
 * An Aho-Corasick automaton over the required literals of the regex and line rules: one pass
 * over a block finds every place where some rule could match, whatever the number of rules.
 * Transitions are a full table (states x symbols), so reading a character is two array loads.
 */
export interface LiteralIndex {
  /** Symbol of each UTF-16 code unit, after folding (0: in no literal). */
  symbols: Uint16Array;
  width: number;
  /** Transitions; 16-bit while the automaton has fewer than 65,536 states, to stay in cache. */
  next: Uint16Array | Int32Array;
  /**
   * States where some literal ends are numbered from `firstOutput` on, so that reading a character
   * costs one comparison when nothing ends; `output[state - firstOutput]` indexes `rules`.
   */
  firstOutput: number;
  output: Int32Array;
  /** Rule numbers (into the caller's list), ascending. */
  rules: number[][];
}

/** Builds the automaton; `literals[r]` are rule r's literals, already folded. */
export function buildLiteralIndex(literals: string[][]): LiteralIndex {
  const symbolOf = new Map<number, number>();
  for (const list of literals) for (const s of list) for (let i = 0; i < s.length; i++) if (!symbolOf.has(s.charCodeAt(i))) symbolOf.set(s.charCodeAt(i), symbolOf.size + 1);
  const width = symbolOf.size + 1;
  const folded = foldedCodes();
  const symbols = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) symbols[c] = symbolOf.get(folded[c]) ?? 0;

  // The trie, with rule sets at the states where a literal ends.
  const goto: Array<Map<number, number>> = [new Map()];
  const ending: Array<Set<number>> = [new Set()];
  literals.forEach((list, rule) => {
    for (const s of list) {
      let state = 0;
      for (let i = 0; i < s.length; i++) {
        const sym = symbolOf.get(s.charCodeAt(i))!;
        let to = goto[state].get(sym);
        if (to === undefined) {
          to = goto.length;
          goto.push(new Map());
          ending.push(new Set());
          goto[state].set(sym, to);
        }
        state = to;
      }
      ending[state].add(rule);
    }
  });

  // Breadth first: fail links, full transitions, and outputs inherited along fail links.
  const next = new Int32Array(goto.length * width);
  const fail = new Int32Array(goto.length);
  const queue: number[] = [];
  for (let sym = 0; sym < width; sym++) {
    const to = goto[0].get(sym) ?? 0;
    next[sym] = to;
    if (to !== 0) queue.push(to);
  }
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q];
    for (const rule of ending[fail[state]]) ending[state].add(rule);
    for (let sym = 0; sym < width; sym++) {
      const to = goto[state].get(sym);
      if (to === undefined) next[state * width + sym] = next[fail[state] * width + sym];
      else {
        fail[to] = next[fail[state] * width + sym];
        next[state * width + sym] = to;
        queue.push(to);
      }
    }
  }
  // Renumber: states where nothing ends first, then the others.
  const order = [...goto.keys()].sort((a, b) => Number(ending[a].size > 0) - Number(ending[b].size > 0) || a - b);
  const renamed = new Int32Array(goto.length);
  order.forEach((state, i) => (renamed[state] = i));
  const firstOutput = order.findIndex((state) => ending[state].size > 0);
  const table = goto.length < 0x10000 ? new Uint16Array(next.length) : new Int32Array(next.length);
  order.forEach((state, i) => {
    for (let sym = 0; sym < width; sym++) table[i * width + sym] = renamed[next[state * width + sym]];
  });
  const rules: number[][] = [];
  const shared = new Map<string, number>();
  const output = new Int32Array(firstOutput < 0 ? 0 : goto.length - firstOutput);
  order.forEach((state, i) => {
    if (ending[state].size === 0) return;
    const list = [...ending[state]].sort((a, b) => a - b);
    const key = list.join(",");
    if (!shared.has(key)) shared.set(key, rules.push(list) - 1);
    output[i - firstOutput] = shared.get(key)!;
  });
  return { symbols, width, next: table, firstOutput: firstOutput < 0 ? goto.length : firstOutput, output, rules };
}

/** Every literal occurrence in `text`, as flat pairs: end offset (exclusive), index into `rules`. */
export function findLiterals(index: LiteralIndex, text: string): number[] {
  const { symbols, width, next, firstOutput, output } = index;
  const hits: number[] = [];
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    state = next[state * width + symbols[text.charCodeAt(i)]];
    if (state >= firstOutput) hits.push(i + 1, output[state - firstOutput]);
  }
  return hits;
}
