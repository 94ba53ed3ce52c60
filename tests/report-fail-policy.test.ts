import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exitFor } from "../src/cli/options.js";
import { CI_RULES, ciRules, resultFor, runCli, tempDir } from "./ci-helpers.js";

const ruleSet = await ciRules();
const warningsOnly = [resultFor(ruleSet, "a.txt", "He is actually here. She is actually there.\n")];
const infoOnly = [resultFor(ruleSet, "b.txt", "They could eventually meet.\n")];
const withError = [resultFor(ruleSet, "c.txt", "Two died, depending on the police.\n")];

describe("fail policy", () => {
  it("--fail-on sets the lowest severity that fails", () => {
    expect(exitFor(withError, { failOn: "error" })).toBe(1);
    expect(exitFor(warningsOnly, { failOn: "error" })).toBe(0);
    expect(exitFor(warningsOnly, { failOn: "warning" })).toBe(1);
    expect(exitFor(infoOnly, { failOn: "warning" })).toBe(0);
    expect(exitFor(infoOnly, { failOn: "info" })).toBe(1);
    expect(exitFor(withError, { failOn: "never" })).toBe(0);
  });

  it("--max-warnings fails when warnings outnumber it, whatever --fail-on says", () => {
    expect(exitFor(warningsOnly, { failOn: "never", maxWarnings: 2 })).toBe(0);
    expect(exitFor(warningsOnly, { failOn: "never", maxWarnings: 1 })).toBe(1);
  });

  it("applies on the command line, and a bad value exits 2", async () => {
    const dir = tempDir();
    const file = join(dir, "a.txt");
    writeFileSync(file, "He is actually here.\n");
    const base = ["check", "--no-builtin", "--rules", CI_RULES, "--format", "json", file];
    const clean = await runCli(base, { cwd: dir });
    expect(clean.code, clean.stderr).toBe(0);
    expect((await runCli([...base, "--fail-on", "warning"], { cwd: dir })).code).toBe(1);
    expect((await runCli([...base, "--max-warnings", "0"], { cwd: dir })).code).toBe(1);
    const bad = await runCli([...base, "--max-warnings", "many"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
