/** What the CLI may touch of the outside world; tests pass their own. */
export interface Io {
  /** Text, or UTF-8 bytes as a worker hands them over (moved, not copied). */
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  readStdin(): Promise<Buffer>;
  /** Standard input as it arrives, for streaming modes (`check --jsonl -`); else readStdin is used. */
  stdinChunks?(): AsyncIterable<Uint8Array>;
  /** Resolves once stdout has taken what was written (a pipe may hold it in memory until then). */
  drained?(): Promise<void>;
  cwd: string;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
