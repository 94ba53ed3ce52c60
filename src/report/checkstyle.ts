import type { FileResult } from "../types.js";
import { displayPath, locate } from "./context.js";
import { describeSuggestions } from "./suggestions.js";
import { escapeAttribute, XML_DECLARATION } from "./xml.js";

/** Checkstyle XML, read by many CI plugins and by reviewdog's -f=checkstyle; columns count UTF-16 units. */
export function formatCheckstyle(results: FileResult[]): string {
  const out = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const result of results) {
    const findings = locate(result).findings;
    const name = escapeAttribute(displayPath(result.path));
    if (findings.length === 0) {
      out.push(`  <file name="${name}"/>`);
      continue;
    }
    out.push(`  <file name="${name}">`);
    for (const f of findings) {
      const message = `${f.message} Suggestion: ${describeSuggestions(f.suggestions)}`;
      out.push(
        `    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${escapeAttribute(message)}" source="mtlint.${escapeAttribute(f.ruleId)}"/>`,
      );
    }
    out.push("  </file>");
  }
  out.push("</checkstyle>");
  return out.join("\n") + "\n";
}
