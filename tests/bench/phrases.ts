/**
 * Generated phrase rules for the benchmark: the same few phrases that occur in the text
 * (HIT_PHRASES), then phrases that open with common words of the text and end with a word that
 * never occurs, so every extra rule costs look-ups but adds no findings.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HIT_PHRASES, TEXT_WORDS } from "./corpus.js";

export function phrases(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i < HIT_PHRASES.length) {
      out.push(HIT_PHRASES[i]);
      continue;
    }
    const n = TEXT_WORDS.length;
    out.push(`${TEXT_WORDS[i % n]} ${TEXT_WORDS[Math.floor(i / n) % n]} zq${i.toString(36)}`);
  }
  return out;
}

function ruleYaml(phrase: string, i: number): string {
  return `  - id: bench-phrase-${i}
    category: calque
    severity: info
    message: Generated phrase ${i}.
    explanation: A phrase rule generated for the benchmark.
    pattern: "${phrase}"
    replace: benchword${i}
    fix: suggest
    examples:
      flag:
        - text: "They spoke of ${phrase} today."
          fixed: "They spoke of benchword${i} today."
      pass:
        - "They spoke of nothing today."
`;
}

/** Writes `count` phrase rules into `dir` (1,000 per file) and the phrases, one a line, to `phrasesFile`. */
export function writePhraseRules(dir: string, phrasesFile: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  const list = phrases(count);
  for (let start = 0; start < count; start += 1000) {
    const body = list.slice(start, start + 1000).map((p, k) => ruleYaml(p, start + k)).join("");
    writeFileSync(join(dir, `phrases-${String(start / 1000).padStart(2, "0")}.yaml`), `rules:\n${body}`);
  }
  writeFileSync(phrasesFile, list.join("\n") + "\n");
}
