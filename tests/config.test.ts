import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, readConfig } from "../src/config/find.js";
import { CI_RULES, runCli, tempDir } from "./ci-helpers.js";

/** A project folder with a config, a nested working folder, and files to check. */
function project(config: string, name = "mtlint.config.yaml"): { root: string; sub: string } {
  const root = tempDir();
  const sub = join(root, "articles", "2024");
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(root, name), config);
  return { root, sub };
}

const ciOnly = `rulesets: {builtin: false}\nruleFiles: [${JSON.stringify(CI_RULES)}]\n`;
const ids = (stdout: string): string[] => JSON.parse(stdout).files.flatMap((f: { findings: { ruleId: string; severity: string }[] }) => f.findings.map((x) => `${x.ruleId}:${x.severity}`));

describe("config discovery", () => {
  it("finds mtlint.config.yaml, .yml or .json in the working folder or above", async () => {
    for (const name of ["mtlint.config.yaml", "mtlint.config.yml", "mtlint.config.json"]) {
      const { root, sub } = project(name.endsWith("json") ? '{"from": "fr", "ignore": ["x"]}' : "from: fr\nignore: [x]\n", name);
      const config = await loadConfig(undefined, sub);
      expect(config.file).toBe(join(root, name));
      expect(config.ignore).toEqual(["x"]);
    }
  });

  it("resolves ruleFiles against the config's folder, and --config names a file explicitly", async () => {
    const { root, sub } = project("ruleFiles: [house-rules]\n");
    expect((await loadConfig(undefined, sub)).ruleFiles).toEqual([join(root, "house-rules")]);
    writeFileSync(join(sub, "other.yaml"), "from: fr\n");
    expect((await loadConfig("other.yaml", sub)).file).toBe(join(sub, "other.yaml"));
  });

  it("rejects bad keys and values with one line naming the file and the key; the CLI exits 2", async () => {
    const cases: Array<[string, string]> = [
      ["colour: red\n", 'unknown key "colour"'],
      ["rules: {ci-actually: loud}\n", "rules.ci-actually must be one of off, error, warning, info"],
      ["rulesets: {extra: true}\n", 'unknown rule set "rulesets.extra"'],
      ["types: {'*.x': pdf}\n", 'types."*.x" must be one of text, markdown, html'],
      ["ignore: drafts\n", "ignore must be a list"],
      ["from: [fr\n", "mtlint.config.yaml:"],
    ];
    for (const [text, message] of cases) {
      const { root, sub } = project(text);
      await expect(readConfig(join(root, "mtlint.config.yaml"))).rejects.toThrow(message);
      const file = join(sub, "a.txt");
      writeFileSync(file, "Hello.\n");
      const r = await runCli(["check", file], { cwd: sub });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^mtlint: .*mtlint\\.config\\.yaml.*\\n$`));
    }
    const missing = await runCli(["check", "--config", "nope.yaml", "x.txt"], { cwd: tempDir() });
    expect([missing.code, missing.stderr]).toEqual([2, "mtlint: nope.yaml: no such config file\n"]);
  });
});

describe("config settings", () => {
  it("turns rules off, changes severities, and rejects an unknown rule id", async () => {
    const { sub } = project(`${ciOnly}rules:\n  ci-actually: off\n  ci-eventually: error\n`);
    const file = join(sub, "a.txt");
    writeFileSync(file, "Two died, depending on the police. He is actually here. They could eventually meet.\n");
    const r = await runCli(["check", "--format", "json", file], { cwd: sub });
    expect(ids(r.stdout)).toEqual(["ci-depending-on:error", "ci-eventually:error"]);
    const { sub: other } = project(`${ciOnly}rules: {ci-actualy: off}\n`);
    const bad = await runCli(["check", file], { cwd: other });
    expect([bad.code, bad.stderr]).toEqual([2, 'mtlint: config rules: unknown rule id "ci-actualy"\n']);
  });

  it("ignores files by glob, sets types by glob, and the command line overrides the file", async () => {
    const { sub } = project(`${ciOnly}ignore: ["drafts/"]\ntypes: {"*.htm.txt": html}\n`);
    mkdirSync(join(sub, "drafts"));
    writeFileSync(join(sub, "drafts", "d.txt"), "Two died, depending on the police.\n");
    // As HTML, the text inside the tag attribute is not prose; as plain text it is.
    writeFileSync(join(sub, "page.htm.txt"), '<p title="depending on the police">He is actually here.</p>\n');
    const r = await runCli(["check", "--format", "json", sub], { cwd: sub });
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(["page.htm.txt"]);
    expect(ids(r.stdout)).toEqual(["ci-actually:warning"]);
    const asText = await runCli(["check", "--format", "json", "--type", "text", join(sub, "page.htm.txt")], { cwd: sub });
    expect(ids(asText.stdout)).toEqual(["ci-depending-on:error", "ci-actually:warning"]);
  });

  it("--from on the command line beats the file's from", async () => {
    const { sub } = project(`${ciOnly}from: de\n`);
    const file = join(sub, "a.txt");
    writeFileSync(file, "Hello.\n");
    expect((await runCli(["check", file], { cwd: sub })).stderr).toContain('unsupported source language "de"');
    expect((await runCli(["check", "--from", "fr", file], { cwd: sub })).code).toBe(0);
  });
});

describe("mtlint init", () => {
  it("writes a starter config that loads as it is, and refuses to overwrite it", async () => {
    const dir = tempDir();
    const first = await runCli(["init"], { cwd: dir });
    expect([first.code, first.stderr]).toEqual([0, "mtlint: wrote mtlint.config.yaml\n"]);
    const written = readFileSync(join(dir, "mtlint.config.yaml"), "utf8");
    expect(written).toMatch(/^# mtlint configuration/);
    expect(await readConfig(join(dir, "mtlint.config.yaml"))).toMatchObject({ from: "fr", builtin: true, rules: {}, ruleFiles: [], ignore: [], types: {} });
    const again = await runCli(["init"], { cwd: dir });
    expect([again.code, again.stderr]).toEqual([2, "mtlint: mtlint.config.yaml already exists; edit it, or remove it to start again\n"]);
    expect(readFileSync(join(dir, "mtlint.config.yaml"), "utf8")).toBe(written);
  });
});
