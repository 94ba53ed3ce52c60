import type { Block, SourceFile } from "../types.js";
import { plainBlocks } from "./extract-plain.js";
import { loadMarkdown, markdownBlocks } from "./extract-markdown.js";
import { htmlBlocks, loadHtml } from "./extract-html.js";

/**
 * Loads the parser a document type needs (Markdown: mdast; HTML: parse5), so that a run over
 * plain text never loads them. Without it, the first Markdown or HTML file loads its parser
 * synchronously, which needs Node 20.19 or later.
 */
export async function loadExtractor(type: SourceFile["type"]): Promise<void> {
  if (type === "markdown") await loadMarkdown();
  else if (type === "html") await loadHtml();
}

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
