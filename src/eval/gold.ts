import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CATEGORIES, type Category, type SourceFile } from "../types.js";
import { readSource } from "../linter.js";
import { InputError } from "../text/source.js";

export type Tier = "core" | "extra";
const TIERS: readonly Tier[] = ["core", "extra"];

/** A span of the article's file text, in UTF-16 code units, end-exclusive (like Finding offsets). */
export interface Span {
  offset: number;
  length: number;
}

export interface GoldError extends Span {
  quote: string;
  occurrence: number;
  category: Category;
  tier: Tier;
  /** Acceptable replacements of exactly the quote, in source form (HTML entities as written). */
  fixes: string[];
  source?: string;
}

export interface GoldTrap extends Span {
  quote: string;
  occurrence: number;
  note?: string;
}

/** An article with its gold annotation, quotes resolved to offsets in the file text. */
export interface GoldArticle {
  goldPath: string;
  source: SourceFile;
  errors: GoldError[];
  traps: GoldTrap[];
}

const GOLD_SUFFIX = ".gold.yaml";

/**
 * Offset of the `occurrence`-th (1-based) exact, case-sensitive match of `quote` in `text`, or -1.
 * Matches are counted at every position, so overlapping ones count too.
 */
export function findOccurrence(text: string, quote: string, occurrence: number): number {
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

type Entry = Record<string, unknown>;

/** Reads gold entries with their line numbers, so that every complaint can point at the line. */
async function parseGold(path: string): Promise<{ data: Entry; lineOf: (list: string, i: number) => number | undefined }> {
  const { parseDocument, LineCounter, isMap, isSeq } = await import("yaml");
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path, "utf8"), { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    throw new InputError(`${path}:${err.linePos?.[0].line ?? 1}: YAML error: ${err.message.split("\n")[0]}`);
  }
  if (!isMap(doc.contents)) throw new InputError(`${path}: expected a mapping with article:, errors: and traps:`);
  const root = doc.contents;
  const lineOf = (list: string, i: number): number | undefined => {
    const node = root.get(list, true);
    const range = isSeq(node) ? (node.items[i] as { range?: [number, number, number] } | null)?.range : undefined;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  return { data: doc.toJS() as Entry, lineOf };
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string");
}

/** Loads one gold file and the article it names (beside it), checking every field and quote. */
export async function loadGold(goldPath: string): Promise<GoldArticle> {
  const { data, lineOf } = await parseGold(goldPath);
  const fail = (message: string, list?: string, i?: number): never => {
    const line = list !== undefined && i !== undefined ? lineOf(list, i) : undefined;
    throw new InputError(`${goldPath}${line ? `:${line}` : ""}: ${message}`);
  };
  if (typeof data.article !== "string" || data.article === "") fail("article: must name the article file");
  const articlePath = join(goldPath, "..", data.article as string);
  if (!existsSync(articlePath)) fail(`article ${data.article as string} not found beside the gold file`);
  const source = readSource(articlePath);

  const resolve = (entry: Entry, list: string, i: number): Span & { quote: string; occurrence: number } => {
    const { quote, occurrence } = entry;
    if (typeof quote !== "string" || quote === "") return fail("quote: must be a non-empty string", list, i);
    if (!Number.isInteger(occurrence) || (occurrence as number) < 1) return fail("occurrence: must be an integer from 1", list, i);
    const offset = findOccurrence(source.text, quote, occurrence as number);
    if (offset < 0) return fail(`quote "${quote}" occurrence ${occurrence as number} is not in ${data.article as string}`, list, i);
    return { quote, occurrence: occurrence as number, offset, length: quote.length };
  };
  const entries = (list: string): Entry[] => {
    const value = data[list];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return fail(`${list}: must be a list`);
    return value.map((e, i) => (e && typeof e === "object" && !Array.isArray(e) ? (e as Entry) : fail("an entry must be a mapping", list, i)));
  };

  const errors = entries("errors").map((e, i): GoldError => {
    const span = resolve(e, "errors", i);
    if (!CATEGORIES.includes(e.category as Category)) fail(`category: must be one of ${CATEGORIES.join(", ")}`, "errors", i);
    if (!TIERS.includes(e.tier as Tier)) fail("tier: must be core or extra", "errors", i);
    if (!isStringList(e.fixes)) fail('fixes: must be a non-empty list of strings ([""] deletes)', "errors", i);
    return { ...span, category: e.category as Category, tier: e.tier as Tier, fixes: e.fixes as string[], source: typeof e.source === "string" ? e.source : undefined };
  });
  const traps = entries("traps").map((t, i): GoldTrap => ({ ...resolve(t, "traps", i), note: typeof t.note === "string" ? t.note : undefined }));
  return { goldPath, source, errors, traps };
}

/** Every gold file in a folder (not recursive), sorted, each with its article. */
export async function loadGoldDir(dir: string): Promise<GoldArticle[]> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new InputError(`${dir}: not a readable directory`);
  }
  const golds = names.filter((n) => n.endsWith(GOLD_SUFFIX)).sort();
  if (golds.length === 0) throw new InputError(`${dir}: no ${GOLD_SUFFIX} files`);
  const articles: GoldArticle[] = [];
  for (const name of golds) articles.push(await loadGold(join(dir, name)));
  return articles;
}
