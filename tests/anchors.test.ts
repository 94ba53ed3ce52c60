import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { buildRuleSet, tokenFrequency, type AnchorNode } from "../src/rules/compile.js";
import { lookUp, tokenTable, type TokenTable } from "../src/rules/token-table.js";
import { seededRandom } from "../src/eval/realdata.js";
import type { RawRule } from "../src/rules/raw.js";
import { frequencyModule, FREQUENCIES_MODULE } from "./tools/word-frequencies.js";
import { SHARED, sharedAvailable } from "./helpers.js";

describe("tokenTable", () => {
  const random = seededRandom(11);
  const word = (): string => Array.from({ length: 1 + Math.floor(random() * 9) }, () => "abcdefghijklmnopqrstuvwxyz'-,é’"[Math.floor(random() * 31)]).join("");
  const keys = new Map<string, number>();
  while (keys.size < 5000) keys.set(word(), keys.size);

  it("finds every key it holds and nothing else", () => {
    const table = tokenTable(keys);
    expect(table.size).toBe(5000);
    for (const [key, value] of keys) expect(lookUp(table, key)).toBe(value);
    let absent = 0;
    for (let i = 0; i < 5000; i++) {
      const w = word() + "~";
      absent += lookUp(table, w) === undefined ? 1 : 0;
    }
    expect(absent).toBe(5000);
    expect(lookUp(tokenTable(new Map()), "the")).toBeUndefined();
  });

  it("survives V8's serializer, as the compiled rule set stores it", () => {
    const copy = deserialize(serialize(tokenTable(keys))) as TokenTable<number>;
    for (const [key, value] of keys) expect(lookUp(copy, key)).toBe(value);
  });
});

describe("anchors", () => {
  const rule = (id: string, pattern: string): RawRule =>
    ({ id, category: "calque", severity: "warning", message: "m", explanation: "e", pattern, replace: "x", fix: "suggest", examples: { flag: [], pass: [] } }) as unknown as RawRule;
  const paths = (table: TokenTable<AnchorNode>, prefix: string[] = []): string[] => {
    const out: string[] = [];
    table.keys.forEach((key, slot) => {
      if (table.hashes[slot] === 0) return;
      const node = table.values[slot];
      if (node.anchors.length > 0) out.push([...prefix, key].join(" "));
      if (node.next) out.push(...paths(node.next, [...prefix, key]));
    });
    return out.sort();
  };

  it("go on the rarest words of English news, by measured frequency", () => {
    // "years" and "said" are frequent in news, though neither is among the commonest words.
    expect(tokenFrequency("years")).toBeGreaterThan(100);
    expect(tokenFrequency("said")).toBeGreaterThan(100);
    expect(tokenFrequency("sursis")).toBeLessThan(20);
    const set = buildRuleSet([rule("sursis", "(years|months) [with sursis]"), rule("source", "said [reportedly] by")], {});
    expect(paths(set.anchors)).toEqual(["reportedly by", "sursis"]);
  });

  it("come from a frequency table that `npm run frequencies` writes from ../shared/data as committed", () => {
    if (!sharedAvailable("data")) return;
    expect(existsSync(join(SHARED, "data", "lig-fr-en.dev.jsonl"))).toBe(true);
    expect(frequencyModule()).toBe(readFileSync(FREQUENCIES_MODULE, "utf8"));
  });
});
