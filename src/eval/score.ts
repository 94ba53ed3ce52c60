import { parseFragment } from "parse5";
import { CATEGORIES, type Category, type DocumentType, type Finding } from "../types.js";
import { applyEdits, firstEdit } from "../fix/apply.js";
import type { GoldArticle, GoldError, GoldTrap, Span } from "./gold.js";

/** What a finding turned out to be against the gold. */
export type Verdict =
  | { kind: "right"; finding: Finding; error: GoldError; fixRight: boolean }
  | { kind: "trap"; finding: Finding; trap: GoldTrap }
  | { kind: "unlisted"; finding: Finding };

export interface ArticleScore {
  article: GoldArticle;
  verdicts: Verdict[];
  /** Gold errors that no finding overlaps. */
  missed: GoldError[];
}

/** Counts behind the shares; a share is null when its denominator is 0 (nothing to measure). */
export interface Figures {
  errors_core: number;
  found_core: number;
  errors_all: number;
  found_all: number;
  findings: number;
  right: number;
  fixes_right: number;
  trap_hits: number;
  recall_core: number | null;
  recall_all: number | null;
  precision: number | null;
  fix_accuracy: number | null;
}

export interface CorpusScore {
  articles: ArticleScore[];
  overall: Figures;
  /** Recall counts by the gold category; precision, fix accuracy and trap hits by the rule's category. */
  categories: Partial<Record<Category, Figures>>;
}

function end(span: Span): number {
  return span.offset + span.length;
}

/** Shared code units between a finding and a gold span; an empty finding (an insertion) counts as one unit. */
export function overlap(finding: Span, gold: Span): number {
  const findingEnd = finding.offset + Math.max(finding.length, 1);
  return Math.max(0, Math.min(findingEnd, end(gold)) - Math.max(finding.offset, gold.offset));
}

function bestOverlap<T extends Span>(finding: Span, spans: T[]): T | undefined {
  let best: T | undefined;
  let most = 0;
  for (const span of spans) {
    const n = overlap(finding, span);
    if (n > most) [best, most] = [span, n];
  }
  return best;
}

/** Text nodes of an HTML fragment, entities decoded: the form in which suggestions are written. */
function htmlText(fragment: string): string {
  type Node = { nodeName: string; value?: string; childNodes?: Node[] };
  const collect = (node: Node): string => (node.nodeName === "#text" ? (node.value ?? "") : (node.childNodes ?? []).map(collect).join(""));
  return collect(parseFragment(fragment) as unknown as Node);
}

/**
 * Normal form for comparing an edited region with an expected one: HTML decoded (gold fixes keep
 * entities as written, suggestions are plain text), ends trimmed, and line breaks with the spaces
 * around them folded, because a line rule deletes a whole line with its newline while the gold
 * quote of that line stops before it.
 */
function comparable(text: string, type: DocumentType): string {
  return (type === "html" ? htmlText(text) : text).trim().replace(/[^\S\n]*\n\s*/g, "\n");
}

/**
 * Whether applying the first suggestions of the findings on one gold error yields one of its
 * fixes. The findings are applied together, as `mtlint fix` would, because two rules may each
 * mend part of one quote ("1,9% on one year"). The result is compared over the union of the
 * finding spans and the quote span, so a rule may mark a little more or less than the quote and
 * still be right.
 */
export function fixIsRight(text: string, type: DocumentType, findings: Finding[], error: GoldError): boolean {
  if (findings.length === 0 || findings.some((f) => f.suggestions.length === 0)) return false;
  const from = Math.min(error.offset, ...findings.map((f) => f.offset));
  const to = Math.max(end(error), ...findings.map(end));
  const edits = findings.map((f) => ({ ...firstEdit(f), offset: f.offset - from }));
  const got = comparable(applyEdits(text.slice(from, to), edits).text, type);
  return error.fixes.some((fix) => comparable(text.slice(from, error.offset) + fix + text.slice(end(error), to), type) === got);
}

/** Judges every finding of one article: a gold error wins over a trap when a finding overlaps both. */
export function scoreArticle(article: GoldArticle, findings: Finding[]): ArticleScore {
  const { text, type } = article.source;
  const onError = new Map<GoldError, Finding[]>();
  const verdicts = findings.map((finding): Verdict => {
    const error = bestOverlap(finding, article.errors);
    if (error) {
      onError.set(error, [...(onError.get(error) ?? []), finding]);
      return { kind: "right", finding, error, fixRight: false };
    }
    const trap = bestOverlap(finding, article.traps);
    return trap ? { kind: "trap", finding, trap } : { kind: "unlisted", finding };
  });
  const fixed = new Set([...onError].filter(([error, group]) => fixIsRight(text, type, group, error)).map(([error]) => error));
  for (const v of verdicts) if (v.kind === "right") v.fixRight = fixed.has(v.error);
  return { article, verdicts, missed: article.errors.filter((e) => !onError.has(e)) };
}

function emptyCounts(): Figures {
  return {
    errors_core: 0,
    found_core: 0,
    errors_all: 0,
    found_all: 0,
    findings: 0,
    right: 0,
    fixes_right: 0,
    trap_hits: 0,
    recall_core: null,
    recall_all: null,
    precision: null,
    fix_accuracy: null,
  };
}

/** part/whole, or null when there is nothing to measure. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function withShares(f: Figures): Figures {
  return {
    ...f,
    recall_core: share(f.found_core, f.errors_core),
    recall_all: share(f.found_all, f.errors_all),
    precision: share(f.right, f.findings),
    fix_accuracy: share(f.fixes_right, f.right),
  };
}

/** Adds up article scores, overall and per category (categories in the project's fixed order). */
export function aggregate(articles: ArticleScore[]): CorpusScore {
  const overall = emptyCounts();
  const byCategory = new Map<Category, Figures>();
  const counts = (c: Category): Figures[] => {
    if (!byCategory.has(c)) byCategory.set(c, emptyCounts());
    return [overall, byCategory.get(c)!];
  };
  for (const { article, verdicts, missed } of articles) {
    for (const error of article.errors) {
      const found = !missed.includes(error);
      for (const f of counts(error.category)) {
        f.errors_all++;
        if (found) f.found_all++;
        if (error.tier === "core") {
          f.errors_core++;
          if (found) f.found_core++;
        }
      }
    }
    for (const v of verdicts) {
      for (const f of counts(v.finding.category)) {
        f.findings++;
        if (v.kind === "right") {
          f.right++;
          if (v.fixRight) f.fixes_right++;
        } else if (v.kind === "trap") f.trap_hits++;
      }
    }
  }
  const categories: Partial<Record<Category, Figures>> = {};
  for (const c of CATEGORIES) {
    const f = byCategory.get(c);
    if (f) categories[c] = withShares(f);
  }
  return { articles, overall: withShares(overall), categories };
}
