import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./ci-helpers.js";
import { ROOT } from "./helpers.js";

const BIN = join(ROOT, "bin", "mtlint.js");
const RULES = ["--no-builtin", "--rules", join(ROOT, "tests", "fixtures", "speed", "rules.yaml")];

/** 24 articles (enough for the pool to start) with findings of several rules, in a folder of its own. */
function articleFolder(): string {
  const dir = join(tempDir(), "articles");
  mkdirSync(dir);
  for (let i = 0; i < 24; i++) {
    const body = i % 3 === 0 ? "Nothing to flag here." : `Leaders met at a vertex (${i}). It cost 3,5 million, depending on the police.`;
    writeFileSync(join(dir, `a${String(i).padStart(2, "0")}.txt`), `Article ${i}\n\n${body}\n\nTranslated automatically\n`);
  }
  return dir;
}

const cli = (args: string[]) => spawnSync(process.execPath, [BIN, "check", ...RULES, ...args], { encoding: "utf8" });

describe("check --jobs", () => {
  const dir = articleFolder();

  it("gives the same report, in the same order, on one thread and on a pool", () => {
    for (const format of ["json", "pretty"]) {
      const one = cli(["--format", format, "--jobs", "1", dir]);
      const pool = cli(["--format", format, "--jobs", "3", dir]);
      expect(one.stderr).toBe("");
      expect(one.status).toBe(1);
      expect(pool.status).toBe(1);
      expect(pool.stdout).toBe(one.stdout);
    }
    const paths = JSON.parse(cli(["--format", "json", "--jobs", "3", dir]).stdout).files.map((f: { path: string }) => f.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toHaveLength(24);
  });

  it("reports an unreadable file on one line, exit 2, as one thread does", () => {
    const bad = articleFolder();
    writeFileSync(join(bad, "a05.txt"), Buffer.from([0x41, 0xff]));
    const one = cli(["--jobs", "1", bad]);
    const pool = cli(["--jobs", "2", bad]);
    expect(one.status).toBe(2);
    expect(pool.status).toBe(2);
    expect(pool.stderr).toBe(one.stderr);
    expect(pool.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("runs workers from the TypeScript sources too (in-process, as other tests call main)", async () => {
    const pool = await runCli(["check", ...RULES, "--format", "json", "--jobs", "2", dir], { cwd: ROOT });
    const one = await runCli(["check", ...RULES, "--format", "json", "--jobs", "1", dir], { cwd: ROOT });
    expect(pool.stderr).toBe("");
    expect(pool.stdout).toBe(one.stdout);
  });

  it("rejects a job count that is not a whole number of at least 1", () => {
    const r = cli(["--jobs", "0", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("at least 1");
  });
});

describe("large plain-text files", () => {
  it("are streamed for the JSON report, with the same findings as when read whole", () => {
    const dir = tempDir();
    const filler = "The talks ended late in the evening without an agreement on the budget. ".repeat(12);
    const paragraph = `Leaders met at a vertex in Hanoi. ${filler}\n\nTranslated automatically\n\n${filler}It cost 3,5 million.\n \n`;
    const body = paragraph.repeat(Math.ceil((9 << 20) / paragraph.length));
    const big = join(dir, "big.txt");
    const check = () => JSON.parse(execFileSync(process.execPath, [BIN, "check", ...RULES, "--format", "json", "--fail-on", "never", big], { encoding: "utf8", maxBuffer: 1 << 28 }));
    writeFileSync(big, body);
    const streamed = check().files[0].findings;
    // A directive anywhere makes mtlint read the file whole; this one silences nothing.
    const directive = "<!-- mtlint-enable -->\n\n";
    writeFileSync(big, directive + body);
    const whole = check().files[0].findings.map((f: { offset: number; line: number; endLine: number }) => ({
      ...f,
      offset: f.offset - directive.length,
      line: f.line - 2,
      endLine: f.endLine - 2,
    }));
    expect(streamed.length).toBeGreaterThan(10_000);
    expect(streamed).toEqual(whole);
  }, 120_000);
});
