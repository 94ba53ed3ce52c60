import type { FileResult, Severity } from "../types.js";
import { LineIndex, utf8Length } from "../text/source.js";
import { displayPath, locate } from "./context.js";
import { TOOL } from "./tool.js";

const SEVERITY: Record<Severity, "ERROR" | "WARNING" | "INFO"> = { error: "ERROR", warning: "WARNING", info: "INFO" };

const SOURCE = { name: TOOL.name, url: TOOL.informationUri };

/** A reviewdog position: 1-based line, 1-based column counting UTF-8 bytes (not UTF-16 units). */
function position(index: LineIndex, offset: number): { line: number; column: number } {
  const line = index.lineOf(offset);
  return { line: line + 1, column: utf8Length(index.text.slice(index.lineStart(line), offset)) + 1 };
}

/**
 * reviewdog Diagnostics, one per finding. Every suggestion replaces the finding's span, so
 * reviewdog's github-pr-review reporter turns them into GitHub suggested changes.
 */
function diagnostics(results: FileResult[]) {
  return results.flatMap((result) => {
    const { index, findings } = locate(result);
    const path = displayPath(result.path);
    return findings.map((f) => {
      const range = { start: position(index, f.offset), end: position(index, f.offset + f.length) };
      return {
        message: `${f.message}\n${f.explanation}`,
        location: { path, range },
        severity: SEVERITY[f.severity],
        source: SOURCE,
        code: { value: f.ruleId },
        suggestions: f.suggestions.map((text) => ({ range, text })),
        original_output: f.text,
      };
    });
  });
}

/** rdjsonl: one Diagnostic per line, as `reviewdog -f=rdjsonl` reads it. */
export function formatRdjsonl(results: FileResult[]): string {
  return diagnostics(results).map((d) => JSON.stringify(d) + "\n").join("");
}

/** rdjson: one DiagnosticResult document, as `reviewdog -f=rdjson` reads it. */
export function formatRdjson(results: FileResult[]): string {
  return JSON.stringify({ source: SOURCE, diagnostics: diagnostics(results) }, null, 2) + "\n";
}
