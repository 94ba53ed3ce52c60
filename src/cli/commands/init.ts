import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { CONFIG_NAMES } from "../../config/find.js";
import { STARTER_CONFIG } from "../../config/starter.js";
import { InputError } from "../../text/source.js";
import { EXIT_OK, type Io } from "../io.js";

/** Writes a commented starter config in the working folder; never overwrites one. */
function runInit(io: Io): number {
  const existing = CONFIG_NAMES.find((name) => existsSync(join(io.cwd, name)));
  if (existing) throw new InputError(`${existing} already exists; edit it, or remove it to start again`);
  writeFileSync(join(io.cwd, CONFIG_NAMES[0]), STARTER_CONFIG, { flag: "wx" });
  io.stderr(`mtlint: wrote ${CONFIG_NAMES[0]}\n`);
  return EXIT_OK;
}

export function registerInit(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("init")
    .description(`write a commented starter ${CONFIG_NAMES[0]} in this folder`)
    .action(() => setExit(runInit(io)));
}
