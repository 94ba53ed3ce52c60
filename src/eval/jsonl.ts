import { readFileSync } from "node:fs";
import { InputError } from "../text/source.js";

export type JsonRecord = Record<string, unknown>;

/** Reads a JSON Lines file; blank lines are skipped, anything else that is not a JSON object is an error. */
export function readJsonl(path: string): JsonRecord[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new InputError(`${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "cannot read"}`);
  }
  const records: JsonRecord[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError(`${path}:${i + 1}: not valid JSON`);
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) throw new InputError(`${path}:${i + 1}: expected a JSON object`);
    records.push(value as JsonRecord);
  });
  return records;
}

/**
 * The value at a dotted path ("mt.online-A"). Keys may contain dots themselves
 * ("mt.uedin-wmt13.2838"), so at each level the longest key that exists wins.
 */
export function getField(value: unknown, path: string): unknown {
  if (!value || typeof value !== "object") return undefined;
  const record = value as JsonRecord;
  if (path in record) return record[path];
  for (let dot = path.lastIndexOf("."); dot > 0; dot = path.lastIndexOf(".", dot - 1)) {
    const head = path.slice(0, dot);
    if (head in record) return getField(record[head], path.slice(dot + 1));
  }
  return undefined;
}

/** A text field of a record, or undefined when it is absent or not a non-empty string. */
export function textField(record: JsonRecord, path: string): string | undefined {
  const value = getField(record, path);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** One article built from the segments of a document: segment i is line i of `text`. */
export interface JsonDocument {
  id: string;
  text: string;
  records: JsonRecord[];
}

/**
 * Groups records by `docField` (in order of first appearance) and joins their `textPath` fields
 * with newlines. Records without that text are left out; a line break inside a segment becomes a
 * space so that lines and segments stay one to one.
 */
export function buildDocuments(records: JsonRecord[], textPath: string, docField: string, file: string): JsonDocument[] {
  const docs = new Map<string, { lines: string[]; records: JsonRecord[] }>();
  records.forEach((record, i) => {
    const text = textField(record, textPath);
    if (text === undefined) return;
    const id = getField(record, docField);
    if (typeof id !== "string" && typeof id !== "number") throw new InputError(`${file}: record ${i + 1} has no document field "${docField}" (see --doc-field)`);
    const key = String(id);
    if (!docs.has(key)) docs.set(key, { lines: [], records: [] });
    const doc = docs.get(key)!;
    doc.lines.push(text.replace(/\r?\n/g, " "));
    doc.records.push(record);
  });
  if (docs.size === 0) throw new InputError(`${file}: no record has a text field "${textPath}"`);
  return [...docs].map(([id, { lines, records }]) => ({ id, text: lines.join("\n"), records }));
}
