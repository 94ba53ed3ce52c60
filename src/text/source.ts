import type { DocumentType, SourceFile } from "../types.js";

/** Raised for input mtlint cannot read; the CLI prints its message on one line and exits 2. */
export class InputError extends Error {}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decodes file bytes as UTF-8, remembering a BOM so that `fix` can write it back. */
export function decodeSource(path: string, bytes: Uint8Array, type: DocumentType): SourceFile {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`${path}: UTF-16 text is not supported; convert it to UTF-8`);
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new InputError(`${path}: not valid UTF-8`);
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { path, text: bom ? text.slice(1) : text, bom, type };
}

export function encodeSource(file: SourceFile, text: string): Buffer {
  return Buffer.from(file.bom ? "\ufeff" + text : text, "utf8");
}

const EXTENSIONS: Record<string, DocumentType> = {
  ".txt": "text",
  ".text": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".mdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
};

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

export function typeFromPath(path: string): DocumentType | undefined {
  const dot = path.lastIndexOf(".");
  return dot < 0 ? undefined : EXTENSIONS[path.slice(dot).toLowerCase()];
}

/** Maps offsets to 1-based lines and columns; columns count UTF-16 code units like offsets do. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  /** 0-based line number containing `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.starts[line] + 1 };
  }

  /** The text of a 0-based line without its line terminator. */
  lineText(line: number): string {
    const start = this.starts[line];
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > start && this.text[end - 1] === "\n") end--;
    if (end > start && this.text[end - 1] === "\r") end--;
    return this.text.slice(start, end);
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** Number of UTF-8 bytes in `text`, for formats (reviewdog) whose columns count bytes. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
