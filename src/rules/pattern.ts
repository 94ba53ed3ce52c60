/**
 * The token-pattern language of rule files.
 *
 *   word         a word, any case ("vertex", "north-korean", "'s")
 *   word:lower   a case constraint: lower | cap | upper | exact (as written) | miscased (not as written)
 *   ,            a punctuation mark
 *   {class}      a word class from classes.yaml or a built-in one; {class:lower} etc. as above
 *   /regex/      a whole-token regular expression (case-sensitive; /regex/i to ignore case)
 *   (a|b c)      alternatives, each a sequence
 *   x?           optional;  !x  one token that is not x
 *   [ ... ]      the marked span: what is reported and replaced (default: the whole match)
 *
 * Top-level elements are captures $1, $2, ... in replacement templates (marker brackets do
 * not count; the elements inside them do).
 */

import type { DataClass } from "./classes.js";

export type CaseMod = "lower" | "cap" | "upper" | "exact" | "miscased";

interface ElemBase {
  optional: boolean;
  negate: boolean;
}

/**
 * Each kind of element as a number too, for the matcher's switch: a rule set read back from the
 * compiled cache holds the deserializer's copies of the `kind` strings, which compare by content
 * where numbers compare at once.
 */
export const LITERAL = 0;
export const REGEX = 1;
export const CLASS = 2;
export const ALT = 3;
const CODES = { literal: LITERAL, regex: REGEX, class: CLASS, alt: ALT } as const;
export interface LiteralElem extends ElemBase {
  kind: "literal";
  code: typeof LITERAL;
  norm: string;
  written: string;
  caseMod?: CaseMod;
}
export interface RegexElem extends ElemBase {
  kind: "regex";
  code: typeof REGEX;
  re: RegExp;
}
export interface ClassElem extends ElemBase {
  kind: "class";
  code: typeof CLASS;
  name: string;
  caseMod?: CaseMod;
  /** Set by the compiler: the class's number among the built-in classes, or -1 for a class from data. */
  builtin?: number;
  /** Set by the compiler for a class from data, so that matching looks nothing up by name. */
  cls?: DataClass;
}
export interface AltElem extends ElemBase {
  kind: "alt";
  code: typeof ALT;
  options: Elem[][];
  /** Set by the compiler when every option is one plain literal: their norms. */
  norms?: Set<string>;
  /** Set by the compiler when the first tokens of all options are known: the options each token can start. */
  byFirst?: Map<string, Elem[][]>;
}
export type Elem = LiteralElem | RegexElem | ClassElem | AltElem;

/** Every field of every kind of element, unset. */
const UNSET = {
  optional: false,
  negate: false,
  norm: undefined,
  written: undefined,
  caseMod: undefined,
  re: undefined,
  name: undefined,
  builtin: undefined,
  cls: undefined,
  options: undefined,
  norms: undefined,
  byFirst: undefined,
};

/**
 * An element with every field of every kind, in one order. The matcher reads elements of all
 * kinds at the same places; with one object shape those reads stay monomorphic.
 */
function element<E extends Elem>(fields: Omit<E, "optional" | "code">): E {
  const { kind, ...rest } = fields;
  return { kind, code: CODES[kind], ...UNSET, ...rest } as unknown as E;
}

export interface ParsedPattern {
  elems: Elem[];
  /** Element index range of the marked span, [start, end). */
  markStart: number;
  markEnd: number;
}

export class PatternError extends Error {}

