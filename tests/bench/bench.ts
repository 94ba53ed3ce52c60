/**
 * `npm run bench`: mtlint's speed against its goals (issue 6) and against two phrase-matching
 * floors, GNU grep and ripgrep. Builds its own text (tests/bench/corpus.ts) and phrase rules
 * (tests/bench/phrases.ts) in a temporary folder, runs the compiled CLI from dist/, and prints
 * one Markdown table. Times are medians of BENCH_RUNS runs (default 3; start-up: 11).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, openSync, writeSync, closeSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkSource, loadRules, decodeSource, type RuleSet } from "../../dist/index.js";
import { articles } from "./corpus.js";
import { writePhraseRules } from "./phrases.js";
import { medianRun, run, runMedian, timeIt, which, type RunResult } from "./measure.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "mtlint.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = mkdtempSync(join(tmpdir(), "mtlint-bench-"));
const loadAtStart = loadavg()[0];
const cacheDir = join(dir, "cache");
const env = { ...process.env, MTLINT_CACHE_DIR: cacheDir };

interface Row {
  measure: string;
  value: string;
  goal?: string;
  pass?: boolean;
}
const rows: Row[] = [];
const log = (text: string): void => void process.stderr.write(`bench: ${text}\n`);
const mb = (bytes: number): number => bytes / 1e6;
const fmt = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

// Inputs: one 20 MB file, the same text as 2,000 article files, a 5 KB article, a 100 MB file.
log("writing the corpus");
const texts = articles(2000, 10_000);
const big = join(dir, "news.txt");
writeFileSync(big, texts.join("\n"));
const bigBytes = readFileSync(big).length;
const folder = join(dir, "articles");
mkdirSync(folder);
texts.forEach((t, i) => writeFileSync(join(folder, `article-${String(i).padStart(4, "0")}.txt`), t));
const small = join(dir, "small.txt");
writeFileSync(small, articles(1, 5_000, 99)[0]);
const huge = join(dir, "huge.txt");
const fd = openSync(huge, "w");
for (let i = 0; i < 5; i++) writeSync(fd, texts.join("\n") + "\n");
closeSync(fd);
const rules: Record<number, { dir: string; phrases: string }> = {};
for (const n of [100, 1000, 10_000]) {
  rules[n] = { dir: join(dir, `rules-${n}`), phrases: join(dir, `phrases-${n}.txt`) };
  writePhraseRules(rules[n].dir, rules[n].phrases, n);
}
// The 120 MB just written would otherwise be flushed to disk by the kernel while the first
// measures run, taking CPU from them.
spawnSync("sync");

// In-process library throughput, one core.
async function throughput(ruleSet: RuleSet, file: string): Promise<number> {
  const source = decodeSource(file, readFileSync(file), "text");
  checkSource(source, ruleSet);
  return mb(Buffer.byteLength(source.text)) / (await timeIt(RUNS, () => checkSource(source, ruleSet)));
}
log("in-process throughput");
const shipped = await loadRules({});
const inProcess = await throughput(shipped, big);
rows.push({ measure: `library, shipped rules (${shipped.rules.length}), 20 MB, one core`, value: `${fmt(inProcess, 1)} MB/s`, goal: ">= 30 MB/s", pass: inProcess >= 30 });
const with100 = await throughput(await loadRules({ ruleFiles: [rules[100].dir] }), big);
const with10k = await throughput(await loadRules({ ruleFiles: [rules[10_000].dir] }), big);
const costRatio = with100 / with10k;
rows.push({ measure: "library, +100 phrase rules", value: `${fmt(with100, 1)} MB/s` });
rows.push({ measure: "library, +10,000 phrase rules", value: `${fmt(with10k, 1)} MB/s` });
rows.push({ measure: "time with 10,000 phrase rules / with 100", value: `${fmt(costRatio)}x`, goal: "<= 1.3x", pass: costRatio <= 1.3 });

// The whole CLI, and the floors, on the 20 MB file.
const cli = (args: string[], out = join(dir, "out.json")) => ["node", [BIN, "check", "--format", "json", ...args], out] as const;
log("whole CLI on the 20 MB file");
const firstLoad = run(...cli(["--rules", rules[10_000].dir, small]), env);
rows.push({ measure: "first load of 10,000 phrase rules (parse + verify examples, then cached)", value: `${fmt(firstLoad.seconds)} s` });
run(...cli(["--rules", rules[1000].dir, small]), env);
const cliShipped = runMedian(RUNS, ...cli([big]), env);
const cli1k = runMedian(RUNS, ...cli(["--rules", rules[1000].dir, big]), env);
const cli10k = runMedian(RUNS, ...cli(["--rules", rules[10_000].dir, big]), env);
for (const [label, r] of [["shipped rules", cliShipped], ["+1,000 phrase rules", cli1k], ["+10,000 phrase rules", cli10k]] as const) {
  rows.push({ measure: `CLI \`check --format json\`, 20 MB, ${label}`, value: `${fmt(r.seconds)} s, ${fmt(mb(bigBytes) / r.seconds, 1)} MB/s` });
}
const grep1k = runMedian(RUNS, "grep", ["-c", "-F", "-i", "-w", "-f", rules[1000].phrases, big], join(dir, "grep.out"), { ...process.env, LC_ALL: "C" });
const grep10k = runMedian(RUNS, "grep", ["-c", "-F", "-i", "-w", "-f", rules[10_000].phrases, big], join(dir, "grep.out"), { ...process.env, LC_ALL: "C" });
rows.push({ measure: "floor: `LC_ALL=C grep -c -F -i -w -f PHRASES`, 1,000 / 10,000 phrases", value: `${fmt(grep1k.seconds)} s / ${fmt(grep10k.seconds)} s` });
const vsGrep = cli1k.seconds / grep1k.seconds;
rows.push({ measure: "CLI / grep, 1,000 phrases", value: `${fmt(vsGrep, 1)}x`, goal: "<= 3x", pass: vsGrep <= 3 });
rows.push({ measure: "CLI / grep, 10,000 phrases", value: `${fmt(cli10k.seconds / grep10k.seconds, 1)}x` });
if (which("rg")) {
  const rg1k = runMedian(RUNS, "rg", ["-c", "-F", "-f", rules[1000].phrases, big], join(dir, "rg.out"));
  const rg10k = runMedian(RUNS, "rg", ["-c", "-F", "-f", rules[10_000].phrases, big], join(dir, "rg.out"));
  rows.push({ measure: "floor: `rg -c -F -f PHRASES`, 1,000 / 10,000 phrases", value: `${fmt(rg1k.seconds)} s / ${fmt(rg10k.seconds)} s` });
  rows.push({ measure: "CLI / rg, 1,000 / 10,000 phrases", value: `${fmt(cli1k.seconds / rg1k.seconds, 1)}x / ${fmt(cli10k.seconds / rg10k.seconds, 1)}x` });
} else {
  log("skipped the ripgrep floor: rg is not installed (apt-get install -y ripgrep)");
  rows.push({ measure: "floor: rg", value: "skipped: rg not installed" });
}

// Start-up, threads, memory.
log("start-up");
const startup = runMedian(Math.max(11, RUNS), ...cli([small]), env);
rows.push({ measure: "CLI on one 5 KB article (start-up)", value: `${Math.round(startup.seconds * 1000)} ms`, goal: "<= 250 ms", pass: startup.seconds <= 0.25 });
log("--jobs on 2,000 articles");
const jobs = availableParallelism();
// Interleaved (1, N, 1, N, ...), so that load from elsewhere on the machine weighs on both alike.
const oneRuns: RunResult[] = [];
const manyRuns: RunResult[] = [];
for (let i = 0; i < RUNS; i++) {
  oneRuns.push(run(...cli(["--jobs", "1", folder], join(dir, "jobs1.json")), env));
  manyRuns.push(run(...cli(["--jobs", String(jobs), folder], join(dir, "jobsN.json")), env));
}
const one = medianRun(oneRuns);
const many = medianRun(manyRuns);
const same = readFileSync(join(dir, "jobs1.json")).equals(readFileSync(join(dir, "jobsN.json")));
const speedup = one.seconds / many.seconds;
rows.push({ measure: `2,000 articles: --jobs 1 / --jobs ${jobs}`, value: `${fmt(one.seconds)} s / ${fmt(many.seconds)} s` });
rows.push({ measure: `--jobs ${jobs} speed-up over --jobs 1 (output identical: ${same ? "yes" : "NO"})`, value: `${fmt(speedup)}x`, goal: ">= 1.8x on 2 cores", pass: speedup >= 1.8 && same });
rows.push({ measure: `peak RSS, 2,000-article folder (--jobs ${jobs})`, value: `${fmt(many.rssMB, 0)} MB`, goal: "<= 200 MB", pass: many.rssMB <= 200 });
log("the 100 MB file (one run)");
const hugeRun = run(...cli([huge]), env);
rows.push({ measure: `peak RSS, one 100 MB file (${fmt(hugeRun.seconds, 1)} s)`, value: `${fmt(hugeRun.rssMB, 0)} MB`, goal: "<= 200 MB", pass: hugeRun.rssMB <= 200 });

rmSync(dir, { recursive: true, force: true });
const mark = (r: Row): string => (r.pass === undefined ? "" : r.pass ? "pass" : "FAIL");
console.log(`| measure | result | goal | |\n| --- | --- | --- | --- |`);
for (const r of rows) console.log(`| ${r.measure} | ${r.value} | ${r.goal ?? ""} | ${mark(r)} |`);
console.log(`\nMedians of ${RUNS} runs (start-up: ${Math.max(11, RUNS)}) on ${availableParallelism()} cores, Node ${process.version}; load average (1 min) ${fmt(loadAtStart)} at the start, ${fmt(loadavg()[0])} at the end.`);
