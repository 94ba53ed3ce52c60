/** Build step: verifies the built-in rules and writes the start-up caches (verified rules, compiled set) next to the compiled code. */
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { builtinRulesetDir, cachePath, compileRuleSet, readRuleFiles, rulesDigest, writeCompiledBuiltin, type RawRuleSet } from "./load.js";
import { RuleLoadError } from "./raw.js";

const root = join(builtinRulesetDir("fr-en"), "..");
try {
  for (const pair of readdirSync(root)) {
    const dir = join(root, pair);
    if (!statSync(dir).isDirectory()) continue;
    const language = pair.split("-")[0];
    const raw = await readRuleFiles([dir], join(root, "..", ".."));
    compileRuleSet(raw, true);
    const out = cachePath(language);
    mkdirSync(dirname(out), { recursive: true });
    const json = JSON.stringify({ digest: rulesDigest(dir), ...raw });
    writeFileSync(out, json);
    // Compiled from the rules as start-up reads them back from the JSON, not from the YAML objects.
    const { rules, classes } = JSON.parse(json) as RawRuleSet;
    writeCompiledBuiltin(language, compileRuleSet({ rules, classes }, false));
    console.log(`mtlint: ${raw.rules.length} ${pair} rules verified and cached`);
  }
} catch (e) {
  if (!(e instanceof RuleLoadError)) throw e;
  console.error(`mtlint: ${e.message}`);
  process.exitCode = 1;
}
