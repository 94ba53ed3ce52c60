import { Option, type Command } from "commander";
import { CATEGORIES, SEVERITIES, type Severity } from "../../types.js";
import { loadRules } from "../../linter.js";
import { EXIT_OK, type Io } from "../io.js";
import { collect } from "../options.js";

interface RulesOptions {
  from: string;
  rules?: string[];
  category?: string;
  severity?: Severity;
  stats?: boolean;
  format: string;
}

/** Lists the rules, or counts them per category and severity. */
async function runRules(opts: RulesOptions, io: Io): Promise<number> {
  const ruleSet = await loadRules({ from: opts.from, ruleFiles: opts.rules });
  const rules = ruleSet.rules.filter((r) => (!opts.category || r.category === opts.category) && (!opts.severity || r.severity === opts.severity));
  if (opts.stats) {
    const count = (list: typeof rules, s: Severity): number => list.filter((r) => r.severity === s).length;
    const lines = CATEGORIES.map((c) => [c, rules.filter((r) => r.category === c)] as const)
      .filter(([, list]) => list.length > 0)
      .map(([c, list]) => `| ${c} | ${list.length} | ${count(list, "error")} | ${count(list, "warning")} | ${count(list, "info")} |`);
    io.stdout(
      ["| category | rules | error | warning | info |", "| --- | ---: | ---: | ---: | ---: |", ...lines, `| total | ${rules.length} | ${count(rules, "error")} | ${count(rules, "warning")} | ${count(rules, "info")} |`].join("\n") + "\n",
    );
  } else if (opts.format === "json") {
    const list = rules.map((r) => ({ id: r.id, category: r.category, severity: r.severity, fix: r.fix, message: r.message, explanation: r.explanation, examples: r.raw.examples }));
    io.stdout(JSON.stringify(list, null, 2) + "\n");
  } else {
    for (const r of rules) io.stdout(`${r.id}\t${r.category}\t${r.severity}\t${r.fix}\t${r.message}\n`);
  }
  return EXIT_OK;
}

export function registerRules(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("rules")
    .description("list the rules")
    .option("--from <lang>", "source language of the translation", "fr")
    .option("--rules <path>", "extra rule file or folder (YAML); repeatable", collect, [])
    .addOption(new Option("--category <name>", "only this category").choices([...CATEGORIES]))
    .addOption(new Option("--severity <level>", "only this severity").choices([...SEVERITIES]))
    .option("--stats", "counts per category and severity")
    .addOption(new Option("--format <name>", "output format").choices(["text", "json"]).default("text"))
    .action(async (opts: RulesOptions) => setExit(await runRules(opts, io)));
}
