import { describe, expect, it } from "vitest";
import { buildRuleSet } from "../src/rules/compile.js";
import { builtinRulesetDir, readRuleFiles } from "../src/rules/load.js";
import { checkFlagExample, checkPassExample, soloRuleSet } from "../src/rules/verify.js";

// One test per example of every built-in rule, generated from the rule files.
const raw = await readRuleFiles([builtinRulesetDir("fr-en")]);
const ruleSet = buildRuleSet(raw.rules, raw.classes);

describe("built-in fr-en rules", () => {
  it("every token rule has a literal anchor (matching stays one pass)", () => {
    expect(ruleSet.unanchored.map((a) => a.rule.id)).toEqual([]);
  });

  it("no rule has duplicate examples", () => {
    for (const rule of ruleSet.rules) {
      const texts = [...rule.raw.examples.flag.map((f) => f.text), ...rule.raw.examples.pass];
      expect(new Set(texts).size, rule.id).toBe(texts.length);
    }
  });
});

for (const rule of ruleSet.rules) {
  describe(`${rule.id} (${rule.raw.file}:${rule.raw.lineNumber})`, () => {
    const solo = soloRuleSet(rule, ruleSet.classes);
    for (const { text, fixed } of rule.raw.examples.flag) {
      it(`flags: ${text}`, () => expect(checkFlagExample(solo, text, fixed)).toBeUndefined());
    }
    for (const text of rule.raw.examples.pass) {
      it(`passes: ${text}`, () => expect(checkPassExample(solo, text)).toBeUndefined());
    }
  });
}
