import { Option, type Command } from "commander";
import { SEVERITIES, type Severity } from "../../types.js";
import { loadRules } from "../../linter.js";
import { InputError } from "../../text/source.js";
import { loadExtractor } from "../../text/extract.js";
import { EXIT_OK, type Io } from "../io.js";

const DEFAULT_CORPUS = "corpus/fr-en";

interface EvalOptions {
  from: string;
  rules?: string[];
  minSeverity: Severity;
  format: "text" | "json";
  verbose?: boolean;
  jsonl?: string;
  mtField?: string[];
  checkField?: string[];
  docField: string;
  seed: string;
}

/** Scores the gold corpus in `dir`, or with --jsonl the flags on real MT output; prints the tables. */
async function runEval(dir: string | undefined, opts: EvalOptions, io: Io): Promise<number> {
  if (!opts.jsonl && (opts.mtField || opts.checkField)) throw new InputError("--mt-field and --check-field need --jsonl FILE");
  if (opts.jsonl && dir !== undefined) throw new InputError("give either a corpus folder or --jsonl FILE, not both");
  if (opts.jsonl && !opts.mtField) throw new InputError("--jsonl needs --mt-field (the text field to check)");
  const seed = Number(opts.seed);
  if (!Number.isSafeInteger(seed)) throw new InputError(`--seed must be an integer, not "${opts.seed}"`);
  const json = opts.format === "json";
  // The scoring modules load here, not at every start of the CLI.
  const [{ evaluateCorpus }, { loadGoldDir }, { buildDocuments, readJsonl }, { scoreRealData }, { formatCorpusJson, formatCorpusText, formatRealJson, formatRealText }] = await Promise.all([
    import("../../eval/corpus.js"),
    import("../../eval/gold.js"),
    import("../../eval/jsonl.js"),
    import("../../eval/realdata.js"),
    import("../../eval/report.js"),
    loadExtractor("markdown"),
    loadExtractor("html"),
  ]);

  // Inputs are read and checked before the rules load, so that a bad gold or JSONL file is named first.
  if (opts.jsonl) {
    const file = opts.jsonl;
    const records = readJsonl(file);
    const checkFields = opts.checkField ?? [];
    const perField = opts.mtField!.map((field) => ({ field, docs: buildDocuments(records, field, opts.docField, file) }));
    const ruleSet = await loadRules({ from: opts.from, ruleFiles: opts.rules });
    const scores = perField.map(({ field, docs }) => scoreRealData(docs, ruleSet, { field, checkFields, min: opts.minSeverity, seed }));
    io.stdout(json ? formatRealJson(scores, file, opts.minSeverity) : formatRealText(scores, file, opts.minSeverity));
    return EXIT_OK;
  }

  const corpus = dir ?? DEFAULT_CORPUS;
  const articles = await loadGoldDir(corpus);
  const score = evaluateCorpus(articles, await loadRules({ from: opts.from, ruleFiles: opts.rules }), opts.minSeverity);
  io.stdout(json ? formatCorpusJson(score, opts.minSeverity, !!opts.verbose) : formatCorpusText(score, corpus, opts.minSeverity, !!opts.verbose));
  return EXIT_OK;
}

export function registerEval(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("eval")
    .description("measure precision, recall and fix accuracy on a gold corpus, or flags on real MT output (--jsonl)")
    .argument("[dir]", `folder of articles with <name>.gold.yaml files (default ${DEFAULT_CORPUS})`)
    .option("--from <lang>", "source language of the translation", "fr")
    .option("--rules <path...>", "extra rule files or folders (YAML)")
    .addOption(new Option("--min-severity <level>", "count findings at this severity or above").choices([...SEVERITIES]).default("warning"))
    .addOption(new Option("--format <name>", "output format").choices(["text", "json"]).default("text"))
    .option("--verbose", "list missed errors, unlisted findings and wrong fixes with file:line")
    .option("--jsonl <file>", "real-data mode: JSON Lines, one segment per record")
    .option("--mt-field <path...>", "field(s) holding the text to check (dotted paths, e.g. mt.online-A)")
    .option("--check-field <path...>", "human version(s) of the segment (post-edit, reference); none: count flags only, for fluent text")
    .option("--doc-field <path>", "field grouping segments into documents", "doc")
    .option("--seed <n>", "seed of the random baseline spans", "1")
    .action(async (dir: string | undefined, opts: EvalOptions) => setExit(await runEval(dir, opts, io)));
}
