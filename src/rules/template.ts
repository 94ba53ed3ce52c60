/**
 * Replacement templates: literal text with captures. `$n` or `${n}` is the text matched by
 * top-level element n (for regex rules, group n; `$0` is the whole marked span). `${n:cap}`,
 * `${n:lower}`, `${n:upper}` change its case; `${n:canonical}` is the word-class entry as the
 * class lists it ("north korean" -> "North Korean").
 */

export type Transform = "cap" | "lower" | "upper" | "canonical";

type Part = string | { index: number; transform?: Transform };

export interface Template {
  source: string;
  parts: Part[];
  maxIndex: number;
}

export class TemplateError extends Error {}

export function parseTemplate(source: string): Template {
  const parts: Part[] = [];
  let maxIndex = -1;
  const re = /\$(?:(\d)|\{(\d+)(?::([a-z]+))?\}|\$)/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index > last) parts.push(source.slice(last, m.index));
    last = re.lastIndex;
    if (m[0] === "$$") {
      parts.push("$");
      continue;
    }
    const index = Number(m[1] ?? m[2]);
    const transform = m[3] as Transform | undefined;
    if (transform && !["cap", "lower", "upper", "canonical"].includes(transform)) {
      throw new TemplateError(`unknown transform :${transform} in "${source}"`);
    }
    maxIndex = Math.max(maxIndex, index);
    parts.push({ index, transform });
  }
  if (last < source.length) parts.push(source.slice(last));
  return { source, parts, maxIndex };
}

export interface Capture {
  text: string;
  canonical?: string;
}

function transform(capture: Capture, how: Transform | undefined): string {
  switch (how) {
    case "cap":
      return capture.text.charAt(0).toUpperCase() + capture.text.slice(1);
    case "lower":
      return capture.text.toLowerCase();
    case "upper":
      return capture.text.toUpperCase();
    case "canonical":
      return capture.canonical ?? capture.text;
    default:
      return capture.text;
  }
}

const SPACE_BEFORE_MARK = / [,.;:!?]/;

/** Fills a template; empty optional captures leave no double spaces behind. */
export function renderTemplate(template: Template, capture: (index: number) => Capture): string {
  let out = "";
  for (const part of template.parts) out += typeof part === "string" ? part : transform(capture(part.index), part.transform);
  // Most suggestions need neither clean-up: test before replacing (this runs for every finding).
  if (out.includes("  ")) out = out.replace(/ {2,}/g, " ");
  if (SPACE_BEFORE_MARK.test(out)) out = out.replace(/ ([,.;:!?])/g, (m, p: string, offset: number) => (offset === 0 ? m : p));
  return out.trim();
}

/**
 * Carries the original's capitalisation over to a replacement: a capitalised original gets a
 * capitalised replacement, an all-caps original an all-caps one. A replacement that is
 * deliberately capitalised (a case fix) is left as it is.
 */
export function matchCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  // The usual case, decided without a regular expression: a lowercase first letter is neither a
  // shout nor a capital to carry over.
  const c = original.charCodeAt(0);
  if (c >= 97 && c <= 122) return replacement;
  // Only a run of several capitalised words is a shout; a single "UN" or "ONU" is an acronym.
  const letters = original.replace(/[^\p{L}\s]/gu, "").trim();
  if (/\s/.test(letters) && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return replacement.toUpperCase();
  }
  // The first letter or digit decides, on both sides: "20 M€" starts with a number, not a
  // capital, and "XXIe" -> "21st" must not become "21St".
  const first = original.match(/[\p{L}\p{N}]/u)?.[0];
  const i = replacement.search(/[\p{L}\p{N}]/u);
  if (first && first !== first.toLowerCase() && i >= 0 && /\p{L}/u.test(replacement[i])) {
    return replacement.slice(0, i) + replacement[i].toUpperCase() + replacement.slice(i + 1);
  }
  return replacement;
}
