/**
 * Flat memory for long runs. Linting allocates a great deal that dies young, and V8 lets the heap
 * grow well past what is live (about 20 MB with the built-in rules) before it collects: peak RSS
 * grew with the input. A full collection after each megabyte or so of input keeps the heap near
 * what is live, for a few per cent of the time. V8 offers it only behind --expose-gc, which can be
 * set from inside the process; where that fails, nothing is collected by hand.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Input linted between two collections, in characters. */
const BYTES_PER_COLLECTION = 1 << 20;

let collect: (() => void) | null | undefined;
let sinceLast = 0;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/** Collects garbage now (after a window of a large file). */
export function collectGarbage(): void {
  sinceLast = 0;
  collector()?.();
}

/** Counts input as linted (characters); collects garbage once enough has gone through since the last time. */
export function linted(chars: number): void {
  sinceLast += chars;
  if (sinceLast >= BYTES_PER_COLLECTION) collectGarbage();
}
