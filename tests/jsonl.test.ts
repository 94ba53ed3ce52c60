import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./ci-helpers.js";
import { ROOT } from "./helpers.js";

const BIN = join(ROOT, "bin", "mtlint.js");
const RULES = ["--no-builtin", "--rules", join(ROOT, "tests", "fixtures", "speed", "rules.yaml")];
const TEXTS = ["Leaders met at a vertex in Hanoi.", "Nothing to flag.", "It cost 3,5 million, depending on the police.\n\nTranslated automatically"];

/** `count` records, numbered, cycling through TEXTS. */
function records(count: number, idField = "id", textField = "text"): string {
  return Array.from({ length: count }, (_, i) => JSON.stringify({ [idField]: `doc-${i}`, [textField]: TEXTS[i % TEXTS.length], other: i })).join("\n") + "\n";
}

describe("check --jsonl", () => {
  it("writes one line per record, with the findings the JSON report gives for the same text", async () => {
    const out = await runCli(["check", ...RULES, "--jsonl", "--fail-on", "never", "-"], { cwd: ROOT, stdin: records(3) });
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["doc-0", "doc-1", "doc-2"]);
    expect(lines[1].findings).toEqual([]);
    const dir = tempDir();
    writeFileSync(join(dir, "doc.txt"), TEXTS[2]);
    const json = await runCli(["check", ...RULES, "--format", "json", join(dir, "doc.txt")], { cwd: ROOT });
    expect(lines[2].findings).toEqual(JSON.parse(json.stdout).files[0].findings);
    expect(lines[2].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["speed-decimal-comma", "speed-depending-on", "speed-boilerplate"]);
  });

  it("keeps input order across batches and worker threads, and exits 1 on errors", async () => {
    const input = records(1000);
    const one = await runCli(["check", ...RULES, "--jsonl", "--jobs", "1", "-"], { cwd: ROOT, stdin: input });
    const pool = await runCli(["check", ...RULES, "--jsonl", "--jobs", "2", "-"], { cwd: ROOT, stdin: input });
    expect(one.code).toBe(1);
    expect(pool.code).toBe(1);
    expect(pool.stdout).toBe(one.stdout);
    expect(pool.stdout.trimEnd().split("\n").map((l) => JSON.parse(l).id)).toEqual(Array.from({ length: 1000 }, (_, i) => `doc-${i}`));
  });

  it("reads other field names", async () => {
    const out = await runCli(["check", ...RULES, "--jsonl", "--id-field", "key", "--text-field", "body", "-"], { cwd: ROOT, stdin: records(1, "key", "body") });
    expect(JSON.parse(out.stdout).id).toBe("doc-0");
    expect(JSON.parse(out.stdout).findings).toHaveLength(1);
  });

  it("stops on a bad record with a one-line error naming the line, exit 2", async () => {
    for (const [bad, message] of [["{not json", "line 2: not valid JSON"], ['{"id": 1}', 'line 2: field "text" must be a string']]) {
      const out = await runCli(["check", ...RULES, "--jsonl", "-"], { cwd: ROOT, stdin: `${records(1)}${bad}\n` });
      expect(out.code).toBe(2);
      expect(out.stderr).toBe(`mtlint: ${message}\n`);
    }
    const paths = await runCli(["check", ...RULES, "--jsonl", "a.txt"], { cwd: ROOT });
    expect(paths.stderr).toBe("mtlint: --jsonl reads standard input: give - as the only path\n");
  });

  it("runs under GNU parallel --pipe --keep-order with the same output as one process", () => {
    if (spawnSync("parallel", ["--version"]).status !== 0) {
      console.warn("skipped: GNU parallel is not installed (apt-get install -y parallel)");
      return;
    }
    const input = records(600);
    const mtlint = `${process.execPath} ${BIN} check ${RULES.join(" ")} --jsonl --jobs 1 --fail-on never -`;
    const sharded = spawnSync("parallel", ["--will-cite", "--pipe", "--keep-order", "-N", "100", mtlint], { input, encoding: "utf8" });
    const single = spawnSync("sh", ["-c", mtlint], { input, encoding: "utf8" });
    expect(sharded.stderr).toBe("");
    expect(sharded.status).toBe(0);
    expect(sharded.stdout.split("\n")).toHaveLength(601);
    expect(sharded.stdout).toBe(single.stdout);
  });
});
