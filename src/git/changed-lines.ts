import { execFileSync } from "node:child_process";
import type { FileResult } from "../types.js";
import { InputError, LineIndex } from "../text/source.js";

/** The 1-based line numbers that `git diff --unified=0` reports as added or changed on the new side. */
export function parseChangedLines(diff: string): Set<number> {
  const lines = new Set<number>();
  for (const m of diff.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    for (let l = start; l < start + count; l++) lines.add(l);
  }
  return lines;
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === "ENOENT") throw new InputError("--changed-since needs git, which was not found");
    throw new InputError(`--changed-since: git ${args[0]} failed: ${(err.stderr ?? err.message).trim().split("\n")[0]}`);
  }
}

/**
 * Lines of `path` changed between `ref` and the working tree. A file git does not track is new,
 * so all of it counts as changed (undefined).
 */
function changedLines(path: string, ref: string, cwd: string): Set<number> | undefined {
  const diff = git(["diff", "--unified=0", "--no-color", "--no-ext-diff", ref, "--", path], cwd);
  if (diff === "" && git(["ls-files", "--", path], cwd).trim() === "") return undefined;
  return parseChangedLines(diff);
}

/** Keeps the findings that start on a line changed since `ref`, where a pull-request review can comment. */
export function keepChangedLines(results: FileResult[], ref: string, cwd: string): FileResult[] {
  return results.map((result) => {
    if (result.path === "<stdin>") throw new InputError("--changed-since needs files, not standard input");
    const changed = changedLines(result.path, ref, cwd);
    if (!changed) return result;
    const index = new LineIndex(result.source.text);
    return { ...result, findings: result.findings.filter((f) => changed.has(index.lineOf(f.offset) + 1)) };
  });
}
