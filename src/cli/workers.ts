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
  port.on("message", async ({ id, task }: { id: number; task: Task }) => {
    let reply: Reply;
    try {
      reply = { id, result: await runTask(task, await rules, setup) };
    } catch (e) {
      const input = e instanceof InputError || e instanceof RuleLoadError;
      reply = { id, error: { message: (e as Error).message, input } };
    }
    port.postMessage(reply);
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) serve((workerData as { setup: WorkerSetup }).setup);

/**
 * A worker running this module. From the TypeScript sources (tests call `main` in-process), the
 * worker first registers tsx's loader, which workers do not inherit from their parent.
 */
function spawnWorker(data: { role: string; setup: WorkerSetup }): Worker {
  const url = new URL(import.meta.url);
  if (!url.pathname.endsWith(".ts")) return new Worker(url, { workerData: data });
  // Evaluated code resolves packages from the working folder: the checkout, when tests run.
  const code = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData: data });
}

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ id: number; task: Task }> = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(size: number, setup: WorkerSetup) {
    for (let i = 0; i < size; i++) {
      const worker = spawnWorker({ role: ROLE, setup });
      worker.on("message", (reply: Reply) => this.settle(worker, reply));
      worker.on("error", (e) => this.fail(e));
      worker.unref();
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  run<T extends Task>(task: T): Promise<TaskResult<T>> {
    const id = this.nextId++;
    const promise = new Promise<TaskResult<T>>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: never) => void, reject }));
    this.queue.push({ id, task });
    this.dispatch();
    return promise;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      worker.ref();
      worker.postMessage(job);
    }
  }

  private settle(worker: Worker, reply: Reply): void {
    const pending = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    worker.unref();
    this.idle.push(worker);
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
