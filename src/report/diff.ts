import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import type { FileResult } from "../types.js";
import { applyEdits, firstEdit } from "../fix/apply.js";
import { displayPath } from "./context.js";

/** A unified patch for one file's text change, with a/ and b/ headers that git apply and patch -p1 accept. */
export function formatPatch(path: string, before: string, after: string): string {
  if (before === after) return "";
  const p = displayPath(path);
  return createTwoFilesPatch(`a/${p}`, `b/${p}`, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
}

/** One patch applying the first suggestion of every finding. */
export function formatDiff(results: FileResult[]): string {
  return results
    .map((r) => formatPatch(r.path, r.source.text, applyEdits(r.source.text, r.findings.map(firstEdit)).text))
    .join("");
}
