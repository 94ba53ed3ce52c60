import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRules } from "../src/linter.js";
import { lintFile } from "../src/rules/engine.js";
import { extractBlocks } from "../src/text/extract.js";
import { blankLineFrom, lastBlankLineEnd } from "../src/text/extract-plain.js";
import { seededRandom } from "../src/eval/realdata.js";
import { splitSentences } from "../src/text/sentences.js";
import { decodeSource, LineIndex } from "../src/text/source.js";
import { tokenize } from "../src/text/tokenize.js";
import { ROOT } from "./helpers.js";

const FIXTURES = join(ROOT, "tests", "fixtures", "core");
const rules = await loadRules({ noBuiltin: true, ruleFiles: [join(FIXTURES, "rules.yaml")] });
const read = (name: string, type: "markdown" | "html") => decodeSource(name, readFileSync(join(FIXTURES, name)), type);

describe("tokens", () => {
  const text = "The agency’s chief, M. Dupont, said 3,5 million U.S. dollars went to l'economy (see https://example.com/a).";
  const tokens = tokenize(text);

  it("carry offsets into the text", () => {
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it("split the possessive, keep numbers, initialisms, elisions and URLs whole", () => {
    const texts = tokens.map((t) => t.text);
    expect(texts).toContain("’s");
    expect(texts).toContain("3,5");
    expect(texts).toContain("U.S.");
    expect(texts).toContain("l'economy");
    expect(texts).toContain("https://example.com/a");
    expect(tokens.find((t) => t.text === "’s")?.norm).toBe("'s");
  });
});

describe("sentences", () => {
  it("do not end after titles and initials", () => {
    const text = "Mr. Smith met M. Dupont and Harry J. Kazianis. Then they left! “Why?” he asked.";
    const tokens = tokenize(text);
    const spans = splitSentences(text, tokens).map((s) => text.slice(tokens[s.start].start, tokens[s.end - 1].end));
    expect(spans).toEqual(["Mr. Smith met M. Dupont and Harry J. Kazianis.", "Then they left!", "“Why?” he asked."]);
  });

  it("end at a line break before a capital when the line has no closing mark", () => {
    const text = "Please enter your comment!\nPlease enter your name here\nYou have entered an incorrect address";
    const tokens = tokenize(text);
    expect(splitSentences(text, tokens)).toHaveLength(3);
  });
});

describe("Markdown", () => {
  const file = read("article.md", "markdown");
  const findings = lintFile(file, rules);

  it("checks prose only: not front matter, code, link targets or comments", () => {
    expect(findings.map((f) => f.text)).toEqual(["emperor red", "depending on", "emperor red", "depending on", "american", "3,5 million"]);
  });

  it("reports offsets that point at the same words in the original file", () => {
    for (const f of findings) expect(file.text.slice(f.offset, f.offset + f.length)).toBe(f.text);
    const index = new LineIndex(file.text);
    expect(index.position(findings[1].offset)).toEqual({ line: 6, column: 18 });
  });
});

describe("HTML", () => {
  const file = read("article.html", "html");
  const findings = lintFile(file, rules);

  it("checks text content only: not script, style, code or pre", () => {
    expect(findings.map((f) => f.ruleId)).toEqual([
      "test-emperor-colour",
      "test-depending-on-source",
      "test-lowercase-nationality",
      "test-decimal-comma",
    ]);
  });

  it("maps decoded text back to the original markup", () => {
    for (const f of findings) expect(file.text.slice(f.offset, f.offset + f.length)).toBe(f.text);
    expect(findings[1].text).toBe("depending on");
    expect(findings[2].text).toBe("american");
  });

  it("keeps offsets exact after an entity whose decoded character is also in the source", () => {
    const html = "<p>R&amp;D cut &amp; AT&T: two died, depending on the police.</p>";
    const [f] = lintFile({ ...file, text: html }, rules);
    expect(html.slice(f.offset, f.offset + f.length)).toBe("depending on");
    expect(f.fix).toBe("auto");
  });

  it("never auto-fixes across markup or entities", () => {
    const entity = lintFile({ ...file, text: "<p>It cost 3,5&nbsp;million.</p>" }, rules);
    expect(entity[0].text).toBe("3,5&nbsp;million");
    expect(entity[0].fix).toBe("suggest");
  });
});

describe("blocks", () => {
  it("of plain text are paragraphs copied verbatim", () => {
    const file = decodeSource("x.txt", Buffer.from("One.\r\n\r\nTwo\r\nthree.\n\n\nFour."), "text");
    const blocks = [...extractBlocks(file)];
    expect(blocks.map((b) => b.text.trim())).toEqual(["One.", "Two\r\nthree.", "Four."]);
    for (const b of blocks) expect(file.text.slice(b.map.toSourceStart(0), b.map.toSourceEnd(b.text.length))).toBe(b.text);
  });

  it("are split at blank lines as the regular expression /\\n[ \\t\\r]*\\n/ finds them, forwards and from the end", () => {
    const random = seededRandom(5);
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: Math.floor(random() * 30) }, () => "\n \t\ra"[Math.floor(random() * 5)]).join("");
      const from = Math.floor(random() * (text.length + 1));
      // The reference: the expression, each search resumed at the second line break of the last match.
      const re = /\n[ \t\r]*\n/g;
      re.lastIndex = from;
      const first = re.exec(text);
      let last = -1;
      for (let m = first; m; m = re.exec(text)) re.lastIndex = last = m.index + m[0].length - 1;
      const found = blankLineFrom(text, from);
      expect(found ? [found[0], found[1] - found[0]] : null).toEqual(first ? [first.index, first[0].length] : null);
      expect(lastBlankLineEnd(text, from)).toBe(last);
    }
  });
});
