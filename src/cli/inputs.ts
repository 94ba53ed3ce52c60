import { existsSync, statSync } from "node:fs";
import { relative } from "node:path";
import { InputError, SUPPORTED_EXTENSIONS } from "../text/source.js";

export const STDIN = "-";

const SUPPORTED_GLOB = `**/*.{${SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(",")}}`;
const IGNORED = ["**/node_modules/**", "**/.git/**"];

/**
 * Expands command-line paths: files as given, folders recursively by supported extension, glob
 * patterns, and "-" for standard input. The result is sorted and free of duplicates, so output
 * order never depends on the file system.
 */
export async function expandInputs(paths: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  // The glob package loads only for folders and patterns, not for files named one by one.
  const globber = async () => (await import("tinyglobby")).glob;
  for (const path of paths) {
    if (path === STDIN) {
      out.push(STDIN);
      continue;
    }
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) {
        const found = await (await globber())(SUPPORTED_GLOB, { cwd: path, ignore: IGNORED, absolute: true, dot: false });
        out.push(...found.map((f) => relative(cwd, f)).sort());
      } else {
        out.push(path);
      }
      continue;
    }
    if (/[*?[\]{}]/.test(path)) {
      const found = await (await globber())(path, { cwd, ignore: IGNORED });
      if (found.length === 0) throw new InputError(`${path}: no files match`);
      out.push(...found.sort());
      continue;
    }
    throw new InputError(`${path}: no such file or directory`);
  }
  return [...new Set(out)];
}
