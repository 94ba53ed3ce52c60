/**
 * Required literals of a regex rule: a set of short strings, one of which occurs in (or right
 * beside, for a look-around) every match. The engine finds all rules' literals in one pass and
 * runs a rule's own regex only on the lines where one of them occurs, instead of scanning every
 * block with every rule. Strings are compared folded (`foldCode`: lower case, every ASCII digit
 * read as "0"), so a literal set may be wider than the rule, never narrower.
 *
 * The parser reads the regex syntax the rule sets use (Unicode mode): it has to be right about
 * what a pattern can match, and falls back to "anything" for constructs it does not model.
 */

let foldTable: Uint16Array | undefined;

/** `foldCode` of every UTF-16 code unit, built once. */
export function foldedCodes(): Uint16Array {
  if (!foldTable) {
    foldTable = new Uint16Array(0x10000);
    for (let c = 0; c < 0x10000; c++) foldTable[c] = foldCode(c);
  }
  return foldTable;
}

/** Lower case as the `i` flag compares, and all ASCII digits as "0", so one literal covers `\d`. */
export function foldCode(c: number): number {
  if (c >= 48 && c <= 57) return 48;
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  const folded = String.fromCharCode(c).toUpperCase().toLowerCase();
  return folded.length === 1 ? folded.charCodeAt(0) : c;
}

type Node =
  /** One character from `codes` (folded), or any character when `codes` is undefined. */
  | { kind: "char"; codes?: Set<number> }
  /** Matches the empty string: anchors, `\b`, negative look-arounds. */
  | { kind: "empty" }
  /** Zero-width, but its content must be in the text beside the match. */
  | { kind: "look"; node: Node }
  | { kind: "seq"; items: Node[] }
  | { kind: "alt"; options: Node[] }
  | { kind: "repeat"; node: Node; min: number; max: number }
  /** A back-reference: any text. */
  | { kind: "any" };

const MAX_CLASS = 12;
const DIGITS = new Set([48]);

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new Error(`unexpected "${this.src[this.i]}"`);
    return node;
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.src[this.i] === "|") {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { kind: "alt", options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") items.push(this.quantified(this.atom()));
    // One item stands for itself, so that a group around a repeat ("(\d+)") is still seen as one.
    return items.length === 1 ? items[0] : { kind: "seq", items };
  }

  private quantified(node: Node): Node {
    const q = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(this.src.slice(this.i));
    if (!q) return node;
    this.i += q[0].length;
    if (q[1]) return { kind: "repeat", node, min: q[1] === "+" ? 1 : 0, max: q[1] === "?" ? 1 : Infinity };
    const min = Number(q[2]);
    const max = q[3] ? (q[4] ? Number(q[4]) : Infinity) : min;
    return { kind: "repeat", node, min, max };
  }

  private atom(): Node {
    const c = this.src[this.i++];
    switch (c) {
      case "^":
      case "$":
        return { kind: "empty" };
      case ".":
        return { kind: "char" };
      case "[":
        return this.charClass();
      case "\\":
        return this.escape(false) ?? { kind: "empty" };
      case "(":
        return this.group();
      default: {
        const code = this.src.codePointAt(this.i - 1)!;
        if (code > 0xffff) this.i++;
        return single(code);
      }
    }
  }

  private group(): Node {
    const head = /^(?:\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>))?/.exec(this.src.slice(this.i))![0];
    this.i += head.length;
    const inner = this.alternation();
    if (this.src[this.i++] !== ")") throw new Error("unclosed group");
    if (head === "?=" || head === "?<=") return { kind: "look", node: inner };
    if (head === "?!" || head === "?<!") return { kind: "empty" };
    return inner;
  }

  /** After a backslash: a character set, or undefined for a zero-width assertion (`\b`, `\B`). */
  private escape(inClass: boolean): Node | undefined {
    const c = this.src[this.i++];
    switch (c) {
      case "b":
        return inClass ? single(8) : undefined;
      case "B":
        return undefined;
      case "d":
        return { kind: "char", codes: DIGITS };
      case "D":
      case "w":
      case "W":
      case "s":
      case "S":
        return { kind: "char" };
      case "p":
      case "P":
        this.i = this.src.indexOf("}", this.i) + 1;
        return { kind: "char" };
      case "k":
        this.i = this.src.indexOf(">", this.i) + 1;
        return { kind: "any" };
      case "u": {
        const hex = /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/.exec(this.src.slice(this.i))!;
        this.i += hex[0].length;
        return single(parseInt(hex[1] ?? hex[2], 16));
      }
      case "x":
        this.i += 2;
        return single(parseInt(this.src.slice(this.i - 2, this.i), 16));
      case "c":
        return single(this.src.charCodeAt(this.i++) % 32);
      case "0":
        return single(0);
      default: {
        if (/[1-9]/.test(c)) {
          while (/\d/.test(this.src[this.i] ?? "")) this.i++;
          return { kind: "any" };
        }
        const controls: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11 };
        return single(controls[c] ?? c.charCodeAt(0));
      }
    }
  }

  private charClass(): Node {
    const negated = this.src[this.i] === "^";
    if (negated) this.i++;
    const codes = new Set<number>();
    let bounded = !negated;
    const member = (): number | undefined => {
      if (this.src[this.i] !== "\\") {
        const code = this.src.codePointAt(this.i)!;
        this.i += code > 0xffff ? 2 : 1;
        return code;
      }
      this.i++;
      const e = this.escape(true)!;
      if (e.kind === "char" && e.codes?.size === 1 && e.codes !== DIGITS) return [...e.codes][0];
      if (e.kind === "char" && e.codes) e.codes.forEach((x) => codes.add(x));
      else bounded = false;
      return undefined;
    };
    while (this.src[this.i] !== "]") {
      if (this.i >= this.src.length) throw new Error("unclosed class");
      const from = member();
      if (from !== undefined && this.src[this.i] === "-" && this.src[this.i + 1] !== "]") {
        this.i++;
        const to = member();
        if (to === undefined || to - from > 64) bounded = false;
        else for (let x = from; x <= to; x++) codes.add(foldCode(x));
      } else if (from !== undefined) codes.add(foldCode(from));
    }
    this.i++;
    return bounded && codes.size <= MAX_CLASS ? { kind: "char", codes } : { kind: "char" };
  }
}

