import { readFileSync } from "node:fs";
import type { DocumentType, FileResult, SourceFile } from "./types.js";
import { applyEdits, autoEdits } from "./fix/apply.js";
import { lintFile } from "./rules/engine.js";
import { compiledCache, compileRuleSet, loadBuiltinRaw, readCompiledBuiltin, type RawRuleSet } from "./rules/load.js";
import { buildRuleSet, type RuleSet } from "./rules/compile.js";
import { RuleLoadError } from "./rules/raw.js";
import { verifyRule } from "./rules/verify.js";
import { decodeSource, InputError, typeFromPath } from "./text/source.js";
import { cacheDir, loadUserRules, userRulesDigest } from "./rules/user-cache.js";
import { applyRuleSettings } from "./config/rule-settings.js";
import type { RuleSetting } from "./config/config.js";

export const SOURCE_LANGUAGES = ["fr"] as const;

export interface LoadOptions {
  /** Source language of the translation. */
  from?: string;
  /** Extra rule files or folders (same YAML format); their examples are checked on load. */
  ruleFiles?: string[];
  /** Leave out the built-in rules (their word classes stay available). */
  noBuiltin?: boolean;
  /** Rules turned off or given another severity, by id (the config file's `rules:`). */
  ruleSettings?: Record<string, RuleSetting>;
}

/** Loads the built-in rules for a language plus any user rule files, checked and indexed. */
export async function loadRules(options: LoadOptions = {}): Promise<RuleSet> {
  const from = options.from ?? "fr";
  if (!SOURCE_LANGUAGES.includes(from as (typeof SOURCE_LANGUAGES)[number])) {
    throw new InputError(`unsupported source language "${from}" (supported: ${SOURCE_LANGUAGES.join(", ")})`);
  }
  // The usual run (built-in rules only, none switched off) reads the set the build compiled.
  const plain = !options.ruleFiles?.length && !options.noBuiltin && Object.keys(options.ruleSettings ?? {}).length === 0;
  const compiled = plain ? readCompiledBuiltin(from) : undefined;
  if (compiled) return compiled;
  const merged: RawRuleSet = { rules: [], classes: {} };
  let builtinVerified = true;
  // The built-in word classes stay available to user rules even without the built-in rules.
  const builtin = await loadBuiltinRaw(from);
  Object.assign(merged.classes, builtin.raw.classes);
  if (!options.noBuiltin) {
    merged.rules.push(...builtin.raw.rules);
    builtinVerified = builtin.verified;
  }
  // Compiled once verified, then read back: compiling built-in and user rules together takes
  // about a second for 10,000 extra rules.
  const userDigest = options.ruleFiles?.length ? userRulesDigest(options.ruleFiles, builtin.raw.classes) : undefined;
  const compiledSet = compiledCache(cacheDir(), from, JSON.stringify([userDigest ?? null, Boolean(options.noBuiltin), options.ruleSettings ?? {}]));
  const cached = compiledSet.read();
  if (cached) return cached;
  const userIds = new Set<string>();
  const user = options.ruleFiles?.length ? await loadUserRules(options.ruleFiles, userDigest!) : undefined;
  if (user) {
    if (!user.verified) for (const rule of user.raw.rules) userIds.add(rule.id);
    merged.rules.push(...user.raw.rules);
    for (const [name, entries] of Object.entries(user.raw.classes)) merged.classes[name] = [...(merged.classes[name] ?? []), ...entries];
  }
  if (options.ruleSettings) merged.rules = applyRuleSettings(merged.rules, options.ruleSettings);
  const ruleSet = buildRuleSet(merged.rules, merged.classes);
  if (!builtinVerified || userIds.size > 0) {
    for (const rule of ruleSet.rules) {
      if (builtinVerified && !userIds.has(rule.id)) continue;
      const failures = verifyRule(rule, ruleSet.classes);
      if (failures.length > 0) {
        const f = failures[0];
        throw new RuleLoadError(`example "${f.example}": ${f.problem}`, rule.raw.file, rule.raw.lineNumber, rule.id);
      }
    }
  }
  // Only a set whose every rule was verified (none switched off by settings) may skip it next time.
  if (user && !user.verified) {
    const loaded = new Set(ruleSet.rules.map((r) => r.id));
    if (user.raw.rules.every((r) => loaded.has(r.id))) user.remember();
  }
  // Every rule of this set has now passed its examples, now or before.
  compiledSet.write(ruleSet);
  return ruleSet;
}

export { compileRuleSet };

/** Reads a file as mtlint would: UTF-8 with or without BOM, type from the extension unless given. */
export function readSource(path: string, type?: DocumentType): SourceFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (code ?? "cannot read")}`);
  }
  return decodeSource(path, bytes, type ?? typeFromPath(path) ?? "text");
}

export function checkSource(source: SourceFile, ruleSet: RuleSet): FileResult {
  return { path: source.path, source, findings: lintFile(source, ruleSet) };
}

/**
 * Applies `auto` fixes until none is left (a fix may reveal another), so that fixing the result
 * again changes nothing.
 */
export function fixSource(
  source: SourceFile,
  ruleSet: RuleSet,
  maxPasses = 5,
  /** Drops findings that must not be fixed (the CLI passes its inline-suppression filter). */
  keep: (result: FileResult) => FileResult = (result) => result,
): { text: string; applied: number } {
  let text = source.text;
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const current = { ...source, text };
    const edits = autoEdits(keep({ path: source.path, source: current, findings: lintFile(current, ruleSet) }).findings);
    if (edits.length === 0) break;
    const result = applyEdits(text, edits);
    if (result.applied.length === 0) break;
    text = result.text;
    applied += result.applied.length;
  }
  return { text, applied };
}
