import { describe, expect, it } from "vitest";
import { formatRdjson, formatRdjsonl } from "../src/report/rdjson.js";
import { ciRules, resultFor, schemaValidator } from "./ci-helpers.js";
import { sharedAvailable } from "./helpers.js";

const ruleSet = await ciRules();
// Before the finding: "Le café 😀 said, " is 16 UTF-16 units but 19 UTF-8 bytes (é 2 bytes, 😀 4).
const text = "Intro line.\nLe café 😀 said, depending on the police, he is actually here.\n";
const results = [resultFor(ruleSet, "docs/é.txt", text)];
const schemas = sharedAvailable("schemas/reviewdog-rdf/Diagnostic.json");

describe("rdjsonl", () => {
  const lines = formatRdjsonl(results).trimEnd().split("\n").map((l) => JSON.parse(l));

  it.runIf(schemas)("every line validates against reviewdog's Diagnostic schema", () => {
    const validate = schemaValidator("reviewdog-rdf/Diagnostic.json");
    for (const line of lines) expect(validate(line), JSON.stringify(validate.errors)).toBe(true);
  });

  it("counts columns in UTF-8 bytes and carries the suggestions on the finding's range", () => {
    expect(lines).toHaveLength(2);
    const range = { start: { line: 2, column: 21 }, end: { line: 2, column: 33 } };
    expect(lines[0]).toEqual({
      message: '"depending on" before a source means "according to".\nFrench "selon" before a source of information is "according to".',
      location: { path: "docs/é.txt", range },
      severity: "ERROR",
      source: { name: "mtlint", url: "https://www.npmjs.com/package/mtlint" },
      code: { value: "ci-depending-on" },
      suggestions: [{ range, text: "according to" }],
      original_output: "depending on",
    });
    expect(lines[1].severity).toBe("WARNING");
    expect(lines[1].suggestions.map((s: { text: string }) => s.text)).toEqual(["is currently", "is at present"]);
  });

  it("the byte range cuts exactly the finding's text out of the line", () => {
    const bytes = Buffer.from(text.split("\n")[1], "utf8");
    const { start, end } = lines[0].location.range;
    expect(bytes.subarray(start.column - 1, end.column - 1).toString("utf8")).toBe("depending on");
  });
});

describe("rdjson", () => {
  const doc = JSON.parse(formatRdjson(results));

  it.runIf(schemas)("validates against reviewdog's DiagnosticResult schema", () => {
    const validate = schemaValidator("reviewdog-rdf/DiagnosticResult.json");
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it("holds the same diagnostics as rdjsonl under one source", () => {
    expect(doc.source.name).toBe("mtlint");
    expect(doc.diagnostics).toEqual(formatRdjsonl(results).trimEnd().split("\n").map((l) => JSON.parse(l)));
  });
});
