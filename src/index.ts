/**
 * mtlint's library API.
 *   loadRules(options)            built-in rules for a source language plus user rule files
 *   readSource(path) / decodeSource(path, bytes, type)
 *   checkSource(source, rules)    findings for one file
 *   lintText(text, rules)         findings for a plain string
 *   fixSource(source, rules)      the text with every `auto` fix applied
 *   applyEdits(text, edits)       apply non-overlapping edits
 *   formatJson / formatDiff / formatPretty   reports
 */
export * from "./types.js";
export { loadRules, readSource, checkSource, fixSource, SOURCE_LANGUAGES, type LoadOptions } from "./linter.js";
export { decodeSource, encodeSource, InputError } from "./text/source.js";
export { lintText, lintFile } from "./rules/engine.js";
export { applyEdits } from "./fix/apply.js";
export { RuleLoadError, type RawRule } from "./rules/raw.js";
export type { RuleSet } from "./rules/compile.js";
export { formatJson } from "./report/json.js";
export { formatDiff } from "./report/diff.js";
export { formatPretty } from "./report/pretty.js";
export { main, type Io } from "./cli/main.js";
