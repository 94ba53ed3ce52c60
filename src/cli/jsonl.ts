/**
 * `check --jsonl`: one JSON record per input line ({"id", "text"}, field names configurable), one
 * JSON line of findings per record, in input order. Records are read, linted and written in
 * batches with a bounded number in flight, so memory stays flat however long the stream is;
 * this is the interface that GNU parallel (--pipe) and Spark (RDD.pipe) shard archives through.
 */
import type { Severity } from "../types.js";
import type { RuleSet } from "../rules/compile.js";
import { locate } from "../report/context.js";
import { jsonFinding } from "../report/json.js";
import { InputError } from "../text/source.js";
import { lintSource } from "./lint-input.js";
import { filterSeverity, type SeverityTally } from "./options.js";
import type { Io } from "./io.js";

export interface JsonlSettings {
  idField: string;
  textField: string;
  minSeverity: Severity;
  reportUnusedDisables: boolean;
}

export interface JsonlRecord {
  id: unknown;
  text: string;
}

export type JsonlBatch = JsonlRecord[];

/** A batch's output lines (each ending in a line break) and its findings by severity. */
export interface JsonlOutput {
  lines: string;
  tally: SeverityTally;
}

/** Records per batch: large enough that handing a batch to a worker costs little. */
const BATCH_RECORDS = 200;

function parseRecord(line: string, lineNumber: number, settings: JsonlSettings): JsonlRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InputError(`line ${lineNumber}: not valid JSON`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new InputError(`line ${lineNumber}: expected a JSON object`);
  const record = value as Record<string, unknown>;
  const text = record[settings.textField];
  if (typeof text !== "string") throw new InputError(`line ${lineNumber}: field "${settings.textField}" must be a string`);
  return { id: record[settings.idField] ?? null, text };
}

/** Lints a batch of records; the same code runs on the main thread and in workers. */
export function recordLines(batch: JsonlBatch, ruleSet: RuleSet, settings: JsonlSettings): JsonlOutput {
  const tally: SeverityTally = { error: 0, warning: 0, info: 0 };
  let lines = "";
  for (const { id, text } of batch) {
    const source = { path: String(id), text, bom: false, type: "text" as const };
    const result = filterSeverity(lintSource(source, ruleSet, settings.reportUnusedDisables), settings.minSeverity);
    for (const f of result.findings) tally[f.severity]++;
    lines += JSON.stringify({ id, findings: locate(result).findings.map(jsonFinding) }) + "\n";
  }
  return { lines, tally };
}

/** The same promise, marked as handled: a batch may fail while older ones are still being written. */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Non-empty lines of a UTF-8 byte stream, decoded incrementally. */
async function* linesOf(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let rest = "";
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new InputError("standard input is not valid UTF-8");
    }
  };
  for await (const chunk of chunks) {
    const parts = (rest + decode(chunk)).split("\n");
    rest = parts.pop()!;
    yield* parts;
  }
  yield rest + decode();
}

/**
 * Streams records from standard input to standard output. `lint` runs one batch, in a worker or
 * here; at most `inFlight` batches wait at once, and they are written in the order read.
 */
export async function runJsonl(
  io: Io,
  settings: JsonlSettings,
  lint: (batch: JsonlBatch) => Promise<JsonlOutput>,
  inFlight: number,
): Promise<SeverityTally> {
  const total: SeverityTally = { error: 0, warning: 0, info: 0 };
  const waiting: Array<Promise<JsonlOutput>> = [];
  const writeOldest = async (): Promise<void> => {
    const out = await waiting.shift()!;
    io.stdout(out.lines);
    for (const s of Object.keys(total) as Severity[]) total[s] += out.tally[s];
  };
  const chunks = io.stdinChunks?.() ?? (async function* () { yield await io.readStdin(); })();
  let batch: JsonlBatch = [];
  let lineNumber = 0;
  for await (const line of linesOf(chunks)) {
    lineNumber++;
    if (!line.trim()) continue;
    batch.push(parseRecord(line, lineNumber, settings));
    if (batch.length < BATCH_RECORDS) continue;
    waiting.push(settled(lint(batch)));
    batch = [];
    if (waiting.length >= inFlight) await writeOldest();
  }
  if (batch.length > 0) waiting.push(settled(lint(batch)));
  while (waiting.length > 0) await writeOldest();
  return total;
}
