import type { Block, SourceFile } from "../types.js";
import { plainBlocks } from "./extract-plain.js";
import { markdownBlocks } from "./extract-markdown.js";
import { htmlBlocks } from "./extract-html.js";

/** The prose of a file, as blocks whose offsets map back to the file. */
export function extractBlocks(file: SourceFile): Iterable<Block> {
  switch (file.type) {
    case "markdown":
      return markdownBlocks(file.text);
    case "html":
      return htmlBlocks(file.text);
    default:
      return plainBlocks(file.text);
  }
}
