import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { main, type Io } from "../src/cli/main.js";
import { checkSource, compileRuleSet } from "../src/linter.js";
import { readRuleFiles } from "../src/rules/load.js";
import type { RuleSet } from "../src/rules/compile.js";
import type { DocumentType, FileResult } from "../src/types.js";
import { ROOT, SHARED } from "./helpers.js";

/** The small rule set of tests/fixtures/ci, without the built-in rules. */
export const CI_RULES = join(ROOT, "tests", "fixtures", "ci", "rules.yaml");

/** The fixture rules alone, examples checked; no built-in file is read, so rule edits elsewhere cannot break these tests. */
export async function ciRules(): Promise<RuleSet> {
  return compileRuleSet(await readRuleFiles([CI_RULES]), true);
}

export function resultFor(ruleSet: RuleSet, path: string, text: string, type: DocumentType = "text"): FileResult {
  return checkSource({ path, text, bom: false, type }, ruleSet);
}

/**
 * A validator for one of the schemas in ../shared/schemas. Both SARIF 2.1.0 and reviewdog's
 * schemas declare JSON Schema draft-04 ("id", boolean exclusiveMinimum), which Ajv 8's default
 * class no longer reads, hence ajv-draft-04; ajv-formats checks the "uri" and "date-time" formats.
 */
export function schemaValidator(relativePath: string): ValidateFunction {
  // Both packages are CommonJS whose module object is also its own `default`; `.default` is what
  // TypeScript's NodeNext typing and the runtime agree on.
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(SHARED, "schemas", relativePath), "utf8")));
}

/** Runs the CLI in-process with an Io of the test's own; paths given should be absolute. */
export async function runCli(argv: string[], options: { cwd: string; env?: Record<string, string>; stdin?: string }) {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (t) => void (stdout += typeof t === "string" ? t : Buffer.from(t).toString("utf8")),
    stderr: (t) => void (stderr += t),
    readStdin: async () => Buffer.from(options.stdin ?? "", "utf8"),
    cwd: options.cwd,
    env: { NO_COLOR: "1", ...options.env },
    isTTY: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "mtlint-ci-"));
}
