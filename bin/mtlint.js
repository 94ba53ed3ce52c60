#!/usr/bin/env node
// Shim over the compiled CLI (built by `npm ci` through the prepare script).
import { main } from "../dist/cli/main.js";
import { processIo } from "../dist/cli/process-io.js";

process.exitCode = await main(process.argv.slice(2), processIo());
