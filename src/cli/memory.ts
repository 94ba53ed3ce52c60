/**
 * Flat memory for long runs. Linting allocates a great deal that dies young, and V8 lets the heap
 * grow well past what is live (about 20 MB with the built-in rules) before it collects: peak RSS
 * grew with the input (1.1 GB on a 100 MB file before the report was streamed, 260 MB after).
 * So every quarter megabyte of input the heap is looked at, and once it holds 16 MB more than was
 * live after the last collection, a full collection brings it back. A larger headroom collects
 * less often (48 MB: --jobs 2 on 2,000 articles about 10% faster) but peaks higher (234 MB against
 * 179 MB). V8 offers the collection only behind --expose-gc, which can be set from inside the
 * process; where that fails, nothing is collected by hand.
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Input linted between two looks at the heap, in characters. */
const CHARS_PER_LOOK = 1 << 18;
/** Garbage allowed above what was live after the last collection, in bytes. */
const HEADROOM = 16 << 20;

let collect: (() => void) | null | undefined;
let sinceLast = 0;
let limit = 0;

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

/** Collects garbage now if the heap holds more than the headroom above what was live last time. */
export function collectGarbage(): void {
  sinceLast = 0;
  const used = getHeapStatistics().used_heap_size;
  if (used < limit) return;
  const gc = collector();
  if (!gc) return;
  gc();
  limit = getHeapStatistics().used_heap_size + HEADROOM;
}

/** Counts input as linted (characters); looks at the heap once enough has gone through since the last time. */
export function linted(chars: number): void {
  sinceLast += chars;
  if (sinceLast >= CHARS_PER_LOOK) collectGarbage();
}
