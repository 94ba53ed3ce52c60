import { readFileSync } from "node:fs";
import type { FileResult } from "../types.js";
import { InputError } from "../text/source.js";
import { displayPath } from "../report/context.js";
import { findingContext, findingKey } from "./key.js";

/** One line of a baseline file: how many findings of a rule with this context a file had. */
export interface BaselineEntry {
  ruleId: string;
  path: string;
  context: string;
  count: number;
}

/** Keys of a baseline with how many findings each still covers. */
export type Baseline = Map<string, number>;

function keysOf(result: FileResult): string[] {
  const path = displayPath(result.path);
  return result.findings.map((f) => findingKey(f.ruleId, path, findingContext(result.source.text, f)));
}

/** The baseline file for today's findings: sorted, so that it diffs well when committed. */
export function formatBaseline(results: FileResult[]): string {
  const counts = new Map<string, BaselineEntry>();
  for (const result of results) {
    const path = displayPath(result.path);
    for (const f of result.findings) {
      const context = findingContext(result.source.text, f);
      const key = findingKey(f.ruleId, path, context);
      const entry = counts.get(key) ?? { ruleId: f.ruleId, path, context, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  const entries = [...counts.values()].sort((a, b) => a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.context.localeCompare(b.context));
  return JSON.stringify({ version: 1, findings: entries }, null, 2) + "\n";
}

/** Reads a baseline file written by --write-baseline. */
export function readBaseline(file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === "ENOENT" ? "no such baseline file" : code ? code : "not a baseline file (invalid JSON)"}`);
  }
  const findings = (data as { version?: unknown; findings?: unknown })?.findings;
  if ((data as { version?: unknown })?.version !== 1 || !Array.isArray(findings)) throw new InputError(`${file}: not a baseline file (expected version 1 with findings)`);
  const baseline: Baseline = new Map();
  for (const e of findings as BaselineEntry[]) {
    if (typeof e?.ruleId !== "string" || typeof e.path !== "string" || typeof e.context !== "string" || !Number.isInteger(e.count)) {
      throw new InputError(`${file}: not a baseline file (an entry lacks ruleId, path, context or count)`);
    }
    const key = findingKey(e.ruleId, e.path, e.context);
    baseline.set(key, (baseline.get(key) ?? 0) + e.count);
  }
  return baseline;
}

/**
 * Keeps only the findings the baseline does not cover. A key recorded n times covers n findings,
 * so a second copy of a known problem still counts as new.
 */
export function subtractBaseline(results: FileResult[], baseline: Baseline): FileResult[] {
  const left = new Map(baseline);
  return results.map((result) => {
    const keys = keysOf(result);
    const findings = result.findings.filter((_, i) => {
      const n = left.get(keys[i]) ?? 0;
      if (n > 0) left.set(keys[i], n - 1);
      return n === 0;
    });
    return { ...result, findings };
  });
}
