/** Timing and memory helpers for the benchmark: medians of repeated runs, child-process peak RSS. */
import { spawnSync } from "node:child_process";
import { existsSync, openSync, closeSync } from "node:fs";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median wall time in seconds of `runs` calls of `fn`. */
export async function timeIt(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push((performance.now() - start) / 1000);
  }
  return median(times);
}

export interface RunResult {
  seconds: number;
  /** Peak resident set size in MB. */
  rssMB: number;
  status: number;
}

const GNU_TIME = "/usr/bin/time";

/**
 * Runs a command with stdout to a file (never /dev/null: GNU grep stops at the first match when
 * its output is /dev/null). Peak RSS comes from GNU time; without it, it is NaN (printed n/a).
 */
export function run(cmd: string, args: readonly string[], out: string, env: NodeJS.ProcessEnv = process.env): RunResult {
  const fd = openSync(out, "w");
  const start = performance.now();
  const useTime = existsSync(GNU_TIME);
  const result = useTime
    ? spawnSync(GNU_TIME, ["-f", "%M", cmd, ...args], { stdio: ["ignore", fd, "pipe"], env, maxBuffer: 1 << 26 })
    : spawnSync(cmd, args, { stdio: ["ignore", fd, "pipe"], env, maxBuffer: 1 << 26 });
  const seconds = (performance.now() - start) / 1000;
  closeSync(fd);
  const stderr = result.stderr?.toString() ?? "";
  const status = result.status ?? -1;
  if (status > 1) throw new Error(`${cmd} ${args.join(" ")} exited ${status}: ${stderr.slice(-500)}`);
  const kb = useTime ? Number(stderr.trim().split("\n").pop()) : NaN;
  return { seconds, rssMB: kb / 1024, status };
}

/** The median time of some runs, with the largest peak RSS seen. */
export function medianRun(results: RunResult[]): RunResult {
  return { seconds: median(results.map((r) => r.seconds)), rssMB: Math.max(...results.map((r) => r.rssMB)), status: results[0].status };
}

/** Median over `runs` of `run`, with the largest peak RSS seen. */
export function runMedian(runs: number, cmd: string, args: readonly string[], out: string, env?: NodeJS.ProcessEnv): RunResult {
  return medianRun(Array.from({ length: runs }, () => run(cmd, args, out, env)));
}

export function which(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}
