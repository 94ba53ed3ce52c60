import { Command, CommanderError, Option } from "commander";
import type { DocumentType, FileResult, Severity, SourceFile } from "../types.js";
import { CATEGORIES, SEVERITIES } from "../types.js";
import { checkSource, fixSource, loadRules, readSource } from "../linter.js";
import { RuleLoadError } from "../rules/raw.js";
import type { RuleSet } from "../rules/compile.js";
import { decodeSource, encodeSource, InputError } from "../text/source.js";
import { FORMAT_NAMES, loadFormatter } from "../report/index.js";
import { expandInputs, STDIN } from "./inputs.js";
import { writeAtomic } from "./write.js";

/** What the CLI may touch of the outside world; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Buffer>;
  cwd: string;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

interface CommonOptions {
  from: string;
  format: string;
  minSeverity: Severity;
  color: boolean;
  type?: DocumentType;
  rules?: string[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function commonOptions(cmd: Command, formats: string[], defaultFormat: string): Command {
  return cmd
    .option("--from <lang>", "source language of the translation", "fr")
    .addOption(new Option("--format <name>", "output format").choices(formats).default(defaultFormat))
    .addOption(new Option("--min-severity <level>", "report findings at this severity or above").choices([...SEVERITIES]).default("info"))
    .option("--no-color", "plain output (NO_COLOR is honoured too)")
    .addOption(new Option("--type <type>", "file type, instead of detection by extension").choices(["text", "markdown", "html"]))
    .option("--rules <path...>", "extra rule files or folders (YAML)");
}

async function readInputs(paths: string[], opts: CommonOptions, io: Io): Promise<SourceFile[]> {
  if (paths.length === 0) throw new InputError("no input: give files, folders, globs or - for standard input");
  const files = await expandInputs(paths, io.cwd);
  const sources: SourceFile[] = [];
  for (const path of files) {
    if (path === STDIN) sources.push(decodeSource("<stdin>", await io.readStdin(), opts.type ?? "text"));
    else sources.push(readSource(path, opts.type));
  }
  return sources;
}

function filterSeverity(result: FileResult, min: Severity): FileResult {
  return { ...result, findings: result.findings.filter((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[min]) };
}

function exitFor(results: FileResult[]): number {
  return results.some((r) => r.findings.some((f) => f.severity === "error")) ? EXIT_FINDINGS : EXIT_OK;
}

async function report(results: FileResult[], opts: CommonOptions, io: Io): Promise<void> {
  const formatter = await loadFormatter(opts.format);
  if (!formatter) throw new InputError(`unknown format "${opts.format}"`);
  const color = opts.color && io.isTTY && !("NO_COLOR" in io.env && io.env.NO_COLOR !== "");
  io.stdout(formatter(results, { color }));
}

async function rulesFor(opts: CommonOptions): Promise<RuleSet> {
  return loadRules({ from: opts.from, ruleFiles: opts.rules });
}

async function runCheck(paths: string[], opts: CommonOptions, io: Io): Promise<number> {
  const ruleSet = await rulesFor(opts);
  const sources = await readInputs(paths, opts, io);
  const results = sources.map((s) => filterSeverity(checkSource(s, ruleSet), opts.minSeverity));
  await report(results, opts, io);
  return exitFor(results);
}

async function runFix(paths: string[], opts: CommonOptions & { dryRun?: boolean }, io: Io): Promise<number> {
  const ruleSet = await rulesFor(opts);
  const sources = await readInputs(paths, opts, io);
  const { formatPatch } = await import("../report/diff.js");
  let applied = 0;
  let changedFiles = 0;
  const remaining: FileResult[] = [];
  for (const source of sources) {
    const fixed = fixSource(source, ruleSet);
    applied += fixed.applied;
    if (fixed.text !== source.text) changedFiles++;
    if (source.path === "<stdin>") io.stdout(opts.dryRun ? formatPatch("stdin", source.text, fixed.text) : encodeSource(source, fixed.text).toString("utf8"));
    else if (opts.dryRun) io.stdout(formatPatch(source.path, source.text, fixed.text));
    else if (fixed.text !== source.text) writeAtomic(source.path, encodeSource(source, fixed.text));
    remaining.push(filterSeverity(checkSource({ ...source, text: fixed.text }, ruleSet), opts.minSeverity));
  }
  const verb = opts.dryRun ? "would fix" : "fixed";
  io.stderr(`mtlint: ${verb} ${applied} problem${applied === 1 ? "" : "s"} in ${changedFiles} file${changedFiles === 1 ? "" : "s"}\n`);
  return exitFor(remaining);
}

async function runDiff(paths: string[], opts: CommonOptions, io: Io): Promise<number> {
  return runCheck(paths, { ...opts, format: "diff" }, io);
}

async function runRules(opts: { from: string; rules?: string[]; category?: string; severity?: Severity; stats?: boolean; format: string }, io: Io): Promise<number> {
  const ruleSet = await loadRules({ from: opts.from, ruleFiles: opts.rules });
  const rules = ruleSet.rules.filter((r) => (!opts.category || r.category === opts.category) && (!opts.severity || r.severity === opts.severity));
  if (opts.stats) {
    const rows = CATEGORIES.map((c) => [c, rules.filter((r) => r.category === c)] as const).filter(([, list]) => list.length > 0);
    const lines = rows.map(([c, list]) => {
      const n = (s: Severity): number => list.filter((r) => r.severity === s).length;
      return `| ${c} | ${list.length} | ${n("error")} | ${n("warning")} | ${n("info")} |`;
    });
    io.stdout(["| category | rules | error | warning | info |", "| --- | ---: | ---: | ---: | ---: |", ...lines, `| total | ${rules.length} | | | |`].join("\n") + "\n");
    return EXIT_OK;
  }
  if (opts.format === "json") {
    io.stdout(
      JSON.stringify(
        rules.map((r) => ({ id: r.id, category: r.category, severity: r.severity, fix: r.fix, message: r.message, explanation: r.explanation, examples: r.raw.examples })),
        null,
        2,
      ) + "\n",
    );
    return EXIT_OK;
  }
  for (const r of rules) io.stdout(`${r.id}\t${r.category}\t${r.severity}\t${r.fix}\t${r.message}\n`);
  return EXIT_OK;
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("mtlint")
    .description("Checks machine-translated English for literal-translation errors and suggests fixes.")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError();

  commonOptions(program.command("check").description("report literal-translation problems").argument("[paths...]", "files, folders, globs, or - for stdin"), FORMAT_NAMES, "pretty").action(
    async (paths: string[], opts: CommonOptions) => setExit(await runCheck(paths, opts, io)),
  );
  commonOptions(program.command("fix").description("apply the fixes marked auto, in place").argument("[paths...]", "files, folders, globs, or - for stdin"), ["pretty"], "pretty")
    .option("--dry-run", "print the unified patch instead of writing")
    .action(async (paths: string[], opts: CommonOptions & { dryRun?: boolean }) => setExit(await runFix(paths, opts, io)));
  commonOptions(program.command("diff").description("print one unified patch applying the first suggestion of every finding").argument("[paths...]", "files, folders, globs, or - for stdin"), ["diff"], "diff").action(
    async (paths: string[], opts: CommonOptions) => setExit(await runDiff(paths, opts, io)),
  );
  program
    .command("rules")
    .description("list the rules")
    .option("--from <lang>", "source language of the translation", "fr")
    .option("--rules <path...>", "extra rule files or folders (YAML)")
    .addOption(new Option("--category <name>", "only this category").choices([...CATEGORIES]))
    .addOption(new Option("--severity <level>", "only this severity").choices([...SEVERITIES]))
    .option("--stats", "counts per category and severity")
    .addOption(new Option("--format <name>", "output format").choices(["text", "json"]).default("text"))
    .action(async (opts) => setExit(await runRules(opts, io)));
  return program;
}

/** Runs the CLI; returns the exit code (0 clean, 1 findings at error severity, 2 usage or input error). */
export async function main(argv: string[], io: Io): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: "user" });
    if (argv.length === 0) {
      io.stderr(program.helpInformation());
      return EXIT_USAGE;
    }
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help" ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof InputError || e instanceof RuleLoadError) {
      io.stderr(`mtlint: ${e.message}\n`);
      return EXIT_USAGE;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === "string" && err.syscall) {
      io.stderr(`mtlint: ${err.path ?? ""}: ${err.code}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`mtlint: internal error: ${err?.message ?? String(e)}\n`);
    return EXIT_USAGE;
  }
}
