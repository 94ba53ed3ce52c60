import { createRequire } from "node:module";
import type { Block } from "../types.js";
import { BlockBuilder } from "./block-builder.js";

/** The Markdown parser: three packages (about 50 modules), loaded only when a Markdown file is read. */
interface MarkdownLib {
  fromMarkdown: typeof import("mdast-util-from-markdown").fromMarkdown;
  frontmatterFromMarkdown: typeof import("mdast-util-frontmatter").frontmatterFromMarkdown;
  frontmatter: typeof import("micromark-extension-frontmatter").frontmatter;
}
let lib: MarkdownLib | undefined;

type Modules = [typeof import("mdast-util-from-markdown"), typeof import("mdast-util-frontmatter"), typeof import("micromark-extension-frontmatter")];
const NAMES = ["mdast-util-from-markdown", "mdast-util-frontmatter", "micromark-extension-frontmatter"] as const;
const fromModules = ([m, f, x]: Modules): MarkdownLib => ({ fromMarkdown: m.fromMarkdown, frontmatterFromMarkdown: f.frontmatterFromMarkdown, frontmatter: x.frontmatter });

/** Loads the parser ahead of use (the CLI does, before linting a Markdown file). */
export async function loadMarkdown(): Promise<void> {
  lib ??= fromModules((await Promise.all(NAMES.map((name) => import(name)))) as Modules);
}

/** Not loaded ahead: loads synchronously (Node 20.19 and later load ES modules with require). */
function markdownLib(): MarkdownLib {
  const require = createRequire(import.meta.url);
  return (lib ??= fromModules(NAMES.map((name) => require(name)) as Modules));
}

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Nodes whose inline content is prose: each becomes one block. */
const PROSE_LEAVES = new Set(["paragraph", "heading", "tableCell"]);
/** Inline nodes that are not prose: code, raw HTML (comments included), images. */
const SKIPPED_INLINE = new Set(["inlineCode", "html", "image", "imageReference", "footnoteReference"]);

/**
 * Markdown: prose blocks from paragraphs, headings and table cells, parsed by mdast (which keeps
 * source offsets). Code (fenced, indented, inline), HTML, front matter, link targets and
 * definitions are skipped.
 */
export function markdownBlocks(text: string): Block[] {
  const { fromMarkdown, frontmatter, frontmatterFromMarkdown } = markdownLib();
  const tree = fromMarkdown(text, {
    extensions: [frontmatter(["yaml", "toml"])],
    mdastExtensions: [frontmatterFromMarkdown(["yaml", "toml"])],
  }) as MdNode;
  const blocks: Block[] = [];

  const inline = (node: MdNode, builder: BlockBuilder): void => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (node.type === "text") builder.addText(node.value ?? "", start, end);
    else if (node.type === "break") builder.addBreak(start);
    else if (SKIPPED_INLINE.has(node.type)) builder.addPlaceholder(start, end);
    else for (const child of node.children ?? []) inline(child, builder);
  };

  const walk = (node: MdNode): void => {
    if (PROSE_LEAVES.has(node.type)) {
      const builder = new BlockBuilder(text);
      for (const child of node.children ?? []) inline(child, builder);
      const block = builder.build();
      if (block) blocks.push(block);
      return;
    }
    // code, html, yaml/toml front matter, definitions and thematic breaks have no children.
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return blocks;
}
