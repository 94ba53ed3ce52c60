import type { OffsetMapLike } from "../types.js";

/** Block text copied verbatim from the source at `base`. */
export class VerbatimMap implements OffsetMapLike {
  constructor(private readonly base: number) {}
  toSourceStart(i: number): number {
    return this.base + i;
  }
  toSourceEnd(i: number): number {
    return this.base + i;
  }
  isVerbatim(): boolean {
    return true;
  }
}

/**
 * A piece of block text and the source range it came from. A verbatim piece maps character
 * by character; any other piece (a decoded entity, an escaped character) maps as a whole.
 */
export interface MapRun {
  textStart: number;
  textLength: number;
  sourceStart: number;
  sourceLength: number;
  verbatim: boolean;
}

/** Maps block text assembled from several source pieces (markup removed, entities decoded). */
export class RunMap implements OffsetMapLike {
  constructor(private readonly runs: MapRun[]) {}

  private runAt(i: number): MapRun {
    const runs = this.runs;
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid].textStart <= i) lo = mid;
      else hi = mid - 1;
    }
    return runs[lo];
  }

  toSourceStart(i: number): number {
    const run = this.runAt(i);
    const delta = i - run.textStart;
    if (run.verbatim) return run.sourceStart + Math.min(delta, run.sourceLength);
    return delta >= run.textLength ? run.sourceStart + run.sourceLength : run.sourceStart;
  }

  toSourceEnd(i: number): number {
    if (i <= 0) return this.runs.length ? this.runs[0].sourceStart : 0;
    const run = this.runAt(i - 1);
    const delta = i - run.textStart;
    if (run.verbatim) return run.sourceStart + delta;
    return run.sourceStart + run.sourceLength;
  }

  isVerbatim(start: number, end: number): boolean {
    for (const run of this.runs) {
      if (run.textStart + run.textLength <= start || run.textStart >= end) continue;
      if (!run.verbatim) return false;
    }
    // Adjacent runs must also be contiguous in the source, or markup sits in between.
    return this.toSourceEnd(end) - this.toSourceStart(start) === end - start;
  }
}
