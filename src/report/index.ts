import type { FileResult } from "../types.js";

export interface ReportOptions {
  color: boolean;
}

/** A report is a pure function from results to text. Modules load on demand to keep start-up short. */
type Formatter = (results: FileResult[], options: ReportOptions) => string;

const FORMATS: Record<string, () => Promise<Formatter>> = {
  pretty: async () => (await import("./pretty.js")).formatPretty,
  diff: async () => (await import("./diff.js")).formatDiff,
  json: async () => (await import("./json.js")).formatJson,
  github: async () => (await import("./github.js")).formatGithub,
  sarif: async () => (await import("./sarif.js")).formatSarif,
  rdjsonl: async () => (await import("./rdjson.js")).formatRdjsonl,
  rdjson: async () => (await import("./rdjson.js")).formatRdjson,
  junit: async () => (await import("./junit.js")).formatJunit,
  checkstyle: async () => (await import("./checkstyle.js")).formatCheckstyle,
};

export const FORMAT_NAMES = Object.keys(FORMATS);

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  return FORMATS[name]?.();
}
