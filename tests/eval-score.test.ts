import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { compileRuleSet } from "../src/linter.js";
import { readRuleFiles } from "../src/rules/load.js";
import { evaluateCorpus } from "../src/eval/corpus.js";
import { findOccurrence, loadGold, loadGoldDir } from "../src/eval/gold.js";
import { fixIsRight, overlap } from "../src/eval/score.js";
import { formatCorpusJson } from "../src/eval/report.js";
import type { Finding } from "../src/types.js";
import { ROOT } from "./helpers.js";

// The scorer is proven on a fixture corpus with fixture rules only (examples verified), so that
// these figures do not move while the built-in rules are being written.
const FIXTURES = join(ROOT, "tests", "fixtures", "eval");
const CORPUS = join(FIXTURES, "corpus");
const ruleSet = compileRuleSet(await readRuleFiles([join(FIXTURES, "rules.yaml")]), true);
const articles = await loadGoldDir(CORPUS);

function finding(offset: number, length: number, text: string, suggestion: string): Finding {
  return { ruleId: "t", category: "calque", severity: "warning", message: "", explanation: "", offset, length, text, suggestions: [suggestion], fix: "suggest", specificity: 0 };
}

describe("gold files", () => {
  it("counts occurrences case-sensitively, 1-based, overlapping ones included", () => {
    expect(findOccurrence("aaa", "aa", 1)).toBe(0);
    expect(findOccurrence("aaa", "aa", 2)).toBe(1);
    expect(findOccurrence("aaa", "aa", 3)).toBe(-1);
    expect(findOccurrence("Made made", "made", 1)).toBe(5);
  });

  it("resolves each quote to its occurrence in the file text", () => {
    const news = articles.find((a) => a.source.path.endsWith("a-news.txt"))!;
    const blessed = news.errors.find((e) => e.quote === "blessed")!;
    const trap = news.traps[0];
    expect(news.source.text.slice(blessed.offset, blessed.offset + blessed.length)).toBe("blessed");
    expect(trap.offset).toBe(news.source.text.indexOf("blessed"));
    expect(blessed.offset).toBe(news.source.text.indexOf("blessed", trap.offset + 1));
  });

  it("counts occurrences in the HTML source, markup and script included, entities as written", () => {
    const page = articles.find((a) => a.source.path.endsWith("b-page.html"))!;
    const euro = page.errors[0];
    expect(euro.quote).toBe("1,80&nbsp;&euro;");
    // Occurrence 1 is inside <script>; occurrence 2 is the prose on line 5.
    expect(page.source.text.slice(0, euro.offset).split("\n").length).toBe(5);
  });

  it("rejects a quote that is not in the article, naming the gold file and line", async () => {
    await expect(loadGold(join(FIXTURES, "bad", "x.gold.yaml"))).rejects.toThrow(/x\.gold\.yaml:8: quote "The summit" occurrence 1 is not in x\.txt/);
  });
});

