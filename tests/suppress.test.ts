import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDirectives } from "../src/suppress/directives.js";
import { applySuppressions } from "../src/suppress/filter.js";
import type { DocumentType } from "../src/types.js";
import { CI_RULES, ciRules, resultFor, runCli, tempDir } from "./ci-helpers.js";

const ruleSet = await ciRules();
const DEP = "Two died, depending on the police.";
const ACT = "He is actually here.";

function kept(text: string, type: DocumentType = "text", reportUnused = false): string[] {
  return applySuppressions(resultFor(ruleSet, "f", text, type), reportUnused).findings.map((f) => `${text.slice(0, f.offset).split("\n").length}:${f.ruleId}`);
}

describe("inline suppressions", () => {
  it("disable-next-line silences the named rules on the next line only", () => {
    const text = `<!-- mtlint-disable-next-line ci-depending-on, ci-actually -- quoting the source -->\n${DEP} ${ACT}\n${DEP}\n`;
    expect(kept(text, "markdown")).toEqual(["3:ci-depending-on"]);
  });

  it("disable-next-line without a rule silences every rule; another rule's directive does not", () => {
    expect(kept(`<!-- mtlint-disable-next-line -->\n${DEP} ${ACT}\n`, "html")).toEqual([]);
    expect(kept(`<!-- mtlint-disable-next-line ci-eventually -->\n${DEP}\n`, "html")).toEqual(["2:ci-depending-on"]);
  });

  it("disable ... enable silences a stretch; enable without a rule ends every disable", () => {
    const text = `${DEP}\n<!-- mtlint-disable ci-depending-on -->\n${DEP}\n\n${DEP} ${ACT}\n<!-- mtlint-enable ci-depending-on -->\n${DEP}\n<!-- mtlint-disable -->\n${ACT}\n<!-- mtlint-enable -->\n${ACT}\n`;
    expect(kept(text, "markdown")).toEqual(["1:ci-depending-on", "5:ci-actually", "7:ci-depending-on", "11:ci-actually"]);
  });

  it("a disable left open lasts to the end of the file", () => {
    expect(kept(`${ACT}\n<!-- mtlint-disable ci-actually -->\n${ACT}\n\n${ACT}\n`, "markdown")).toEqual(["1:ci-actually"]);
  });

  it("in plain text, a line holding only the directive works, with or without a comment mark", () => {
    expect(kept(`# mtlint-disable-next-line ci-depending-on\n${DEP}\nmtlint-disable-next-line\n${ACT}\n${ACT}\n`)).toEqual(["5:ci-actually"]);
    // Only a whole line counts: the same words inside a sentence are prose.
    expect(kept(`He wrote mtlint-disable-next-line ci-depending-on here.\n${DEP}\n`)).toEqual(["2:ci-depending-on"]);
  });

  it("a plain-text directive line in Markdown is prose, not a directive", () => {
    expect(findDirectives(`# mtlint-disable-next-line x\n${DEP}\n`, "markdown")).toEqual([]);
  });

  it("--report-unused-disables reports directives, and rule ids within them, that silence nothing", () => {
    const text = `<!-- mtlint-disable-next-line ci-depending-on, ci-eventually -->\n${DEP}\n<!-- mtlint-disable-next-line -->\nAll fine.\n`;
    const result = applySuppressions(resultFor(ruleSet, "f.md", text, "markdown"), true);
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.message, f.text, f.suggestions])).toEqual([
      ["unused-disable-directive", "warning", 'Unused rule id in mtlint-disable-next-line: "ci-eventually".', "ci-depending-on, ci-eventually", ["ci-depending-on"]],
      ["unused-disable-directive", "warning", "Unused mtlint-disable-next-line directive: no problem here.", "<!-- mtlint-disable-next-line -->", [""]],
    ]);
    expect(applySuppressions(resultFor(ruleSet, "f.md", text, "markdown"), false).findings).toEqual([]);
  });
});

describe("suppressions in fix", () => {
  it("mtlint fix leaves silenced text alone and fixes the rest", async () => {
    const dir = tempDir();
    const file = join(dir, "a.md");
    writeFileSync(file, `<!-- mtlint-disable-next-line ci-depending-on -->\n${DEP}\n\n${DEP}\n`);
    const r = await runCli(["fix", "--no-builtin", "--rules", CI_RULES, file], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(`<!-- mtlint-disable-next-line ci-depending-on -->\n${DEP}\n\nTwo died, according to the police.\n`);
  });
});
