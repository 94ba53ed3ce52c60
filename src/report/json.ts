import type { FileResult } from "../types.js";
import { displayPath, locate } from "./context.js";

/** The public JSON report (version 1): see "JSON output" in the README. Keep it stable. */
export function formatJson(results: FileResult[]): string {
  const files = results.map((result) => ({
    path: displayPath(result.path),
    findings: locate(result).findings.map((f) => ({
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      message: f.message,
      explanation: f.explanation,
      offset: f.offset,
      length: f.length,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      text: f.text,
      suggestions: f.suggestions,
      fix: f.fix,
    })),
  }));
  return JSON.stringify({ version: 1, files }, null, 2) + "\n";
}
