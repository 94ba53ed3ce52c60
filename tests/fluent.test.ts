import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildDocuments, readJsonl } from "../src/eval/jsonl.js";
import { checkSource, loadRules } from "../src/linter.js";
import { LineIndex } from "../src/text/source.js";
import { ROOT, SHARED, sharedAvailable } from "./helpers.js";

interface Reviewed {
  record: string;
  field: string;
  rule: string;
  reason: string;
}

/** The human English of the real-data files, as `npm run falsealarms` reads it. */
const FLUENT = [
  { file: "lig-fr-en.dev.jsonl", docField: "doc", fields: ["postedit", "reference"] },
  { file: "wmt13-fr-en.dev.jsonl", docField: "docid", fields: ["reference"] },
];

// The body is collected even when skipped, so the reading happens in beforeAll.
describe.runIf(sharedAvailable("data"))("flags on fluent human English", () => {
  let reviewed: Reviewed[];
  let known: Set<string>;
  const flags: string[] = [];
  beforeAll(async () => {
    const rules = await loadRules({});
    reviewed = (parse(readFileSync(join(ROOT, "tests", "fixtures", "fluent-review.yaml"), "utf8")) as { reviewed: Reviewed[] }).reviewed;
    known = new Set(reviewed.map((r) => `${r.record}\t${r.field}\t${r.rule}`));
    for (const { file, docField, fields } of FLUENT) {
      const records = readJsonl(join(SHARED, "data", file));
      for (const field of fields) {
        for (const doc of buildDocuments(records, field, docField, file)) {
          const lines = new LineIndex(doc.text);
          for (const f of checkSource({ path: doc.id, text: doc.text, bom: false, type: "text" }, rules).findings) {
            if (f.severity !== "info") flags.push(`${String(doc.records[lines.lineOf(f.offset)].id)}\t${field}\t${f.ruleId}`);
          }
        }
      }
    }
  });

  it("are all French leftovers reviewed by hand (tests/fixtures/fluent-review.yaml)", () => {
    expect(flags.filter((f) => !known.has(f))).toEqual([]);
  });

  it("match the review exactly: an entry whose flag is gone must be removed from it", () => {
    const seen = new Set(flags);
    expect(reviewed.filter((r) => !seen.has(`${r.record}\t${r.field}\t${r.rule}`)).map((r) => `${r.record} ${r.rule}`)).toEqual([]);
  });
});
