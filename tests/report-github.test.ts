import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, formatGithub, formatGithubSummary } from "../src/report/github.js";
import type { FileResult, Finding } from "../src/types.js";
import { CI_RULES, ciRules, resultFor, runCli, tempDir } from "./ci-helpers.js";

const ruleSet = await ciRules();

describe("github workflow commands", () => {
  it("escapes %, CR and LF in messages, and also : and , in properties", () => {
    expect(escapeData("100% a\r\nb: c, d")).toBe("100%25 a%0D%0Ab: c, d");
    expect(escapeProperty("dir:a,b/100%.md")).toBe("dir%3Aa%2Cb/100%25.md");
  });

  it("prints one command per finding with UTF-16 columns, info as notice", () => {
    const text = "Café 😀, depending on the police.\nThey could eventually meet.\n";
    const out = formatGithub([resultFor(ruleSet, "a,b: c.txt", text)]);
    expect(out).toBe(
      '::error file=a%2Cb%3A c.txt,line=1,col=10,endLine=1,endColumn=22,title=ci-depending-on::"depending on" before a source means "according to".%0ASuggestion: "according to"\n' +
        '::notice file=a%2Cb%3A c.txt,line=2,col=12,endLine=2,endColumn=22,title=ci-eventually::"eventually" may stand for "possibly".%0ASuggestion: "possibly"\n',
    );
  });

  it("gives lines only for a span across lines, where GitHub ignores columns", () => {
    const finding: Finding = {
      ruleId: "x-rule",
      category: "boilerplate",
      severity: "warning",
      message: "m",
      explanation: "e",
      offset: 2,
      length: 6,
      text: "b\ncc\nd",
      suggestions: [""],
      fix: "suggest",
      specificity: 1,
    };
    const result: FileResult = { path: "f.txt", source: { path: "f.txt", text: "a b\ncc\nd e\n", bom: false, type: "text" }, findings: [finding] };
    expect(formatGithub([result])).toBe("::warning file=f.txt,line=1,endLine=3,title=x-rule::m%0ASuggestion: (delete)\n");
  });
});

describe("github job summary", () => {
  it("counts per category and severity, then lists every finding in a table", () => {
    const results = [
      resultFor(ruleSet, "one.md", "Two died, depending on the police. He is actually | here.\n", "markdown"),
      resultFor(ruleSet, "two.txt", "They could eventually meet.\n"),
      resultFor(ruleSet, "clean.txt", "Nothing.\n"),
    ];
    expect(formatGithubSummary(results)).toBe(
      [
        "## mtlint",
        "",
        "3 problems in 2 of 3 files.",
        "",
        "| category | error | warning | info | total |",
        "| --- | ---: | ---: | ---: | ---: |",
        "| false-friend | 0 | 1 | 1 | 2 |",
        "| calque | 1 | 0 | 0 | 1 |",
        "| **total** | 1 | 1 | 1 | 3 |",
        "",
        "| file | line | severity | rule | text | suggestion | message |",
        "| --- | ---: | --- | --- | --- | --- | --- |",
        '| one.md | 1 | error | ci-depending-on | depending on | "according to" | "depending on" before a source means "according to". |',
        '| one.md | 1 | warning | ci-actually | is actually | "is currently" or "is at present" | "actually" does not mean "at present". |',
        '| two.txt | 1 | info | ci-eventually | eventually | "possibly" | "eventually" may stand for "possibly". |',
        "",
      ].join("\n"),
    );
  });

  it("says so when nothing is found", () => {
    expect(formatGithubSummary([resultFor(ruleSet, "clean.txt", "Nothing.\n")])).toBe("## mtlint\n\nNo literal-translation problems found in 1 file.\n");
  });
});

describe("github format from the CLI", () => {
  it("appends the job summary to $GITHUB_STEP_SUMMARY, and only for --format github", async () => {
    const dir = tempDir();
    const file = join(dir, "a.txt");
    const summary = join(dir, "summary.md");
    writeFileSync(file, "Two died, depending on the police.\n");
    writeFileSync(summary, "earlier step\n");
    const rules = ["--no-builtin", "--rules", CI_RULES];
    const r = await runCli(["check", ...rules, "--format", "github", file], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=.*a\.txt,line=1,col=11,/);
    const expected = "earlier step\n" + formatGithubSummary([resultFor(ruleSet, file, "Two died, depending on the police.\n")]);
    expect(readFileSync(summary, "utf8")).toBe(expected);
    await runCli(["check", ...rules, "--format", "json", file], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, "utf8")).toBe(expected);
  });
});
