import type { FileResult, Finding } from "../types.js";
import { LineIndex } from "../text/source.js";

/** A finding with the positions every report needs (1-based lines and UTF-16 columns). */
export interface Located extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where a window of a file read in windows starts: offset, 0-based line, and that line's start offset. */
export interface WindowStart {
  offset: number;
  line: number;
  lineStart: number;
}

/**
 * Positions for all findings of a file, computed once (findings of a streamed file come with
 * theirs). With `window`, the result's text is that window of the file, and offsets and positions
 * are given in the whole file.
 */
export function locate(result: FileResult, window: WindowStart = { offset: 0, line: 0, lineStart: 0 }): { index: LineIndex; findings: Located[] } {
  const index = new LineIndex(result.source.text);
  // Line 1 of a window continues the file line the window starts in.
  const column = (line: number, col: number): number => (line === 1 ? col + window.offset - window.lineStart : col);
  return {
    index,
    findings: result.findings.map((f) => {
      if ("line" in f) return f as Located;
      const start = index.position(f.offset);
      const end = index.position(f.offset + f.length);
      // Every field written out: a spread of a finding into a larger object cost more than linting it.
      const located: Located = {
        ruleId: f.ruleId,
        category: f.category,
        severity: f.severity,
        message: f.message,
        explanation: f.explanation,
        offset: f.offset + window.offset,
        length: f.length,
        text: f.text,
        suggestions: f.suggestions,
        fix: f.fix,
        specificity: f.specificity,
        line: start.line + window.line,
        column: column(start.line, start.column),
        endLine: end.line + window.line,
        endColumn: column(end.line, end.column),
      };
      return located;
    }),
  };
}

/** Display path: forward slashes, as reviewers and patch tools expect. */
export function displayPath(path: string): string {
  return path.replace(/\\/g, "/");
}
