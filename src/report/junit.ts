import type { FileResult } from "../types.js";
import { displayPath, locate } from "./context.js";
import { describeSuggestions } from "./suggestions.js";
import { escapeAttribute, escapeXml, XML_DECLARATION } from "./xml.js";

/**
 * JUnit XML for CI test-report views (GitLab, Jenkins, Azure): one test case per file, which fails
 * with one failure element per finding.
 */
export function formatJunit(results: FileResult[]): string {
  const failed = results.filter((r) => r.findings.length > 0).length;
  const counts = `tests="${results.length}" failures="${failed}" errors="0"`;
  const out = [XML_DECLARATION, `<testsuites name="mtlint" ${counts}>`, `  <testsuite name="mtlint" ${counts} skipped="0">`];
  for (const result of results) {
    const path = displayPath(result.path);
    const findings = locate(result).findings;
    if (findings.length === 0) {
      out.push(`    <testcase classname="mtlint" name="${escapeAttribute(path)}"/>`);
      continue;
    }
    out.push(`    <testcase classname="mtlint" name="${escapeAttribute(path)}">`);
    for (const f of findings) {
      const where = `${path}:${f.line}:${f.column}`;
      const body = `${where} ${f.severity} ${f.ruleId}\n${f.message}\n"${f.text}" -> ${describeSuggestions(f.suggestions)}\n${f.explanation}`;
      out.push(`      <failure type="${escapeAttribute(f.ruleId)}" message="${escapeAttribute(`${where}: ${f.message}`)}">${escapeXml(body)}</failure>`);
    }
    out.push("    </testcase>");
  }
  out.push("  </testsuite>", "</testsuites>");
  return out.join("\n") + "\n";
}