function single(code: number): Node {
  return { kind: "char", codes: new Set([foldCode(code)]) };
}

const weights = new Map<string, number>();

/** How unlikely a folded string is in news text; a literal set is as good as its weakest string. */
function weight(s: string): number {
  let w = weights.get(s);
  if (w === undefined) weights.set(s, (w = computeWeight(s)));
  return w;
}

function computeWeight(s: string): number {
  if (COMMON_PARTS.has(s.trim())) return 1;
  let w = 0;
  for (const ch of s) {
    if (/[a-z]/.test(ch)) w += 1;
    else if (ch === "0") w += 1;
    else if (ch === " ") w += 0.3;
    else if (ch === "," || ch === ".") w += 0.7;
    else if (ch === "-") w += 1.2;
    else if (ch === "'" || ch === "’") w += 1.5;
    else if (ch === "%" || ch === "$") w += 3.5;
    else if (ch.charCodeAt(0) < 128) w += 2.7;
    else if (/\p{L}/u.test(ch)) w += 2.5;
    else w += 4;
  }
  // A figure run into a word ("2e", "15mn", "1er") is rare in English: "1990s" is the exception.
  if (/0\p{L}/u.test(s) && !/0s\b/.test(s)) w += 1;
  return w;
}

/**
 * Words so frequent that a literal made of one of them, or of a part of one ("wit" of "with"),
 * would let the rule run on most lines.
 */
const COMMON_PARTS = new Set(
  "the of and to a in that is was he for it with as his on be at by had not are but from or have an they which one were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over also after"
    .split(" ")
    .flatMap((word) => [...word].flatMap((_, i) => [...word].map((__, j) => word.slice(i, j + 1)).filter(Boolean))),
);

/** Literal sets, or the set of every string a node can match when that set is small. */
interface Info {
  /** Every string the node can match, when at most MAX_EXACT. */
  exact?: Set<string>;
  /** One of these occurs in every match. */
  required?: Set<string>;
}

