import type { Category, FileResult, Severity } from "../types.js";
import { CATEGORIES } from "../types.js";
import { displayPath, locate, type Located } from "./context.js";
import { describeSuggestions } from "./suggestions.js";

/** Workflow-command levels: GitHub has no "info", its nearest is "notice". */
const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** Escaping of a workflow command's message, as GitHub's runner (actions/toolkit) does it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Property values also lose their separators (":" and ","). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** The message plus the suggestions, so a reviewer reads the fix in the annotation itself. */
function annotationText(f: Located): string {
  return `${f.message}\nSuggestion: ${describeSuggestions(f.suggestions)}`;
}

/**
 * One workflow command per finding. GitHub only honours columns on single-line annotations, so a
 * span across lines gives lines only.
 */
export function formatGithub(results: FileResult[]): string {
  const out: string[] = [];
  for (const result of results) {
    const file = displayPath(result.path);
    for (const f of locate(result).findings) {
      const props: Array<[string, string | number]> = [["file", file], ["line", f.line]];
      if (f.endLine === f.line) props.push(["col", f.column], ["endLine", f.endLine], ["endColumn", f.endColumn]);
      else props.push(["endLine", f.endLine]);
      props.push(["title", f.ruleId]);
      const properties = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
      out.push(`::${COMMAND[f.severity]} ${properties}::${escapeData(annotationText(f))}\n`);
    }
  }
  return out.join("");
}

/** GitHub refuses a step summary over 1 MiB; stay well under it and say what was left out. */
const SUMMARY_LIMIT = 1000 * 1000;

/** A Markdown table cell: no line breaks, no column separators, no markup from the text. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/`/g, "\\`");
}

/**
 * The job summary: counts per category and severity, then every finding, because GitHub shows
 * only a few annotations of a kind per step and drops the rest.
 */
export function formatGithubSummary(results: FileResult[]): string {
  const located = results.flatMap((r) => locate(r).findings.map((f) => ({ path: displayPath(r.path), f })));
  const lines = ["## mtlint", ""];
  if (located.length === 0) return [...lines, `No literal-translation problems found in ${results.length} file${results.length === 1 ? "" : "s"}.`, ""].join("\n");
  const count = (c: Category | undefined, s: Severity | undefined): number =>
    located.filter(({ f }) => (!c || f.category === c) && (!s || f.severity === s)).length;
  const files = new Set(located.map((l) => l.path)).size;
  lines.push(`${located.length} problem${located.length === 1 ? "" : "s"} in ${files} of ${results.length} file${results.length === 1 ? "" : "s"}.`, "");
  lines.push("| category | error | warning | info | total |", "| --- | ---: | ---: | ---: | ---: |");
  for (const c of CATEGORIES) {
    if (count(c, undefined) > 0) lines.push(`| ${c} | ${count(c, "error")} | ${count(c, "warning")} | ${count(c, "info")} | ${count(c, undefined)} |`);
  }
  lines.push(`| **total** | ${count(undefined, "error")} | ${count(undefined, "warning")} | ${count(undefined, "info")} | ${located.length} |`, "");
  lines.push("| file | line | severity | rule | text | suggestion | message |", "| --- | ---: | --- | --- | --- | --- | --- |");
  let size = Buffer.byteLength(lines.join("\n"), "utf8");
  for (let i = 0; i < located.length; i++) {
    const { path, f } = located[i];
    const row = `| ${cell(path)} | ${f.line} | ${f.severity} | ${f.ruleId} | ${cell(f.text)} | ${cell(describeSuggestions(f.suggestions))} | ${cell(f.message)} |`;
    size += Buffer.byteLength(row, "utf8") + 1;
    if (size > SUMMARY_LIMIT) {
      lines.push("", `${located.length - i} more findings are not shown: GitHub limits a job summary to 1 MiB.`);
      break;
    }
    lines.push(row);
  }
  return lines.join("\n") + "\n";
}
