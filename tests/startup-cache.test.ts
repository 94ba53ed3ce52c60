/** The compiled built-in rule set that the build writes (dist/rulesets/fr.compiled.bin) lints as a freshly compiled one. */
import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { checkSource, loadRules } from "../src/linter.js";
import { loadBuiltinRaw, shareEqualParts } from "../src/rules/load.js";
import { buildRuleSet } from "../src/rules/compile.js";
import { decodeSource } from "../src/text/source.js";
import { ROOT } from "./helpers.js";

describe("the compiled rule-set cache", () => {
  it("reads back, shared parts and all, to a set that finds the same on the corpus", async () => {
    const { raw } = await loadBuiltinRaw("fr");
    // As the build does: the rules as start-up reads them from the JSON cache.
    const { rules, classes } = JSON.parse(JSON.stringify(raw)) as typeof raw;
    const fresh = buildRuleSet(rules, classes);
    const cached = deserialize(serialize(shareEqualParts(buildRuleSet(rules, classes)))) as typeof fresh;
    expect(cached.rules.map((r) => r.id)).toEqual(fresh.rules.map((r) => r.id));
    const dir = join(ROOT, "corpus", "fr-en");
    const names = readdirSync(dir).filter((n) => /^\d.*\.(txt|md|html)$/.test(n));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const bytes = readFileSync(join(dir, name));
      const type = name.endsWith(".md") ? "markdown" : name.endsWith(".html") ? "html" : "text";
      const source = decodeSource(name, bytes, type);
      expect(checkSource(source, cached).findings).toEqual(checkSource(source, fresh).findings);
    }
  });
});

describe("shareEqualParts", () => {
  it("shares equal plain parts, keeps arrays of other lengths apart, and compares anything else by identity", () => {
    const re = /x/g;
    const map = new Map([["a", 1]]);
    const sparse = (length: number): unknown[] => {
      const a = new Array<unknown>(length);
      a[1] = "v";
      return a;
    };
    const root = shareEqualParts({
      a: { n: 1, list: [1, 2] },
      b: { n: 1, list: [1, 2] },
      short: sparse(2),
      long: sparse(4),
      holdersOfOne: [{ re, map }, { re, map }],
      holdersOfTwo: [{ re: /x/g }, { re: /x/g }],
    });
    expect(root.a).toBe(root.b);
    expect(root.short).not.toBe(root.long);
    expect(root.short).toHaveLength(2);
    expect(root.long).toHaveLength(4);
    expect(root.holdersOfOne[0]).toBe(root.holdersOfOne[1]);
    expect(root.holdersOfTwo[0]).not.toBe(root.holdersOfTwo[1]);
  });
});

describe("the compiled cache of user rules", () => {
  it("is written once the rules pass their examples, read back next time, and missed when a file changes", async () => {
    const folder = mkdtempSync(join(tmpdir(), "mtlint-cache-"));
    const saved = process.env.MTLINT_CACHE_DIR;
    process.env.MTLINT_CACHE_DIR = join(folder, "cache");
    try {
      const rules = join(folder, "rules.yaml");
      copyFileSync(join(ROOT, "tests", "fixtures", "core", "rules.yaml"), rules);
      const compiledFiles = (): string[] => readdirSync(join(folder, "cache")).filter((f) => f.endsWith(".compiled.bin"));
      const first = await loadRules({ ruleFiles: [rules] });
      expect(compiledFiles()).toHaveLength(1);
      const again = await loadRules({ ruleFiles: [rules] });
      expect(again.rules.map((r) => r.id)).toEqual(first.rules.map((r) => r.id));
      const text = readFileSync(join(ROOT, "corpus", "fr-en", "01-example-state-visit.txt"), "utf8");
      const source = { path: "a.txt", text, bom: false, type: "text" as const };
      expect(checkSource(source, again).findings).toEqual(checkSource(source, first).findings);
      // What the next load returns is what the file holds: swapped for an empty set under the same key.
      const file = join(folder, "cache", compiledFiles()[0]);
      const key = readFileSync(file).subarray(0, 64);
      writeFileSync(file, Buffer.concat([key, serialize(buildRuleSet([], {}))]));
      expect((await loadRules({ ruleFiles: [rules] })).rules).toEqual([]);
      appendFileSync(rules, "\n# changed\n");
      await loadRules({ ruleFiles: [rules] });
      expect(compiledFiles()).toHaveLength(2);
    } finally {
      if (saved === undefined) delete process.env.MTLINT_CACHE_DIR;
      else process.env.MTLINT_CACHE_DIR = saved;
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
