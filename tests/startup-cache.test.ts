/** The compiled built-in rule set that the build writes (dist/rulesets/fr.compiled.bin) lints as a freshly compiled one. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { checkSource } from "../src/linter.js";
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
