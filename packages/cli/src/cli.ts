#!/usr/bin/env node
// `seedance`: runs the command line and turns its outcome into an exit code (see README).
import { createRequire } from "node:module";
import { reportError } from "./error-report.ts";
import { EXIT } from "./errors.ts";
import { createProgram } from "./program.ts";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };
const interrupt = new AbortController();
// The first Ctrl-C aborts the call (the bar is cleaned up, a wait says how to resume, exit 130);
// a second one exits at once.
process.on("SIGINT", () => (interrupt.signal.aborted ? process.exit(EXIT.interrupted) : interrupt.abort()));

const args = process.argv.slice(2);
// Read before parsing, so that even a usage error is reported as JSON.
const json = args.slice(0, args.includes("--") ? args.indexOf("--") : undefined).includes("--json");
let program: ReturnType<typeof createProgram> | undefined;
try {
  program = createProgram({ signal: interrupt.signal, stdin: process.stdin, version, json });
  await program.parseAsync();
} catch (error) {
  const { baseUrl, apiKey } = program?.opts<{ baseUrl?: string; apiKey?: string }>() ?? {};
  process.exitCode = reportError(error, { json, baseUrl, apiKey });
}
