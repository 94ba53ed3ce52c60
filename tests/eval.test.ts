import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { main, type Io } from "../src/cli/main.js";
import { ROOT } from "./helpers.js";

/** Thresholds live in one file; they are raised as the rules improve, never lowered. */
const gates = JSON.parse(readFileSync(join(ROOT, "tests", "gates.json"), "utf8")) as {
  min_severity: string;
  recall_core_min: number;
  precision_min: number;
  trap_hits_max: number;
};
const FIXTURES = join(ROOT, "tests", "fixtures", "eval");
const JSONL = join(FIXTURES, "segments.jsonl");

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (t) => (stdout += typeof t === "string" ? t : Buffer.from(t).toString("utf8")), stderr: (t) => (stderr += t), readStdin: async () => Buffer.alloc(0), cwd: ROOT, env: {}, isTTY: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

interface Shares {
  recall_core: number | null;
  recall_all: number | null;
  precision: number | null;
  fix_accuracy: number | null;
  trap_hits: number;
}

// One run of the real command with the built-in rules on the gold corpus, shared by the gates.
const corpus = await run(["eval", join(ROOT, "corpus", "fr-en"), "--format", "json", "--verbose", "--min-severity", gates.min_severity]);
const report = corpus.code === 0 ? (JSON.parse(corpus.stdout) as { overall: Shares; categories: Record<string, Shares>; trap_hit_list: unknown[] }) : undefined;

describe("mtlint eval on corpus/fr-en (built-in rules)", () => {
  it("runs and prints the JSON figures, shares from 0 to 1 (null: nothing to measure)", () => {
    expect(corpus.stderr).toBe("");
    expect(corpus.code).toBe(0);
    for (const figures of [report!.overall, ...Object.values(report!.categories)]) {
      for (const key of ["recall_core", "recall_all", "precision", "fix_accuracy"] as const) {
        const v = figures[key];
        if (v === null) continue;
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      expect(Number.isInteger(figures.trap_hits)).toBe(true);
    }
  });

  it(`gate: recall on core errors >= ${gates.recall_core_min}`, () => {
    expect(report?.overall.recall_core ?? 0).toBeGreaterThanOrEqual(gates.recall_core_min);
  });

  it(`gate: precision >= ${gates.precision_min} (no finding at all does not pass)`, () => {
    expect(report?.overall.precision ?? 0).toBeGreaterThanOrEqual(gates.precision_min);
  });

  it(`gate: at most ${gates.trap_hits_max} trap flagged`, () => {
    // The list (file:line, rule, text, trap) is the failure message.
    expect(report?.trap_hit_list.length ?? Infinity, JSON.stringify(report?.trap_hit_list, null, 1)).toBeLessThanOrEqual(gates.trap_hits_max);
  });
});

describe("mtlint eval input errors (exit 2, one line, before any rule loads)", () => {
  const cases: [string, string[], RegExp][] = [
    ["no --mt-field", ["eval", "--jsonl", JSONL], /--jsonl needs --mt-field/],
    ["--mt-field without --jsonl", ["eval", "--mt-field", "mt"], /need --jsonl FILE/],
    ["an unknown text field", ["eval", "--jsonl", JSONL, "--mt-field", "nope"], /no record has a text field "nope"/],
    ["a missing document field", ["eval", "--jsonl", JSONL, "--mt-field", "mt.sys.v2", "--doc-field", "docid"], /record 1 has no document field "docid"/],
    ["a line that is not JSON", ["eval", "--jsonl", join(FIXTURES, "corpus", "a-news.txt"), "--mt-field", "mt"], /a-news\.txt:1: not valid JSON/],
    ["a missing JSONL file", ["eval", "--jsonl", join(FIXTURES, "nowhere.jsonl"), "--mt-field", "mt"], /nowhere\.jsonl: no such file/],
    ["a bad gold file", ["eval", join(FIXTURES, "bad")], /x\.gold\.yaml:8: quote "The summit" occurrence 1 is not in x\.txt/],
    ["a missing corpus folder", ["eval", join(FIXTURES, "nowhere")], /nowhere: not a readable directory/],
    ["a bad seed", ["eval", "--seed", "x"], /--seed must be an integer/],
  ];
  for (const [what, argv, message] of cases) {
    it(what, async () => {
      const { code, stderr } = await run(argv);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split("\n")).toHaveLength(1);
    });
  }
});
