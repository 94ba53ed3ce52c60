import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const SHARED = join(ROOT, "..", "shared");
export const SEED = join(SHARED, "seeds", "000_bef628bb8dccbd9d.txt");

/** Whether ../shared is beside the checkout; tests that need it skip, saying so, where it is not. */
export function sharedAvailable(what: string): boolean {
  const ok = existsSync(join(SHARED, what));
  if (!ok) console.warn(`skipped: ../shared/${what} is absent (outside the mtlint workplace)`);
  return ok;
}
