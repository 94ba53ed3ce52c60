import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { RawClasses } from "./classes.js";
import { buildRuleSet, type RuleSet } from "./compile.js";
import { RuleLoadError, validateRawRule, type RawRule } from "./raw.js";
import { verifyRule } from "./verify.js";

/** Rules and classes as read from files, before compilation. */
export interface RawRuleSet {
  rules: RawRule[];
  classes: RawClasses;
}

/** Parses one YAML rule file; every rule remembers its file and line. */
export async function parseRuleFile(path: string, text: string, displayPath = path): Promise<RawRuleSet> {
  const { parseDocument, LineCounter, isMap, isSeq } = await import("yaml");
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const line = err.linePos?.[0].line;
    throw new RuleLoadError(`YAML error: ${err.message.split("\n")[0]}`, displayPath, line);
  }
  const root = doc.contents;
  if (root === null) return { rules: [], classes: {} };
  if (!isMap(root)) throw new RuleLoadError("expected a mapping with rules: and/or classes:", displayPath, 1);
  const data = doc.toJS() as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (key !== "rules" && key !== "classes") throw new RuleLoadError(`unknown top-level key "${key}"`, displayPath, 1);
  }
  const classes: RawClasses = {};
  if (data.classes !== undefined) {
    if (typeof data.classes !== "object" || data.classes === null) throw new RuleLoadError("classes must be a mapping", displayPath);
    for (const [name, entries] of Object.entries(data.classes)) {
      if (!Array.isArray(entries) || !entries.every((e) => typeof e === "string" || typeof e === "number")) {
        throw new RuleLoadError(`class "${name}" must be a list of words`, displayPath);
      }
      classes[name] = entries.map(String);
    }
  }
  const rules: RawRule[] = [];
  const rulesNode = root.get("rules", true);
  if (rulesNode !== undefined) {
    if (!isSeq(rulesNode)) throw new RuleLoadError("rules must be a list", displayPath);
    rulesNode.items.forEach((item, i) => {
      const range = (item as { range?: [number, number, number] } | null)?.range;
      const line = range ? lineCounter.linePos(range[0]).line : undefined;
      const raw = (data.rules as Record<string, unknown>[])[i];
      const problems = raw && typeof raw === "object" ? validateRawRule(raw) : ["a rule must be a mapping"];
      if (problems.length > 0) throw new RuleLoadError(problems.join("; "), displayPath, line, typeof raw?.id === "string" ? raw.id : undefined);
      rules.push({ ...(raw as unknown as RawRule), file: displayPath, lineNumber: line });
    });
  }
  return { rules, classes };
}

function mergeInto(target: RawRuleSet, part: RawRuleSet): void {
  target.rules.push(...part.rules);
  for (const [name, entries] of Object.entries(part.classes)) target.classes[name] = [...(target.classes[name] ?? []), ...entries];
}

/** YAML rule files under a path (a file or a folder, recursively), sorted for a stable order. */
export function ruleFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(path, f));
}

export async function readRuleFiles(paths: string[], base = process.cwd()): Promise<RawRuleSet> {
  const set: RawRuleSet = { rules: [], classes: {} };
  for (const path of paths) {
    for (const file of ruleFiles(path)) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (e) {
        throw new RuleLoadError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, relative(base, file) || file);
      }
      mergeInto(set, await parseRuleFile(file, text, relative(base, file) || file));
    }
  }
  return set;
}

/** Compiles a raw rule set; with `verify`, a rule whose examples fail stops the load. */
export function compileRuleSet(raw: RawRuleSet, verify: boolean): RuleSet {
  const ruleSet = buildRuleSet(raw.rules, raw.classes);
  if (verify) {
    for (const rule of ruleSet.rules) {
      const failures = verifyRule(rule, ruleSet.classes);
      if (failures.length > 0) {
        const f = failures[0];
        throw new RuleLoadError(`example "${f.example}": ${f.problem}`, rule.raw.file, rule.raw.lineNumber, rule.id);
      }
    }
  }
  return ruleSet;
}

const HERE = fileURLToPath(new URL(".", import.meta.url));

/** The folder of a built-in rule set's YAML files, from src/ or from dist/. */
export function builtinRulesetDir(language: string): string {
  for (const dir of [join(HERE, "..", "rulesets", language), join(HERE, "..", "..", "src", "rulesets", language)]) {
    if (existsSync(dir)) return dir;
  }
  throw new RuleLoadError(`no built-in rules for source language "${language}"`);
}

export function builtinLanguages(): string[] {
  const dir = join(builtinRulesetDir("fr-en"), "..");
  return readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory()).map((d) => d.split("-")[0]);
}

export function cachePath(language: string): string {
  return join(HERE, "..", "rulesets", `${language}.json`);
}

/** A digest of the YAML files, so a stale cache is never used. */
export function rulesDigest(dir: string): string {
  const hash = createHash("sha256");
  for (const file of ruleFiles(dir)) hash.update(relative(dir, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

interface Cache extends RawRuleSet {
  digest: string;
}

/**
 * The built-in rules for a source language. The build writes the verified rules to a JSON cache
 * keyed by a digest of the YAML; when the digest matches, start-up skips YAML parsing and example
 * runs. Otherwise the YAML is read and every rule's examples are checked.
 */
export async function loadBuiltinRaw(language: string): Promise<{ raw: RawRuleSet; verified: boolean }> {
  const dir = builtinRulesetDir(`${language}-en`);
  const cache = cachePath(language);
  if (existsSync(cache)) {
    const data = JSON.parse(readFileSync(cache, "utf8")) as Cache;
    if (data.digest === rulesDigest(dir)) return { raw: { rules: data.rules, classes: data.classes }, verified: true };
  }
  return { raw: await readRuleFiles([dir], join(dir, "..", "..", "..")), verified: false };
}
