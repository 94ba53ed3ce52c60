import { renameSync, statSync, unlinkSync, writeFileSync, chmodSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Replaces a file's content atomically: a temporary file beside it, then a rename. */
export function writeAtomic(path: string, data: Buffer): void {
  const tmp = join(dirname(path), `.${basename(path)}.mtlint-${process.pid}.tmp`);
  const mode = statSync(path).mode;
  try {
    writeFileSync(tmp, data, { flag: "wx" });
    chmodSync(tmp, mode & 0o7777);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // The temporary file was never created.
    }
    throw e;
  }
}
