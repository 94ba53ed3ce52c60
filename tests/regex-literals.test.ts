import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildRuleSet, type RegexRule } from "../src/rules/compile.js";
import { buildLiteralIndex, findLiterals } from "../src/rules/literal-index.js";
import { lintText } from "../src/rules/engine.js";
import { builtinRulesetDir, parseRuleFile, readRuleFiles } from "../src/rules/load.js";
import { foldCode, requiredLiterals } from "../src/rules/regex-literals.js";
import { ROOT, SEED } from "./helpers.js";

const fold = (s: string): string => String.fromCharCode(...[...s].map((ch) => foldCode(ch.charCodeAt(0))));

describe("requiredLiterals", () => {
  it("takes the rarest run of exact pieces, case- and digit-folded", () => {
    expect(requiredLiterals("\\b([Tt])he number one")).toEqual(["the number one"]);
    expect(requiredLiterals("(\\d)[ \\u00A0\\u202F]+%")).toEqual([" %", "\u00a0%", "\u202f%"].sort());
    expect(requiredLiterals("(?<![\\d.,])([1-9]\\d{0,2})\\.(\\d{3})\\.(\\d{3})")).toEqual(["0.000.000", "00.000.000", "000.000.000"]);
  });

  it("unions the alternatives, and gives up when one of them has nothing rare", () => {
    expect(requiredLiterals("\\brevendicat(ed|es|e|ing)\\b")).toEqual(["revendicate", "revendicated", "revendicates", "revendicating"]);
    expect(requiredLiterals("«|»")).toEqual(["«", "»"]);
    expect(requiredLiterals("«|\\w+")).toBeUndefined();
  });

  it("uses what a positive look-around requires, never a negative one", () => {
    expect(requiredLiterals("\\bevolved(?= (?:at|for) the club)")).toEqual([" at the club", " for the club"]);
    expect(requiredLiterals("\\w+(?= per cent)")).toEqual([" per cent"]);
    expect(requiredLiterals("\\w+(?! per cent)")).toBeUndefined();
  });

  it("drops optional and repeated-from-zero pieces", () => {
    expect(requiredLiterals("(?:«)?[a-z]+")).toBeUndefined();
    expect(requiredLiterals("x*€")).toEqual(["€"]);
  });

  it("finds no literal in common words or in syntax it does not model", () => {
    expect(requiredLiterals("\\bthe\\b")).toBeUndefined();
    expect(requiredLiterals("(a)\\1")).toBeUndefined();
    expect(requiredLiterals("(unclosed")).toBeUndefined();
  });
});

describe("the literal index", () => {
  it("reports every occurrence, with overlapping and nested literals", () => {
    const index = buildLiteralIndex([["he"], ["she", "hers"], ["his"]]);
    const hits = findLiterals(index, "USHERS his");
    const found: Array<[number, number[]]> = [];
    for (let k = 0; k < hits.length; k += 2) found.push([hits[k], index.rules[hits[k + 1]]]);
    expect(found).toEqual([
      [4, [0, 1]],
      [6, [1]],
      [10, [2]],
    ]);
  });
});

/**
 * The engine runs a regex rule only on lines holding one of its literals, so every line on which
 * the rule's own regex matches must hold one: checked on every rule example, the corpus and the
 * seed article.
 */
describe("literals of the built-in regex and line rules", async () => {
  const raw = await readRuleFiles([builtinRulesetDir("fr-en")]);
  const ruleSet = buildRuleSet(raw.rules, raw.classes);
  const texts: string[] = [];
  for (const rule of ruleSet.rules) texts.push(...rule.raw.examples.flag.map((f) => f.text), ...rule.raw.examples.pass);
  for (const dir of ["corpus/fr-en", "corpus/fr-en-holdout"]) for (const f of readdirSync(join(ROOT, dir))) if (!f.endsWith(".yaml")) texts.push(readFileSync(join(ROOT, dir, f), "utf8"));
  if (existsSync(SEED)) texts.push(readFileSync(SEED, "utf8"));
  const lines = texts.flatMap((t) => t.split("\n"));

  it("most regex and line rules have literals", () => {
    expect(ruleSet.literalRules.length).toBeGreaterThan(ruleSet.rules.filter((r) => r.kind !== "pattern").length * 0.8);
  });

  it.each(ruleSet.literalRules.map((r): [string, RegexRule] => [r.id, r]))("%s: every matching line holds a literal", (_id, rule) => {
    const literals = requiredLiterals(rule.source)!;
    let matched = 0;
    for (const line of lines) {
      const re = new RegExp(rule.kind === "line" ? `^\\s*(?:${rule.source})\\s*$` : rule.source, rule.flags);
      if (!re.test(line)) continue;
      matched++;
      const folded = fold(line);
      expect(literals.some((l) => folded.includes(l)), `${rule.id} on ${JSON.stringify(line)}`).toBe(true);
    }
    expect(matched, `${rule.id} matched no line at all`).toBeGreaterThan(0);
  });
});

const NO_LITERALS = `
rules:
  - id: t-sentence-adverb
    category: grammar
    severity: warning
    message: A sentence adverb.
    explanation: For the test.
    regex: '\\b[A-Z][a-z]+ly\\b'
    replace: 'Indeed'
    fix: suggest
    examples:
      flag:
        - text: "Clearly it works."
          fixed: "Indeed it works."
      pass:
        - "It works."
  - id: t-chapter-line
    category: boilerplate
    severity: warning
    message: A chapter line.
    explanation: For the test.
    line: '[a-z]+ \\d+'
    replace: ''
    fix: auto
    examples:
      flag:
        - text: "chapter 12"
          fixed: ""
      pass:
        - "Chapter twelve"
`;

describe("regex and line rules with no string rare enough to look for", () => {
  it("are scanned over every block, as the literal index would have found them", async () => {
    const raw = await parseRuleFile("no-literals.yaml", NO_LITERALS);
    const ruleSet = buildRuleSet(raw.rules, raw.classes);
    expect(ruleSet.literalRules).toEqual([]);
    const found = lintText("Clearly it works.\nchapter 12\nIt works. Sadly not here.\n", ruleSet).map((f) => [f.ruleId, f.text]);
    expect(found).toEqual([
      ["t-sentence-adverb", "Clearly"],
      ["t-chapter-line", "chapter 12\n"],
      ["t-sentence-adverb", "Sadly"],
    ]);
  });
});
