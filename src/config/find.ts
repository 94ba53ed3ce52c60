import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigError, validateConfig, type Config } from "./config.js";

/** Names looked for in each folder, in this order. */
export const CONFIG_NAMES = ["mtlint.config.yaml", "mtlint.config.yml", "mtlint.config.json"];

/** The nearest config file in `cwd` or a folder above it. */
function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const path = join(dir, name);
      if (existsSync(path)) return path;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Reads and validates a config file (YAML; JSON is valid YAML and parses the same way). */
export async function readConfig(path: string): Promise<Config> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ConfigError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const { parseDocument } = await import("yaml");
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    throw new ConfigError(`${path}${err.linePos ? `:${err.linePos[0].line}` : ""}: ${err.message.split("\n")[0]}`);
  }
  const dir = dirname(resolve(path));
  return validateConfig(doc.toJS(), path, dir, (p) => resolve(dir, p));
}

/**
 * The config for a run: `--config FILE` when given (it must exist), else the nearest file found
 * from the working folder upwards, else an empty config.
 */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<Config> {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path)) throw new ConfigError(`${explicit}: no such config file`);
    return readConfig(path);
  }
  const found = findConfig(cwd);
  return found ? readConfig(found) : { dir: resolve(cwd), rules: {}, ruleFiles: [], ignore: [], types: {} };
}
