import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource } from "../src/linter.js";
import { locate } from "../src/report/context.js";
import { buildRuleSet } from "../src/rules/compile.js";
import { parseRuleFile } from "../src/rules/load.js";
import { checkPlainStream } from "../src/stream/check-stream.js";
import { decodeSource } from "../src/text/source.js";
import { plainWindows } from "../src/text/stream.js";
import { ROOT } from "./helpers.js";

const RULES = join(ROOT, "tests", "fixtures", "speed", "rules.yaml");
const raw = await parseRuleFile(RULES, readFileSync(RULES, "utf8"));
const ruleSet = buildRuleSet(raw.rules, raw.classes);
const dir = mkdtempSync(join(tmpdir(), "mtlint-stream-"));

/** Paragraphs with findings of every rule kind, separated by every kind of blank line. */
function sample(paragraphs: number): string {
  const separators = ["\n\n", "\n \n", "\r\n\r\n", "\n\n\n", "\n\t\n\n"];
  const bodies = [
    "Leaders met at a vertex in Hanoi. Prices rose, depending on the police.",
    "Élodie paid 3,5 million “euros” at the vertex.\nTranslated automatically",
    "Translated automatically",
    "Nothing to report here; the weather in Montréal was fine.",
  ];
  let text = "\ufeff";
  for (let i = 0; i < paragraphs; i++) text += bodies[i % bodies.length] + separators[i % separators.length];
  return text;
}

describe("plain text read as a stream", () => {
  const text = sample(400);
  const path = join(dir, "big.txt");
  writeFileSync(path, text);
  const whole = locate(checkSource(decodeSource(path, readFileSync(path), "text"), ruleSet)).findings;

  it("finds what reading the whole file finds, with the same offsets and positions", async () => {
    expect(whole.length).toBeGreaterThan(500);
    for (const [windowChars, chunkBytes] of [[64, 7], [1000, 333], [1 << 20, 1 << 20]]) {
      const streamed = await checkPlainStream(path, ruleSet, windowChars, chunkBytes);
      expect(streamed.findings).toEqual(whole);
    }
  });

  it("cuts windows only between paragraphs and covers the text once", async () => {
    const body = text.slice(1);
    let rebuilt = "";
    let windows = 0;
    for await (const w of plainWindows(path, 64, 5)) {
      windows++;
      // Windows overlap by the one line break that both close and open a blank line.
      rebuilt = rebuilt.slice(0, w.offset) + w.text;
      expect(w.lineStart).toBe(body.lastIndexOf("\n", w.offset - 1) + 1);
      expect(w.line).toBe(body.slice(0, w.offset).split("\n").length - 1);
    }
    expect(windows).toBeGreaterThan(10);
    expect(rebuilt).toBe(body);
  });

  it("rejects bytes that are not UTF-8, on one line", async () => {
    const bad = join(dir, "bad.txt");
    writeFileSync(bad, Buffer.from([0x41, 0xff, 0x42]));
    await expect(checkPlainStream(bad, ruleSet)).rejects.toThrow(`${bad}: not valid UTF-8`);
  });
});
