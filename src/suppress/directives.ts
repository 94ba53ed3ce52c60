import type { DocumentType } from "../types.js";

export type DirectiveKind = "disable-next-line" | "disable" | "enable";

/** One `mtlint-disable...` directive as written in a file. */
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  rules: string[];
  /** The comment (or plain-text line) holding the directive, as offsets in the file text. */
  start: number;
  end: number;
  /** Where the list of rule ids is, so an unused one can be taken out of it. */
  rulesStart: number;
  rulesEnd: number;
}

/** `mtlint-KIND [rule, rule] [-- reason]`: the body of a comment or of a plain-text line. */
const BODY = /^\s*mtlint-(disable-next-line|disable|enable)(?=\s|$)([^\n]*?)(?:\s--(?:\s[^\n]*)?)?\s*$/d;

/** HTML and Markdown comments, in any kind of file. */
const COMMENT = /<!--([\s\S]*?)-->/g;

/** In plain text, which has no comments, a line holding only a directive, after an optional "#", "//", "%" or ";". */
const PLAIN_LINE = /^[ \t]*(?:#+|\/\/|%|;)?([^\n]*?)\r?$/gm;

function parseBody(body: string, bodyStart: number, start: number, end: number): Directive | undefined {
  const m = BODY.exec(body);
  if (!m) return undefined;
  const list = m[2];
  const rules = list.split(",").map((r) => r.trim()).filter(Boolean);
  const rulesStart = bodyStart + m.indices![2][0] + (list.length - list.trimStart().length);
  return { kind: m[1] as DirectiveKind, rules, start, end, rulesStart, rulesEnd: rulesStart + list.trim().length };
}

/** Every directive in a file, in text order. */
export function findDirectives(text: string, type: DocumentType): Directive[] {
  if (!text.includes("mtlint-")) return [];
  const found: Directive[] = [];
  for (const m of text.matchAll(COMMENT)) {
    const d = parseBody(m[1], m.index + 4, m.index, m.index + m[0].length);
    if (d) found.push(d);
  }
  if (type === "text") {
    for (const m of text.matchAll(PLAIN_LINE)) {
      const bodyStart = m.index + m[0].indexOf(m[1]);
      const d = parseBody(m[1], bodyStart, m.index, m.index + m[0].replace(/\r$/, "").length);
      // A directive alone on a line inside a multi-line comment is already counted.
      if (d && !found.some((c) => c.start <= d.start && d.start < c.end)) found.push(d);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