describe("matching", () => {
  it("counts shared code units; an empty finding (an insertion) counts as one", () => {
    expect(overlap({ offset: 0, length: 5 }, { offset: 4, length: 3 })).toBe(1);
    expect(overlap({ offset: 0, length: 4 }, { offset: 4, length: 3 })).toBe(0);
    expect(overlap({ offset: 5, length: 0 }, { offset: 4, length: 3 })).toBe(1);
  });

  it("judges the fix over the union of the finding and the quote", () => {
    const text = "It will cost 3,5 billion euros.";
    const error = { quote: "3,5 billion", occurrence: 1, offset: 13, length: 11, category: "typography" as const, tier: "core" as const, fixes: ["3.5 billion"] };
    expect(fixIsRight(text, "text", [finding(13, 3, "3,5", "3.5")], error)).toBe(true);
    expect(fixIsRight(text, "text", [finding(13, 3, "3,5", "3 .5")], error)).toBe(false);
    // A finding wider than the quote: the words around the quote must come out unchanged.
    expect(fixIsRight(text, "text", [finding(8, 16, "cost 3,5 billion", "cost 3.5 billion")], error)).toBe(true);
    expect(fixIsRight(text, "text", [finding(8, 16, "cost 3,5 billion", "costs 3.5 billion")], error)).toBe(false);
  });

  it("applies the findings on one quote together, as fix would", () => {
    const text = "Prices rose 1,9% on one year.";
    const offset = text.indexOf("1,9");
    const error = { quote: "1,9% on one year", occurrence: 1, offset, length: 16, category: "typography" as const, tier: "core" as const, fixes: ["1.9% year on year"] };
    const comma = finding(offset, 3, "1,9", "1.9");
    const year = finding(offset + 5, 11, "on one year", "year on year");
    expect(fixIsRight(text, "text", [comma, year], error)).toBe(true);
    expect(fixIsRight(text, "text", [comma], error)).toBe(false);
    expect(fixIsRight(text, "text", [year], error)).toBe(false);
  });

  it("compares HTML fixes with entities decoded", () => {
    const text = "<p>under 1,80&nbsp;&euro; today</p>";
    const offset = text.indexOf("1,80");
    const error = { quote: "1,80&nbsp;&euro;", occurrence: 1, offset, length: 16, category: "typography" as const, tier: "core" as const, fixes: ["&euro;1.80"] };
    expect(fixIsRight(text, "html", [finding(offset, 16, "1,80&nbsp;&euro;", "€1.80")], error)).toBe(true);
    expect(fixIsRight(text, "text", [finding(offset, 16, "1,80&nbsp;&euro;", "€1.80")], error)).toBe(false);
  });
});

describe("corpus scores (fixture corpus, fixture rules)", () => {
  it("scores every verdict kind at warning and above", () => {
    const score = evaluateCorpus(articles, ruleSet, "warning");
    const { overall } = score;
    expect(overall).toMatchObject({ errors_core: 8, found_core: 7, errors_all: 9, found_all: 7, findings: 10, right: 7, fixes_right: 5, trap_hits: 2 });
    expect(overall.recall_core).toBeCloseTo(7 / 8);
    expect(overall.recall_all).toBeCloseTo(7 / 9);
    expect(overall.precision).toBeCloseTo(7 / 10);
    expect(overall.fix_accuracy).toBeCloseTo(5 / 7);
  });

  it("counts recall by gold category, and precision, fixes and trap hits by the rule's category", () => {
    const { categories } = evaluateCorpus(articles, ruleSet, "warning");
    // fx-cafe (untranslated) only hits a trap: no gold error of that category, precision 0.
    expect(categories.untranslated).toMatchObject({ errors_all: 0, recall_all: null, findings: 1, precision: 0, trap_hits: 1 });
    // fx-made-in: right but with a wrong fix on the error, and one unlisted finding.
    expect(categories.calque).toMatchObject({ errors_core: 2, found_core: 2, findings: 3, right: 2, fixes_right: 1 });
    // Both euro amounts are found; the one whose gold wants "euros" spelled out has a wrong fix.
    expect(categories.typography).toMatchObject({ found_all: 3, right: 3, fixes_right: 2 });
    // A whole-line deletion (newline included) matches the gold's [""] for the line.
    expect(categories.boilerplate).toMatchObject({ right: 1, fixes_right: 1 });
    expect(Object.keys(categories)).toEqual(["false-friend", "calque", "typography", "boilerplate", "untranslated"]);
  });

  it("counts info findings only when asked", () => {
    const { overall } = evaluateCorpus(articles, ruleSet, "info");
    expect(overall).toMatchObject({ found_core: 8, findings: 11, right: 8, fixes_right: 6 });
  });

  it("lists trap hits with file and line, and the rest with --verbose", () => {
    const report = JSON.parse(formatCorpusJson(evaluateCorpus(articles, ruleSet, "warning"), "warning", true));
    const where = (items: { path: string; line: number }[]): string[] => items.map((i) => `${i.path.split("/").pop()}:${i.line}`);
    expect(where(report.trap_hit_list)).toEqual(["a-news.txt:2", "b-page.html:5"]);
    expect(where(report.missed)).toEqual(["a-news.txt:4", "a-news.txt:5"]);
    expect(where(report.unlisted)).toEqual(["a-news.txt:5"]);
    expect(where(report.wrong_fixes)).toEqual(["a-news.txt:4", "b-page.html:6"]);
  });
});
