/**
 * `check --format json` written as results arrive, in input order: the report's head, then each
 * file's entry as soon as it and every file before it are done, then the tail. Workers lint a
 * file and render its entry (so the main thread only writes); a large plain-text file is read in
 * windows on the main thread, its findings written window by window. Memory holds a bounded
 * number of rendered entries, never all results, never all inputs. The bytes are those of
 * formatJson over all results (tests/stream.test.ts).
 */
import { resolve } from "node:path";
import type { Severity } from "../types.js";
import type { RuleSet } from "../rules/compile.js";
import { JSON_HEAD, JsonFileWriter, jsonFileEntry, jsonFileSeparator, jsonTail } from "../report/json.js";
import { plainStreamFindings } from "../stream/check-stream.js";
import { STDIN } from "./inputs.js";
import { collectGarbage, linted } from "./memory.js";
import type { Io } from "./io.js";
import { lintWhole, shouldStream, type LintSettings } from "./lint-input.js";
import { filterSeverity, SEVERITY_RANK, tallyOf, type InputFile, type SeverityTally } from "./options.js";

/** A file's rendered entry and its findings by severity; or, for a file to read in windows, deferred to the main thread. */
export interface JsonEntry {
  chunk?: string;
  tally?: SeverityTally;
  deferred?: boolean;
}

/** Lints one input read whole and renders its entry; defers a file that is to be read in windows. */
export async function jsonEntry(input: InputFile, ruleSet: RuleSet, io: Pick<Io, "cwd" | "readStdin">, settings: LintSettings, minSeverity: Severity): Promise<JsonEntry> {
  if (await shouldStream(input, resolve(io.cwd, input.path), settings)) return { deferred: true };
  const result = filterSeverity(await lintWhole(input, ruleSet, io, settings), minSeverity);
  const entry = { chunk: jsonFileEntry(result), tally: tallyOf([result]) };
  linted(result.source.text.length);
  return entry;
}

/** Lints one input on this thread and writes its entry, window by window for a large plain-text file. */
export async function writeJsonEntry(input: InputFile, ruleSet: RuleSet, io: Pick<Io, "cwd" | "readStdin" | "stdout">, settings: LintSettings, minSeverity: Severity): Promise<SeverityTally> {
  const path = resolve(io.cwd, input.path);
  if (!(await shouldStream(input, path, settings))) {
    const result = filterSeverity(await lintWhole(input, ruleSet, io, settings), minSeverity);
    io.stdout(jsonFileEntry(result));
    linted(result.source.text.length);
    return tallyOf([result]);
  }
  const tally: SeverityTally = { error: 0, warning: 0, info: 0 };
  const writer = new JsonFileWriter((text) => io.stdout(text));
  writer.open(input.path);
  for await (const batch of plainStreamFindings(path, ruleSet)) {
    const kept = batch.filter((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[minSeverity]);
    for (const f of kept) tally[f.severity]++;
    writer.findings(kept);
    // A window is a megabyte or more.
    collectGarbage();
  }
  writer.close();
  return tally;
}

export function addTally(into: SeverityTally, tally: SeverityTally): void {
  into.error += tally.error;
  into.warning += tally.warning;
  into.info += tally.info;
}

/** What runs an input elsewhere (a worker pool), or undefined for this thread. */
export type RunElsewhere = ((input: InputFile) => Promise<JsonEntry>) | undefined;

/**
 * Writes the whole report. With `elsewhere`, up to `ahead` inputs are in flight beyond the one
 * being written; standard input and deferred files are linted here, in their turn.
 */
export async function writeJsonReport(inputs: InputFile[], ruleSet: RuleSet, io: Io, settings: LintSettings, minSeverity: Severity, elsewhere: RunElsewhere, ahead: number): Promise<SeverityTally> {
  const tally: SeverityTally = { error: 0, warning: 0, info: 0 };
  const inFlight: Array<Promise<JsonEntry> | undefined> = [];
  const submit = (i: number): void => {
    if (!elsewhere || i >= inputs.length || inputs[i].path === STDIN) return;
    const promise = elsewhere(inputs[i]);
    // Awaited in its turn; until then a failure must not count as unhandled.
    promise.catch(() => undefined);
    inFlight[i] = promise;
  };
  for (let i = 0; i < ahead; i++) submit(i);
  io.stdout(JSON_HEAD);
  for (let i = 0; i < inputs.length; i++) {
    const pending = inFlight[i];
    inFlight[i] = undefined;
    submit(i + ahead);
    const entry = pending ? await pending : { deferred: true };
    io.stdout(jsonFileSeparator(i));
    if (entry.deferred) addTally(tally, await writeJsonEntry(inputs[i], ruleSet, io, settings, minSeverity));
    else {
      io.stdout(entry.chunk!);
      addTally(tally, entry.tally!);
    }
  }
  io.stdout(jsonTail(inputs.length));
  return tally;
}
