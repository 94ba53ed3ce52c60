import type { FileResult } from "../types.js";
import { displayPath, locate, type Located } from "./context.js";

/** One finding as the JSON report (and `check --jsonl`) gives it. */
export function jsonFinding(f: Located): Record<string, unknown> {
  return {
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
  };
}

/** The public JSON report (version 1): see "JSON output" in the README. Keep it stable. */
export function formatJson(results: FileResult[]): string {
  const files = results.map((result) => ({
    path: displayPath(result.path),
    findings: locate(result).findings.map(jsonFinding),
  }));
  return JSON.stringify({ version: 1, files }, null, 2) + "\n";
}
