/**
 * A cache of user rule files that loaded and whose examples held, keyed by a digest of their
 * content. Parsing YAML and running examples took about 2.7 s for 10,000 rules; a cache hit
 * reads one JSON file instead. The key covers everything verification depends on: each file's
 * path and bytes, the built-in word classes, and the mtlint version. Writes that fail (a
 * read-only install) are ignored: the cache only saves time.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { RawClasses } from "./classes.js";
import { readRuleFiles, ruleFiles, type RawRuleSet } from "./load.js";
import { writeAtomic } from "../write-atomic.js";

const VERSION = "mtlint 0.1.0 rules-cache 1";

/** MTLINT_CACHE_DIR, else node_modules/.cache/mtlint beside mtlint's own package. */
export function cacheDir(env: Record<string, string | undefined> = process.env): string {
  return env.MTLINT_CACHE_DIR || fileURLToPath(new URL("../../node_modules/.cache/mtlint", import.meta.url));
}

export interface UserRules {
  raw: RawRuleSet;
  /** True when these exact files were verified before: their examples need not run again. */
  verified: boolean;
  /** Records the files as verified, once their examples have passed. */
  remember(): void;
}

/** A digest of everything the verification of user rule files depends on. */
export function userRulesDigest(paths: string[], builtinClasses: RawClasses, base = process.cwd()): string {
  const hash = createHash("sha256").update(VERSION).update(JSON.stringify(builtinClasses));
  for (const path of paths) {
    for (const file of ruleFiles(path)) hash.update("\0").update(relative(base, file)).update("\0").update(readFileSync(file));
  }
  return hash.digest("hex");
}

/** The user rule files whose `userRulesDigest` is `digest`. */
export async function loadUserRules(paths: string[], digest: string, base = process.cwd()): Promise<UserRules> {
  const entry = join(cacheDir(), `${digest}.json`);
  try {
    return { raw: JSON.parse(readFileSync(entry, "utf8")) as RawRuleSet, verified: true, remember: () => undefined };
  } catch {
    // No entry yet (or an unreadable one): parse and verify as usual.
  }
  const raw = await readRuleFiles(paths, base);
  return {
    raw,
    verified: false,
    remember: () => {
      try {
        mkdirSync(cacheDir(), { recursive: true });
        writeAtomic(entry, JSON.stringify(raw));
      } catch {
        // A read-only cache folder only costs time.
      }
    },
  };
}
