import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const BIN = join(ROOT, "bin", "mtlint.js");
const RULES = join(ROOT, "tests", "fixtures", "core", "rules.yaml");

/** Runs the real bin with only the fixture rules, so these tests do not move with the shipped rules. */
function mtlint(args: string[], options: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input,
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const fixtureRules = ["--no-builtin", "--rules", RULES];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "mtlint-cli-"));
}

describe("exit codes", () => {
  it("0 when nothing at error severity is found", () => {
    const r = mtlint(["check", ...fixtureRules, "-"], { input: "The american envoy arrived.\n" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("test-lowercase-nationality");
  });

  it("1 when a finding is at error severity", () => {
    const r = mtlint(["check", ...fixtureRules, "-"], { input: "Two died, depending on the police.\n" });
    expect(r.code).toBe(1);
  });

  it("2 with a one-line message for a missing file, an unknown option, bad UTF-8, a broken rule file", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "latin1.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(join(dir, "bad.yaml"), "rules:\n  - id: Bad Id\n");
    for (const args of [
      ["check", "no-such-file.txt"],
      ["check", "--bogus", "x.txt"],
      ["check", ...fixtureRules, join(dir, "latin1.txt")],
      ["check", "--rules", join(dir, "bad.yaml"), "-"],
      ["check", "--from", "de", "-"],
      ["frobnicate"],
    ]) {
      const r = mtlint(args, { input: "" });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n").length, r.stderr).toBeLessThanOrEqual(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("names file, line and rule id when a rule's example fails", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "r.yaml"),
      `rules:
  - id: never-fires
    category: calque
    severity: error
    message: m
    explanation: e
    pattern: "zzz"
    replace: "yyy"
    fix: auto
    examples:
      flag: [{ text: "no match here", fixed: "x" }]
      pass: ["fine"]
`,
    );
    const r = mtlint(["check", "--no-builtin", "--rules", join(dir, "r.yaml"), "-"], { input: "" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/r\.yaml:2 rule "never-fires": example "no match here": not flagged/);
  });
});

describe("a reader that stops early", () => {
  it("ends the run quietly, with no stack trace", () => {
    // `head -c 1` closes the pipe after one byte while mtlint is still writing.
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" check --format json --fail-on never corpus/ | head -c 1 >/dev/null`], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

describe("formats", () => {
  const input = "Two died, depending on the police.\nThe emperor red came.\n";

  it("json follows the documented schema", () => {
    const r = mtlint(["check", ...fixtureRules, "--format", "json", "-"], { input });
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    const [f] = report.files[0].findings;
    expect(f).toMatchObject({
      ruleId: "test-depending-on-source",
      category: "calque",
      severity: "error",
      offset: 10,
      length: 12,
      line: 1,
      column: 11,
      endLine: 1,
      endColumn: 23,
      text: "depending on",
      suggestions: ["according to"],
      fix: "auto",
    });
    expect(Object.keys(f).sort()).toEqual(
      ["category", "column", "endColumn", "endLine", "explanation", "fix", "length", "line", "message", "offset", "ruleId", "severity", "suggestions", "text"],
    );
  });

  it("pretty shows the line as it is and as it would be, then a summary", () => {
    const r = mtlint(["check", ...fixtureRules, "-"], { input });
    expect(r.stdout).toContain("1:11  error    \"depending on\" before a source means \"according to\".  test-depending-on-source");
    expect(r.stdout).toContain("    - Two died, depending on the police.\n    + Two died, according to the police.");
    expect(r.stdout).toContain("    - The emperor red came.\n    + The red emperor came.");
    expect(r.stdout).toMatch(/2 problems \(1 error, 1 warning, 0 info\)/);
    expect(r.stdout).not.toContain("\x1b[");
  });

  it("pretty highlights changed words when colour is forced on by a terminal only", () => {
    const r = mtlint(["check", ...fixtureRules, "--min-severity", "error", "-"], { input, env: { NO_COLOR: "" } });
    expect(r.stdout).not.toContain("\x1b["); // not a TTY
    expect(r.stdout).not.toContain("emperor");
  });

  it("diff is a patch that git apply accepts", () => {
    const dir = tempDir();
    execFileSync("git", ["init", "-q", dir]);
    writeFileSync(join(dir, "a.txt"), "Intro.\r\n\r\nTwo died, depending on the police.\r\nREAD ALSO - more\r\nEnd.\r\n");
    const r = mtlint(["diff", ...fixtureRules, "a.txt"], { cwd: dir });
    expect(r.stdout).toMatch(/^--- a\/a\.txt\n\+\+\+ b\/a\.txt\n@@/);
    writeFileSync(join(dir, "p.diff"), r.stdout);
    execFileSync("git", ["apply", "--check", "p.diff"], { cwd: dir });
    execFileSync("git", ["apply", "p.diff"], { cwd: dir });
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("Intro.\r\n\r\nTwo died, according to the police.\r\nEnd.\r\n");
  });
});

describe("fix", () => {
  it("applies auto fixes in place, keeping BOM and CRLF, and a second run changes nothing", () => {
    const dir = tempDir();
    const file = join(dir, "a.txt");
    const original = "\ufeffThe american envoy spoke.\r\nTwo died, depending on the police.\r\nThe emperor red came.";
    writeFileSync(file, original);
    const first = mtlint(["fix", ...fixtureRules, file]);
    expect(first.code).toBe(0);
    const after = readFileSync(file);
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The warning-level word-order rule is a suggestion: left as it is.
    expect(after.toString("utf8")).toBe("\ufeffThe American envoy spoke.\r\nTwo died, according to the police.\r\nThe emperor red came.");
    const second = mtlint(["fix", ...fixtureRules, file]);
    expect(second.stderr).toContain("fixed 0 problems");
    expect(readFileSync(file)).toEqual(after);
  });

  it("--dry-run prints the patch and leaves the file alone", () => {
    const dir = tempDir();
    const file = join(dir, "a.md");
    copyFileSync(join(ROOT, "tests", "fixtures", "core", "article.md"), file);
    const before = readFileSync(file, "utf8");
    const r = mtlint(["fix", ...fixtureRules, "--dry-run", file]);
    expect(r.stdout).toContain("+Two people died, according to the police");
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("reads stdin and writes the fixed text to stdout", () => {
    const r = mtlint(["fix", ...fixtureRules, "-"], { input: "It cost 3,5 million euros.\n" });
    expect(r.stdout).toBe("It cost 3.5 million euros.\n");
  });
});

describe("inputs", () => {
  it("walks folders by extension and expands globs, in a stable order", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "b.txt"), "The american envoy.\n");
    writeFileSync(join(dir, "a.md"), "The american envoy.\n");
    writeFileSync(join(dir, "c.json"), "{}\n");
    const folder = JSON.parse(mtlint(["check", ...fixtureRules, "--format", "json", "."], { cwd: dir }).stdout);
    expect(folder.files.map((f: { path: string }) => f.path)).toEqual(["a.md", "b.txt"]);
    const glob = JSON.parse(mtlint(["check", ...fixtureRules, "--format", "json", "*.txt"], { cwd: dir }).stdout);
    expect(glob.files.map((f: { path: string }) => f.path)).toEqual(["b.txt"]);
  });
});