const MAX_EXACT = 256;
/** A literal set weaker than this would trigger the rule on most lines: scan with it instead. */
const MIN_WEIGHT = 2.5;

const scores = new WeakMap<Set<string>, number>();

function score(set: Set<string> | undefined): number {
  if (!set || set.size === 0) return -Infinity;
  let min = scores.get(set);
  if (min === undefined) {
    min = Infinity;
    for (const s of set) min = Math.min(min, s === "" ? -Infinity : weight(s));
    scores.set(set, min);
  }
  return min;
}

function better(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  const sa = score(a);
  const sb = score(b);
  if (sa === sb) return (a?.size ?? Infinity) <= (b?.size ?? Infinity) ? a : b;
  return sa > sb ? a : b;
}

function product(a: Set<string>, b: Set<string>): Set<string> | undefined {
  if (a.size * b.size > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

const EMPTY = new Set([""]);

function info(node: Node): Info {
  switch (node.kind) {
    case "char":
      return node.codes ? { exact: new Set([...node.codes].map((c) => String.fromCharCode(c))) } : {};
    case "empty":
      return { exact: EMPTY };
    case "any":
      return {};
    case "look": {
      const inner = info(node.node);
      return { exact: EMPTY, required: better(inner.required, inner.exact) };
    }
    case "alt": {
      const parts = node.options.map(info);
      let exact: Set<string> | undefined = new Set();
      let required: Set<string> | undefined = new Set();
      for (const p of parts) {
        if (exact && p.exact && exact.size + p.exact.size <= MAX_EXACT) p.exact.forEach((s) => exact!.add(s));
        else exact = undefined;
        const best = better(p.required, p.exact);
        if (required && best && score(best) > -Infinity) best.forEach((s) => required!.add(s));
        else required = undefined;
      }
      return { exact, required };
    }
    case "repeat": {
      const inner = info(node.node);
      let exact: Set<string> | undefined;
      if (inner.exact && node.max <= 4) {
        let power: Set<string> | undefined = EMPTY;
        exact = node.min === 0 ? new Set(EMPTY) : new Set();
        for (let k = 1; k <= node.max && power && exact; k++) {
          power = product(power, inner.exact);
          if (power && k >= node.min && exact.size + power.size <= MAX_EXACT) power.forEach((s) => exact!.add(s));
          else if (k >= node.min) exact = undefined;
        }
        if (!power) exact = undefined;
      }
      return { exact, required: node.min > 0 ? better(inner.required, inner.exact) : undefined };
    }
    case "seq":
      return seqInfo(node.items.map(info), node.items);
  }
}

/**
 * A sequence's literals: the best of its items' own sets and of the products of runs of adjacent
 * exact items. A repeat of at least one exact item begins and ends with a copy of it, so a run
 * may end on its first copy or start from its last.
 */
function seqInfo(parts: Info[], items: Node[]): Info {
  let required: Set<string> | undefined;
  for (const p of parts) required = better(required, better(p.required, p.exact));
  const copy = (k: number): Set<string> | undefined => {
    const item = items[k];
    return item.kind === "repeat" && item.min > 0 ? info(item.node).exact : undefined;
  };
  for (let start = 0; start < parts.length; start++) {
    let run = parts[start].exact ?? copy(start);
    for (let k = start + 1; run && k < parts.length; k++) {
      required = better(required, run);
      const next = parts[k].exact;
      if (!next) {
        const first = copy(k);
        if (first) required = better(required, product(run, first));
        break;
      }
      run = product(run, next);
    }
    required = better(required, run);
  }
  let whole: Set<string> | undefined = EMPTY;
  for (const p of parts) whole = whole && p.exact ? product(whole, p.exact) : undefined;
  return { exact: whole, required };
}

/**
 * The literals of a regex source (Unicode mode), or undefined when none is rare enough to be
 * worth looking for (the rule then scans whole blocks) or the source uses syntax not modelled.
 */
export function requiredLiterals(source: string): string[] | undefined {
  let root: Node;
  try {
    root = new Parser(source).parse();
  } catch {
    return undefined;
  }
  const top = info(root);
  const best = better(top.required, top.exact);
  return best && score(best) >= MIN_WEIGHT ? [...best].sort() : undefined;
}
