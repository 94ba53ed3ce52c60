import { describe, expect, it } from "vitest";
import { formatJson, jsonFinding } from "../src/report/json.js";
import type { FileResult, Finding } from "../src/types.js";

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: "r1",
    category: "calque",
    severity: "warning",
    message: 'A "quoted" message',
    explanation: "Why, with a tab\tand a backslash \\.",
    offset: 4,
    length: 3,
    text: "abc",
    suggestions: ["x", "y"],
    fix: "suggest",
    specificity: 2,
    ...over,
  };
}

describe("the JSON report", () => {
  it("is what JSON.stringify writes with two-space indentation, character for character", () => {
    const text = "The café\nline two — «quoted» \u2028 end\n";
    const results: FileResult[] = [
      {
        path: "dir\\a.txt",
        source: { path: "a.txt", text, bom: false, type: "text" },
        findings: [
          finding({}),
          finding({ ruleId: "r2", suggestions: [], offset: 9, length: 8, text: "line two" }),
          finding({ ruleId: "r1", message: "Same rule, another message", explanation: undefined as unknown as string, offset: 20, length: 9, text: "«quoted»" }),
          finding({ ruleId: "r1", offset: 0, length: 3, text: "The", suggestions: ["It\u2028s"] }),
        ],
      },
      { path: "b.md", source: { path: "b.md", text: "", bom: false, type: "markdown" }, findings: [] },
    ];
    const lines = (source: string) => source.split("\n");
    const expected = {
      version: 1,
      files: results.map((r) => {
        const starts = [0, ...[...r.source.text].flatMap((c, i) => (c === "\n" ? [i + 1] : []))];
        const at = (offset: number) => {
          let line = 0;
          while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
          return { line: line + 1, column: offset - starts[line] + 1 };
        };
        return {
          path: r.path.replace(/\\/g, "/"),
          findings: r.findings.map((f) => {
            const start = at(f.offset);
            const end = at(f.offset + f.length);
            return jsonFinding({ ...f, line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
          }),
        };
      }),
    };
    const written = formatJson(results);
    expect(lines(written)).toEqual(lines(JSON.stringify(expected, null, 2) + "\n"));
  });
});
