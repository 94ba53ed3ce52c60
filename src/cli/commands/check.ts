import { appendFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import type { FileResult } from "../../types.js";
import type { Config } from "../../config/config.js";
import { loadConfig } from "../../config/find.js";
import { FORMAT_NAMES } from "../../report/index.js";
import { InputError } from "../../text/source.js";
import { EXIT_OK, type Io } from "../io.js";
import { addCommonOptions, exitFor, exitForTally, filterSeverity, listInputs, loadOptionsFor, report, rulesFor, type CommonOptions } from "../options.js";
import { lintInputs, lintJsonl, reportJsonInputs, type RunSettings } from "../parallel.js";
import { defaultJobs } from "../workers.js";

/** Options of `check` beyond the common ones; `diff` runs the same pipeline without them. */
export interface CheckOptions extends CommonOptions {
  baseline?: string;
  writeBaseline?: string;
  changedSince?: string;
  reportUnusedDisables?: boolean;
  jobs?: number;
  jsonl?: boolean;
  idField?: string;
  textField?: string;
}

/** Whether the report is JSON of the findings alone (no baseline, no changed-lines filter): it can be written file by file. */
function findingsOnlyJson(opts: CheckOptions): boolean {
  return opts.format === "json" && !opts.baseline && !opts.writeBaseline && !opts.changedSince;
}

/** How linting runs: threads, streaming (only when the report needs nothing but findings), JSONL fields. */
function runSettings(opts: CheckOptions, config: Config): RunSettings {
  const reportUnusedDisables = opts.reportUnusedDisables ?? false;
  const streamable = findingsOnlyJson(opts) && !reportUnusedDisables;
  return {
    jobs: opts.jobs ?? defaultJobs(),
    jobsGiven: opts.jobs !== undefined,
    load: loadOptionsFor(opts, config),
    lint: { reportUnusedDisables, streamable },
    jsonl: { idField: opts.idField ?? "id", textField: opts.textField ?? "text", minSeverity: opts.minSeverity, reportUnusedDisables },
  };
}

/** What is reported: findings new since the baseline, on lines changed since a ref, at the minimum severity or above. */
async function select(results: FileResult[], opts: CheckOptions, io: Io): Promise<FileResult[]> {
  let selected = results;
  if (opts.baseline) {
    const { readBaseline, subtractBaseline } = await import("../../baseline/baseline.js");
    selected = subtractBaseline(results, readBaseline(resolve(io.cwd, opts.baseline)));
  }
  if (opts.changedSince) selected = (await import("../../git/changed-lines.js")).keepChangedLines(selected, opts.changedSince, io.cwd);
  return selected.map((r) => filterSeverity(r, opts.minSeverity));
}

/** In a GitHub Actions step, the annotations come with a job summary listing every finding. */
async function writeJobSummary(results: FileResult[], opts: CheckOptions, io: Io): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (opts.format !== "github" || !file) return;
  const { formatGithubSummary } = await import("../../report/github.js");
  appendFileSync(file, formatGithubSummary(results));
}

/** read -> lint (suppressions applied) -> select -> report -> exit code. */
export async function runCheck(paths: string[], opts: CheckOptions, io: Io): Promise<number> {
  const config = await loadConfig(opts.config, io.cwd);
  const ruleSet = await rulesFor(opts, config);
  const settings = runSettings(opts, config);
  if (opts.jsonl) {
    if (paths.length !== 1 || paths[0] !== "-") throw new InputError("--jsonl reads standard input: give - as the only path");
    return exitForTally(await lintJsonl(ruleSet, io, settings), opts);
  }
  const inputs = await listInputs(paths, opts, io, config);
  // Such a report is written file by file as results arrive.
  if (findingsOnlyJson(opts)) {
    return exitForTally(await reportJsonInputs(inputs, ruleSet, io, settings, opts.minSeverity), opts);
  }
  const linted = await lintInputs(inputs, ruleSet, io, settings);
  if (opts.writeBaseline) {
    const count = linted.reduce((n, r) => n + r.findings.length, 0);
    const { formatBaseline } = await import("../../baseline/baseline.js");
    writeFileSync(resolve(io.cwd, opts.writeBaseline), formatBaseline(linted));
    io.stderr(`mtlint: recorded ${count} finding${count === 1 ? "" : "s"} in ${opts.writeBaseline}\n`);
    return EXIT_OK;
  }
  const results = await select(linted, opts, io);
  await report(results, opts, io);
  await writeJobSummary(results, opts, io);
  return exitFor(results, opts);
}

function positiveNumber(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError("expected a whole number of at least 1");
  return Number(value);
}

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  addCommonOptions(program.command("check").description("report literal-translation problems"), FORMAT_NAMES, "pretty")
    .option("--baseline <file>", "report only findings that the baseline file does not record")
    .addOption(new Option("--write-baseline <file>", "record today's findings in a baseline file, report nothing, exit 0").conflicts("baseline"))
    .option("--changed-since <ref>", "report only findings on lines changed since a git ref (pull-request mode)")
    .option("--report-unused-disables", "report mtlint-disable directives that silence nothing, as warnings")
    .option("--jobs <n>", "threads for many files or --jsonl (default: the number of cores, for 16 MB of input or more per thread)", positiveNumber)
    .option("--jsonl", "read JSON records, one a line, from standard input (-); write one line of findings per record")
    .option("--id-field <name>", "with --jsonl: the field that identifies a record", "id")
    .option("--text-field <name>", "with --jsonl: the field that holds the text", "text")
    .action(async (paths: string[], opts: CheckOptions) => setExit(await runCheck(paths, opts, io)));
}
