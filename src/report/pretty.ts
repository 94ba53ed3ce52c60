import { diffWords } from "diff";
import type { Category, FileResult, Severity } from "../types.js";
import { applyEdits } from "../fix/apply.js";
import { displayPath, locate } from "./context.js";

const COLOURS = { red: 31, green: 32, yellow: 33, blue: 34, grey: 90, bold: 1, underline: 4 } as const;
type Colour = keyof typeof COLOURS;

function painter(color: boolean): (c: Colour, s: string) => string {
  return (c, s) => (color && s ? `\x1b[${COLOURS[c]}m${s}\x1b[0m` : s);
}

const SEVERITY_COLOUR: Record<Severity, Colour> = { error: "red", warning: "yellow", info: "blue" };
const WIDTH = 160;

/**
 * Cuts a long line down to a window around [from, from + span), marking the cuts with an
 * ellipsis. Both lines of a finding use the same `context`, so they start at the same word.
 */
function window(line: string, from: number, span: number, context: number): string {
  if (line.length <= WIDTH) return line;
  const start = Math.max(0, from - context);
  const end = Math.min(line.length, from + span + context);
  return (start > 0 ? "…" : "") + line.slice(start, end) + (end < line.length ? "…" : "");
}

/**
 * The default report: per file, each finding as `line:col  severity  message  rule-id`, then the
 * affected line as it is (-) and as it would be (+), the changed words highlighted when colour is
 * on; then counts by severity and category.
 */
export function formatPretty(results: FileResult[], options: { color: boolean }): string {
  const paint = painter(options.color);
  const out: string[] = [];
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byCategory = new Map<Category, number>();
  for (const result of results) {
    if (result.findings.length === 0) continue;
    out.push(paint("underline", displayPath(result.path)));
    const { index, findings } = locate(result);
    for (const f of findings) {
      bySeverity[f.severity]++;
      byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
      out.push(
        `  ${paint("grey", `${f.line}:${f.column}`)}  ${paint(SEVERITY_COLOUR[f.severity], f.severity.padEnd(7))}  ${f.message}  ${paint("grey", f.ruleId)}`,
      );
      const lineStart = index.lineStart(f.line - 1);
      const lastLine = Math.max(f.line, f.endColumn === 1 && f.endLine > f.line ? f.endLine - 1 : f.endLine);
      const before = Array.from({ length: lastLine - f.line + 1 }, (_, k) => index.lineText(f.line - 1 + k)).join("\n");
      const suggestion = f.suggestions[0];
      const after = applyEdits(before, [{ offset: f.offset - lineStart, length: Math.min(f.length, before.length - (f.offset - lineStart)), replacement: suggestion }]).text;
      const context = Math.max(20, Math.floor((WIDTH - Math.max(f.length, suggestion.length)) / 2));
      const shownBefore = window(before, f.offset - lineStart, f.length, context);
      const shownAfter = window(after, f.offset - lineStart, suggestion.length, context);
      if (options.color) {
        const parts = diffWords(shownBefore, shownAfter);
        out.push(`    ${paint("red", "-")} ${parts.filter((p) => !p.added).map((p) => (p.removed ? paint("red", p.value) : p.value)).join("")}`);
        out.push(`    ${paint("green", "+")} ${parts.filter((p) => !p.removed).map((p) => (p.added ? paint("green", p.value) : p.value)).join("")}`);
      } else {
        out.push(`    - ${shownBefore}`, `    + ${shownAfter}`);
      }
      if (f.suggestions.length > 1) out.push(`      ${paint("grey", `also: ${f.suggestions.slice(1).map((s) => `"${s}"`).join(", ")}`)}`);
    }
    out.push("");
  }
  const total = bySeverity.error + bySeverity.warning + bySeverity.info;
  if (total === 0) {
    out.push(`No literal-translation problems found in ${results.length} file${results.length === 1 ? "" : "s"}.`);
  } else {
    out.push(
      paint("bold", `${total} problem${total === 1 ? "" : "s"} (${bySeverity.error} error${bySeverity.error === 1 ? "" : "s"}, ${bySeverity.warning} warning${bySeverity.warning === 1 ? "" : "s"}, ${bySeverity.info} info) in ${results.filter((r) => r.findings.length).length} of ${results.length} file${results.length === 1 ? "" : "s"}`),
    );
    out.push(`By category: ${[...byCategory.entries()].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(", ")}`);
  }
  return out.join("\n") + "\n";
}
