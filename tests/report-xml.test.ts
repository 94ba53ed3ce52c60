import { describe, expect, it } from "vitest";
import { formatCheckstyle } from "../src/report/checkstyle.js";
import { formatJunit } from "../src/report/junit.js";
import { ciRules, resultFor } from "./ci-helpers.js";

const ruleSet = await ciRules();
const results = [resultFor(ruleSet, "a&b.txt", "Café 😀 <x>, depending on the police.\n"), resultFor(ruleSet, "clean.txt", "Nothing.\n")];

describe("junit", () => {
  it("has one test case per file and one failure per finding, escaped", () => {
    expect(formatJunit(results)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="mtlint" tests="2" failures="1" errors="0">',
        '  <testsuite name="mtlint" tests="2" failures="1" errors="0" skipped="0">',
        '    <testcase classname="mtlint" name="a&amp;b.txt">',
        '      <failure type="ci-depending-on" message="a&amp;b.txt:1:14: &quot;depending on&quot; before a source means &quot;according to&quot;.">' +
          'a&amp;b.txt:1:14 error ci-depending-on\n"depending on" before a source means "according to".\n"depending on" -&gt; "according to"\nFrench "selon" before a source of information is "according to".</failure>',
        "    </testcase>",
        '    <testcase classname="mtlint" name="clean.txt"/>',
        "  </testsuite>",
        "</testsuites>",
        "",
      ].join("\n"),
    );
  });
});

describe("checkstyle", () => {
  it("lists every file, with an error element per finding", () => {
    expect(formatCheckstyle(results)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<checkstyle version="4.3">',
        '  <file name="a&amp;b.txt">',
        '    <error line="1" column="14" severity="error" message="&quot;depending on&quot; before a source means &quot;according to&quot;. Suggestion: &quot;according to&quot;" source="mtlint.ci-depending-on"/>',
        "  </file>",
        '  <file name="clean.txt"/>',
        "</checkstyle>",
        "",
      ].join("\n"),
    );
  });
});
