/** Shared types at the boundaries between mtlint's stages: load -> segment -> match -> resolve -> fix -> report. */

/** How sure a native editor would be that the text must change. */
export type Severity = "error" | "warning" | "info";
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** The closed list of error classes a rule belongs to. */
export type Category =
  | "false-friend"
  | "calque"
  | "word-order"
  | "capitalization"
  | "typography"
  | "grammar"
  | "boilerplate"
  | "untranslated"
  | "consistency";
export const CATEGORIES: readonly Category[] = [
  "false-friend",
  "calque",
  "word-order",
  "capitalization",
  "typography",
  "grammar",
  "boilerplate",
  "untranslated",
  "consistency",
];

/** `auto`: certain, applied by `mtlint fix`; `suggest`: shown, never applied unattended. */
export type FixKind = "auto" | "suggest";

export type DocumentType = "text" | "markdown" | "html";

/** A span of the original text, in UTF-16 code units, end-exclusive. */
export interface Edit {
  offset: number;
  length: number;
  replacement: string;
}

/** A file as read: text without BOM, plus what `fix` must put back. */
export interface SourceFile {
  path: string;
  text: string;
  bom: boolean;
  type: DocumentType;
}

/**
 * A run of prose (a paragraph, heading, list item...) extracted from a document.
 * `text` may differ from the source (entities decoded, markup removed); `map` turns
 * offsets in `text` back into offsets in the original file.
 */
export interface Block {
  text: string;
  map: OffsetMapLike;
}

export interface OffsetMapLike {
  /** Start offset in the source of the block character at `i`. */
  toSourceStart(i: number): number;
  /** End offset in the source of the block range ending at `i` (exclusive). */
  toSourceEnd(i: number): number;
  /** True when the block range [start, end) is a verbatim copy of the source. */
  isVerbatim(start: number, end: number): boolean;
}

export type TokenKind = "word" | "number" | "punct";

export interface Token {
  /** Offsets in the block text. */
  start: number;
  end: number;
  text: string;
  /** Lowercased, with typographic apostrophes folded to ASCII. */
  norm: string;
  kind: TokenKind;
  /** Whitespace separates this token from the previous one. */
  spaceBefore: boolean;
}

export interface Sentence {
  /** Token index range [start, end) in the block's token array. */
  start: number;
  end: number;
}

/** One problem found in a file. Offsets are into the original file text (after BOM removal). */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  explanation: string;
  offset: number;
  length: number;
  /** The original text of the span. */
  text: string;
  /** Replacements for the span, best first. */
  suggestions: string[];
  fix: FixKind;
  /** Used to resolve overlaps: the more specific rule wins. */
  specificity: number;
}

export interface FileResult {
  path: string;
  source: SourceFile;
  findings: Finding[];
}
