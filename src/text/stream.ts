/**
 * Plain text read incrementally, as windows of whole paragraphs, so that a file of any size is
 * linted in bounded memory. A window is cut inside a blank line exactly where `plainBlocks` would
 * start the next block, and includes the line break that closes the blank line: linting each
 * window as a file of its own then yields the same blocks, the same whole-line spans and so the
 * same findings as linting the whole file at once (see tests/stream.test.ts).
 */
import { open } from "node:fs/promises";
import { lastBlankLineEnd } from "./extract-plain.js";
import { InputError } from "./source.js";

export interface TextWindow {
  text: string;
  /** Offset of the window's first character in the file text (UTF-16 code units, BOM removed). */
  offset: number;
  /** 0-based number of the file line holding that character, and that line's start offset. */
  line: number;
  lineStart: number;
}

function countLines(text: string, end: number): { count: number; lastStart: number } {
  let count = 0;
  let lastStart = -1;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) {
    count++;
    lastStart = i + 1;
  }
  return { count, lastStart };
}

/**
 * Windows of about `windowChars` characters or more (a paragraph is never split) over a UTF-8
 * file read `chunkBytes` at a time.
 */
export async function* plainWindows(path: string, windowChars = 1 << 20, chunkBytes = 1 << 20): AsyncGenerator<TextWindow> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const file = await open(path, "r").catch((e: NodeJS.ErrnoException) => {
    throw new InputError(`${path}: ${e.code === "ENOENT" ? "no such file" : (e.code ?? "cannot read")}`);
  });
  const chunk = Buffer.alloc(chunkBytes);
  let pending = "";
  let offset = 0;
  let line = 0;
  let lineStart = 0;
  let scanFrom = 0;
  let first = true;
  try {
    for (;;) {
      const { bytesRead } = await file.read(chunk, 0, chunkBytes, null);
      const done = bytesRead === 0;
      const bytes = chunk.subarray(0, bytesRead);
      if (first && bytesRead > 0) {
        if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
          throw new InputError(`${path}: UTF-16 text is not supported; convert it to UTF-8`);
        }
      }
      try {
        pending += decoder.decode(bytes, { stream: !done });
      } catch {
        throw new InputError(`${path}: not valid UTF-8`);
      }
      if (first && pending.length > 0) {
        if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
        first = false;
      }
      if (done) break;
      if (pending.length < windowChars) continue;
      // The last block start that plainBlocks would reach, scanning as it does.
      const cut = lastBlankLineEnd(pending, scanFrom);
      if (cut < 0) {
        // A blank line not found yet can only begin at the last line break read so far.
        scanFrom = Math.max(scanFrom, pending.lastIndexOf("\n"));
        continue;
      }
      yield { text: pending.slice(0, cut + 1), offset, line, lineStart };
      const { count, lastStart } = countLines(pending, cut);
      line += count;
      if (lastStart >= 0) lineStart = offset + lastStart;
      offset += cut;
      pending = pending.slice(cut);
      scanFrom = 0;
    }
  } finally {
    await file.close();
  }
  if (pending.length > 0 || offset === 0) yield { text: pending, offset, line, lineStart };
}

/** Whether a file holds `needle` (ASCII), read in chunks: a cheap first pass over a large file. */
export async function containsBytes(path: string, needle: string, chunkBytes = 1 << 20): Promise<boolean> {
  const file = await open(path, "r");
  const want = Buffer.from(needle, "latin1");
  const chunk = Buffer.alloc(chunkBytes + want.length);
  let carry = 0;
  try {
    for (;;) {
      const { bytesRead } = await file.read(chunk, carry, chunkBytes, null);
      if (bytesRead === 0) return false;
      const filled = carry + bytesRead;
      if (chunk.subarray(0, filled).includes(want)) return true;
      // Keep the tail, in case the needle straddles two chunks.
      carry = Math.min(want.length - 1, filled);
      chunk.copy(chunk, 0, filled - carry, filled);
    }
  } finally {
    await file.close();
  }
}
