import { Option, type Command } from "commander";
import type { DocumentType, FileResult, Severity, SourceFile } from "../types.js";
import { SEVERITIES } from "../types.js";
import { loadRules, readSource } from "../linter.js";
import type { RuleSet } from "../rules/compile.js";
import { decodeSource, InputError } from "../text/source.js";
import { loadFormatter } from "../report/index.js";
import { expandInputs, STDIN } from "./inputs.js";
import { EXIT_FINDINGS, EXIT_OK, type Io } from "./io.js";

/** Options shared by check, fix and diff. */
export interface CommonOptions {
  from: string;
  format: string;
  minSeverity: Severity;
  color: boolean;
  type?: DocumentType;
  rules?: string[];
  builtin: boolean;
}

/** Accumulates a repeatable option; a variadic one would swallow the paths that follow it. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function addCommonOptions(cmd: Command, formats: string[], defaultFormat: string): Command {
  return cmd
    .argument("[paths...]", "files, folders, globs, or - for stdin")
    .option("--from <lang>", "source language of the translation", "fr")
    .addOption(new Option("--format <name>", "output format").choices(formats).default(defaultFormat))
    .addOption(new Option("--min-severity <level>", "report findings at this severity or above").choices([...SEVERITIES]).default("info"))
    .option("--no-color", "plain output (NO_COLOR is honoured too)")
    .addOption(new Option("--type <type>", "file type, instead of detection by extension").choices(["text", "markdown", "html"]))
    .option("--rules <path>", "extra rule file or folder (YAML); repeatable", collect, [])
    .option("--no-builtin", "leave out the built-in rules (use only --rules)");
}

export async function readInputs(paths: string[], opts: CommonOptions, io: Io): Promise<SourceFile[]> {
  if (paths.length === 0) throw new InputError("no input: give files, folders, globs or - for standard input");
  const files = await expandInputs(paths, io.cwd);
  const sources: SourceFile[] = [];
  for (const path of files) {
    if (path === STDIN) sources.push(decodeSource("<stdin>", await io.readStdin(), opts.type ?? "text"));
    else sources.push(readSource(path, opts.type));
  }
  return sources;
}

export function rulesFor(opts: CommonOptions): Promise<RuleSet> {
  return loadRules({ from: opts.from, ruleFiles: opts.rules, noBuiltin: !opts.builtin });
}

export function filterSeverity(result: FileResult, min: Severity): FileResult {
  return { ...result, findings: result.findings.filter((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[min]) };
}

export function exitFor(results: FileResult[]): number {
  return results.some((r) => r.findings.some((f) => f.severity === "error")) ? EXIT_FINDINGS : EXIT_OK;
}

export async function report(results: FileResult[], opts: CommonOptions, io: Io): Promise<void> {
  const formatter = await loadFormatter(opts.format);
  if (!formatter) throw new InputError(`unknown format "${opts.format}"`);
  const color = opts.color && io.isTTY && !(io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "");
  io.stdout(formatter(results, { color }));
}
