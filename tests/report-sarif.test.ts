import { describe, expect, it } from "vitest";
import { formatSarif } from "../src/report/sarif.js";
import { ciRules, resultFor, schemaValidator } from "./ci-helpers.js";
import { sharedAvailable } from "./helpers.js";

const ruleSet = await ciRules();
// "é" is one UTF-16 unit, "😀" two: the columns below are UTF-16 columns, as columnKind says.
const text = "Intro line.\nLe café 😀 said, depending on the police, he is actually here.\n";
const results = [resultFor(ruleSet, "docs/my article.txt", text), resultFor(ruleSet, "clean.txt", "Nothing here.\n")];
const log = JSON.parse(formatSarif(results));

describe("sarif", () => {
  it.runIf(sharedAvailable("schemas/sarif-schema-2.1.0.json"))("validates against the SARIF 2.1.0 schema", () => {
    const validate = schemaValidator("sarif-schema-2.1.0.json");
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it("describes the tool and each rule that has results once", () => {
    const run = log.runs[0];
    expect(log.runs).toHaveLength(1);
    expect(run.columnKind).toBe("utf16CodeUnits");
    expect(run.tool.driver).toMatchObject({ name: "mtlint", version: "0.1.0" });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["ci-depending-on", "ci-actually"]);
    expect(run.tool.driver.rules[1]).toMatchObject({
      shortDescription: { text: '"actually" does not mean "at present".' },
      defaultConfiguration: { level: "warning" },
      properties: { category: "false-friend" },
    });
  });

  it("locates results in UTF-16 columns with a relative, encoded URI and offers each suggestion as a fix", () => {
    const [first, second] = log.runs[0].results;
    expect(first).toMatchObject({ ruleId: "ci-depending-on", ruleIndex: 0, level: "error" });
    const location = first.locations[0].physicalLocation;
    expect(location.artifactLocation.uri).toBe("docs/my%20article.txt");
    const offset = text.indexOf("depending");
    expect(location.region).toEqual({
      startLine: 2,
      startColumn: 18,
      endLine: 2,
      endColumn: 30,
      charOffset: offset,
      charLength: 12,
      snippet: { text: "depending on" },
    });
    expect(first.fixes[0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: { startLine: 2, startColumn: 18, endLine: 2, endColumn: 30, charOffset: offset, charLength: 12 },
      insertedContent: { text: "according to" },
    });
    expect(second.fixes.map((f: { artifactChanges: { replacements: { insertedContent: { text: string } }[] }[] }) => f.artifactChanges[0].replacements[0].insertedContent.text)).toEqual([
      "is currently",
      "is at present",
    ]);
  });

  it("fingerprints a finding by its context, not its line", () => {
    const moved = JSON.parse(formatSarif([resultFor(ruleSet, "docs/my article.txt", "New first line.\n\n" + text)]));
    expect(moved.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(4);
    expect(moved.runs[0].results[0].partialFingerprints).toEqual(log.runs[0].results[0].partialFingerprints);
  });
});
