import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { compileRuleSet } from "../src/linter.js";
import { readRuleFiles } from "../src/rules/load.js";
import { buildDocuments, getField, readJsonl } from "../src/eval/jsonl.js";
import { scoreRealData, seededRandom } from "../src/eval/realdata.js";
import { formatRealText } from "../src/eval/report.js";
import { ROOT } from "./helpers.js";

const FIXTURES = join(ROOT, "tests", "fixtures", "eval");
const JSONL = join(FIXTURES, "segments.jsonl");
const ruleSet = compileRuleSet(await readRuleFiles([join(FIXTURES, "rules.yaml")]), true);
const records = readJsonl(JSONL);
const FIELD = "mt.sys.v2";

describe("JSONL input", () => {
  it("follows dotted paths whose keys hold dots themselves", () => {
    expect(getField({ mt: { "sys.v2": "x" } }, "mt.sys.v2")).toBe("x");
    expect(getField({ a: { b: { c: 1 } } }, "a.b.c")).toBe(1);
    expect(getField({ a: 1 }, "a.b")).toBeUndefined();
  });

  it("joins the segments of a document with newlines and leaves out records without the text", () => {
    const docs = buildDocuments(records, FIELD, "doc", JSONL);
    expect(docs.map((d) => d.id)).toEqual(["d1", "d2"]);
    expect(docs[0].text).toBe("Depending on the police, two were hurt.\nThe three blessed left.");
    expect(docs[1].records.map((r) => r.id)).toEqual(["s3"]);
  });
});

describe("real-data scores (fixture rules)", () => {
  const docs = buildDocuments(records, FIELD, "doc", JSONL);

  it("confirms a flag whose text the post-edit dropped, and its fix when the post-edit has the replacement", () => {
    const score = scoreRealData(docs, ruleSet, { field: FIELD, checkFields: ["postedit"], min: "warning", seed: 1 });
    expect(score).toMatchObject({ documents: 2, segments: 3, words: 14 });
    // Three flags; the one in a segment without a post-edit cannot be checked.
    expect(score.overall).toMatchObject({ flags: 3, checked: 2, confirmed: 1, fixes_confirmed: 1 });
    expect(score.rules["fx-depending-police"]).toMatchObject({ flags: 1, confirmed: 1, fixes_confirmed: 1 });
    expect(score.rules["fx-blessed"]).toMatchObject({ flags: 2, checked: 1, confirmed: 0 });
    // Baseline: 5 spans per checked flag; every span of segment 1 is gone from its post-edit,
    // every span of segment 2 is kept (the post-edit is identical).
    expect(score.overall).toMatchObject({ baseline_draws: 10, baseline_confirmed: 5 });
  });

  it("confirms a flag that either human version changed (the post-editor or the translator)", () => {
    const doc = { id: "x", text: "The three blessed left.", records: [{ id: "r", postedit: "The three blessed left.", reference: "The three injured left." }] };
    const keptByBoth = scoreRealData([{ ...doc, records: [{ ...doc.records[0], reference: doc.text }] }], ruleSet, { field: FIELD, checkFields: ["postedit", "reference"], min: "warning", seed: 1 });
    const changedByOne = scoreRealData([doc], ruleSet, { field: FIELD, checkFields: ["postedit", "reference"], min: "warning", seed: 1 });
    expect(keptByBoth.overall).toMatchObject({ flags: 1, checked: 1, confirmed: 0 });
    expect(changedByOne.overall).toMatchObject({ flags: 1, checked: 1, confirmed: 1, fixes_confirmed: 1 });
  });

  it("draws the same baseline for the same seed", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const draws = (r: () => number): number[] => [r(), r(), r()];
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("only counts flags on fluent text (no check field)", () => {
    const score = scoreRealData(docs, ruleSet, { field: FIELD, checkFields: [], min: "warning", seed: 1 });
    expect(score.overall).toMatchObject({ flags: 3, checked: 0, baseline_draws: 0 });
  });

  it("prints confirmation columns only when flags were checked against human text", () => {
    const checked = formatRealText([scoreRealData(docs, ruleSet, { field: FIELD, checkFields: ["postedit"], min: "warning", seed: 1 })], JSONL, "warning");
    expect(checked).toContain("| mt.sys.v2 | postedit | 2 | 3 | 14 | 3 | 214.29 | 2142.86 | 50.0% (1/2) | 50.0% (5/10) | 50.0% (1/2) |");
    const fluent = formatRealText([scoreRealData(docs, ruleSet, { field: FIELD, checkFields: [], min: "warning", seed: 1 })], JSONL, "warning");
    expect(fluent).toContain("| text field | documents | segments | words | flags | per 1,000 words | per 10,000 words |\n");
    expect(fluent).toContain("| fx-blessed | 2 | 142.86 | 1428.57 |\n");
  });
});
