/** Lints a plain-text file window by window (see src/text/stream.ts): bounded memory for any size. */
import type { FileResult } from "../types.js";
import type { RuleSet } from "../rules/compile.js";
import { lintFile } from "../rules/engine.js";
import { locate, type Located } from "../report/context.js";
import { plainWindows } from "../text/stream.js";

/**
 * The findings of a plain-text file, with file offsets and lines, as `checkSource` would give
 * them; the result's source text is left empty, since the file is never held whole.
 */
export async function checkPlainStream(path: string, ruleSet: RuleSet, windowChars?: number, chunkBytes?: number): Promise<FileResult> {
  const findings: Located[] = [];
  for await (const window of plainWindows(path, windowChars, chunkBytes)) {
    const source = { path, text: window.text, bom: false, type: "text" as const };
    for (const f of locate({ path, source, findings: lintFile(source, ruleSet) }).findings) {
      // Line 1 of the window continues the file line the window starts in.
      const column = (line: number, col: number): number => (line === 1 ? col + window.offset - window.lineStart : col);
      findings.push({
        ...f,
        offset: f.offset + window.offset,
        line: f.line + window.line,
        column: column(f.line, f.column),
        endLine: f.endLine + window.line,
        endColumn: column(f.endLine, f.endColumn),
      });
    }
  }
  return { path, source: { path, text: "", bom: false, type: "text" }, findings };
}
