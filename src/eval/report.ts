import type { Finding, Severity } from "../types.js";
import { LineIndex } from "../text/source.js";
import { displayPath } from "../report/context.js";
import { share, type CorpusScore, type Figures } from "./score.js";
import { addTally, emptyTally, type RealScore, type Tally } from "./realdata.js";

/** "87.5% (21/24)", or "–" when there is nothing to measure. */
function percent(value: number | null, part: number, whole: number): string {
  return value === null ? "–" : `${(value * 100).toFixed(1)}% (${part}/${whole})`;
}

function table(header: string[], rows: string[][]): string {
  const align = header.map((_, i) => (i === 0 ? "---" : "---:"));
  return [header, align, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n") + "\n";
}

function quoted(text: string): string {
  return JSON.stringify(text);
}

/** One row of places to look at: `path:line: what`. */
interface Listed {
  path: string;
  line: number;
  text: string;
}

interface CorpusLists {
  trapHits: Listed[];
  missed: Listed[];
  unlisted: Listed[];
  wrongFixes: Listed[];
}

function lists(score: CorpusScore): CorpusLists {
  const out: CorpusLists = { trapHits: [], missed: [], unlisted: [], wrongFixes: [] };
  for (const { article, verdicts, missed } of score.articles) {
    const path = displayPath(article.source.path);
    const lines = new LineIndex(article.source.text);
    const at = (offset: number, text: string): Listed => ({ path, line: lines.position(offset).line, text });
    const flag = (f: Finding): string => `${f.ruleId} ${quoted(f.text)} -> ${quoted(f.suggestions[0] ?? "")}`;
    for (const v of verdicts) {
      if (v.kind === "trap") out.trapHits.push(at(v.finding.offset, `${flag(v.finding)} on trap ${quoted(v.trap.quote)}${v.trap.note ? ` (${v.trap.note})` : ""}`));
      else if (v.kind === "unlisted") out.unlisted.push(at(v.finding.offset, `${flag(v.finding)} [${v.finding.category}]`));
      else if (!v.fixRight) out.wrongFixes.push(at(v.finding.offset, `${flag(v.finding)}; gold ${quoted(v.error.quote)} -> ${v.error.fixes.map(quoted).join(" | ")}`));
    }
    for (const e of missed) out.missed.push(at(e.offset, `[${e.category}, ${e.tier}] ${quoted(e.quote)}${e.source ? ` (${e.source})` : ""}`));
  }
  return out;
}

function figuresRow(name: string, f: Figures): string[] {
  return [
    name,
    `${f.errors_core}/${f.errors_all}`,
    percent(f.recall_core, f.found_core, f.errors_core),
    percent(f.recall_all, f.found_all, f.errors_all),
    String(f.findings),
    percent(f.precision, f.right, f.findings),
    percent(f.fix_accuracy, f.fixes_right, f.right),
    String(f.trap_hits),
  ];
}

function section(title: string, items: Listed[]): string {
  return `\n${title} (${items.length}):\n` + items.map((i) => `  ${i.path}:${i.line}: ${i.text}\n`).join("");
}

/** The corpus scores as a Markdown table; trap hits always listed, the rest with `verbose`. */
export function formatCorpusText(score: CorpusScore, dir: string, min: Severity, verbose: boolean): string {
  const header = ["category", "errors (core/all)", "recall (core)", "recall (all)", "findings", "precision", "fix accuracy", "trap hits"];
  const rows = Object.entries(score.categories).map(([name, f]) => figuresRow(name, f));
  rows.push(figuresRow("**overall**", score.overall));
  let out = `Gold corpus ${displayPath(dir)}: ${score.articles.length} articles, findings at ${min} or above\n\n` + table(header, rows);
  const l = lists(score);
  if (l.trapHits.length > 0) out += section("Trap hits", l.trapHits);
  if (verbose) out += section("Missed errors", l.missed) + section("Unlisted findings", l.unlisted) + section("Wrong fixes", l.wrongFixes);
  // A blank line ends each report, so that several runs in a row print separate Markdown tables.
  return out + "\n";
}

export function formatCorpusJson(score: CorpusScore, min: Severity, verbose: boolean): string {
  const l = lists(score);
  const extra = verbose ? { missed: l.missed, unlisted: l.unlisted, wrong_fixes: l.wrongFixes } : {};
  return JSON.stringify({ min_severity: min, articles: score.articles.length, overall: score.overall, categories: score.categories, trap_hit_list: l.trapHits, ...extra }, null, 2) + "\n";
}

/** A tally with its rates and shares (null: nothing to measure). */
interface Rated extends Tally {
  per_1000_words: number | null;
  per_10000_words: number | null;
  confirmed_share: number | null;
  baseline_share: number | null;
  fix_confirmed_share: number | null;
}

/** Flags per word are over `words`; shares are over the checked flags and the baseline draws. */
function withRates(t: Tally, words: number): Rated {
  return {
    ...t,
    per_1000_words: share(t.flags * 1000, words),
    per_10000_words: share(t.flags * 10000, words),
    confirmed_share: share(t.confirmed, t.checked),
    baseline_share: share(t.baseline_confirmed, t.baseline_draws),
    fix_confirmed_share: share(t.fixes_confirmed, t.checked),
  };
}

/** Per-rule counts summed over every text field, busiest rule first. */
function mergedRules(scores: RealScore[]): [string, Tally][] {
  const merged = new Map<string, Tally>();
  for (const s of scores) {
    for (const [rule, t] of Object.entries(s.rules)) {
      if (!merged.has(rule)) merged.set(rule, emptyTally());
      addTally(merged.get(rule)!, t);
    }
  }
  return [...merged].sort(([a, x], [b, y]) => y.flags - x.flags || a.localeCompare(b));
}

function rate(value: number | null): string {
  return value === null ? "–" : value.toFixed(2);
}

/** Counts and rates; the confirmation columns only where the flags were checked against human text. */
function tallyCells(t: Tally, words: number, checked: boolean): string[] {
  const r = withRates(t, words);
  const counts = [String(t.flags), rate(r.per_1000_words), rate(r.per_10000_words)];
  if (!checked) return counts;
  return [
    ...counts,
    percent(r.confirmed_share, t.confirmed, t.checked),
    percent(r.baseline_share, t.baseline_confirmed, t.baseline_draws),
    percent(r.fix_confirmed_share, t.fixes_confirmed, t.checked),
  ];
}

function tallyHeader(checked: boolean): string[] {
  return ["flags", "per 1,000 words", "per 10,000 words", ...(checked ? ["confirmed", "baseline", "fix confirmed"] : [])];
}

/** Real-data scores: one row per text field, then the rules over all fields together. */
export function formatRealText(scores: RealScore[], file: string, min: Severity): string {
  const words = scores.reduce((n, s) => n + s.words, 0);
  // Without a check field (fluent text) every flag is a false alarm: only the counts mean something.
  const checked = scores.some((s) => s.checkFields.length > 0);
  const fields = checked ? ["text field", "checked against"] : ["text field"];
  const rows = scores.map((s) => [s.field, ...(checked ? [s.checkFields.join(", ")] : []), String(s.documents), String(s.segments), String(s.words), ...tallyCells(s.overall, s.words, checked)]);
  let out =
    `Real data ${displayPath(file)}: ${checked ? "flags" : "false alarms on fluent text"}, findings at ${min} or above\n\n` +
    table([...fields, "documents", "segments", "words", ...tallyHeader(checked)], rows);
  const rules = mergedRules(scores);
  if (rules.length > 0) out += "\n" + table(["rule", ...tallyHeader(checked)], rules.map(([id, t]) => [id, ...tallyCells(t, words, checked)]));
  return out + "\n";
}

export function formatRealJson(scores: RealScore[], file: string, min: Severity): string {
  const words = scores.reduce((n, s) => n + s.words, 0);
  const fields = scores.map((s) => ({
    field: s.field,
    check_fields: s.checkFields,
    documents: s.documents,
    segments: s.segments,
    words: s.words,
    overall: withRates(s.overall, s.words),
  }));
  const rules = Object.fromEntries(mergedRules(scores).map(([id, t]) => [id, withRates(t, words)]));
  return JSON.stringify({ file: displayPath(file), min_severity: min, fields, rules }, null, 2) + "\n";
}
