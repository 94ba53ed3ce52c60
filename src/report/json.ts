import type { FileResult } from "../types.js";
import { displayPath, locate, type Located } from "./context.js";

/** One finding as the JSON report (and `check --jsonl`) gives it. */
export function jsonFinding(f: Located): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    message: f.message,
    explanation: f.explanation,
    offset: f.offset,
    length: f.length,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    text: f.text,
    suggestions: f.suggestions,
    fix: f.fix,
  };
}

/** The public JSON report (version 1): see "JSON output" in the README. Keep it stable. */
export function formatJson(results: FileResult[]): string {
  return JSON_HEAD + results.map((r, i) => jsonFileSeparator(i) + jsonFileEntry(r)).join("") + jsonTail(results.length);
}

/*
 * The report's pieces, also written one by one by `check --format json` over many or large files,
 * so that nothing holds more than one file's findings (one window's, for a file read in windows).
 */

/** Everything before the first file. */
export const JSON_HEAD = '{\n  "version": 1,\n  "files": [';

/** What goes before a file: the first opens the list on a new line. */
export function jsonFileSeparator(index: number): string {
  return index === 0 ? "\n" : ",\n";
}

/** Everything after the last file. */
export function jsonTail(files: number): string {
  return files === 0 ? "]\n}\n" : "\n  ]\n}\n";
}

/** One file of the report, findings located and converted, as the files list indents it. */
export function jsonFileEntry(result: FileResult): string {
  const entry = { path: displayPath(result.path), findings: locate(result).findings.map(jsonFinding) };
  return "    " + JSON.stringify(entry, null, 2).replace(/\n/g, "\n    ");
}

/** A file's entry written as its findings arrive: open, then batches of findings, then close. */
export class JsonFileWriter {
  private count = 0;
  constructor(private readonly write: (text: string) => void) {}

  open(path: string): void {
    this.write(`    {\n      "path": ${JSON.stringify(displayPath(path))},\n      "findings": [`);
  }

  findings(batch: Located[]): void {
    if (batch.length === 0) return;
    let text = "";
    for (const f of batch) text += `${this.count++ === 0 ? "\n" : ",\n"}        ${JSON.stringify(jsonFinding(f), null, 2).replace(/\n/g, "\n        ")}`;
    this.write(text);
  }

  close(): void {
    this.write(this.count === 0 ? "]\n    }" : "\n      ]\n    }");
  }
}
