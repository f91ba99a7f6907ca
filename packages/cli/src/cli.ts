#!/usr/bin/env node
// `seedance`: runs the command line and turns its outcome into an exit code (see README).
import { createRequire } from "node:module";
import { CommanderError } from "commander";
import { EXIT, exitCodeFor, messageFor } from "./errors.ts";
import { createProgram } from "./program.ts";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };
const interrupt = new AbortController();
// The first Ctrl-C aborts the call (the bar is cleaned up, exit 130); a second one exits at once.
process.on("SIGINT", () => (interrupt.signal.aborted ? process.exit(EXIT.interrupted) : interrupt.abort()));

try {
  await createProgram({ signal: interrupt.signal, stdin: process.stdin, version }).parseAsync();
} catch (error) {
  // Commander has already printed its own usage errors.
  if (!(error instanceof CommanderError)) process.stderr.write(`seedance: ${messageFor(error)}\n`);
  process.exitCode = exitCodeFor(error);
}
