import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource } from "../src/linter.js";
import { locate } from "../src/report/context.js";
import { buildRuleSet } from "../src/rules/compile.js";
import { parseRuleFile } from "../src/rules/load.js";
import { checkPlainStream, plainStreamFindings } from "../src/stream/check-stream.js";
import { formatJson, JSON_HEAD, JsonFileWriter, jsonFileEntry, jsonFileSeparator, jsonTail } from "../src/report/json.js";
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

describe("the JSON report written piece by piece", () => {
  const texts = ["Leaders met at a vertex in Hanoi.\n\nIt cost 3,5 million.\n", "Nothing to report here.\n", sample(40)];
  const results = texts.map((text, i) => checkSource(decodeSource(`dir\\f${i}.txt`, Buffer.from(text), "text"), ruleSet));

  it("puts together to what formatJson gives, for no file, one file and several", () => {
    for (const n of [0, 1, 3]) {
      const part = results.slice(0, n);
      const pieces = JSON_HEAD + part.map((r, i) => jsonFileSeparator(i) + jsonFileEntry(r)).join("") + jsonTail(n);
      expect(pieces).toBe(formatJson(part));
    }
  });

  it("writes a file's findings window by window as formatJson writes them all", async () => {
    const path = join(dir, "pieces.txt");
    writeFileSync(path, sample(300));
    for (const windowChars of [64, 1 << 20]) {
      let out = "";
      const writer = new JsonFileWriter((text) => (out += text));
      writer.open(path);
      for await (const batch of plainStreamFindings(path, ruleSet, windowChars, 100)) writer.findings(batch);
      writer.close();
      expect(JSON_HEAD + jsonFileSeparator(0) + out + jsonTail(1)).toBe(formatJson([await checkPlainStream(path, ruleSet)]));
    }
    let empty = "";
    const writer = new JsonFileWriter((text) => (empty += text));
    writer.open("none.txt");
    writer.close();
    expect(JSON_HEAD + jsonFileSeparator(0) + empty + jsonTail(1)).toBe(formatJson([{ ...results[1], path: "none.txt", findings: [] }]));
  });
});
