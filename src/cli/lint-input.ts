/** Linting one input of `check`: the unit of work that runs on the main thread or in a worker. */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { FileResult, SourceFile } from "../types.js";
import { checkSource } from "../linter.js";
import type { RuleSet } from "../rules/compile.js";
import { checkPlainStream } from "../stream/check-stream.js";
import { applySuppressions } from "../suppress/filter.js";
import { loadExtractor } from "../text/extract.js";
import { typeFromPath } from "../text/source.js";
import { containsBytes } from "../text/stream.js";
import { STDIN } from "./inputs.js";
import { readInput, type InputFile } from "./options.js";
import type { Io } from "./io.js";

/** Plain-text files from this size on are read window by window when the report allows it. */
const STREAM_BYTES = 8 << 20;

export interface LintSettings {
  reportUnusedDisables: boolean;
  /** The report needs only findings and their positions (no file text, no baseline, no git). */
  streamable: boolean;
}

/** A file's findings, less those its inline directives silence. */
export function lintSource(source: SourceFile, ruleSet: RuleSet, reportUnusedDisables: boolean): FileResult {
  return applySuppressions(checkSource(source, ruleSet), reportUnusedDisables);
}

/**
 * Whether to stream a file: a large plain-text one, when the report allows it, and when it holds
 * no `mtlint-` directive (whose regions may span the whole file, so need it whole).
 */
export async function shouldStream(input: InputFile, path: string, settings: LintSettings): Promise<boolean> {
  if (!settings.streamable || input.path === STDIN || (input.type ?? typeFromPath(path) ?? "text") !== "text") return false;
  // Synchronous: a promise and a thread-pool round trip per file cost more than the call itself.
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    // Unreadable: reading it whole reports why.
  }
  return size >= STREAM_BYTES && !(await containsBytes(path, "mtlint-"));
}

export async function lintInput(input: InputFile, ruleSet: RuleSet, io: Pick<Io, "cwd" | "readStdin">, settings: LintSettings): Promise<FileResult> {
  const path = resolve(io.cwd, input.path);
  if (await shouldStream(input, path, settings)) return { ...(await checkPlainStream(path, ruleSet)), path: input.path };
  return lintWhole(input, ruleSet, io, settings);
}

/** An input read whole and linted (its document type's parser loaded first). */
export async function lintWhole(input: InputFile, ruleSet: RuleSet, io: Pick<Io, "cwd" | "readStdin">, settings: LintSettings): Promise<FileResult> {
  const source = await readInput(input, io);
  await loadExtractor(source.type);
  return lintSource(source, ruleSet, settings.reportUnusedDisables);
}
