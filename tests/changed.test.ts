import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseChangedLines } from "../src/git/changed-lines.js";
import { CI_RULES, runCli, tempDir } from "./ci-helpers.js";

function git(cwd: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd, stdio: "ignore" });
}

const rules = ["--no-builtin", "--rules", CI_RULES, "--format", "json"];
const lines = (stdout: string): number[] => JSON.parse(stdout).files.flatMap((f: { findings: { line: number }[] }) => f.findings.map((x) => x.line));

describe("--changed-since", () => {
  it("reads added and changed lines from unified=0 hunks; pure deletions add none", () => {
    const diff = "@@ -1,0 +2,2 @@\n+a\n+b\n@@ -5 +7 @@\n-x\n+y\n@@ -9,3 +10,0 @@\n-p\n";
    expect([...parseChangedLines(diff)]).toEqual([2, 3, 7]);
  });

  it("keeps only findings on lines changed since the ref, in a real repository", async () => {
    const dir = tempDir();
    const file = join(dir, "a.txt");
    git(dir, "init", "-q");
    writeFileSync(file, "Two died, depending on the police.\n\nHe is actually here.\n");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "first");
    writeFileSync(file, "Two died, depending on the police.\n\nHe is actually here, depending on the agency.\nNew: she is actually there.\n");
    const all = await runCli(["check", ...rules, file], { cwd: dir });
    expect(lines(all.stdout)).toEqual([1, 3, 3, 4]);
    const changed = await runCli(["check", ...rules, "--changed-since", "HEAD", file], { cwd: dir });
    expect(lines(changed.stdout)).toEqual([3, 3, 4]);
  });

  it("counts an untracked file as wholly changed, and a bad ref exits 2 with one line", async () => {
    const dir = tempDir();
    git(dir, "init", "-q");
    writeFileSync(join(dir, "seed.txt"), "x\n");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "first");
    const file = join(dir, "new.txt");
    writeFileSync(file, "He is actually here.\n");
    expect(lines((await runCli(["check", ...rules, "--changed-since", "HEAD", file], { cwd: dir })).stdout)).toEqual([1]);
    const bad = await runCli(["check", ...rules, "--changed-since", "no-such-ref", file], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^mtlint: --changed-since: git diff failed: .*no-such-ref.*\n$/);
  });
});
