import { createHash } from "node:crypto";
import type { Finding } from "../types.js";

/** Words kept on each side of a finding: enough to tell repeats apart, few enough to survive edits nearby. */
const WORDS_AROUND = 3;

function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * The finding's text with a few neighbouring words from its own line(s), lowercased and with
 * whitespace collapsed: "two died, [depending on] the police." It names a finding without
 * line numbers, so lines added or removed elsewhere in the file leave it unchanged.
 */
export function findingContext(text: string, finding: Finding): string {
  const lineStart = text.lastIndexOf("\n", finding.offset - 1) + 1;
  const end = finding.offset + finding.length;
  const lineEnd = text.indexOf("\n", end);
  const before = words(text.slice(lineStart, finding.offset)).slice(-WORDS_AROUND);
  const after = words(text.slice(end, lineEnd < 0 ? text.length : lineEnd)).slice(0, WORDS_AROUND);
  return [...before, `[${words(finding.text).join(" ")}]`, ...after].join(" ");
}

/** What identifies a finding across runs: rule, file and context. */
export function findingKey(ruleId: string, path: string, context: string): string {
  return `${ruleId}\u0000${path}\u0000${context}`;
}

/** A short stable digest of a finding's key, for formats that carry fingerprints (SARIF). */
export function fingerprint(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 32);
}
