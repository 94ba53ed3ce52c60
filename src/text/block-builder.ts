import type { Block } from "../types.js";
import { RunMap, type MapRun } from "./offset-map.js";

/** Stands in for skipped inline content (code, images) so that no pattern matches across it. */
const PLACEHOLDER = "\ufffc";

/** An HTML character reference: named, decimal or hexadecimal. */
const ENTITY = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/y;

/**
 * Assembles a block's text from pieces of a source file, recording where each piece came from.
 * Parsers hand over decoded text (entities, escapes resolved) with the source range it was read
 * from; `addText` aligns the two so that verbatim stretches map character by character.
 */
export class BlockBuilder {
  private text = "";
  private runs: MapRun[] = [];

  constructor(private readonly source: string) {}

  get isEmpty(): boolean {
    return this.text.trim() === "" || this.text.replaceAll(PLACEHOLDER, "").trim() === "";
  }

  private push(text: string, sourceStart: number, sourceLength: number, verbatim: boolean): void {
    if (!text) return;
    const last = this.runs[this.runs.length - 1];
    if (
      verbatim &&
      last?.verbatim &&
      last.sourceStart + last.sourceLength === sourceStart &&
      last.textStart + last.textLength === this.text.length
    ) {
      last.textLength += text.length;
      last.sourceLength += sourceLength;
    } else {
      this.runs.push({ textStart: this.text.length, textLength: text.length, sourceStart, sourceLength, verbatim });
    }
    this.text += text;
  }

  /** Adds decoded `value`, read from source[start, end). */
  addText(value: string, start: number, end: number): void {
    const src = this.source;
    let i = 0;
    let j = start;
    while (i < value.length) {
      if (j >= end) {
        // The parser produced text with no source of its own (rare): map it to the end.
        this.push(value.slice(i), end, 0, false);
        return;
      }
      ENTITY.lastIndex = j;
      const entity = src[j] === "&" ? ENTITY.exec(src) : null;
      if (entity && j + entity[0].length <= end) {
        // A character reference stands for one character (two UTF-16 units beyond the BMP).
        const units = (value.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
        this.push(value.slice(i, i + units), j, entity[0].length, false);
        i += units;
        j += entity[0].length;
        continue;
      }
      if (src[j] === value[i]) {
        // Copy verbatim up to the next possible character reference.
        let k = 1;
        while (i + k < value.length && j + k < end && src[j + k] === value[i + k] && src[j + k] !== "&") k++;
        this.push(value.slice(i, i + k), j, k, true);
        i += k;
        j += k;
        continue;
      }
      if (src[j] === "\\" && src[j + 1] === value[i]) {
        this.push(value[i], j, 2, false);
        i += 1;
        j += 2;
        continue;
      }
      if (/\s/.test(src[j])) {
        // Source whitespace the parser dropped (indentation, "\r", line prefixes).
        j++;
        continue;
      }
      if (/[\s>]/.test(value[i])) {
        this.push(value[i], j, 0, false);
        i++;
        continue;
      }
      // Something we cannot align: map the rest as one opaque piece.
      this.push(value.slice(i), j, end - j, false);
      return;
    }
  }

  /** Adds a placeholder for skipped inline content at source[start, end). */
  addPlaceholder(start: number, end: number): void {
    this.push(PLACEHOLDER, start, end - start, false);
  }

  /** Adds a line break with no source of its own (between inline pieces). */
  addBreak(at: number): void {
    this.push("\n", at, 0, false);
  }

  build(): Block | undefined {
    if (this.isEmpty) return undefined;
    return { text: this.text, map: new RunMap(this.runs) };
  }
}
