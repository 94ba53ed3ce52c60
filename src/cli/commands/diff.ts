import type { Command } from "commander";
import type { Io } from "../io.js";
import { addCommonOptions, type CommonOptions } from "../options.js";
import { runCheck } from "./check.js";

export function registerDiff(program: Command, io: Io, setExit: (code: number) => void): void {
  addCommonOptions(program.command("diff").description("print one unified patch applying the first suggestion of every finding"), ["diff"], "diff").action(
    async (paths: string[], opts: CommonOptions) => setExit(await runCheck(paths, { ...opts, format: "diff" }, io)),
  );
}
