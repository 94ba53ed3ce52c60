import type { Command } from "commander";
import type { FileResult } from "../../types.js";
import { checkSource, fixSource } from "../../linter.js";
import { encodeSource } from "../../text/source.js";
import { loadExtractor } from "../../text/extract.js";
import type { Io } from "../io.js";
import { loadConfig } from "../../config/find.js";
import { applySuppressions } from "../../suppress/filter.js";
import { addCommonOptions, exitFor, filterSeverity, readInputs, rulesFor, type CommonOptions } from "../options.js";
import { writeAtomic } from "../../write-atomic.js";

type FixOptions = CommonOptions & { dryRun?: boolean };

/** Applies `auto` fixes in place (stdin: prints the fixed text); the exit code follows the fail policy for what remains. */
async function runFix(paths: string[], opts: FixOptions, io: Io): Promise<number> {
  const config = await loadConfig(opts.config, io.cwd);
  const ruleSet = await rulesFor(opts, config);
  const sources = await readInputs(paths, opts, io, config);
  for (const type of new Set(sources.map((s) => s.type))) await loadExtractor(type);
  // The patch module (and the diff package) only for --dry-run.
  const formatPatch = opts.dryRun ? (await import("../../report/diff.js")).formatPatch : undefined;
  // What an inline directive silences is neither fixed nor counted as remaining.
  const unsuppressed = (result: FileResult): FileResult => applySuppressions(result, false);
  let applied = 0;
  let changedFiles = 0;
  const remaining: FileResult[] = [];
  for (const source of sources) {
    const fixed = fixSource(source, ruleSet, undefined, unsuppressed);
    applied += fixed.applied;
    if (fixed.text !== source.text) changedFiles++;
    const stdin = source.path === "<stdin>";
    if (formatPatch) io.stdout(formatPatch(stdin ? "stdin" : source.path, source.text, fixed.text));
    else if (stdin) io.stdout(encodeSource(source, fixed.text).toString("utf8"));
    else if (fixed.text !== source.text) writeAtomic(source.path, encodeSource(source, fixed.text));
    remaining.push(filterSeverity(unsuppressed(checkSource({ ...source, text: fixed.text }, ruleSet)), opts.minSeverity));
  }
  io.stderr(`mtlint: ${opts.dryRun ? "would fix" : "fixed"} ${applied} problem${applied === 1 ? "" : "s"} in ${changedFiles} file${changedFiles === 1 ? "" : "s"}\n`);
  return exitFor(remaining, opts);
}

export function registerFix(program: Command, io: Io, setExit: (code: number) => void): void {
  addCommonOptions(program.command("fix").description("apply the fixes marked auto, in place"), ["pretty"], "pretty")
    .option("--dry-run", "print the unified patch instead of writing")
    .action(async (paths: string[], opts: FixOptions) => setExit(await runFix(paths, opts, io)));
}
