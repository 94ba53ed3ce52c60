/**
 * A pool of worker threads for `check --jobs N`. Each worker loads the rules once (the user-rule
 * cache makes that cheap) and then lints whole inputs or batches of JSONL records; callers get
 * one promise per task and keep input order themselves. This module is also the workers' entry
 * point: loaded in a worker thread with the pool's workerData, it serves tasks.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { FileResult, Severity } from "../types.js";
import { loadRules, type LoadOptions } from "../linter.js";
import type { RuleSet } from "../rules/compile.js";
import { InputError } from "../text/source.js";
import { RuleLoadError } from "../rules/raw.js";
import { lintInput, type LintSettings } from "./lint-input.js";
import { recordLines, type JsonlBatch, type JsonlOutput, type JsonlSettings } from "./jsonl.js";
import { jsonEntry, type JsonEntry } from "./json-report.js";
import type { InputFile } from "./options.js";

export interface WorkerSetup {
  load: LoadOptions;
  cwd: string;
  lint: LintSettings;
  jsonl: JsonlSettings;
}

export type Task =
  | { kind: "input"; input: InputFile }
  | { kind: "records"; batch: JsonlBatch }
  /** One file's entry of the JSON report, rendered in the worker. */
  | { kind: "json"; input: InputFile; minSeverity: Severity };
type TaskResult<T extends Task> = T extends { kind: "input" } ? FileResult : T extends { kind: "json" } ? JsonEntry : JsonlOutput;

interface Reply {
  /** Sent once, when the worker has its rules (or failed to load them) and takes tasks. */
  ready?: true;
  id: number;
  result?: FileResult | JsonlOutput | JsonEntry;
  /** An error the CLI reports on one line (bad input) or as an internal error. */
  error?: { message: string; input: boolean };
}

const ROLE = "mtlint-worker";

export function defaultJobs(): number {
  return availableParallelism();
}

async function runTask(task: Task, ruleSet: RuleSet, setup: WorkerSetup): Promise<FileResult | JsonlOutput | JsonEntry> {
  const io = { cwd: setup.cwd, readStdin: () => Promise.reject(new Error("no stdin in a worker")) };
  if (task.kind === "input") return lintInput(task.input, ruleSet, io, setup.lint);
  if (task.kind === "json") return jsonEntry(task.input, ruleSet, io, setup.lint, task.minSeverity);
  return recordLines(task.batch, ruleSet, setup.jsonl);
}

function serve(setup: WorkerSetup): void {
  const port = parentPort!;
  const rules = loadRules(setup.load);
  // Until this arrives, the pool gives the worker nothing, so work that could not start yet is
  // done by whoever is free (the main thread, in the JSON report) rather than held for it.
  rules.then(
    () => port.postMessage({ ready: true, id: -1 }),
    () => port.postMessage({ ready: true, id: -1 }),
  );
  port.on("message", async ({ id, task }: { id: number; task: Task }) => {
    let reply: Reply;
    try {
      reply = { id, result: await runTask(task, await rules, setup) };
    } catch (e) {
      const input = e instanceof InputError || e instanceof RuleLoadError;
      reply = { id, error: { message: (e as Error).message, input } };
    }
    // A JSON entry goes back as UTF-8 bytes whose buffer is moved, not copied: as a string it would
    // be copied into the main thread's heap, and collecting those copies cost that thread more
    // than a worker saved it.
    const entry = reply.result as JsonEntry | undefined;
    if (typeof entry?.chunk === "string") {
      const bytes = new TextEncoder().encode(entry.chunk);
      entry.chunk = bytes;
      port.postMessage(reply, [bytes.buffer]);
    } else port.postMessage(reply);
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) serve((workerData as { setup: WorkerSetup }).setup);

/**
 * A smaller young generation than V8's default (16 MB semi-spaces): linting's short-lived objects
 * die just as well in it, at no measurable cost in time, and each worker's heap stays about
 * 20 MB smaller (peak RSS of `--jobs 2` on 2,000 articles, two workers: 234 MB with the
 * default, 187 MB with this).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/**
 * A worker running this module. From the TypeScript sources (tests call `main` in-process), the
 * worker first registers tsx's loader, which workers do not inherit from their parent.
 */
function spawnWorker(data: { role: string; setup: WorkerSetup }): Worker {
  const url = new URL(import.meta.url);
  if (!url.pathname.endsWith(".ts")) return new Worker(url, { workerData: data, resourceLimits: WORKER_LIMITS });
  // Evaluated code resolves packages from the working folder: the checkout, when tests run.
  const code = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData: data, resourceLimits: WORKER_LIMITS });
}

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Workers that have their rules and take tasks. */
  private readonly ready = new Set<Worker>();
  /** Tasks posted to each worker and not yet answered. */
  private readonly busy = new Map<Worker, number>();
  private readonly queue: Array<{ id: number; task: Task }> = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  /**
   * `depth`: tasks posted to a worker ahead of its answers. Above 1, a worker finds its next task
   * waiting even while this thread is busy (linting an input itself) and cannot hand it one.
   */
  constructor(size: number, setup: WorkerSetup, private readonly depth = 1) {
    for (let i = 0; i < size; i++) {
      const worker = spawnWorker({ role: ROLE, setup });
      worker.on("message", (reply: Reply) => this.settle(worker, reply));
      worker.on("error", (e) => this.fail(e));
      worker.unref();
      this.workers.push(worker);
      this.busy.set(worker, 0);
    }
  }

  run<T extends Task>(task: T): Promise<TaskResult<T>> {
    const id = this.nextId++;
    const promise = new Promise<TaskResult<T>>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: never) => void, reject }));
    this.queue.push({ id, task });
    this.dispatch();
    return promise;
  }

  /** Whether a task given now would start at once or wait only behind this worker's `depth`: a ready worker has room. */
  hasRoom(): boolean {
    return this.queue.length === 0 && this.workers.some((w) => this.ready.has(w) && this.busy.get(w)! < this.depth);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      // The least busy worker, if any has room.
      let worker: Worker | undefined;
      for (const w of this.workers) if (this.ready.has(w) && this.busy.get(w)! < this.depth && (!worker || this.busy.get(w)! < this.busy.get(worker)!)) worker = w;
      if (!worker) break;
      const job = this.queue.shift()!;
      this.busy.set(worker, this.busy.get(worker)! + 1);
      worker.postMessage(job);
    }
    // A worker keeps the process alive while it owes answers, or while tasks wait for it to be ready.
    for (const w of this.workers) {
      if (this.busy.get(w)! > 0 || (!this.ready.has(w) && this.queue.length > 0)) w.ref();
      else w.unref();
    }
  }

  private settle(worker: Worker, reply: Reply): void {
    if (reply.ready) {
      this.ready.add(worker);
      this.dispatch();
      return;
    }
    const pending = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    this.busy.set(worker, this.busy.get(worker)! - 1);
    if (pending) {
      if (reply.error) pending.reject(reply.error.input ? new InputError(reply.error.message) : new Error(reply.error.message));
      else pending.resolve(reply.result as never);
    }
    this.dispatch();
  }

  private fail(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
