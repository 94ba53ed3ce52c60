import type { FileResult, Severity } from "../types.js";
import { findingContext, findingKey, fingerprint } from "../baseline/key.js";
import { displayPath, locate, type Located } from "./context.js";
import { TOOL } from "./tool.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** A relative URI reference for a path: forward slashes, each segment percent-encoded. */
function pathUri(path: string): string {
  return displayPath(path).split("/").map(encodeURIComponent).join("/");
}

/** A SARIF region; columns count UTF-16 code units, as the run's columnKind says. */
function region(f: Pick<Located, "line" | "column" | "endLine" | "endColumn" | "offset" | "length">) {
  return { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, charOffset: f.offset, charLength: f.length };
}

function ruleDescriptor(f: Located) {
  return {
    id: f.ruleId,
    shortDescription: { text: f.message },
    fullDescription: { text: f.explanation },
    help: { text: `${f.message} ${f.explanation}` },
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: { category: f.category, tags: [f.category] },
  };
}

/**
 * SARIF 2.1.0: one run; the driver lists the rules that have results. Each suggestion is a fix
 * (a replacement of the finding's span), and the partial fingerprint is the baseline key, so code
 * scanning follows a finding when lines move.
 */
export function formatSarif(results: FileResult[]): string {
  const rules: ReturnType<typeof ruleDescriptor>[] = [];
  const ruleIndex = new Map<string, number>();
  const sarifResults = results.flatMap((result) => {
    const uri = pathUri(result.path);
    const path = displayPath(result.path);
    return locate(result).findings.map((f) => {
      if (!ruleIndex.has(f.ruleId)) {
        ruleIndex.set(f.ruleId, rules.length);
        rules.push(ruleDescriptor(f));
      }
      return {
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: { ...region(f), snippet: { text: f.text } } } }],
        partialFingerprints: { "mtlintContext/v1": fingerprint(findingKey(f.ruleId, path, findingContext(result.source.text, f))) },
        fixes: f.suggestions.map((text) => ({
          description: { text: text === "" ? "Delete the text" : `Replace with "${text}"` },
          artifactChanges: [{ artifactLocation: { uri }, replacements: [{ deletedRegion: region(f), insertedContent: { text } }] }],
        })),
        properties: { category: f.category },
      };
    });
  });
  const log = {
    $schema: "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: TOOL.name, version: TOOL.version, informationUri: TOOL.informationUri, rules } },
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
