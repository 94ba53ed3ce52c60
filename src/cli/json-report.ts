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
  /** The entry's text; UTF-8 bytes when a worker rendered it (see WorkerPool). */
  chunk?: string | Uint8Array;
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

/**
 * Lints one input on this thread and writes its entry, window by window for a large plain-text
 * file; `streamed` says the caller already knows the file is to be read in windows.
 */
async function writeJsonEntry(input: InputFile, ruleSet: RuleSet, io: Pick<Io, "cwd" | "readStdin" | "stdout" | "drained">, settings: LintSettings, minSeverity: Severity, streamed = false): Promise<SeverityTally> {
  const entry = streamed ? { deferred: true } : await jsonEntry(input, ruleSet, io, settings, minSeverity);
  if (!entry.deferred) {
    io.stdout(entry.chunk!);
    return entry.tally!;
  }
  const tally: SeverityTally = { error: 0, warning: 0, info: 0 };
  const writer = new JsonFileWriter((text) => io.stdout(text));
  writer.open(input.path);
  for await (const batch of plainStreamFindings(resolve(io.cwd, input.path), ruleSet)) {
    const kept = batch.filter((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[minSeverity]);
    for (const f of kept) tally[f.severity]++;
    writer.findings(kept);
    await io.drained?.();
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

/** What runs inputs elsewhere (a worker pool), or undefined for this thread alone. */
export type RunElsewhere =
  | {
      run: (input: InputFile) => Promise<JsonEntry>;
      /** Whether an input given now would be taken up at once. */
      hasRoom: () => boolean;
    }
  | undefined;

/** Entries done (here or elsewhere) beyond the one being written, at most: bounds what is held. */
const LOOKAHEAD = 64;

/** An input taken by this thread or the pool: its entry, its failure, or the promise of one. */
interface Slot {
  entry?: JsonEntry;
  failed?: { error: unknown };
  promise?: Promise<JsonEntry>;
}

/**
 * Writes the whole report. With `elsewhere` (a worker pool), this thread shares the linting: it
 * gives the pool inputs while it has room for them (none before a worker is ready) and, while the
 * next entry to write is not back yet, lints the next input nobody has taken. Standard input and
 * files read in windows are linted here, in their turn. Entries are written in input order, and a failure surfaces in its turn
 * too, so the output does not depend on which thread linted what.
 */
export async function writeJsonReport(inputs: InputFile[], ruleSet: RuleSet, io: Io, settings: LintSettings, minSeverity: Severity, elsewhere: RunElsewhere): Promise<SeverityTally> {
  const tally: SeverityTally = { error: 0, warning: 0, info: 0 };
  const slots: Array<Slot | undefined> = [];
  let next = 0;
  let writing = 0;
  const toPool = (): void => {
    while (elsewhere && next < inputs.length && next - writing < LOOKAHEAD && elsewhere.hasRoom()) {
      const i = next++;
      if (inputs[i].path === STDIN) {
        slots[i] = { entry: { deferred: true } };
        continue;
      }
      const slot: Slot = { promise: elsewhere.run(inputs[i]) };
      slot.promise!.then(
        (entry) => void (slot.entry = entry),
        (error: unknown) => void (slot.failed = { error }),
      );
      slots[i] = slot;
    }
  };
  const here = async (i: number): Promise<Slot> => {
    if (inputs[i].path === STDIN) return { entry: { deferred: true } };
    let slot: Slot;
    try {
      slot = { entry: await jsonEntry(inputs[i], ruleSet, io, settings, minSeverity) };
    } catch (error) {
      slot = { failed: { error } };
    }
    // Linting here runs without a break: let the workers' messages in (a worker ready, an answer),
    // so they get more work.
    if (elsewhere) await new Promise<void>((resolve) => setImmediate(resolve));
    return slot;
  };
  io.stdout(JSON_HEAD);
  for (; writing < inputs.length; writing++) {
    const i = writing;
    for (;;) {
      toPool();
      const slot = slots[i];
      if (!slot || slot.entry || slot.failed) break;
      if (next < inputs.length && next - i < LOOKAHEAD) {
        const j = next++;
        slots[j] = await here(j);
      } else {
        await slot.promise!.catch(() => undefined);
      }
    }
    // Not taken by anyone: this thread's.
    const slot = slots[i] ?? (next++, await here(i));
    slots[i] = undefined;
    if (slot.failed) throw slot.failed.error;
    io.stdout(jsonFileSeparator(i));
    const entry = slot.entry!;
    // Deferred: standard input, to be read here, or a file already known to be read in windows.
    if (entry.deferred) addTally(tally, await writeJsonEntry(inputs[i], ruleSet, io, settings, minSeverity, inputs[i].path !== STDIN));
    else {
      io.stdout(entry.chunk!);
      addTally(tally, entry.tally!);
    }
    await io.drained?.();
  }
  io.stdout(jsonTail(inputs.length));
  return tally;
}
