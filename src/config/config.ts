import type { DocumentType, Severity } from "../types.js";
import { SEVERITIES } from "../types.js";
import { InputError } from "../text/source.js";

/** A rule's setting in the config file: off, or the severity it reports at. */
export type RuleSetting = Severity | "off";

/** A validated config file; paths in it are resolved against the file's folder. */
export interface Config {
  /** The file read, or undefined when none was found (every field then empty). */
  file?: string;
  /** The folder that the file's relative paths and globs start from. */
  dir: string;
  from?: string;
  builtin?: boolean;
  rules: Record<string, RuleSetting>;
  ruleFiles: string[];
  ignore: string[];
  types: Record<string, DocumentType>;
}

/** A config file that cannot be used; the CLI prints the message (file and key) on one line and exits 2. */
export class ConfigError extends InputError {}

const TOP_KEYS = ["from", "rulesets", "rules", "ruleFiles", "ignore", "types"];
const RULE_SETTINGS: readonly string[] = ["off", ...SEVERITIES];
const TYPES: readonly string[] = ["text", "markdown", "html"];

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, key: string, fail: (m: string) => never): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string" && x !== "")) fail(`${key} must be a list of paths or globs`);
  return v as string[];
}

/** Checks a parsed config file; the first problem found becomes a ConfigError. */
export function validateConfig(data: unknown, file: string, dir: string, resolvePath: (p: string) => string): Config {
  const fail = (message: string): never => {
    throw new ConfigError(`${file}: ${message}`);
  };
  const config: Config = { file, dir, rules: {}, ruleFiles: [], ignore: [], types: {} };
  if (data === null || data === undefined) return config;
  if (!isMapping(data)) return fail("expected a mapping of settings");
  for (const key of Object.keys(data)) if (!TOP_KEYS.includes(key)) fail(`unknown key "${key}" (known: ${TOP_KEYS.join(", ")})`);
  if (data.from !== undefined) {
    if (typeof data.from !== "string") fail("from must be a language code such as fr");
    config.from = data.from as string;
  }
  if (data.rulesets !== undefined) {
    if (!isMapping(data.rulesets)) fail("rulesets must be a mapping such as {builtin: true}");
    for (const [name, on] of Object.entries(data.rulesets as Record<string, unknown>)) {
      if (name !== "builtin") fail(`unknown rule set "rulesets.${name}" (known: builtin)`);
      if (typeof on !== "boolean") fail(`rulesets.${name} must be true or false`);
      config.builtin = on as boolean;
    }
  }
  if (data.rules !== undefined) {
    if (!isMapping(data.rules)) fail("rules must be a mapping of rule id to off, error, warning or info");
    for (const [id, setting] of Object.entries(data.rules as Record<string, unknown>)) {
      if (typeof setting !== "string" || !RULE_SETTINGS.includes(setting)) fail(`rules.${id} must be one of ${RULE_SETTINGS.join(", ")}`);
      config.rules[id] = setting as RuleSetting;
    }
  }
  if (data.ruleFiles !== undefined) config.ruleFiles = stringList(data.ruleFiles, "ruleFiles", fail).map(resolvePath);
  if (data.ignore !== undefined) config.ignore = stringList(data.ignore, "ignore", fail);
  if (data.types !== undefined) {
    if (!isMapping(data.types)) fail('types must be a mapping of glob to text, markdown or html, such as {"*.htm.txt": html}');
    for (const [glob, type] of Object.entries(data.types as Record<string, unknown>)) {
      if (typeof type !== "string" || !TYPES.includes(type)) fail(`types."${glob}" must be one of ${TYPES.join(", ")}`);
      config.types[glob] = type as DocumentType;
    }
  }
  return config;
}
