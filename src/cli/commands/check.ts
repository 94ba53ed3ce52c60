import type { Command } from "commander";
import { checkSource } from "../../linter.js";
import { FORMAT_NAMES } from "../../report/index.js";
import type { Io } from "../io.js";
import { addCommonOptions, exitFor, filterSeverity, readInputs, report, rulesFor, type CommonOptions } from "../options.js";

export async function runCheck(paths: string[], opts: CommonOptions, io: Io): Promise<number> {
  const ruleSet = await rulesFor(opts);
  const sources = await readInputs(paths, opts, io);
  const results = sources.map((s) => filterSeverity(checkSource(s, ruleSet), opts.minSeverity));
  await report(results, opts, io);
  return exitFor(results);
}

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  addCommonOptions(program.command("check").description("report literal-translation problems"), FORMAT_NAMES, "pretty").action(
    async (paths: string[], opts: CommonOptions) => setExit(await runCheck(paths, opts, io)),
  );
}
