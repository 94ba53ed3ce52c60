import type { Edit, Finding } from "../types.js";

/**
 * Applies non-overlapping edits to `text`; text outside the edits is untouched. Edits that
 * overlap an earlier one are returned as skipped rather than applied.
 */
export function applyEdits(text: string, edits: Edit[]): { text: string; applied: Edit[]; skipped: Edit[] } {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  const applied: Edit[] = [];
  const skipped: Edit[] = [];
  let out = "";
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.offset < cursor || edit.offset + edit.length > text.length) {
      skipped.push(edit);
      continue;
    }
    out += text.slice(cursor, edit.offset) + edit.replacement;
    cursor = edit.offset + edit.length;
    applied.push(edit);
  }
  return { text: out + text.slice(cursor), applied, skipped };
}

/** The edit for a finding's first suggestion. */
export function firstEdit(finding: Finding): Edit {
  return { offset: finding.offset, length: finding.length, replacement: finding.suggestions[0] };
}

/** Edits for `fix`: the first suggestion of every finding whose rule is marked `auto`. */
export function autoEdits(findings: Finding[]): Edit[] {
  return findings.filter((f) => f.fix === "auto").map(firstEdit);
}
