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
  let text = "";
  const writer = new JsonFileWriter((part) => (text += part));
  writer.open(result.path);
  writer.findings(locate(result).findings);
  writer.close();
  return text;
}

/** The per-rule members of a finding, rendered once per rule: most of a finding's text. */
interface RenderedHead {
  finding: Located;
  text: string;
}
const heads = new Map<string, RenderedHead>();

const member = (pad: string, key: string, value: unknown): string => (value === undefined ? "" : `${pad}${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);

/**
 * `JSON.stringify(jsonFinding(f), null, 2)` with every line after the first indented by `pad`,
 * character for character, without building the object: the JSON report of a large file holds
 * hundreds of thousands of findings.
 */
function findingText(f: Located, pad: string): string {
  const inner = `${pad}  `;
  let head = heads.get(f.ruleId);
  const same = head && head.finding.message === f.message && head.finding.explanation === f.explanation && head.finding.category === f.category && head.finding.severity === f.severity;
  if (!head || !same) {
    const text = member(inner, "ruleId", f.ruleId) + member(inner, "category", f.category) + member(inner, "severity", f.severity) + member(inner, "message", f.message) + member(inner, "explanation", f.explanation);
    head = { finding: f, text };
    heads.set(f.ruleId, head);
  }
  const suggestions =
    f.suggestions.length === 0 ? "[]" : `[\n${f.suggestions.map((s) => `${inner}  ${JSON.stringify(s)}`).join(",\n")}\n${inner}]`;
  return (
    `{\n${head.text}${inner}"offset": ${f.offset},\n${inner}"length": ${f.length},\n${inner}"line": ${f.line},\n${inner}"column": ${f.column},\n` +
    `${inner}"endLine": ${f.endLine},\n${inner}"endColumn": ${f.endColumn},\n${inner}"text": ${JSON.stringify(f.text)},\n` +
    `${inner}"suggestions": ${suggestions},\n${inner}"fix": ${JSON.stringify(f.fix)}\n${pad}}`
  );
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
    for (const f of batch) text += `${this.count++ === 0 ? "\n" : ",\n"}        ${findingText(f, "        ")}`;
    this.write(text);
  }

  close(): void {
    this.write(this.count === 0 ? "]\n    }" : "\n      ]\n    }");
  }
}
