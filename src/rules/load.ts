import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { RawClasses } from "./classes.js";
import { buildRuleSet, type RuleSet } from "./compile.js";
import { RuleLoadError, validateRawRule, type RawRule } from "./raw.js";
import { verifyRule } from "./verify.js";
import { writeAtomic } from "../write-atomic.js";

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

/**
 * The compiled built-in rule set (trie, literal automaton, regex rules, classes), written by the
 * build next to the verified rules and read back with V8's deserializer: about 45 ms instead of
 * about 280 ms compiling ~1,100 rules at every start. It is keyed by the YAML digest and by the code that
 * compiles and reads it (the .js files here and in ../text), so a change to either falls back to
 * compiling. Not by the Node version: V8 reads what older versions serialized, and a file it
 * cannot read also falls back to compiling.
 */
function compiledCachePath(language: string): string {
  return join(HERE, "..", "rulesets", `${language}.compiled.bin`);
}

const KEY_BYTES = 64;

/** What a compiled set depends on: the built-in YAML, the code that compiles and reads it, and `extra` (user rules, settings). */
function compiledKey(language: string, extra = ""): string {
  const hash = createHash("sha256").update(rulesDigest(builtinRulesetDir(`${language}-en`))).update(extra);
  for (const dir of [HERE, join(HERE, "..", "text")]) {
    for (const file of readdirSync(dir).filter((f) => /\.[jt]s$/.test(f)).sort()) hash.update(file).update("\0").update(readFileSync(join(dir, file))).update("\0");
  }
  return hash.digest("hex");
}

/**
 * Makes equal plain subtrees (a pattern element `{kind: "literal", norm: "the", ...}`, a
 * template, a class entry) one shared object, so that the serialized set holds far fewer objects
 * and reads back faster. Plain objects and arrays are equal when their members are; anything
 * else (a RegExp, which has state, a Map, a Set) is equal only to itself, so two elements that
 * hold the same class or regex can still be shared. The engine never writes into compiled rules.
 */
export function shareEqualParts<T>(root: T): T {
  const byKey = new Map<string, object>();
  const done = new Map<object, [object, string]>();
  const visit = (value: unknown): [unknown, string] => {
    if (value === null || typeof value !== "object") return [value, value === undefined ? "u" : JSON.stringify(value)];
    const known = done.get(value);
    if (known) return known;
    const plain = Object.getPrototypeOf(value) === (Array.isArray(value) ? Array.prototype : Object.prototype);
    if (!plain) {
      const entry: [object, string] = [value, `#${done.size}`];
      done.set(value, entry);
      if (value instanceof Map) for (const [k, v] of value) value.set(k, visit(v)[0]);
      return entry;
    }
    const record = value as Record<string, unknown>;
    // An array's length is part of it: a sparse one lists only the members it has.
    let key = Array.isArray(value) ? `[${value.length}:` : "{";
    for (const k of Object.keys(record)) {
      const [v, vk] = visit(record[k]);
      record[k] = v;
      key += `${JSON.stringify(k)}:${vk},`;
    }
    const same = byKey.get(key);
    if (!same) byKey.set(key, value);
    const entry: [object, string] = [same ?? value, key];
    done.set(value, entry);
    return entry;
  };
  return visit(root)[0] as T;
}

/** Writes a compiled rule set under its key. */
function writeCompiled(path: string, key: string, ruleSet: RuleSet): void {
  writeAtomic(path, Buffer.concat([Buffer.from(key, "latin1"), serialize(shareEqualParts(ruleSet))]));
}

/** The compiled rule set at `path`, when it was written under `key`. */
function readCompiled(path: string, key: string): RuleSet | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const bytes = readFileSync(path);
    if (bytes.subarray(0, KEY_BYTES).toString("latin1") !== key) return undefined;
    return deserialize(bytes.subarray(KEY_BYTES)) as RuleSet;
  } catch {
    return undefined;
  }
}

/** Writes the compiled built-in rule set (build step only). */
export function writeCompiledBuiltin(language: string, ruleSet: RuleSet): void {
  writeCompiled(compiledCachePath(language), compiledKey(language), ruleSet);
}

/** The compiled built-in rule set, when the build left one that is still current. */
export function readCompiledBuiltin(language: string): RuleSet | undefined {
  return readCompiled(compiledCachePath(language), compiledKey(language));
}

/**
 * A compiled set of built-in and user rules (or built-in rules with settings), cached in
 * `folder` under a name derived from `extra`, which must identify the user rules and settings;
 * the key also covers the built-in rules and the code. Writes that fail only cost time.
 */
export function compiledCache(folder: string, language: string, extra: string): { read(): RuleSet | undefined; write(ruleSet: RuleSet): void } {
  const key = compiledKey(language, extra);
  const path = join(folder, `${createHash("sha256").update(extra).digest("hex")}.compiled.bin`);
  return {
    read: () => readCompiled(path, key),
    write: (ruleSet) => {
      try {
        mkdirSync(folder, { recursive: true });
        writeCompiled(path, key, ruleSet);
      } catch {
        // A read-only cache folder only costs time.
      }
    },
  };
}
