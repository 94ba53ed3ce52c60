/**
 * Flat memory for long runs. Linting allocates a great deal that dies young, and V8 lets the heap
 * grow well past what is live (about 20 MB with the built-in rules) before it collects: peak RSS
 * grew with the input (1.1 GB on a 100 MB file before the report was streamed, 260 MB after).
 * So every quarter megabyte of input the heap outside the young generation is looked at, and once
 * it holds 8 MB more than was live after the last collection, a full collection brings it back.
 * Counting the young generation too (bounded by V8 and emptied by its own collections) forced a
 * full collection at nearly every look: the CLI on a 20 MB file took 1.55 s against 1.30 s, with
 * 154 MB peak RSS against 168 MB now (16 MB of headroom: 181 MB). V8 offers the collection only
 * behind --expose-gc, which can be set from inside the process; where that fails, nothing is
 * collected by hand.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Input linted between two looks at the heap, in characters. */
const CHARS_PER_LOOK = 1 << 18;
/** Garbage allowed above what was live after the last collection, in bytes. */
const HEADROOM = 8 << 20;

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

/**
 * The heap in use outside the young generation. The young generation is bounded by V8 and
 * emptied by its own cheap collections; counting it made nearly every look end in a full
 * collection (on a 20 MB file, ten of them: 100 ms).
 */
function oldGenerationUsed(): number {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) if (!space.space_name.startsWith("new_")) used += space.space_used_size;
  return used;
}

/** Collects garbage now if the heap holds more than the headroom above what was live last time. */
export function collectGarbage(): void {
  sinceLast = 0;
  if (oldGenerationUsed() < limit) return;
  const gc = collector();
  if (!gc) return;
  gc();
  limit = oldGenerationUsed() + HEADROOM;
}

/** Counts input as linted (characters); looks at the heap once enough has gone through since the last time. */
export function linted(chars: number): void {
  sinceLast += chars;
  if (sinceLast >= CHARS_PER_LOOK) collectGarbage();
}