const CASE_MODS = new Set<CaseMod>(["lower", "cap", "upper", "exact", "miscased"]);
const SPECIAL = new Set(["(", ")", "|", "[", "]", "{", "}", "/", "?", "!"]);

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  private fail(message: string): never {
    throw new PatternError(`${message} at character ${this.i + 1} of pattern "${this.src}"`);
  }

  private skipSpace(): void {
    while (this.i < this.src.length && /\s/.test(this.src[this.i])) this.i++;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  parse(): ParsedPattern {
    const elems: Elem[] = [];
    let markStart = -1;
    let markEnd = -1;
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if (c === undefined) break;
      if (c === "[") {
        if (markStart >= 0) this.fail("only one [marked span] is allowed");
        this.i++;
        markStart = elems.length;
        continue;
      }
      if (c === "]") {
        if (markStart < 0 || markEnd >= 0) this.fail("unbalanced ]");
        this.i++;
        markEnd = elems.length;
        continue;
      }
      elems.push(this.item());
    }
    if (markStart >= 0 && markEnd < 0) this.fail("unclosed [");
    if (elems.length === 0) this.fail("empty pattern");
    if (markStart < 0) {
      markStart = 0;
      markEnd = elems.length;
    }
    if (markEnd <= markStart) this.fail("empty [marked span]");
    return { elems, markStart, markEnd };
  }

  private sequence(closers: string): Elem[] {
    const elems: Elem[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if (c === undefined) this.fail("unclosed (");
      if (closers.includes(c)) return elems;
      elems.push(this.item());
    }
  }

  private item(): Elem {
    let negate = false;
    if (this.peek() === "!" && this.src[this.i + 1] !== undefined && !/\s/.test(this.src[this.i + 1])) {
      negate = true;
      this.i++;
    }
    const elem = this.atom(negate);
    if (this.peek() === "?" && !(elem.kind === "literal" && elem.norm === "?")) {
      elem.optional = true;
      this.i++;
    }
    if (elem.optional && negate) this.fail("a negated element cannot be optional");
    return elem;
  }

  private caseMod(): CaseMod | undefined {
    if (this.peek() !== ":") return undefined;
    const m = /^:([a-z]+)/.exec(this.src.slice(this.i));
    if (!m || !CASE_MODS.has(m[1] as CaseMod)) this.fail("unknown case constraint");
    this.i += m[0].length;
    return m[1] as CaseMod;
  }

  private atom(negate: boolean): Elem {
    const c = this.peek();
    if (c === "(") {
      this.i++;
      const options: Elem[][] = [];
      for (;;) {
        const seq = this.sequence("|)");
        if (seq.length === 0) this.fail("empty alternative");
        options.push(seq);
        const closer = this.peek();
        this.i++;
        if (closer === ")") break;
      }
      return element<AltElem>({ kind: "alt", options, negate });
    }
    if (c === "{") {
      const end = this.src.indexOf("}", this.i);
      if (end < 0) this.fail("unclosed {");
      const body = this.src.slice(this.i + 1, end);
      const m = /^([a-z][a-z0-9-]*)(?::([a-z]+))?$/.exec(body);
      if (!m) this.fail(`bad class reference {${body}}`);
      if (m[2] && !CASE_MODS.has(m[2] as CaseMod)) this.fail(`unknown case constraint :${m[2]}`);
      this.i = end + 1;
      return element<ClassElem>({ kind: "class", name: m[1], caseMod: m[2] as CaseMod | undefined, negate });
    }
    if (c === "/") {
      let j = this.i + 1;
      while (j < this.src.length && this.src[j] !== "/") j += this.src[j] === "\\" ? 2 : 1;
      if (j >= this.src.length) this.fail("unclosed /regex/");
      const body = this.src.slice(this.i + 1, j);
      this.i = j + 1;
      let flags = "u";
      if (this.peek() === "i") {
        flags += "i";
        this.i++;
      }
      try {
        return element<RegexElem>({ kind: "regex", re: new RegExp(`^(?:${body})$`, flags), negate });
      } catch (e) {
        this.fail(`bad regex /${body}/: ${(e as Error).message}`);
      }
    }
    if (c === "\\") {
      const ch = this.src[this.i + 1];
      if (ch === undefined) this.fail("dangling \\");
      this.i += 2;
      return element<LiteralElem>({ kind: "literal", norm: ch, written: ch, negate });
    }
    if (c !== undefined && SPECIAL.has(c)) {
      // "?" and "!" alone stand for themselves when followed by space or the end.
      if ((c === "?" || c === "!") && (this.src[this.i + 1] === undefined || /\s/.test(this.src[this.i + 1]))) {
        this.i++;
        return element<LiteralElem>({ kind: "literal", norm: c, written: c, negate });
      }
      this.fail(`unexpected "${c}"`);
    }
    const m = /^(?:[\p{L}\p{M}\p{N}'’.-]+|[^\s\p{L}\p{M}\p{N}()|[\]{}\/?!:\\])/u.exec(this.src.slice(this.i));
    if (!m) this.fail("expected a word");
    this.i += m[0].length;
    const written = m[0].replace(/’/g, "'");
    return element<LiteralElem>({ kind: "literal", norm: written.toLowerCase(), written, caseMod: this.caseMod(), negate });
  }
}

export function parsePattern(src: string): ParsedPattern {
  return new Parser(src).parse();
}
