import type { Severity } from "../types.js";
import type { RuleSet } from "../rules/compile.js";
import { checkSource } from "../linter.js";
import { filterSeverity } from "../cli/options.js";
import type { GoldArticle } from "./gold.js";
import { aggregate, scoreArticle, type CorpusScore } from "./score.js";

/** Checks every gold article with the rules and scores the findings at `min` severity or above. */
export function evaluateCorpus(articles: GoldArticle[], ruleSet: RuleSet, min: Severity): CorpusScore {
  return aggregate(articles.map((a) => scoreArticle(a, filterSeverity(checkSource(a.source, ruleSet), min).findings)));
}
