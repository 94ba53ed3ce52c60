/**
 * A hash table from token norms to values, for the anchor trie, which is looked up at every token
 * of the text. V8's Map first hashes each freshly sliced token string in the engine and then
 * probes a general-purpose table; here the hash is a short loop over the norm's char codes and a
 * probe compares integers before it compares strings. Plain data (no class), so that the compiled
 * rule set can be serialized with it.
 */
export interface TokenTable<T> {
  size: number;
  mask: number;
  /** FNV-1a hash of each slot's key, odd; 0 for an empty slot. */
  hashes: Int32Array;
  keys: string[];
  values: T[];
}

function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 1;
}

/** A table holding `entries`, at most half full so that probes stay short. */
export function tokenTable<T>(entries: Map<string, T>): TokenTable<T> {
  let capacity = 2;
  while (capacity < entries.size * 2) capacity *= 2;
  const table: TokenTable<T> = { size: entries.size, mask: capacity - 1, hashes: new Int32Array(capacity), keys: new Array<string>(capacity).fill(""), values: new Array<T>(capacity) };
  for (const [key, value] of entries) {
    const hash = hashOf(key);
    let slot = hash & table.mask;
    while (table.hashes[slot] !== 0) slot = (slot + 1) & table.mask;
    table.hashes[slot] = hash;
    table.keys[slot] = key;
    table.values[slot] = value;
  }
  return table;
}

export function lookUp<T>(table: TokenTable<T>, key: string): T | undefined {
  const hash = hashOf(key);
  for (let slot = hash & table.mask; ; slot = (slot + 1) & table.mask) {
    const h = table.hashes[slot];
    if (h === 0) return undefined;
    if (h === hash && table.keys[slot] === key) return table.values[slot];
  }
}
