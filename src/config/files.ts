import { resolve } from "node:path";
import { glob } from "tinyglobby";
import type { DocumentType } from "../types.js";
import type { Config } from "./config.js";

const SKIPPED = ["**/node_modules/**", "**/.git/**"];

/** As in .gitignore, a glob with no slash but a trailing one matches in every folder below the config. */
function anyDepth(pattern: string): string {
  return pattern.replace(/\/$/, "").includes("/") ? pattern : `**/${pattern}`;
}

/** The absolute paths of the files that config globs name, found from the config's folder. */
async function matching(patterns: string[], dir: string): Promise<Set<string>> {
  if (patterns.length === 0) return new Set();
  const found = await glob(patterns.map(anyDepth), { cwd: dir, absolute: true, dot: true, ignore: SKIPPED });
  return new Set(found.map((f) => resolve(f)));
}

/** What the config says about input files: whether each is ignored, and its type when a glob sets one. */
export interface FileRules {
  ignored(path: string): boolean;
  typeOf(path: string): DocumentType | undefined;
}

/** Expands the config's `ignore` and `types` globs once; `cwd` resolves relative input paths. */
export async function fileRules(config: Config, cwd: string): Promise<FileRules> {
  const ignored = await matching(config.ignore, config.dir);
  const typed = await Promise.all(Object.entries(config.types).map(async ([pattern, type]) => [await matching([pattern], config.dir), type] as const));
  return {
    ignored: (path) => ignored.has(resolve(cwd, path)),
    typeOf: (path) => typed.find(([files]) => files.has(resolve(cwd, path)))?.[1],
  };
}
