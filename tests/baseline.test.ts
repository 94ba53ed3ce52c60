import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatBaseline, readBaseline, subtractBaseline } from "../src/baseline/baseline.js";
import { CI_RULES, ciRules, resultFor, runCli, tempDir } from "./ci-helpers.js";

const ruleSet = await ciRules();
const article = "Intro.\n\nTwo died, depending on the police.\n\nHe is actually here.\n";

function baselineFor(text: string): string {
  const file = join(tempDir(), "baseline.json");
  writeFileSync(file, formatBaseline([resultFor(ruleSet, "a.txt", text)]));
  return file;
}

describe("baseline", () => {
  it("records rule, file and text context, not line numbers", () => {
    expect(JSON.parse(formatBaseline([resultFor(ruleSet, "a.txt", article)]))).toEqual({
      version: 1,
      findings: [
        { ruleId: "ci-actually", path: "a.txt", context: "he [is actually] here.", count: 1 },
        { ruleId: "ci-depending-on", path: "a.txt", context: "two died, [depending on] the police.", count: 1 },
      ],
    });
  });

  it("keeps recorded findings out after lines are inserted above them, and reports a new one", () => {
    const baseline = readBaseline(baselineFor(article));
    const edited = "A new first line.\nAnd another.\n\n" + article + "\nThey say it, depending on the agency.\n";
    const left = subtractBaseline([resultFor(ruleSet, "a.txt", edited)], baseline);
    expect(left[0].findings.map((f) => f.text)).toEqual(["depending on"]);
    expect(left[0].source.text.slice(left[0].findings[0].offset)).toMatch(/^depending on the agency/);
  });

  it("counts repeats: a second copy of a recorded problem is new", () => {
    const baseline = readBaseline(baselineFor(article));
    const left = subtractBaseline([resultFor(ruleSet, "a.txt", article + "\nHe is actually here.\n")], baseline);
    expect(left[0].findings.map((f) => f.ruleId)).toEqual(["ci-actually"]);
  });

  it("does not cover the same text in another file", () => {
    const baseline = readBaseline(baselineFor(article));
    expect(subtractBaseline([resultFor(ruleSet, "b.txt", article)], baseline)[0].findings).toHaveLength(2);
  });

  it("rejects a file that is not a baseline with one line", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.json"), '{"version": 2}');
    expect(() => readBaseline(join(dir, "bad.json"))).toThrow(/bad\.json: not a baseline file/);
    expect(() => readBaseline(join(dir, "none.json"))).toThrow(/none\.json: no such baseline file/);
  });

  it("works end to end: --write-baseline exits 0, --baseline reports only what is new", async () => {
    const dir = tempDir();
    const file = join(dir, "a.txt");
    writeFileSync(file, article);
    const rules = ["--no-builtin", "--rules", CI_RULES];
    const written = await runCli(["check", ...rules, "--write-baseline", "base.json", file], { cwd: dir });
    expect([written.code, written.stderr, written.stdout]).toEqual([0, "mtlint: recorded 2 findings in base.json\n", ""]);
    expect(JSON.parse(readFileSync(join(dir, "base.json"), "utf8")).findings).toHaveLength(2);
    expect((await runCli(["check", ...rules, "--baseline", "base.json", file], { cwd: dir })).code).toBe(0);
    writeFileSync(file, "New line.\n" + article + "Two died, depending on the agency.\n");
    const after = await runCli(["check", ...rules, "--baseline", "base.json", "--format", "json", file], { cwd: dir });
    expect(after.code).toBe(1);
    expect(JSON.parse(after.stdout).files[0].findings.map((f: { line: number }) => f.line)).toEqual([7]);
    const both = await runCli(["check", ...rules, "--baseline", "base.json", "--write-baseline", "x.json", file], { cwd: dir });
    expect(both.code).toBe(2);
  });
});
