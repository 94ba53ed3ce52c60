/**
 * Where `check` does its linting: on the main thread, or spread over a worker pool when there is
 * enough work to pay for starting workers. Either way results come back in input order, so the
 * output does not depend on --jobs.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { FileResult, Severity } from "../types.js";
import type { LoadOptions } from "../linter.js";
import type { RuleSet } from "../rules/compile.js";
import { STDIN } from "./inputs.js";
import type { Io } from "./io.js";
import { recordLines, runJsonl, type JsonlBatch, type JsonlOutput, type JsonlSettings } from "./jsonl.js";
import { lintInput, type LintSettings } from "./lint-input.js";
import { writeJsonReport } from "./json-report.js";
import type { InputFile, SeverityTally } from "./options.js";
import { WorkerPool } from "./workers.js";

/**
 * A worker costs about as much to start as one run of mtlint, warms up on its own, and two busy
 * threads slow each other down by about a fifth on this engine. Measured on 10 KB articles with
 * `--jobs 2` against `--jobs 1`: slower at 6 MB of input, even at 12 MB, 1.1x faster at 24 MB.
 * So by default each thread gets at least this much input; and always at least 4 files.
 */
const MIN_BYTES_PER_THREAD = 16 << 20;
const MIN_FILES_PER_THREAD = 4;

export interface RunSettings {
  jobs: number;
  /** The user gave --jobs: use that many threads wherever there are files for them, whatever their size. */
  jobsGiven: boolean;
  load: LoadOptions;
  lint: LintSettings;
  jsonl: JsonlSettings;
}

function pool(size: number, settings: RunSettings, io: Io, depth?: number): WorkerPool {
  return new WorkerPool(size, { load: settings.load, cwd: io.cwd, lint: settings.lint, jsonl: settings.jsonl }, depth);
}

/** How many threads to lint these inputs on (below 2: this one alone). */
function poolSize(inputs: InputFile[], settings: RunSettings, cwd: string): number {
  const files = inputs.filter((i) => i.path !== STDIN);
  const byFiles = Math.floor(files.length / MIN_FILES_PER_THREAD);
  if (Math.min(settings.jobs, byFiles) < 2) return 1;
  if (settings.jobsGiven) return Math.min(settings.jobs, byFiles);
  let bytes = 0;
  for (const { path } of files) {
    try {
      bytes += statSync(resolve(cwd, path)).size;
    } catch {
      // Reported when the file is read.
    }
  }
  return Math.min(settings.jobs, byFiles, Math.floor(bytes / MIN_BYTES_PER_THREAD));
}

/** Tasks posted to a worker ahead of its answers, for the JSON report. */
const JSON_DEPTH = 4;

/**
 * `check --format json` (when nothing but findings is needed): the report written as files are
 * done. This thread lints too, so N threads are N - 1 workers and this one: one worker fewer to
 * start (each loads the rules and warms up on its own), and no thread idle.
 */
export async function reportJsonInputs(inputs: InputFile[], ruleSet: RuleSet, io: Io, settings: RunSettings, minSeverity: Severity): Promise<SeverityTally> {
  const threads = poolSize(inputs, settings, io.cwd);
  if (threads < 2) return writeJsonReport(inputs, ruleSet, io, settings.lint, minSeverity, undefined);
  const workers = pool(threads - 1, settings, io, JSON_DEPTH);
  try {
    const elsewhere = { run: (input: InputFile) => workers.run({ kind: "json", input, minSeverity }), hasRoom: () => workers.hasRoom() };
    return await writeJsonReport(inputs, ruleSet, io, settings.lint, minSeverity, elsewhere);
  } finally {
    await workers.close();
  }
}

export async function lintInputs(inputs: InputFile[], ruleSet: RuleSet, io: Io, settings: RunSettings): Promise<FileResult[]> {
  const size = poolSize(inputs, settings, io.cwd);
  if (size < 2) {
    const results: FileResult[] = [];
    for (const input of inputs) results.push(await lintInput(input, ruleSet, io, settings.lint));
    return results;
  }
  const workers = pool(size, settings, io);
  try {
    // Standard input can only be read here; every file goes to the pool.
    return await Promise.all(
      inputs.map((input) => (input.path === STDIN ? lintInput(input, ruleSet, io, settings.lint) : workers.run({ kind: "input", input }))),
    );
  } finally {
    await workers.close();
  }
}

/** `check --jsonl`: the first batch runs here, so a short stream never waits for workers to start. */
export async function lintJsonl(ruleSet: RuleSet, io: Io, settings: RunSettings): Promise<SeverityTally> {
  let workers: WorkerPool | undefined;
  let batches = 0;
  const lint = async (batch: JsonlBatch): Promise<JsonlOutput> => {
    if (settings.jobs < 2 || batches++ === 0) return recordLines(batch, ruleSet, settings.jsonl);
    workers ??= pool(settings.jobs, settings, io);
    return workers.run({ kind: "records", batch });
  };
  try {
    return await runJsonl(io, settings.jsonl, lint, Math.max(2, settings.jobs * 2));
  } finally {
    await workers?.close();
  }
}
