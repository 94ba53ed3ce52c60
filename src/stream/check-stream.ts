/** Lints a plain-text file window by window (see src/text/stream.ts): bounded memory for any size. */
import type { FileResult } from "../types.js";
import type { RuleSet } from "../rules/compile.js";
import { lintFile } from "../rules/engine.js";
import { locate, type Located } from "../report/context.js";
import { plainWindows } from "../text/stream.js";

/**
 * The findings of a plain-text file, window by window, with file offsets and lines, as
 * `checkSource` would give them: a caller that writes each batch as it comes holds one window's
 * findings at a time.
 */
export async function* plainStreamFindings(path: string, ruleSet: RuleSet, windowChars?: number, chunkBytes?: number): AsyncGenerator<Located[]> {
  for await (const window of plainWindows(path, windowChars, chunkBytes)) {
    const source = { path, text: window.text, bom: false, type: "text" as const };
    yield locate({ path, source, findings: lintFile(source, ruleSet) }, window).findings;
  }
}

/**
 * All findings of a plain-text file at once; the result's source text is left empty, since the
 * file is never held whole.
 */
export async function checkPlainStream(path: string, ruleSet: RuleSet, windowChars?: number, chunkBytes?: number): Promise<FileResult> {
  const findings: Located[] = [];
  for await (const batch of plainStreamFindings(path, ruleSet, windowChars, chunkBytes)) for (const f of batch) findings.push(f);
  return { path, source: { path, text: "", bom: false, type: "text" }, findings };
}
