import type { FileResult, Finding } from "../types.js";
import { LineIndex } from "../text/source.js";

/** A finding with the positions every report needs (1-based lines and UTF-16 columns). */
export interface Located extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Positions for all findings of a file, computed once (findings of a streamed file come with theirs). */
export function locate(result: FileResult): { index: LineIndex; findings: Located[] } {
  const index = new LineIndex(result.source.text);
  return {
    index,
    findings: result.findings.map((f) => {
      if ("line" in f) return f as Located;
      const start = index.position(f.offset);
      const end = index.position(f.offset + f.length);
      return { ...f, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    }),
  };
}

/** Display path: forward slashes, as reviewers and patch tools expect. */
export function displayPath(path: string): string {
  return path.replace(/\\/g, "/");
}
