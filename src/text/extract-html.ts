import { createRequire } from "node:module";
import type { Block } from "../types.js";
import { BlockBuilder } from "./block-builder.js";

/** parse5, loaded only when an HTML file is read. */
type Parse5 = Pick<typeof import("parse5"), "parse" | "parseFragment">;
let lib: Parse5 | undefined;

/** Loads the parser ahead of use (the CLI does, before linting an HTML file). */
export async function loadHtml(): Promise<void> {
  lib ??= await import("parse5");
}

/** Not loaded ahead: loads synchronously (Node 20.19 and later load ES modules with require). */
function parse5(): Parse5 {
  return (lib ??= createRequire(import.meta.url)("parse5") as Parse5);
}

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  childNodes?: HtmlNode[];
  content?: HtmlNode;
  sourceCodeLocation?: { startOffset: number; endOffset: number } | null;
}

/** Elements whose content is never prose. */
const SKIPPED = new Set(["script", "style", "code", "pre", "kbd", "samp", "var", "template", "noscript", "textarea", "svg", "math", "iframe", "object"]);
/** Inline elements: their text continues the surrounding block. */
const INLINE = new Set(["a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "font", "i", "ins", "del", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u"]);
/** Replaced inline elements that stand for something that is not text. */
const INLINE_OBJECTS = new Set(["img", "input", "select", "button", "video", "audio", "canvas", "picture"]);

/** HTML: text content only, one block per block-level element; entities decoded, offsets kept. */
export function htmlBlocks(text: string): Block[] {
  const { parse, parseFragment } = parse5();
  const isDocument = /^\s*(<!doctype|<html|<head|<body)/i.test(text);
  const root = (isDocument
    ? parse(text, { sourceCodeLocationInfo: true })
    : parseFragment(text, { sourceCodeLocationInfo: true })) as unknown as HtmlNode;
  const blocks: Block[] = [];
  let builder = new BlockBuilder(text);

  const flush = (): void => {
    const block = builder.build();
    if (block) blocks.push(block);
    builder = new BlockBuilder(text);
  };

  const walk = (node: HtmlNode): void => {
    const loc = node.sourceCodeLocation;
    if (node.nodeName === "#text") {
      if (loc) builder.addText(node.value ?? "", loc.startOffset, loc.endOffset);
      return;
    }
    if (node.nodeName === "#comment" || node.nodeName === "#documentType") return;
    const tag = node.tagName;
    if (tag && SKIPPED.has(tag)) {
      if (loc) builder.addPlaceholder(loc.startOffset, loc.endOffset);
      return;
    }
    if (tag && INLINE_OBJECTS.has(tag)) {
      if (loc) builder.addPlaceholder(loc.startOffset, loc.endOffset);
      return;
    }
    if (tag === "br") {
      if (loc) builder.addBreak(loc.startOffset);
      return;
    }
    const inline = tag !== undefined && INLINE.has(tag);
    if (!inline) flush();
    for (const child of node.childNodes ?? node.content?.childNodes ?? []) walk(child);
    if (!inline) flush();
  };
  walk(root);
  flush();
  return blocks;
}
