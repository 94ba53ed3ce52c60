import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./helpers.js";

/** End-to-end tests run the real bin, which imports dist/: compile the current sources first. */
export default function setup(): void {
  execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
}
