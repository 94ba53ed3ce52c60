import { resolve } from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import type { DocumentType, FileResult, Severity, SourceFile } from "../types.js";
import { SEVERITIES } from "../types.js";
import { loadRules, readSource, type LoadOptions } from "../linter.js";
import type { RuleSet } from "../rules/compile.js";
import { decodeSource, InputError } from "../text/source.js";
import { loadFormatter } from "../report/index.js";
import type { Config } from "../config/config.js";
import { expandInputs, STDIN } from "./inputs.js";
import { EXIT_FINDINGS, EXIT_OK, type Io } from "./io.js";

/** Options shared by check, fix and diff. */
export interface CommonOptions {
  /** Unset unless given, so that the config file's `from` applies. */
  from?: string;
  format: string;
  minSeverity: Severity;
  color: boolean;
  type?: DocumentType;
  rules?: string[];
  builtin: boolean;
  config?: string;
  failOn: FailOn;
  maxWarnings?: number;
}

/** The lowest severity that makes the exit code 1, or never. */
export type FailOn = Severity | "never";

/** Accumulates a repeatable option; a variadic one would swallow the paths that follow it. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function addCommonOptions(cmd: Command, formats: string[], defaultFormat: string): Command {
  return cmd
    .argument("[paths...]", "files, folders, globs, or - for stdin")
    .option("--from <lang>", 'source language of the translation (default: the config\'s "from", else fr)')
    .addOption(new Option("--format <name>", "output format").choices(formats).default(defaultFormat))
    .addOption(new Option("--min-severity <level>", "report findings at this severity or above").choices([...SEVERITIES]).default("info"))
    .option("--no-color", "plain output (NO_COLOR is honoured too)")
    .addOption(new Option("--type <type>", "file type, instead of detection by extension").choices(["text", "markdown", "html"]))
    .option("--rules <path>", "extra rule file or folder (YAML); repeatable", collect, [])
    .option("--no-builtin", "leave out the built-in rules (use only --rules)")
    .option("--config <file>", "config file (default: the nearest mtlint.config.yaml, .yml or .json from here upwards)")
    .addOption(new Option("--fail-on <level>", "exit 1 when a finding is at this severity or above").choices([...SEVERITIES, "never"]).default("error"))
    .option("--max-warnings <n>", "also exit 1 when more than n findings are warnings", wholeNumber);
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number such as 0 or 25");
  return Number(value);
}

/** An input to check: a file path as given (with its type, when the config or --type sets one), or STDIN. */
export interface InputFile {
  path: string;
  type?: DocumentType;
}

/** The inputs, leaving out what the config ignores; --type beats the config's types, which beat the extension. */
export async function listInputs(paths: string[], opts: CommonOptions, io: Io, config: Config): Promise<InputFile[]> {
  if (paths.length === 0) throw new InputError("no input: give files, folders, globs or - for standard input");
  const files = await expandInputs(paths, io.cwd);
  // A config without ignore or types globs says nothing about files: no glob package to load.
  const byConfig =
    config.ignore.length > 0 || Object.keys(config.types).length > 0
      ? await (await import("../config/files.js")).fileRules(config, io.cwd)
      : { ignored: () => false, typeOf: () => undefined };
  return files
    .filter((path) => path === STDIN || !byConfig.ignored(path))
    .map((path) => ({ path, type: opts.type ?? (path === STDIN ? "text" : byConfig.typeOf(path)) }));
}

export async function readInput(input: InputFile, io: Pick<Io, "cwd" | "readStdin">): Promise<SourceFile> {
  if (input.path === STDIN) return decodeSource("<stdin>", await io.readStdin(), input.type ?? "text");
  // Read from io.cwd (which tests set) but keep the path as given for reports.
  return { ...readSource(resolve(io.cwd, input.path), input.type), path: input.path };
}

export async function readInputs(paths: string[], opts: CommonOptions, io: Io, config: Config): Promise<SourceFile[]> {
  const sources: SourceFile[] = [];
  for (const input of await listInputs(paths, opts, io, config)) sources.push(await readInput(input, io));
  return sources;
}

/** What to load for a run: the command line overrides the config file, and --rules adds to its ruleFiles. */
export function loadOptionsFor(opts: CommonOptions, config: Config): LoadOptions {
  return {
    from: opts.from ?? config.from,
    ruleFiles: [...config.ruleFiles, ...(opts.rules ?? [])],
    noBuiltin: !opts.builtin || config.builtin === false,
    ruleSettings: config.rules,
  };
}

export function rulesFor(opts: CommonOptions, config: Config): Promise<RuleSet> {
  return loadRules(loadOptionsFor(opts, config));
}

export function filterSeverity(result: FileResult, min: Severity): FileResult {
  return { ...result, findings: result.findings.filter((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[min]) };
}

/** How many findings there are at each severity. */
export type SeverityTally = Record<Severity, number>;

export function tallyOf(results: FileResult[]): SeverityTally {
  const tally: SeverityTally = { error: 0, warning: 0, info: 0 };
  for (const r of results) for (const f of r.findings) tally[f.severity]++;
  return tally;
}

/** 1 when a finding reaches --fail-on, or when warnings outnumber --max-warnings; else 0. */
export function exitForTally(tally: SeverityTally, policy: { failOn: FailOn; maxWarnings?: number }): number {
  const { failOn, maxWarnings } = policy;
  if (failOn !== "never" && SEVERITIES.some((s) => tally[s] > 0 && SEVERITY_RANK[s] <= SEVERITY_RANK[failOn])) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && tally.warning > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

export function exitFor(results: FileResult[], policy: { failOn: FailOn; maxWarnings?: number }): number {
  return exitForTally(tallyOf(results), policy);
}

export async function report(results: FileResult[], opts: CommonOptions, io: Io): Promise<void> {
  const formatter = await loadFormatter(opts.format);
  if (!formatter) throw new InputError(`unknown format "${opts.format}"`);
  const color = opts.color && io.isTTY && !(io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "");
  io.stdout(formatter(results, { color }));
}
